package sqlexec

// Validation of a transaction: its recorded statements are replayed (in a
// speculation, or at apply at the entry's log position) and the digest of
// every outcome the client saw is compared with the digest it recorded.
// An outcome is a statement's rows and tag, or its SQL error: a statement
// that failed and was undone by ROLLBACK TO SAVEPOINT still told the
// client something about the database (the key existed, the row was
// missing), so it is replayed and its error validated like any result.

// isOutcome reports whether err is a statement's deterministic result, the
// same on every replica for the same database state, as opposed to a
// condition of this node or this moment (canceled, interrupted, out of
// memory or disk, I/O, an internal failure). Only outcomes are recorded
// in a transaction and validated; the others are not part of what the
// statement computed.
func isOutcome(err error) bool {
	e, ok := err.(*Error)
	if !ok || len(e.Code) != 5 {
		return false
	}
	switch e.Code[:2] {
	case "08", // connection
		"40", // serialization, deadlock: a verdict on the transaction, not on the statement
		"53", // insufficient resources (disk full, out of memory, too many views)
		"57", // canceled, interrupted, shutting down
		"58", // system (I/O)
		"XX": // internal
		return false
	}
	return true
}

// replayTxn runs a transaction's recorded statements on c, inside a
// transaction owned by the caller, each pinned to the transaction's time
// and seed and its statement number (first is the number of stmts[0]), and
// adds the outcome of every Digest statement to dg. A Digest statement's
// SQL error is an outcome the client saw: it is digested and the replay
// goes on (the statement's effects are undone by SQLite, and whatever it
// left is undone by the recorded ROLLBACK TO that follows, as it was for
// the client). The replay stops, returning the results so far and the
// error, at any other error: a statement the client saw succeed that the
// digest alone would report (savepoint commands), an error that is not an
// outcome, or one after which SQLite left no transaction open (ON CONFLICT
// ROLLBACK, RAISE(ROLLBACK)): nothing more may run outside the caller's
// transaction.
func replayTxn(c *lconn, det *detState, ts int64, seed uint64, first int, stmts []Statement, dg *digester) ([]StatementResult, error) {
	results := make([]StatementResult, 0, len(stmts))
	for k, st := range stmts {
		det.pin(ts, seed, first+k)
		r, _ := runSQL(c, st.SQL, st.Args, st.Tag)
		if r.Err == nil && det != nil && isRollbackTo(st.SQL) {
			if err := det.keepDrawsPastRollback(c); err != nil { // seqtxn.go
				r.Err = err
			}
		}
		if st.Digest {
			dg.add(&r)
		}
		results = append(results, r)
		// A refusal of the write allow-list ends the replay: the statement
		// may not run on the replicated state, whatever the client saw.
		if r.Err != nil && (isRefusal(r.Err) || !st.Digest || !isOutcome(r.Err) || !c.inTx()) {
			return results, r.Err
		}
	}
	return results, nil
}
