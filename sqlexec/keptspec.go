package sqlexec

// A transaction's speculative state is kept between its statements
// (issue 15).
//
// Once an explicit transaction has written, each of its statements runs
// on the apply connection in a SQLite transaction that first replays the
// transaction's earlier statements (txn.go, validate.go). Rolled back at
// the statement's end, that made a transaction of n statements run
// n(n+1)/2 of them, and every Describe inside it another n: a load of
// 1,000 single-row INSERTs in one transaction took 96 s on one node,
// against 0.14 s on PostgreSQL.
//
// Now the SQLite transaction is kept open when a statement ends well
// (DB.kept), and the same transaction's next statement goes on from it
// without a replay. That is the state the replay would build:
//
//  1. The kept state is dropped (rolled back) by anything else that takes
//     the apply connection: the apply (lockApply), another session's
//     speculation or describe (writerRun), anything under the apply lock.
//     So while it is kept no entry was applied: the replay would start
//     from the same state as the statements it covers did.
//  2. It covers exactly the transaction's recorded statements: it is kept
//     only when every statement of the run succeeded, and it names how
//     many statements the transaction will have recorded once the caller
//     records them (txn.appended, which only grows). A statement recorded
//     some other way (a savepoint command, a read from the read view), a
//     statement the caller did not record, a run again after a sequence
//     reservation: the count differs, and the next statement replays.
//  3. What a replay rebuilds outside SQLite is kept with it: the
//     session's sequence history with the pinned values still unserved
//     (detState.seq, seqtxn.go) and the SET CONSTRAINTS mode (lconn.fk,
//     deferred.go). A statement's time, seed and SQLite PRNG are pinned by
//     its number (detState.pin), not by what ran before it.
//  4. Validation loses nothing: a replay on an unchanged state returns
//     what the client saw by construction (determinism), and COMMIT
//     replays the whole transaction at its place in the log as before.
//
// A run on the kept state that is preempted (preempt.go) or fails has
// taken it (takeKept) and rolls back; its next run replays. The kept
// state is a SQLite write transaction that no one commits: it holds
// SQLite's write lock, which only the apply connection ever takes, and
// readers (WAL) never see it.

import (
	"context"
	"sync/atomic"
)

// specReplays counts the replays of a transaction's earlier statements
// before one of its statements or describes (tests).
var specReplays atomic.Int64

// keptSpec is the speculative state of one transaction, open on the
// apply connection.
type keptSpec struct {
	owner    *txn
	appended uint64 // owner.appended when the state covers its statements
	seq      *seqSession
	fk       fkMode
}

// dropKept rolls back the kept speculative state, if any. The caller holds
// the apply lock (DB.mu).
func (db *DB) dropKept() {
	if db.kept == nil {
		return
	}
	db.kept = nil
	if db.w != nil && db.w.inTx() {
		_ = db.w.exec("ROLLBACK")
	}
}

// takeKept returns the kept state when it is tx's and covers its recorded
// statements; the caller owns the open transaction then (and rolls it
// back or keeps it again with keepSpec). Otherwise it drops any kept
// state and returns nil. The caller holds the apply lock.
func (db *DB) takeKept(tx *txn) *keptSpec {
	h := db.kept
	if h == nil {
		return nil
	}
	if h.owner != tx || h.appended != tx.appended || !db.w.inTx() {
		db.dropKept()
		return nil
	}
	db.kept = nil
	return h
}

// keepSpec keeps c's open transaction as tx's speculative state once
// added more statements are recorded. The caller holds the apply lock.
func (db *DB) keepSpec(c *lconn, det *detState, tx *txn, added int) {
	db.kept = &keptSpec{owner: tx, appended: tx.appended + uint64(added), seq: det.seq, fk: c.fk}
}

// releaseSpec rolls back tx's kept state when the transaction ends,
// unless the apply lock is busy: whoever holds it has dropped the state,
// or will, before using the connection.
func (db *DB) releaseSpec(tx *txn) {
	if !db.mu.TryLock() {
		return
	}
	defer db.mu.Unlock()
	if db.kept != nil && db.kept.owner == tx {
		db.dropKept()
	}
}

// resumeTxState opens, on c under the apply lock, the SQLite transaction
// a statement of tx runs in: tx's kept state (resumed: the state after
// its recorded statements), or a new transaction in which the caller
// replays them. Either way the caller ends with leaveTxState.
func (s *Session) resumeTxState(c *lconn, det *detState, tx *txn) (resumed bool, err error) {
	if h := s.e.db.takeKept(tx); h != nil {
		det.seq = h.seq
		c.fk = h.fk
		return true, nil
	}
	if err := c.exec("BEGIN"); err != nil {
		return false, mapError(err, "")
	}
	return false, nil
}

// leaveTxState ends a use of tx's speculative state: kept for tx's next
// statement once added more statements are recorded (keep), or rolled
// back.
func (s *Session) leaveTxState(c *lconn, det *detState, tx *txn, keep bool, added int) {
	if keep && c.inTx() {
		s.e.db.keepSpec(c, det, tx, added)
		return
	}
	if c.inTx() {
		_ = c.exec("ROLLBACK")
	}
}

// withTxState runs fn on the apply connection in the state tx's
// statements see, in a savepoint undone after fn (a describe's probe, a
// catalog lookup): tx's kept state, or its statements replayed; the state
// is kept for tx's next statement when it is the one the client saw.
func (s *Session) withTxState(ctx context.Context, tx *txn, fn func(c *lconn) error) error {
	db, user := s.names()
	return s.e.db.withTxWriter(ctx, tx, func(c *lconn, det *detState) error {
		det.bindNames(db, user)
		det.bindZone(s.zone())
		det.bindSequences(s.seqState)
		det.bindPins(tx.pins)
		resumed, err := s.resumeTxState(c, det, tx)
		if err != nil {
			return err
		}
		keep := resumed
		defer func() { s.leaveTxState(c, det, tx, keep, 0) }()
		if !resumed {
			specReplays.Add(1)
			// Errors are the statements' recorded outcomes (or a
			// conflict COMMIT reports); fn sees the state either way.
			dg := newDigester()
			_, _ = replayTxn(c, det, tx.ts, tx.seed, 0, tx.stmts, dg)
			if !c.inTx() {
				return rwConflict()
			}
			keep = dg.equal(tx.dg.sum()) && len(det.takeDrawn()) == 0
		}
		if err := c.exec("SAVEPOINT raftsql_look"); err != nil {
			keep = false
			return mapError(err, "")
		}
		err = fn(c)
		if !c.inTx() || c.exec("ROLLBACK TO raftsql_look") != nil || c.exec("RELEASE raftsql_look") != nil {
			keep = false
		}
		return err
	})
}
