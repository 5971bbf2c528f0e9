package sqlexec

// SQLite's process-wide sources of non-determinism, pinned: its PRNG
// (which chooses the rowid of an insert once the largest rowid is taken)
// and its localtime() (the 'localtime' and 'utc' date modifiers).

import (
	"sync"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// prngMu serializes the statements that draw from SQLite's PRNG after
// seeding it. The PRNG is one per process: without the lock, another apply
// connection of the same process (several nodes in one test binary) could
// draw from it in between. Read connections never draw from it: random()
// and randomblob() are det.go's on every connection, and temp_store is
// MEMORY, so SQLite names no temporary files.
var prngMu sync.Mutex

// withSQLitePRNG runs fn with SQLite's PRNG reset to a state that depends
// only on seed (never 0: 0 means "ask the VFS", i.e. /dev/urandom).
func withSQLitePRNG(tls *libc.TLS, seed uint32, fn func()) {
	if seed == 0 {
		seed = 1
	}
	prngMu.Lock()
	defer prngMu.Unlock()
	va := libc.NewVaList(int32(seed), uintptr(0))
	// SQLITE_TESTCTRL_PRNG_SEED sets the seed and resets the PRNG, which
	// reinitializes from the seed at its next use.
	lib.Xsqlite3_test_control(tls, lib.SQLITE_TESTCTRL_PRNG_SEED, va)
	libc.Xfree(tls, va)
	fn()
}

// sqlitePRNGSeed derives the seed of SQLite's PRNG for statement stmt of
// an entry from the entry's seed.
func sqlitePRNGSeed(seed uint64, stmt int) uint32 {
	x := seed ^ (uint64(stmt)+1)*0x9E3779B97F4A7C15
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 32
	return uint32(x)
}

var localtimeOnce sync.Once

// pinLocaltimeUTC makes SQLite's localtime() UTC in this process, so that
// date('now', 'localtime') and the 'utc' modifier give the same value on
// nodes running in different time zones. raftsql's TimeZone is UTC
// (SHOW timezone), so reads agree with it too.
func pinLocaltimeUTC() {
	localtimeOnce.Do(func() {
		tls := libc.NewTLS()
		defer tls.Close()
		va := libc.NewVaList(int32(2), cFuncPointer(utcLocaltime))
		lib.Xsqlite3_test_control(tls, lib.SQLITE_TESTCTRL_LOCALTIME_FAULT, va)
		libc.Xfree(tls, va)
	})
}

// utcLocaltime is SQLite's alternative localtime(): gmtime_r. It returns
// 0 on success, as SQLite expects.
func utcLocaltime(tls *libc.TLS, t, pTm uintptr) int32 {
	if libc.Xgmtime_r(tls, t, pTm) == 0 {
		return 1
	}
	return 0
}
