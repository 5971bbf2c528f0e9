package sqlexec

// Determinism: a per-connection clock (through a wrapper VFS whose
// xCurrentTimeInt64 returns a pinned timestamp) and per-connection overrides
// of random(), randomblob(), now(), gen_random_uuid() & co.

import (
	"database/sql/driver"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// detState is the deterministic environment of one connection.
type detState struct {
	// upserted: the rowids the running statement's DO UPDATE updated
	// (upsertxmax.go), under mu
	upserted map[int64]struct{}
	id       uintptr
	clock    func() time.Time // the wall clock when not pinned
	sleep    func(time.Duration)
	nowUS    atomic.Int64 // pinned clock (unix µs); 0 = wall clock
	mu       sync.Mutex
	rng      *rand.Rand
	pinned   bool
	// prngSeed seeds SQLite's PRNG for the pinned statement (pinsqlite.go).
	prngSeed uint32
	// settings answers current_setting() on read connections: the
	// session using the connection sets it (nil = defaults).
	settings atomic.Pointer[map[string]string]
	// setConfig is set_config() of the session using the connection (nil:
	// none, set_config is refused; setconfig.go).
	setConfig atomic.Pointer[setConfigFunc]
	// dbName, userName answer current_database() and current_user on this
	// connection for the session using it (nil = the process defaults).
	dbName   atomic.Pointer[string]
	userName atomic.Pointer[string]
	// zone is the TimeZone of the session whose statements run on this
	// connection (on the apply connection: the entry's, Command.TimeZone);
	// nil = UTC. Zone-dependent date/time input reads it (det_datetime.go).
	zone atomic.Pointer[time.Location]
	// unbind is unbindSession's function, made once.
	unbind func()
	// apply: the apply connection, where pg_sleep() must not sleep (it
	// would stall the cluster; speculation runs there too).
	apply bool
	// conn is the apply connection, on which the sequence functions run
	// their own statements; seq is the sequence history of the session
	// whose statements run there (sequences.go).
	conn *lconn
	seq  *seqSession
}

// bindNames sets the session names for current_database()/current_user.
func (d *detState) bindNames(db, user string) {
	d.dbName.Store(&db)
	d.userName.Store(&user)
}

// unbindSession returns the function that undoes Session.bindConn: the
// connection's settings, names and time zone back to the defaults. It is
// made once per connection (the connection's user holds lconn.mu).
func (d *detState) unbindSession() func() {
	if d.unbind == nil {
		d.unbind = func() {
			d.nowUS.Store(0) // the clock bindConn held
			d.settings.Store(nil)
			d.setConfig.Store(nil)
			d.unbindNames()
		}
	}
	return d.unbind
}

// unbindNames returns the connection to the process defaults: its names
// and its time zone (UTC).
func (d *detState) unbindNames() {
	d.dbName.Store(nil)
	d.userName.Store(nil)
	d.zone.Store(nil)
}

// bindZone sets the session time zone (nil = UTC).
func (d *detState) bindZone(loc *time.Location) { d.zone.Store(loc) }

// zoneLoc is the session time zone bound to the connection, UTC if none.
func (d *detState) zoneLoc() *time.Location {
	if loc := d.zone.Load(); loc != nil {
		return loc
	}
	return time.UTC
}

var (
	detMu     sync.Mutex
	detNext   uintptr
	detStates = map[uintptr]*detState{}
)

func newDetState(opts *Options) *detState {
	detMu.Lock()
	defer detMu.Unlock()
	detNext++
	d := &detState{id: detNext, clock: opts.Clock, sleep: opts.Sleep, rng: rand.New(rand.NewPCG(uint64(opts.Clock().UnixNano()), 1))}
	detStates[d.id] = d
	return d
}

func (d *detState) release() {
	detMu.Lock()
	delete(detStates, d.id)
	detMu.Unlock()
}

func lookupDet(id uintptr) *detState {
	detMu.Lock()
	d := detStates[id]
	detMu.Unlock()
	return d
}

// pin fixes the clock and the PRNG for statement number stmt of a command.
func (d *detState) pin(tsUS int64, seed uint64, stmt int) {
	if tsUS == 0 {
		tsUS = 1
	}
	d.nowUS.Store(tsUS)
	d.mu.Lock()
	d.rng = rand.New(rand.NewPCG(seed, uint64(stmt)*0x9E3779B97F4A7C15+1))
	d.pinned = true
	d.prngSeed = sqlitePRNGSeed(seed, stmt)
	d.mu.Unlock()
}

// sqliteSeed is the seed for SQLite's own PRNG while a statement runs,
// ok=false when the connection is not pinned.
func (d *detState) sqliteSeed() (seed uint32, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.prngSeed, d.pinned
}

func (d *detState) unpin() {
	d.nowUS.Store(0)
	d.mu.Lock()
	d.pinned = false
	d.rng = rand.New(rand.NewPCG(uint64(d.clock().UnixNano()), 2))
	d.mu.Unlock()
}

func (d *detState) now() time.Time {
	if us := d.nowUS.Load(); us != 0 {
		return time.UnixMicro(us).UTC()
	}
	return d.clock().UTC()
}

func (d *detState) uint64() uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rng.Uint64()
}

// ---- VFS ----

var (
	vfsMu   sync.Mutex
	vfsByID = map[uintptr]string{}
)

// registerClockVFS registers a copy of the default VFS whose clock is d's.
func registerClockVFS(d *detState) (string, error) {
	vfsMu.Lock()
	defer vfsMu.Unlock()
	if name, ok := vfsByID[d.id]; ok {
		return name, nil
	}
	tls := libc.NewTLS()
	defer tls.Close()
	base := lib.Xsqlite3_vfs_find(tls, 0)
	if base == 0 {
		return "", fmt.Errorf("sqlexec: no default sqlite vfs")
	}
	name := fmt.Sprintf("raftsql-apply-%d", d.id)
	zName, err := libc.CString(name) // never freed: the VFS lives forever
	if err != nil {
		return "", err
	}
	size := unsafe.Sizeof(lib.Tsqlite3_vfs{})
	p := libc.Xmalloc(tls, uint64(size))
	v := (*lib.Tsqlite3_vfs)(cptr(p))
	*v = *(*lib.Tsqlite3_vfs)(cptr(base))
	v.FpNext = 0
	v.FzName = zName
	// pAppData of the unix VFS is used by its methods (it points at the
	// finder); keep it and store our id in a side table keyed by the vfs
	// pointer instead.
	wrapWALOpen(v) // walframes.go: one pwrite per WAL frame
	v.FxCurrentTimeInt64 = cFuncPointer(vfsCurrentTimeInt64)
	v.FxCurrentTime = cFuncPointer(vfsCurrentTime)
	if v.FiVersion < 2 {
		v.FiVersion = 2
	}
	vfsClock.Store(p, d)
	if rc := lib.Xsqlite3_vfs_register(tls, p, 0); rc != lib.SQLITE_OK {
		return "", fmt.Errorf("sqlexec: sqlite3_vfs_register: %d", rc)
	}
	vfsByID[d.id] = name
	return name, nil
}

var vfsClock sync.Map // vfs pointer -> *detState

const julianEpochMS = 210866760000000 // unix epoch in julian day ms

func clockMS(pVfs uintptr) int64 {
	if x, ok := vfsClock.Load(pVfs); ok {
		d := x.(*detState)
		if us := d.nowUS.Load(); us != 0 {
			return us / 1000
		}
		return d.clock().UnixMilli()
	}
	return time.Now().UnixMilli()
}

func vfsCurrentTimeInt64(tls *libc.TLS, pVfs uintptr, piNow uintptr) int32 {
	*(*int64)(cptr(piNow)) = julianEpochMS + clockMS(pVfs)
	return lib.SQLITE_OK
}

func vfsCurrentTime(tls *libc.TLS, pVfs uintptr, prNow uintptr) int32 {
	*(*float64)(cptr(prNow)) = float64(julianEpochMS+clockMS(pVfs)) / 86400000.0
	return lib.SQLITE_OK
}

// cFuncPointer converts a top-level Go function to the C function pointer
// representation used by modernc's transpiled code.
func cFuncPointer[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// ---- functions ----

const sqliteTransient = ^uintptr(0)

func resultText(tls *libc.TLS, ctx uintptr, s string) {
	z, _ := libc.CString(s)
	lib.Xsqlite3_result_text(tls, ctx, z, int32(len(s)), sqliteTransient)
	libc.Xfree(tls, z)
}

func ctxDet(tls *libc.TLS, ctx uintptr) *detState {
	d := lookupDet(lib.Xsqlite3_user_data(tls, ctx))
	if d == nil {
		d = &detState{clock: time.Now, sleep: time.Sleep, rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))}
	}
	return d
}

func fnRandom(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	lib.Xsqlite3_result_int64(tls, ctx, int64(ctxDet(tls, ctx).uint64()))
}

func fnRandomBlob(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	v := *(*uintptr)(cptr(argv))
	n := lib.Xsqlite3_value_int64(tls, v)
	if n < 1 {
		n = 1
	}
	if n > 1<<20 {
		z, _ := libc.CString("randomblob: too big")
		lib.Xsqlite3_result_error(tls, ctx, z, -1)
		libc.Xfree(tls, z)
		return
	}
	b := make([]byte, n)
	for i := 0; i < len(b); i += 8 {
		x := d.uint64()
		for j := 0; j < 8 && i+j < len(b); j++ {
			b[i+j] = byte(x >> (8 * j))
		}
	}
	m := libc.Xmalloc(tls, uint64(n))
	copy((*libc.RawMem)(cptr(m))[:n:n], b)
	lib.Xsqlite3_result_blob(tls, ctx, m, int32(n), sqliteTransient)
	libc.Xfree(tls, m)
}

// fnNow returns the (pinned) time as PostgreSQL timestamptz text that
// SQLite's date functions can parse.
func fnNow(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	resultText(tls, ctx, ctxDet(tls, ctx).now().Format("2006-01-02 15:04:05.000000+00:00"))
}

// fnPgNow is pg_now(), the translation of now() and CURRENT_TIMESTAMP
// (pgdialect's nowSQL): the connection's clock with its microseconds.
func fnPgNow(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	resultText(tls, ctx, pgdialect.NowText(ctxDet(tls, ctx).now()))
}

func fnUUID(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	var b [16]byte
	a, c := d.uint64(), d.uint64()
	for i := 0; i < 8; i++ {
		b[i] = byte(a >> (8 * i))
		b[8+i] = byte(c >> (8 * i))
	}
	resultText(tls, ctx, pgdialect.UUIDString(b[:]))
}

func resultError(tls *libc.TLS, ctx uintptr, msg string) {
	z, _ := libc.CString(msg)
	lib.Xsqlite3_result_error(tls, ctx, z, -1)
	libc.Xfree(tls, z)
}

// fnCurrentSetting implements current_setting(name [, missing_ok]) from
// the settings of the session using the connection.
func fnCurrentSetting(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if argc < 1 || argc > 2 {
		resultError(tls, ctx, "wrong number of arguments to function current_setting()")
		return
	}
	d := ctxDet(tls, ctx)
	v0 := *(*uintptr)(cptr(argv))
	name := strings.ToLower(libc.GoString(lib.Xsqlite3_value_text(tls, v0)))
	missingOK := false
	if argc == 2 {
		missingOK = lib.Xsqlite3_value_int64(tls, *(*uintptr)(cptr(argv + 8))) != 0
	}
	var m map[string]string
	if p := d.settings.Load(); p != nil {
		m = *p
	}
	if v, ok := m[name]; ok {
		resultText(tls, ctx, v)
		return
	}
	if fallback := currentSettingFallback; fallback != nil {
		if v, ok := fallback(name); ok {
			resultText(tls, ctx, v)
			return
		}
	}
	if missingOK {
		lib.Xsqlite3_result_null(tls, ctx)
		return
	}
	resultError(tls, ctx, fmt.Sprintf("unrecognized configuration parameter \"%s\"", name))
}

// currentSettingFallback answers current_setting on connections without
// session settings (the apply connection: values must not depend on the
// session, so only fixed server values are known there).
var currentSettingFallback = func(name string) (string, bool) {
	switch name {
	case "server_version":
		return pgdialect.PostgresVersion, true
	case "server_version_num":
		return pgdialect.ServerVersionNum(pgdialect.PostgresVersion), true
	case "server_encoding", "client_encoding":
		return "UTF8", true
	case "standard_conforming_strings", "integer_datetimes":
		return "on", true
	case "max_identifier_length":
		return "63", true
	case "timezone":
		return "UTC", true
	case "datestyle":
		return "ISO, MDY", true
	}
	return "", false
}

// detFunction is a function installed per connection by det.go.
type detFunction struct {
	name string
	n    int32
	fp   uintptr
	// flags: SQLITE_DETERMINISTIC where the global registration it
	// replaces had it (SQLite refuses other functions in CHECKs,
	// generated columns and index expressions).
	flags int32
}

// detFunctions are pinned on the apply connection: their value there is a
// function of the entry's time, seed, database and user names only, so
// they may enter the log (see writeFunctionAllowed).
// (datetimeDetFunctions: det_datetime.go)
var detFunctions = append([]detFunction{
	{"random", 0, cFuncPointer(fnRandom), 0},
	{"randomblob", 1, cFuncPointer(fnRandomBlob), 0},
	{"now", 0, cFuncPointer(fnNow), 0},
	{"transaction_timestamp", 0, cFuncPointer(fnNow), 0},
	{"statement_timestamp", 0, cFuncPointer(fnNow), 0},
	{"clock_timestamp", 0, cFuncPointer(fnNow), 0},
	{"pg_now", 0, cFuncPointer(fnPgNow), 0},
	{"gen_random_uuid", 0, cFuncPointer(fnUUID), 0},
	{"uuid_generate_v4", 0, cFuncPointer(fnUUID), 0},
	{"current_setting", -1, cFuncPointer(fnCurrentSetting), 0},
	{"raftsql_set_config", 3, cFuncPointer(fnRaftsqlSetConfig), 0}, // setconfig.go
	{"current_schema", 0, cFuncPointer(fnCurrentSchema), 0},
	{"current_schemas", 1, cFuncPointer(fnCurrentSchemas), 0},
	{"current_database", 0, cFuncPointer(fnCurrentDatabase), 0},
	{"current_user", 0, cFuncPointer(fnCurrentUser), 0},
	{"session_user", 0, cFuncPointer(fnCurrentUser), 0},
	{"pg_sleep", 1, cFuncPointer(fnPgSleep), 0},
	{"version", 0, cFuncPointer(fnVersion), 0},
	{"pg_cast_date", 1, cFuncPointer(fnCastDate), 0},
	{"pg_cast_timestamp", 1, cFuncPointer(fnCastTimestamp), lib.SQLITE_DETERMINISTIC},
	{"pg_cast_timestamptz", 1, cFuncPointer(fnCastTimestamptz), lib.SQLITE_DETERMINISTIC},
}, append(append(append(append(append(datetimeDetFunctions, zonedDetFunctions()...), sequenceFunctions...), extensionFunctions...), append(append(enumFunctions, upsertFunctions...), similarFunctions...)...), append(commentFunctions, append(append(viewDeclFunctions, tableSQLFunctions...), typeRequireFunctions...)...)...)...)

// pinnedFunctions are the names of detFunctions.
var pinnedFunctions = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range detFunctions {
		m[f.name] = true
	}
	return m
}()

// sessionFunctions are installed on every connection like detFunctions
// but are not pinned: they act on the session, so the write allow-list
// refuses them (setconfig.go).
var sessionFunctions = []detFunction{
	{"set_config", 3, cFuncPointer(fnSetConfig), 0},
}

// installDetFunctions registers the deterministic overrides and the
// session functions on c.
func installDetFunctions(c *lconn, d *detState) error {
	trackViewDecls(c) // viewdecls.go
	trackTableSQL(c)  // tablesql.go
	for _, f := range append(detFunctions[:len(detFunctions):len(detFunctions)], sessionFunctions...) {
		z, err := libc.CString(f.name)
		if err != nil {
			return err
		}
		rc := lib.Xsqlite3_create_function_v2(c.tls, c.db, z, f.n, lib.SQLITE_UTF8|f.flags, d.id, f.fp, 0, 0, 0)
		libc.Xfree(c.tls, z)
		if rc != lib.SQLITE_OK {
			return c.err(rc)
		}
	}
	return nil
}

// fnVersion implements version() from the server_version of the session
// using the connection (the apply connection: PostgreSQL's version alone,
// the same on every node).
func fnVersion(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v := pgdialect.PostgresVersion
	if p := ctxDet(tls, ctx).settings.Load(); p != nil {
		if sv, ok := (*p)["server_version"]; ok {
			v = sv
		}
	}
	resultText(tls, ctx, pgdialect.VersionString(v))
}

func fnCurrentDatabase(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if p := ctxDet(tls, ctx).dbName.Load(); p != nil {
		resultText(tls, ctx, *p)
		return
	}
	resultText(tls, ctx, pgdialect.DefaultName)
}

func fnCurrentUser(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if p := ctxDet(tls, ctx).userName.Load(); p != nil {
		resultText(tls, ctx, *p)
		return
	}
	resultText(tls, ctx, pgdialect.DefaultName)
}

// searchPathSchemas is current_schemas(implicit) for the session using
// the connection (the apply connection: the default search_path; a write
// carries the session's current_schema() as a literal, currentsetting.go).
func (d *detState) searchPathSchemas(implicit bool) []string {
	path := `"$user", public`
	if p := d.settings.Load(); p != nil {
		if v, ok := (*p)["search_path"]; ok {
			path = v
		}
	}
	user := pgdialect.DefaultName
	if p := d.userName.Load(); p != nil {
		user = *p
	}
	return pgdialect.SearchPathSchemas(path, user, implicit)
}

// fnCurrentSchema implements current_schema(): the first schema of the
// search_path that exists, NULL if none.
func fnCurrentSchema(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if s := ctxDet(tls, ctx).searchPathSchemas(false); len(s) > 0 {
		resultText(tls, ctx, s[0])
		return
	}
	lib.Xsqlite3_result_null(tls, ctx)
}

// fnCurrentSchemas implements current_schemas(include_implicit).
func fnCurrentSchemas(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	implicit := lib.Xsqlite3_value_int64(tls, *(*uintptr)(cptr(argv))) != 0
	resultText(tls, ctx, pgdialect.SchemaArray(ctxDet(tls, ctx).searchPathSchemas(implicit)))
}

// maxPgSleep caps one pg_sleep() call on a read connection.
const maxPgSleep = 10 * time.Minute

// fnPgSleep implements pg_sleep(seconds): it sleeps on read connections
// and returns at once on the apply connection (a sleep there would stall
// the apply loop of every node; the result, NULL, is the same).
func fnPgSleep(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	secs := lib.Xsqlite3_value_double(tls, *(*uintptr)(cptr(argv)))
	if !d.apply && secs > 0 {
		dur := time.Duration(secs * float64(time.Second))
		if dur > maxPgSleep {
			dur = maxPgSleep
		}
		d.sleep(dur)
	}
	lib.Xsqlite3_result_null(tls, ctx)
}

// fnCastDate, fnCastTimestamp and fnCastTimestamptz replace pgdialect's
// process-wide casts on each connection so that 'now', 'today',
// 'tomorrow' and 'yesterday' read the connection's clock: the entry's
// pinned time on the apply connection.
func fnCastDate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v, err := pgdialect.CastDateAt(argValue(tls, argv, 0), ctxDet(tls, ctx).now(), ctxDet(tls, ctx).zoneLoc())
	resultValue(tls, ctx, v, err)
}

func fnCastTimestamp(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v, err := pgdialect.CastTimestampAt("timestamp", argValue(tls, argv, 0), ctxDet(tls, ctx).now(), ctxDet(tls, ctx).zoneLoc())
	resultValue(tls, ctx, v, err)
}

func fnCastTimestamptz(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v, err := pgdialect.CastTimestampAt("timestamp with time zone", argValue(tls, argv, 0), ctxDet(tls, ctx).now(), ctxDet(tls, ctx).zoneLoc())
	resultValue(tls, ctx, v, err)
}

// argValue is argument i of a function call as the Go value modernc's
// own function bridge would pass.
func argValue(tls *libc.TLS, argv uintptr, i int) driver.Value {
	v := *(*uintptr)(cptr(argv + uintptr(i)*8))
	switch lib.Xsqlite3_value_type(tls, v) {
	case lib.SQLITE_INTEGER:
		return lib.Xsqlite3_value_int64(tls, v)
	case lib.SQLITE_FLOAT:
		return lib.Xsqlite3_value_double(tls, v)
	case lib.SQLITE_TEXT:
		p := lib.Xsqlite3_value_text(tls, v)
		n := int(lib.Xsqlite3_value_bytes(tls, v))
		if p == 0 || n == 0 {
			return ""
		}
		return string((*libc.RawMem)(cptr(p))[:n:n])
	case lib.SQLITE_BLOB:
		p := lib.Xsqlite3_value_blob(tls, v)
		n := int(lib.Xsqlite3_value_bytes(tls, v))
		b := make([]byte, n)
		if p != 0 && n > 0 {
			copy(b, (*libc.RawMem)(cptr(p))[:n:n])
		}
		return b
	}
	return nil
}

// resultValue sets a function's result from a Go value or error.
func resultValue(tls *libc.TLS, ctx uintptr, v driver.Value, err error) {
	if err != nil {
		resultError(tls, ctx, err.Error())
		return
	}
	switch v := v.(type) {
	case nil:
		lib.Xsqlite3_result_null(tls, ctx)
	case int64:
		lib.Xsqlite3_result_int64(tls, ctx, v)
	case float64:
		lib.Xsqlite3_result_double(tls, ctx, v)
	case string:
		resultText(tls, ctx, v)
	case []byte:
		m := libc.Xmalloc(tls, uint64(len(v)+1))
		copy((*libc.RawMem)(cptr(m))[:len(v):len(v)], v)
		lib.Xsqlite3_result_blob(tls, ctx, m, int32(len(v)), sqliteTransient)
		libc.Xfree(tls, m)
	default:
		resultText(tls, ctx, fmt.Sprint(v))
	}
}
