package sqlexec

// Background WAL checkpoints.
//
// SQLite's automatic checkpoint runs inside the COMMIT that pushes the WAL
// past 1,000 pages, on the committing connection: on the apply connection
// that is a copy of the WAL into the database file and two fsyncs (the WAL
// before the copy, the database after) inside ApplyBatch, under the apply
// lock, so every apply batch that happens to cross the threshold stalls
// the apply (and every write and read waiting for its index) for the
// length of two syncs (issue 15: 6% of an INSERT's CPU).
//
// Instead the apply connection carries a WAL hook (which replaces SQLite's
// automatic checkpoint: sqlite3_wal_autocheckpoint is itself a WAL hook)
// that only notes the WAL's size after each commit and, past
// checkpointFrames, wakes a checkpointer goroutine. That goroutine runs
// PRAGMA wal_checkpoint(PASSIVE) on a connection of its own: PASSIVE takes
// no lock that the apply or the readers wait for, copies what no reader
// still needs, and syncs as SQLite's checkpoint always does (the WAL before
// the copy, the database file after: the checkpointer's synchronous=NORMAL).
// The apply commits keep synchronous=NORMAL, under which a WAL-mode COMMIT
// never syncs: the only sync left on the apply path is the WAL header's,
// once per WAL cycle, when the next write restarts the WAL from its start
// after a complete checkpoint.
//
// Durability does not depend on when checkpoints run: SQLite's state is
// never the only copy of an applied entry (docs/design.md, "SQLite
// durability and the log"). A checkpoint that falls behind only lets the
// WAL grow; each completed one lets the next write restart it.

import (
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// checkpointFrames is the WAL size (pages) past which a commit wakes the
// checkpointer: SQLite's own automatic checkpoint threshold.
const checkpointFrames = 1000

// checkpointer runs WAL checkpoints of one database beside its apply.
type checkpointer struct {
	c      *lconn // its own connection, used only by run
	log    *slog.Logger
	hookID uintptr
	frames atomic.Int32  // WAL pages after the apply connection's last commit
	kick   chan struct{} // capacity 1: a wake-up pending
	stop   chan struct{}
	done   chan struct{}
	runs   atomic.Int64 // checkpoints run (tests)
}

var (
	walHooks   sync.Map // hook id -> *checkpointer
	walHookSeq atomic.Uintptr
)

// startCheckpointer opens a checkpoint connection to path, installs the
// WAL hook on the apply connection w (replacing SQLite's automatic
// checkpoint) and starts the goroutine. stop undoes all three.
func startCheckpointer(path string, w *lconn, log *slog.Logger) (*checkpointer, error) {
	c, err := openLConn(dsnFor(path, ""))
	if err != nil {
		return nil, fmt.Errorf("sqlexec: open checkpoint connection: %w", err)
	}
	if err := c.exec("PRAGMA synchronous=NORMAL"); err != nil {
		c.close()
		return nil, fmt.Errorf("sqlexec: checkpoint connection: %w", err)
	}
	k := &checkpointer{
		c: c, log: log, hookID: walHookSeq.Add(1),
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}),
	}
	walHooks.Store(k.hookID, k)
	lib.Xsqlite3_wal_hook(w.tls, w.db, cFuncPointer(walHook), k.hookID)
	go k.run()
	return k, nil
}

// walHook is SQLite's WAL callback on the apply connection, called after
// each commit with the WAL's size in pages. It must not touch the
// connection; it only wakes the checkpointer.
func walHook(tls *libc.TLS, id uintptr, db uintptr, zDb uintptr, nFrame int32) int32 {
	v, ok := walHooks.Load(id)
	if !ok {
		return lib.SQLITE_OK
	}
	k := v.(*checkpointer)
	k.frames.Store(nFrame)
	if nFrame >= checkpointFrames {
		select {
		case k.kick <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
	return lib.SQLITE_OK
}

func (k *checkpointer) run() {
	defer close(k.done)
	for {
		select {
		case <-k.stop:
			return
		case <-k.kick:
		}
		// PASSIVE: never waits for the apply or a reader; a checkpoint
		// cut short by a reader still holding old frames is finished by
		// a later one (the next commit past the threshold wakes it).
		if err := k.c.exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
			k.log.Warn("sqlexec: background WAL checkpoint failed", "err", err)
		}
		k.runs.Add(1)
	}
}

// close stops the goroutine (waiting for a checkpoint in progress),
// removes the WAL hook from w and closes the checkpoint connection. The
// caller holds the apply lock (no commit runs on w meanwhile).
func (k *checkpointer) close(w *lconn) {
	close(k.stop)
	<-k.done
	if w != nil && w.db != 0 {
		lib.Xsqlite3_wal_hook(w.tls, w.db, 0, 0)
	}
	walHooks.Delete(k.hookID)
	k.c.close()
}
