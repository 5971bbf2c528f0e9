package sqlexec

import "context"

// Held read transactions: an autocommit read on a pool connection starts
// and ends a SQLite read transaction, and each of the two takes the
// WAL-index lock (an fcntl on the -shm file under a process-wide mutex):
// about a sixth of a point read's CPU on the node (docs/benchmarks.md,
// "Round 7"). While the database does not change, consecutive reads on one
// connection may share one read transaction instead.
//
// Why a read on a held transaction is exact. A read reaches the pool after
// its barrier: this node has applied its read index R (or, for a stale
// read, whatever it has applied). A held transaction records at, the
// applied index loaded before the transaction's first read took its
// snapshot; apply publishes an index only after the SQLite COMMIT that
// holds it, so the snapshot holds every entry up to at, and perhaps more.
// A read may use the held transaction only if at equals the applied index
// loaded when the read takes the connection, which is at least R (the
// applied index only grows): the snapshot then holds everything up to
// R, exactly as a fresh read transaction started at that moment would. A
// transaction held at an older index is ended first, and the read starts
// a fresh one. A read's snapshot is therefore never older than its read
// index, and the consistency of reads (read index, then local state at or
// past it) is unchanged.
//
// Why a held transaction does not pin the WAL. A reader's open
// transaction keeps the checkpoint from copying (and the WAL from
// restarting) past its snapshot, so no transaction stays held once apply
// moves past it: a connection given back to the pool with a stale
// transaction ends it, and apply, whenever it publishes a new index while
// any transaction is held, wakes releaseHeld, which ends those of the
// connections idle in the pool. Writes therefore never wait on an idle
// reader for longer than that hand-off.
//
// When to hold. Only a connection whose previous read saw the same applied
// index holds its next transaction: under a stream of writes, when a held
// transaction would be ended before its next use, reads stay in
// autocommit and pay nothing extra (no BEGIN and COMMIT per read).

// heldRead is a read connection's held transaction, guarded by lconn.mu.
type heldRead struct {
	on       bool   // a transaction begun by holdRead is open
	at       uint64 // the applied index loaded before it began
	lastRead uint64 // the applied index at this connection's last read; 0 none
}

// withHeldReader runs fn, a read-only statement's execution, on a pool
// connection whose read transaction may be held from an earlier read (see
// above); withReader's other callers get a connection with none. ctx's
// end stops the statement through w, the session's watch.
func (db *DB) withHeldReader(ctx context.Context, w *ctxWatch, fn func(c *lconn) error) error {
	return db.withReaderMode(ctx, true, w, fn)
}

// holdRead prepares r for a read at the applied index now: it ends a held
// transaction older than now, and begins one to hold when r's last read
// saw the same index. Called with r.mu held.
func (db *DB) holdRead(r *lconn) {
	now := db.applied.Load()
	h := &r.held
	if h.on && h.at != now {
		db.endHeld(r)
	}
	if !h.on && h.lastRead == now && now != 0 {
		if r.exec("BEGIN") == nil {
			h.on, h.at = true, now
			db.heldCount.Add(1)
		}
	}
	h.lastRead = now
}

// endHeld ends r's held transaction, if any (r.mu held). A read-only
// transaction has nothing to commit: COMMIT only releases its snapshot.
func (db *DB) endHeld(r *lconn) {
	if !r.held.on {
		return
	}
	r.held.on = false
	db.heldCount.Add(-1)
	if r.inTx() {
		if err := r.exec("COMMIT"); err != nil {
			_ = r.exec("ROLLBACK")
		}
	}
}

// afterRead ends r's held transaction if the read failed (an error may
// have ended or spoiled it) or apply has moved past it (r.mu held).
func (db *DB) afterRead(r *lconn, err error) {
	if !r.held.on {
		return
	}
	if err != nil || !r.inTx() || r.held.at != db.applied.Load() {
		db.endHeld(r)
	}
}

// heldMayBeStale wakes releaseHeld when some connection holds a
// transaction and apply has moved: called by apply after it publishes an
// index, and after a connection holding one goes back to the pool (the
// index may have moved between the check and the return).
func (db *DB) heldMayBeStale() {
	if db.heldCount.Load() == 0 {
		return
	}
	select {
	case db.heldWake <- struct{}{}:
	default:
	}
}

// releaseHeld ends, until stop closes, the held transactions of the pool's
// idle connections whenever heldMayBeStale wakes it.
func (db *DB) releaseHeld(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-db.heldWake:
		}
		db.endIdleHeld()
	}
}

func (db *DB) endIdleHeld() {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return
	}
	var idle []*lconn
	for len(idle) < cap(db.readers) {
		select {
		case r := <-db.readers:
			idle = append(idle, r)
			continue
		default:
		}
		break
	}
	now := db.applied.Load()
	for _, r := range idle {
		r.mu.Lock()
		if r.held.on && r.held.at != now {
			db.endHeld(r)
		}
		r.mu.Unlock()
		db.readers <- r
	}
}
