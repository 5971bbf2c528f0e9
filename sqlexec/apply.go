package sqlexec

import (
	"errors"

	lib "modernc.org/sqlite/lib"
)

// Apply: committed log entries run on the single apply connection, in
// index order, with each entry's pinned time and seed; a batch of entries
// and the new applied index commit in one SQLite transaction.

// ApplyNoop records index as applied (empty or configuration entries).
func (db *DB) ApplyNoop(index uint64) error {
	res := db.ApplyBatch([]Entry{{Index: index}})
	if len(res) == 1 && res[0].Err != nil && !res[0].Skipped {
		if e, ok := res[0].Err.(*Error); ok && e.Code == CodeInternal {
			return e
		}
	}
	return nil
}

// Apply applies one committed log entry. It never panics on bad input; a
// statement error rolls the entry back and is reported in the result.
func (db *DB) Apply(index uint64, data []byte) *ApplyResult {
	return db.ApplyBatch([]Entry{{Index: index, Data: data}})[0]
}

// ApplyBatch applies consecutive entries in one SQLite transaction, with a
// savepoint per entry.
func (db *DB) ApplyBatch(entries []Entry) []*ApplyResult {
	out := make([]*ApplyResult, len(entries))
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		for i, e := range entries {
			out[i] = &ApplyResult{Index: e.Index, Err: errClosed}
		}
		return out
	}
	w := db.w
	defer db.det.unpin()
	db.det.unbindNames()
	applied := db.applied.Load()
	db.assertNoTx(w, "apply")
	if err := w.exec("BEGIN IMMEDIATE"); err != nil {
		for i, e := range entries {
			out[i] = &ApplyResult{Index: e.Index, Err: mapError(err, "")}
		}
		return out
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
		out[i] = db.applyEntry(w, e)
		last = e.Index
	}
	if last != applied {
		if err := execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(last)); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		if err := w.exec("COMMIT"); err != nil {
			_ = w.exec("ROLLBACK")
			var se *sqliteErr
			if errors.As(err, &se) && se.code&0xff == lib.SQLITE_CONSTRAINT {
				return db.commitFailed(w, entries, out, applied, err)
			}
			return db.failBatch(w, entries, out, err)
		}
		db.noteSchema(w)
		db.applied.Store(last)
	} else {
		_ = w.exec("ROLLBACK")
	}
	return out
}

// commitFailed handles a constraint failure at COMMIT (deferred
// constraints): each entry is applied again on its own, and an entry that
// still cannot commit is recorded as failed, so the apply loop always makes
// progress.
func (db *DB) commitFailed(w *lconn, entries []Entry, out []*ApplyResult, applied uint64, cause error) []*ApplyResult {
	for i, e := range entries {
		if e.Index <= applied {
			continue
		}
		if err := w.exec("BEGIN IMMEDIATE"); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		r := db.applyEntry(w, e)
		if err := execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(e.Index)); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		if err := w.exec("COMMIT"); err != nil {
			_ = w.exec("ROLLBACK")
			// Record the entry as failed: only its request id and index.
			r = &ApplyResult{Index: e.Index, Err: mapError(err, "")}
			if cmd, derr := DecodeCommand(e.Data); derr == nil {
				r.RequestID = cmd.RequestID
			}
			if err := w.exec("BEGIN IMMEDIATE"); err != nil {
				return db.failBatch(w, entries, out, err)
			}
			var zero [16]byte
			if r.RequestID != zero {
				_ = execArgs(w, "INSERT OR REPLACE INTO raftsql_requests(id, idx) VALUES (?, ?)", r.RequestID[:], int64(e.Index))
			}
			_ = execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(e.Index))
			if err := w.exec("COMMIT"); err != nil {
				_ = w.exec("ROLLBACK")
				return db.failBatch(w, entries, out, err)
			}
		}
		db.noteSchema(w)
		db.applied.Store(e.Index)
		applied = e.Index
		out[i] = r
	}
	_ = cause
	return out
}

func (db *DB) failBatch(w *lconn, entries []Entry, out []*ApplyResult, err error) []*ApplyResult {
	_ = w.exec("ROLLBACK")
	db.log.Error("sqlexec: apply commit failed", "err", err)
	for i, e := range entries {
		out[i] = &ApplyResult{Index: e.Index, Err: errf(CodeInternal, "apply failed: %v", err)}
	}
	return out
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

// applyEntry runs inside the batch transaction.
func (db *DB) applyEntry(w *lconn, e Entry) *ApplyResult {
	res := &ApplyResult{Index: e.Index}
	if len(e.Data) == 0 {
		return res
	}
	cmd, err := DecodeCommand(e.Data)
	if err != nil {
		res.Err = errf(CodeInternal, "undecodable log entry %d: %v", e.Index, err)
		return res
	}
	res.RequestID = cmd.RequestID
	var zero [16]byte
	hasID := cmd.RequestID != zero
	if hasID {
		found, outcome, err := lookupRequest(w, cmd.RequestID)
		if err != nil {
			res.Err = mapError(err, "")
			return res
		}
		if found {
			res.Duplicate = true
			res.Results, res.Err = decodeOutcome(outcome)
			return res
		}
	}
	if err := w.exec("SAVEPOINT raftsql_entry"); err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if cmd.Database != "" || cmd.User != "" {
		db.det.bindNames(cmd.Database, cmd.User)
	} else {
		db.det.unbindNames()
	}
	results, execErr := executeCommand(w, db.det, cmd)
	db.det.unbindNames()
	res.Results = results
	if execErr != nil {
		res.Err = execErr
		_ = w.exec("ROLLBACK TO raftsql_entry")
	}
	_ = w.exec("RELEASE raftsql_entry")
	if hasID {
		if err := execArgs(w, "INSERT OR REPLACE INTO raftsql_requests(id, idx, outcome) VALUES (?, ?, ?)",
			cmd.RequestID[:], int64(e.Index), encodeOutcome(res)); err != nil {
			db.log.Error("sqlexec: record request id", "err", err)
		}
	}
	// Deterministic pruning: every node prunes at the same indexes.
	if win := db.opts.DedupeWindow; e.Index%1024 == 0 && e.Index > win {
		_ = execArgs(w, "DELETE FROM raftsql_requests WHERE idx < ?", int64(e.Index-win))
	}
	return res
}

// executeCommand runs cmd's statements on w (inside a transaction or
// savepoint owned by the caller). On the first error it stops and returns
// the error (the caller rolls back). For commands with a digest, a
// mismatch is reported as 40001.
func executeCommand(w *lconn, det *detState, cmd *Command) ([]StatementResult, error) {
	if len(cmd.Digest) > 0 {
		// A transaction: validated by replay and digest (validate.go).
		dg := newDigester()
		results, err := replayTxn(w, det, cmd.Timestamp, cmd.Seed, 0, cmd.Statements, dg)
		if err != nil || !dg.equal(cmd.Digest) {
			return results, serializationFailure()
		}
		return results, nil
	}
	results := make([]StatementResult, 0, len(cmd.Statements))
	for k, s := range cmd.Statements {
		det.pin(cmd.Timestamp, cmd.Seed, k)
		r, _ := runSQL(w, s.SQL, s.Args, s.Tag)
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
