package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Explicit transactions, optimistic: reads come from the transaction's
// read view until it first writes; writes run speculatively on the local
// apply state; COMMIT proposes every statement as one log entry, with the
// digest of what the client saw, and the apply fails it with 40001 when
// that no longer holds.

type txn struct {
	stmts      []Statement
	bytes      int
	readOnly   bool // BEGIN READ ONLY
	wrote      bool // some statement is not read-only
	failed     bool
	ts         int64
	seed       uint64
	dg         *digester
	savepoints []string
	barrier    bool               // read barrier done
	localSaved map[string]*string // settings before SET LOCAL (nil = unset)
	lastActive time.Time
	// view: the consistent read view the transaction reads until it first
	// writes (nil until its first statement).
	view *readView
	// spec: the transaction has written; its statements run speculatively
	// on the latest applied state (replaying the earlier ones).
	spec bool
	// implicit: an implicit transaction of an extended-protocol pipeline
	// (committed at Sync).
	implicit bool
	// doomed: a statement found that what the client saw earlier no
	// longer holds; COMMIT fails with 40001.
	doomed bool
}

func (s *Session) failTx() {
	if s.tx != nil {
		s.tx.failed = true
	}
}

func (s *Session) newTxn(st *pgdialect.Stmt) *txn {
	tx := &txn{ts: s.e.now().UnixMicro(), seed: s.e.randUint64(), dg: newDigester(), lastActive: s.e.now()}
	up := strings.ToUpper(st.Value)
	if strings.Contains(up, "READ ONLY") || s.settings["default_transaction_read_only"] == "on" {
		tx.readOnly = true
	}
	return tx
}

// endTx ends the transaction, restoring settings changed by SET LOCAL.
func (s *Session) endTx() {
	if s.tx != nil {
		if s.tx.view != nil {
			s.e.db.releaseReadView(s.tx.view)
			s.tx.view = nil
		}
		for k, v := range s.tx.localSaved {
			if v == nil {
				delete(s.settings, k)
			} else {
				s.settings[k] = *v
			}
		}
	}
	s.tx = nil
}

// speculate runs the transaction's recorded statements and then extra on
// the local apply state inside a transaction that is rolled back, returning
// extra's results.
//
// The earlier statements are first checked to return what the client saw.
// When they do not: at the switch from the read view to speculation
// (switching) the statement fails at once with 40001, so the client never
// sees a write's result computed on a state other than the one its reads
// came from; later, the transaction is doomed: COMMIT answers 40001 with
// no log entry (the apply would fail the digest check anyway).
func (s *Session) speculate(ctx context.Context, tx *txn, extra []Statement, switching bool) ([]StatementResult, []bool, error) {
	if !tx.barrier {
		if err := s.barrier(ctx); err != nil {
			return nil, nil, err
		}
		tx.barrier = true
	}
	var results []StatementResult
	var ro []bool
	var outErr error
	db, user := s.names()
	err := s.e.db.withWriter(ctx, func(c *lconn, det *detState) error {
		det.bindNames(db, user)
		if err := c.exec("BEGIN"); err != nil {
			return mapError(err, "")
		}
		defer c.exec("ROLLBACK")
		// Replay the earlier statements on the latest applied state: if
		// what they return differs from what the client saw, the client
		// would see results from two different states: fail now.
		dg := newDigester()
		for k, st := range tx.stmts {
			det.pin(tx.ts, tx.seed, k)
			r, _ := runSQL(c, st.SQL, st.Args, st.Tag)
			if r.Err != nil {
				outErr = rwConflict()
				return nil
			}
			if st.Digest {
				dg.add(&r)
			}
		}
		if !dg.equal(tx.dg.sum()) {
			if switching {
				outErr = rwConflict()
				return nil
			}
			tx.doomed = true
		}
		for i, st := range extra {
			det.pin(tx.ts, tx.seed, len(tx.stmts)+i)
			r, readonly := runSQL(c, st.SQL, st.Args, st.Tag)
			results = append(results, r)
			ro = append(ro, readonly)
			if r.Err != nil {
				outErr = r.Err
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return results, ro, outErr
}

func (s *Session) txExec(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	tx := s.tx
	var extra []Statement
	size := 0
	for i, x := range st.Exec {
		var a []any
		if i == 0 || st.Kind == pgdialect.KindQuery {
			a = args
		}
		extra = append(extra, Statement{SQL: s.substNames(x), Args: a, Tag: subTag(st), Digest: true})
		size += len(x) + 16*len(a)
	}
	if len(tx.stmts)+len(extra) > s.e.opts.MaxTxnStatements {
		return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d statements", s.e.opts.MaxTxnStatements),
			HintText: "Split the work into smaller transactions.", Statement: -1}
	}
	if tx.bytes+size > s.e.opts.MaxTxnBytes {
		return errTxnTooLarge(s.e.opts.MaxTxnBytes)
	}
	if !tx.spec && len(extra) == 1 {
		// Until it writes, the transaction reads its read view.
		res, ro, err := s.runInReadView(ctx, tx, extra[0])
		if err != nil {
			return err
		}
		if ro {
			if res.Err != nil {
				return res.Err
			}
			tx.dg.add(&res)
			tx.stmts = append(tx.stmts, extra...)
			tx.bytes += size
			return emitWrite(w, st, []StatementResult{res}, describe)
		}
	}
	if tx.readOnly && !tx.spec {
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	for i := range extra {
		if err := checkDeterministic(extra[i].SQL); err != nil {
			return err
		}
	}
	switching := !tx.spec
	if !tx.spec {
		// First write: from now on the transaction runs speculatively on
		// the latest applied state; speculate checks that the earlier
		// statements still return what the client saw.
		tx.spec = true
		if tx.view != nil {
			s.e.db.releaseReadView(tx.view)
			tx.view = nil
		}
	}
	results, ro, err := s.speculate(ctx, tx, extra, switching)
	if err != nil {
		return err
	}
	allRO := true
	for _, r := range ro {
		allRO = allRO && r
	}
	if !allRO && tx.readOnly {
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	if !allRO {
		tx.wrote = true
	}
	for i := range results {
		tx.dg.add(&results[i])
	}
	tx.stmts = append(tx.stmts, extra...)
	tx.bytes += size
	return emitWrite(w, st, results, describe)
}

func (s *Session) savepoint(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	tag := map[pgdialect.Kind]string{pgdialect.KindSavepoint: "SAVEPOINT", pgdialect.KindRelease: "RELEASE", pgdialect.KindRollbackTo: "ROLLBACK"}[st.Kind]
	if s.tx == nil {
		return errf(CodeNoActiveTransaction, "%s can only be used in transaction blocks", tag)
	}
	tx := s.tx
	name := strings.ToLower(st.Name)
	idx := -1
	for i := len(tx.savepoints) - 1; i >= 0; i-- {
		if tx.savepoints[i] == name {
			idx = i
			break
		}
	}
	if st.Kind != pgdialect.KindSavepoint && idx < 0 {
		return &Error{Code: CodeUndefinedSavepoint, Message: fmt.Sprintf("savepoint %q does not exist", name), Statement: -1}
	}
	sqlText := ""
	if len(st.Exec) > 0 {
		sqlText = st.Exec[0]
	} else {
		sqlText = map[pgdialect.Kind]string{pgdialect.KindSavepoint: "SAVEPOINT ", pgdialect.KindRelease: "RELEASE ", pgdialect.KindRollbackTo: "ROLLBACK TO "}[st.Kind] + quoteIdent(name)
	}
	switch st.Kind {
	case pgdialect.KindSavepoint:
		tx.savepoints = append(tx.savepoints, name)
	case pgdialect.KindRelease:
		tx.savepoints = tx.savepoints[:idx]
	case pgdialect.KindRollbackTo:
		tx.savepoints = tx.savepoints[:idx+1]
		tx.failed = false
	}
	tx.stmts = append(tx.stmts, Statement{SQL: sqlText, Tag: tag})
	return w.Complete(tag)
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (s *Session) commit(ctx context.Context, tx *txn) error {
	if len(tx.stmts) == 0 {
		return nil
	}
	if !tx.wrote {
		// Read-only: everything it read came from one consistent read view
		// taken after a linearizable read barrier (or, after a failed
		// write attempt, was checked against the latest state): it
		// commits with no log entry.
		return nil
	}
	if tx.doomed {
		return rwConflict()
	}
	cmd := &Command{RequestID: s.e.newRequestID(), Timestamp: tx.ts, Seed: tx.seed, Statements: tx.stmts,
		Flags: CmdTxn, Digest: tx.dg.sum()}
	cmd.Database, cmd.User = s.names()
	_, err := s.propose(ctx, cmd)
	return err
}

// txLimits checks a transaction's statement and byte limits for n more
// statements of size bytes.
func (s *Session) txLimits(n, size int) error {
	tx := s.tx
	if len(tx.stmts)+n > s.e.opts.MaxTxnStatements {
		return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d statements", s.e.opts.MaxTxnStatements),
			HintText: "Split the work into smaller transactions.", Statement: -1}
	}
	if tx.bytes+size > s.e.opts.MaxTxnBytes {
		return errTxnTooLarge(s.e.opts.MaxTxnBytes)
	}
	return nil
}

// txWrite adds writes that return nothing to the client but their success
// (a COPY's rows) to the transaction, with one speculation for all of them.
func (s *Session) txWrite(ctx context.Context, stmts []Statement, size int) error {
	tx := s.tx
	if err := s.txLimits(len(stmts), size); err != nil {
		return err
	}
	if tx.readOnly {
		return errf(CodeReadOnlyTransaction, "cannot execute COPY FROM in a read-only transaction")
	}
	switching := !tx.spec
	if !tx.spec {
		tx.spec = true
		if tx.view != nil {
			s.e.db.releaseReadView(tx.view)
			tx.view = nil
		}
	}
	results, _, err := s.speculate(ctx, tx, stmts, switching)
	if err != nil {
		return err
	}
	for i := range results {
		if results[i].Err != nil {
			return results[i].Err
		}
	}
	tx.wrote = true
	for i := range results {
		tx.dg.add(&results[i])
	}
	tx.stmts = append(tx.stmts, stmts...)
	tx.bytes += size
	return nil
}

// errTxnTooLarge: a transaction commits as one log entry, so its size is
// bounded; the hint says how to load more.
func errTxnTooLarge(limit int) *Error {
	return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d bytes", limit),
		HintText:  "raftsql replicates a transaction as one log entry. Split the work into smaller transactions, or run COPY outside a transaction block, where each batch of rows is its own entry.",
		Statement: -1}
}
