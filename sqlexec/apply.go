package sqlexec

import (
	"fmt"
	"strings"
)

// Apply: committed log entries run on the single apply connection, in
// index order, with each entry's pinned time and seed; a batch of entries
// and the new applied index commit in one SQLite transaction.

// ApplyNoop records index as applied (empty or configuration entries).
func (db *DB) ApplyNoop(index uint64) error {
	res := db.ApplyBatch([]Entry{{Index: index}})
	if len(res) == 1 && res[0].Err != nil && !res[0].Skipped {
		if IsApplyFault(res[0].Err) || isInternal(res[0].Err) {
			return res[0].Err
		}
	}
	return nil
}

func isInternal(err error) bool {
	e, ok := err.(*Error)
	return ok && e.Code == CodeInternal
}

// Apply applies one committed log entry. It never panics on bad input; a
// statement error rolls the entry back and is reported in the result.
func (db *DB) Apply(index uint64, data []byte) *ApplyResult {
	return db.ApplyBatch([]Entry{{Index: index, Data: data}})[0]
}

// ApplyBatch applies consecutive entries, in as few SQLite transactions as
// it can (a savepoint per entry). Every entry's outcome is its result:
// whatever its SQL did, the entry is recorded as applied, with its error
// if it failed. Only a fault (storage, shutdown: see ApplyFault) leaves
// entries unrecorded: their results are then *ApplyFault and the applied
// index stays before them.
func (db *DB) ApplyBatch(entries []Entry) []*ApplyResult {
	return db.ApplyBatchAfter(entries, nil)
}

// ApplyBatchAfter is ApplyBatch, with ready called before each COMMIT of
// the batch's SQLite transaction with the last index that COMMIT records
// (nil: no wait). The node passes a wait for its log to be durable up to
// that index, so that entries committed in Raft but not yet durable in
// the local log run while their log write is in flight and are made
// durable in SQLite only after it: SQLite never holds an entry its own
// log could lose in a crash. An error from ready (the node is stopping)
// rolls the transaction back and ends the batch as a shutdown
// (*ApplyFault with Shutdown): nothing of it is recorded as applied.
func (db *DB) ApplyBatchAfter(entries []Entry, ready func(last uint64) error) []*ApplyResult {
	out := make([]*ApplyResult, len(entries))
	db.lockApply() // a speculation holding the lock yields it (preempt.go)
	defer db.mu.Unlock()
	db.commitWait = ready
	defer func() { db.commitWait = nil }()
	if db.closed || db.w == nil {
		for i, e := range entries {
			out[i] = &ApplyResult{Index: e.Index, Err: errClosed}
		}
		return out
	}
	w := db.w
	defer db.det.unpin()
	db.det.unbindNames()
	db.assertNoTx(w, "apply")
	start := 0 // entries before start are committed
	for start < len(entries) {
		n, fault := db.applyRun(w, entries[start:], out[start:])
		if fault != nil {
			db.failBatch(w, entries[start:], out[start:], fault)
			break
		}
		start += n
	}
	db.notify.deliver(out[:start]) // notify.go: only what was committed
	return out
}

// applyRun applies a prefix of entries (all of them unless one ends the
// SQLite transaction) and commits it, returning how many it consumed.
//
// A statement can end the whole SQLite transaction: an interrupted write
// (the work budget), INSERT OR ROLLBACK, RAISE(ROLLBACK). That undoes the
// entries before it in the batch too, so they are applied again (their
// results are the same: same state, same pinned time and seed) and the
// failed entry's outcome is recorded after them without running it again.
func (db *DB) applyRun(w *lconn, entries []Entry, out []*ApplyResult) (int, *ApplyFault) {
	n, ended, fault := db.applyTxn(w, entries, out, nil, len(entries) > 1)
	if fault != nil || ended == nil {
		return n, fault
	}
	n2, ended2, fault := db.applyTxn(w, entries[:n], out[:n], ended, len(entries) > 1)
	if fault == nil && (ended2 != nil || n2 != n) {
		fault = &ApplyFault{Index: ended.Index, Err: fmt.Errorf("entries before %d did not apply the same way twice", ended.Index)}
	}
	return n, fault
}

// applyTxn applies entries in one SQLite transaction. With known, the
// last entry is not run: known is its outcome, recorded as it is. It
// returns how many entries it consumed and, when an entry's statement
// ended the transaction, that entry's result (nothing was committed).
// batched says other entries share the transaction: a constraint that
// fails at COMMIT (deferred) is then resolved entry by entry.
func (db *DB) applyTxn(w *lconn, entries []Entry, out []*ApplyResult, known *ApplyResult, batched bool) (int, *ApplyResult, *ApplyFault) {
	applied := db.applied.Load()
	first := uint64(0)
	if len(entries) > 0 {
		first = entries[0].Index
	}
	if db.stopping.Load() {
		return 0, nil, &ApplyFault{Shutdown: true, Index: first, Err: errShutdown}
	}
	if err := db.beginApply(w); err != nil {
		return 0, nil, asFault(first, err)
	}
	last := applied
	for i, e := range entries {
		if e.Index <= last {
			out[i] = &ApplyResult{Index: e.Index, Skipped: true}
			if len(e.Data) >= 18 && e.Data[0] == cmdMagic {
				copy(out[i].RequestID[:], e.Data[2:18])
			}
			continue
		}
		if known != nil && i == len(entries)-1 {
			if err := db.recordOutcome(w, e.Index, known); err != nil {
				db.rollback(w)
				return 0, nil, asFault(e.Index, err)
			}
			out[i] = known
			last = e.Index
			break
		}
		r, fault := db.applyEntry(w, e)
		if fault != nil {
			db.rollback(w)
			return 0, nil, fault
		}
		if !w.inTx() {
			return i + 1, r, nil
		}
		out[i] = r
		last = e.Index
	}
	if last == applied {
		db.rollback(w)
		return len(entries), nil, nil
	}
	if err := execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(last)); err != nil {
		db.rollback(w)
		return 0, nil, asFault(last, err)
	}
	if db.commitWait != nil {
		if err := db.commitWait(last); err != nil {
			db.rollback(w)
			return 0, nil, &ApplyFault{Shutdown: true, Index: last, Err: err}
		}
	}
	if err := w.exec("COMMIT"); err != nil {
		db.rollback(w)
		if f := faultOf(last, err); f != nil {
			return 0, nil, f
		}
		// A deferred constraint (PRAGMA defer_foreign_keys) failed at
		// COMMIT: a statement's doing, so a result.
		if batched {
			return db.commitFailed(w, entries, out, applied)
		}
		r := &ApplyResult{Index: last, Err: mapError(err, "")}
		if len(entries) == 1 {
			if cmd, derr := DecodeCommand(entries[0].Data); derr == nil {
				r.RequestID = cmd.RequestID
			}
		}
		return len(entries), r, nil
	}
	db.requests.commit()
	db.noteSchema(w)
	db.applied.Store(last)
	db.heldMayBeStale() // heldread.go
	return len(entries), nil, nil
}

// commitFailed handles a constraint failure at the COMMIT of a batch
// (deferred constraints): each entry is applied again on its own, and an
// entry that still cannot commit is recorded as failed, so the apply loop
// always makes progress and an entry's outcome never depends on the batch
// it was in.
func (db *DB) commitFailed(w *lconn, entries []Entry, out []*ApplyResult, applied uint64) (int, *ApplyResult, *ApplyFault) {
	for i := range entries {
		if entries[i].Index <= applied {
			out[i] = &ApplyResult{Index: entries[i].Index, Skipped: true}
			continue
		}
		if _, fault := db.applyRun(w, entries[i:i+1], out[i:i+1]); fault != nil {
			return 0, nil, fault
		}
	}
	return len(entries), nil, nil
}

// beginApply opens the batch transaction on the apply connection.
func (db *DB) beginApply(w *lconn) error {
	// A statement may have left the connection query_only (the PRAGMA in
	// any of its spellings); the apply writes whatever entries ask.
	// Setting the flag expires every prepared statement of the connection
	// (SQLite's OP_Expire for flag pragmas), so the apply's cached
	// statements would be compiled again in every batch: read it first,
	// set it only when a statement did.
	// Only a statement that may change settings can have set it
	// (statetrack.go).
	if !w.soleWriter || w.unsynced&unsyncedSettings != 0 {
		on, _, err := queryInt(w, "PRAGMA query_only")
		if err != nil {
			return err
		}
		if on != 0 {
			if err := w.exec("PRAGMA query_only=0"); err != nil {
				return err
			}
		}
		w.unsynced &^= unsyncedSettings
	}
	db.requests.begin() // dedup.go: a transaction not committed staged nothing
	return w.exec("BEGIN IMMEDIATE")
}

func (db *DB) rollback(w *lconn) {
	if w.inTx() {
		_ = w.exec("ROLLBACK")
	}
}

func asFault(index uint64, err error) *ApplyFault {
	if f := faultOf(index, err); f != nil {
		return f
	}
	// An internal statement of the apply (not the entry's SQL) failing is
	// not an outcome an entry can have: treat it as a fault.
	return &ApplyFault{Index: index, Err: err}
}

func (db *DB) failBatch(w *lconn, entries []Entry, out []*ApplyResult, f *ApplyFault) {
	db.rollback(w)
	if f.Shutdown {
		db.log.Info("sqlexec: apply interrupted for shutdown; the entries are applied again after the restart", "index", f.Index)
	} else {
		db.log.Error("sqlexec: apply failed: storage fault, the node must stop", "index", f.Index, "err", f)
	}
	for i, e := range entries {
		out[i] = &ApplyResult{Index: e.Index, Err: f}
	}
}

func execArgs(c *lconn, sqlText string, args ...any) error {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return err
	}
	defer st.release()
	_, err = st.run(args, nil)
	return err
}

func queryInt(c *lconn, sqlText string, args ...any) (int64, bool, error) {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return 0, false, err
	}
	defer st.release()
	var v int64
	found := false
	_, err = st.run(args, func(r []any) error {
		if x, ok := r[0].(int64); ok && !found {
			v, found = x, true
		}
		return nil
	})
	return v, found, err
}

// applyEntry runs inside the batch transaction. It returns the entry's
// result, or a fault. When the entry's SQL ended the transaction (see
// applyRun) the result is returned with nothing recorded; the caller
// notices that no transaction is open.
func (db *DB) applyEntry(w *lconn, e Entry) (*ApplyResult, *ApplyFault) {
	res := &ApplyResult{Index: e.Index}
	if len(e.Data) == 0 {
		return res, nil
	}
	cmd, err := DecodeCommand(e.Data)
	if err != nil {
		// The same bytes on every node: a result, not a reason to stop.
		res.Err = errf(CodeInternal, "undecodable log entry %d: %v", e.Index, err)
		return res, nil
	}
	res.RequestID = cmd.RequestID
	// Staged COPYs whose lease ended are dropped at the first command
	// entry after, the same one on every node (copystage.go).
	if cmd.Flags&CmdCopy != 0 {
		db.copyGen, db.copyLive = db.connGen.Load(), true
	} else if err := db.collectCopies(w, cmd.Timestamp); err != nil {
		return nil, asFault(e.Index, err)
	}
	var zero [16]byte
	hasID := cmd.RequestID != zero
	if hasID {
		found, outcome, err := db.lookupRequest(w, cmd.RequestID)
		if err != nil {
			return nil, asFault(e.Index, err)
		}
		if found {
			res.Duplicate = true
			res.Results, res.Err = decodeOutcome(outcome)
			return res, nil
		}
	}
	if err := w.exec("SAVEPOINT raftsql_entry"); err != nil {
		return nil, asFault(e.Index, err)
	}
	if cmd.Database != "" || cmd.User != "" {
		db.det.bindNames(cmd.Database, cmd.User)
	} else {
		db.det.unbindNames()
	}
	db.det.bindZone(entryZone(cmd.TimeZone))
	w.meter.begin(db.opts.stepBudget())
	db.det.bindSequences(cmd.Sequences)
	w.fk = fkMode{}
	results, execErr := executeCommand(w, db.det, cmd)
	w.meter.end()
	if execErr == nil && w.inTx() {
		// Deferred foreign keys are checked at the end of each entry,
		// not at the batch's COMMIT (deferred.go).
		if e := checkDeferred(w, cmd.Statements); e != nil {
			execErr = e
		}
	}
	w.endFKMode()
	db.det.unbindNames()
	res.Results = results
	// (also after a failure: its draws stay drawn, see keepDraws)
	res.Sequences = db.det.sequencesState()
	if execErr == nil && w.inTx() {
		n, err := takeNotifications(w) // notify.go
		if err != nil {
			return nil, asFault(e.Index, err)
		}
		res.Notifications = n
	}
	w.notified = false
	if f := entryFault(e.Index, results, execErr); f != nil {
		return nil, f
	}
	if execErr != nil {
		res.Err = execErr
		if !w.inTx() {
			return res, nil
		}
		_ = w.exec("ROLLBACK TO raftsql_entry")
		if err := db.det.keepDraws(w); err != nil { // sequences.go
			if f := faultOf(e.Index, err); f != nil {
				return nil, f
			}
			// The entry left the connection refusing the write (as
			// query_only below): its draws are given back, alike on
			// every node, rather than the node stopping.
			_ = w.exec("ROLLBACK TO raftsql_entry")
		}
	}
	if hasID {
		if err := db.recordOutcome(w, e.Index, res); err != nil {
			if f := faultOf(e.Index, err); f != nil {
				return nil, f
			}
			// The entry left the connection unable to record it (e.g.
			// query_only): undo it, restore the connection and record
			// that as the entry's failure.
			_ = w.exec("ROLLBACK TO raftsql_entry")
			_ = w.exec("PRAGMA query_only=0")
			res.Results, res.Err = nil, mapError(err, "")
			if err := db.recordOutcome(w, e.Index, res); err != nil {
				return nil, asFault(e.Index, err)
			}
		}
	}
	if err := w.exec("RELEASE raftsql_entry"); err != nil {
		return nil, asFault(e.Index, err)
	}
	// Deterministic pruning: every node prunes at the same indexes.
	if win := db.opts.DedupeWindow; e.Index%1024 == 0 && e.Index > win {
		db.pruneRequests(w, e.Index-win)
	}
	return res, nil
}

// entryFault finds a fault among an entry's errors (a digest mismatch
// hides the statement's own error behind 40001).
func entryFault(index uint64, results []StatementResult, err error) *ApplyFault {
	if f := faultOf(index, err); f != nil {
		return f
	}
	for _, r := range results {
		if f := faultOf(index, r.Err); f != nil {
			return f
		}
	}
	return nil
}

// executeCommand runs cmd's statements on w (inside a transaction or
// savepoint owned by the caller). On the first error it stops and returns
// the error (the caller rolls back). For commands with a digest, a
// mismatch is reported as 40001.
func executeCommand(w *lconn, det *detState, cmd *Command) ([]StatementResult, error) {
	if cmd.Flags&CmdAdvisory != 0 {
		return applyAdvisory(w, cmd)
	}
	if cmd.Flags&CmdCopy != 0 {
		return applyCopy(w, det, cmd) // copystage.go
	}
	if len(cmd.Digest) > 0 {
		// A transaction: validated by replay and digest (validate.go).
		dg := newDigester()
		results, err := replayTxn(w, det, cmd.Timestamp, cmd.Seed, 0, cmd.Statements, dg)
		if e := w.meter.unitErr; e != nil && e.Code == CodeProgramLimitExceeded {
			// Over the budget is the transaction's own doing, not a
			// conflict: a retry would not help, so the client learns so.
			return results, e
		}
		if err != nil || !dg.equal(cmd.Digest) {
			return results, serializationFailure()
		}
		return results, nil
	}
	results := make([]StatementResult, 0, len(cmd.Statements))
	for k, s := range cmd.Statements {
		det.pin(cmd.Timestamp, cmd.Seed, k)
		var r StatementResult
		if cmd.Flags&CmdRole != 0 {
			r = applyRole(w, s)
		} else {
			r, _ = runSQL(w, s.SQL, s.Args, s.Tag)
			if r.Err != nil && strings.HasPrefix(s.Tag, copyInsertTag) {
				r.Err = copyRowContext(w, s, r.Err) // copystage.go
			}
		}
		if r.Err != nil {
			e := *(r.Err.(*Error))
			e.Statement = k
			r.Err = &e
			results = append(results, r)
			return results, &e
		}
		results = append(results, r)
	}
	return results, nil
}

func serializationFailure() *Error {
	return &Error{Code: CodeSerialization, Message: "could not serialize access due to concurrent update",
		HintText: "The transaction might succeed if retried.", Statement: -1}
}
