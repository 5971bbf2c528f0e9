package sqlexec

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Statements outside an explicit transaction: a read runs locally (read.go);
// anything else is proposed as one log entry and reported from its apply
// result.

func (s *Session) query(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	if len(st.Exec) == 0 {
		tag := st.Tag
		if tag == "" {
			tag = "SELECT 0"
		}
		return w.Complete(tag)
	}
	if isUtilityWrite(st.Tag) && s.readOnlyNow() {
		// PostgreSQL refuses a utility command in a read-only
		// transaction before it looks at its objects (txmodes.go).
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	if st.Requires != nil {
		if err := s.requireExtension(ctx, st.Requires); err != nil { // extensions.go
			return err
		}
	}
	if st.AlterIfExists != "" {
		found, err := s.relationExists(ctx, st.AlterIfExists)
		if err != nil {
			return err
		}
		if !found {
			_ = w.Notice("NOTICE", "00000", fmt.Sprintf("relation \"%s\" does not exist, skipping", st.AlterIfExists))
			return w.Complete(st.Tag)
		}
	}
	if st.Kind == pgdialect.KindDropTables && len(st.DropIfExists) > 0 {
		for _, t := range st.DropIfExists {
			if !s.tableExists(ctx, t) {
				_ = w.Notice("NOTICE", "00000", fmt.Sprintf("table %q does not exist, skipping", t))
			}
		}
	}
	v := s.verdict(st) // verdict.go
	if v == nil || !v.guarded {
		for _, x := range st.Exec {
			if err := guardInternal(x); err != nil {
				return err
			}
		}
		if v != nil {
			v.guarded = true
		}
	}
	if st.Tag == "EXPLAIN" {
		w = &explainWriter{ResultWriter: w} // explain.go
	}
	if st.NoColumns {
		w = noColumnsWriter{w} // nocolumns.go
	}
	if s.tx != nil {
		return s.txExec(ctx, st, args, w, describe)
	}
	if s.defaultReadOnly() {
		return s.readOnlyStatement(ctx, st, args, w, describe) // txmodes.go
	}
	checked := false // st.Exec[0] passed checkWrite already
	if st.Kind == pgdialect.KindQuery && len(st.Exec) == 1 {
		sqlText := st.Exec[0]
		if d := s.statementTimeout(); d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		if st.ReadOnly {
			if err := s.barrier(ctx); err != nil {
				return err
			}
			err := s.streamRead(ctx, sqlText, args, readVerb(st.Tag), stmtHints(st), w, describe)
			if err != errNotReadonly {
				return err
			}
		} else if key := s.e.db.schemaKey(); v == nil || !v.writes || v.key != key {
			// Not known to write at this schema: ask SQLite, and check
			// the write allow-list on the same connection unless the
			// write is to run in the pipeline's transaction.
			cl, err := s.classify(ctx, sqlText, !s.pipeMore) // verdict.go
			switch cl {
			case classRead:
				if err := s.barrier(ctx); err != nil {
					return err
				}
				err := s.streamRead(ctx, sqlText, args, readVerb(st.Tag), stmtHints(st), w, describe)
				if err != errNotReadonly {
					return err
				}
			case classWrite:
			case classWriteChecked:
				if err != nil {
					return err
				}
				checked = true
				if v != nil {
					v.writes, v.key = true, key
				}
			default:
				// Preparing failed on this (possibly lagging) replica:
				// syntax errors are final; otherwise let the log decide
				// (the statement fails or succeeds at its log position).
				if e, ok := err.(*Error); ok && e.Code == CodeSyntaxError {
					return err
				}
			}
		} else {
			checked = true // remembered: writes, and passed the allow-list
		}
	}
	if s.pipeMore {
		// More extended-protocol messages may follow before Sync: the
		// write runs in the pipeline's implicit transaction, committed
		// at Sync (EndPipeline), so that a later error discards it.
		s.beginPipelineTxn()
		return s.txExec(ctx, st, args, w, describe)
	}
	// Write: propose.
	cmd := s.e.newCommand(nil)
	cmd.Database, cmd.User = s.names()
	for i, x := range st.Exec {
		var a []any
		if i == 0 || st.Kind == pgdialect.KindQuery {
			a = args
		}
		if i > 0 || !checked {
			if err := s.e.db.checkWrite(ctx, x); err != nil {
				return err
			}
		}
		x = s.substSettings(x) // currentsetting.go
		cmd.Statements = append(cmd.Statements, Statement{SQL: x, Args: a, Tag: subTag(st)})
	}
	res, err := s.propose(ctx, cmd)
	if err != nil {
		return err
	}
	return emitWrite(w, st, res.Results, describe)
}

// subTag is the tag verb of each SQLite statement of st.
func subTag(st *pgdialect.Stmt) string {
	if st.TableAs != nil {
		return "" // CREATE TABLE ... AS: each its own (the INSERT's count is the tag's)
	}
	switch st.Kind {
	case pgdialect.KindTruncate:
		return "DELETE"
	case pgdialect.KindDropTables:
		return "DROP TABLE"
	}
	return st.Tag
}

func (s *Session) propose(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	return s.proposeIn(ctx, cmd, s.zoneName())
}

// proposeIn is propose with the TimeZone the entry applies in: a
// transaction's, which SET LOCAL may have set (txn.zone).
func (s *Session) proposeIn(ctx context.Context, cmd *Command, zone string) (*ApplyResult, error) {
	if s.e.r == nil {
		return nil, errf(CodeInternal, "no replicator")
	}
	if cmd.Sequences == "" {
		cmd.Sequences = s.seqState // a transaction's COMMIT sets its own (seqtxn.go)
	}
	cmd.TimeZone = zone
	res, err := s.e.r.Propose(ctx, cmd)
	if err != nil {
		return nil, toError(err)
	}
	if res == nil {
		return nil, errf(CodeInternal, "no apply result")
	}
	if res.Sequences != "" {
		// also after a failure: the values it drew stay drawn
		// (keepDraws), and currval answers them as in PostgreSQL
		s.seqState = res.Sequences
	}
	if res.Err != nil {
		return nil, toError(res.Err)
	}
	// A duplicate (the same request committed earlier, e.g. re-proposed
	// after a leader change) carries the original command tags.
	return res, nil
}

// emitWrite reports the results of a proposed statement.
func emitWrite(w pgwire.ResultWriter, st *pgdialect.Stmt, results []StatementResult, describe bool) error {
	sendNotices(w, results) // notice.go
	if len(results) == 0 || st.NoRows || st.Kind == pgdialect.KindTruncate || st.Kind == pgdialect.KindDropTables {
		for _, r := range results {
			if r.Err != nil {
				return r.Err
			}
		}
		return w.Complete(st.Tag)
	}
	if len(results) == 1 {
		results[0].applyHints(stmtHints(st))
		return emit(w, &results[0], describe, "")
	}
	var n int64
	for _, r := range results {
		n += r.RowsAffected
	}
	if st.TableAs != nil {
		// CREATE TABLE ... AS: the rows its INSERT stored (the CREATE's
		// type checks are SELECTs of a row each)
		n = results[len(results)-1].RowsAffected
	}
	tag := st.Tag
	switch tag {
	case "INSERT", "UPDATE", "DELETE":
		tag = makeTag(tag, n)
	case "SELECT":
		if st.TableAs != nil {
			tag = makeTag(tag, n)
		}
	}
	return w.Complete(tag)
}

func emit(w pgwire.ResultWriter, r *StatementResult, describe bool, tag string) error {
	if r.Err != nil {
		return r.Err
	}
	if r.Tag == "EMPTY" {
		return w.EmptyQuery()
	}
	if r.Columns != nil {
		if describe {
			if err := w.Describe(r.Columns); err != nil {
				return err
			}
		}
		for _, row := range r.Rows {
			if err := w.Row(row); err != nil {
				return err
			}
		}
	}
	if tag == "" {
		tag = r.Tag
	}
	return w.Complete(tag)
}

func (s *Session) tableExists(ctx context.Context, name string) bool {
	found := false
	_ = s.readSchema(ctx, func(c *lconn) error {
		_, ok, err := queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ? COLLATE NOCASE", name)
		found = ok && err == nil
		return nil
	})
	return found
}

// relationExists reports whether a table or view named name exists in the
// state the session's statements see: its transaction's, or outside one
// the latest applied state (after a read barrier when the session reads
// linearizably). ALTER TABLE IF EXISTS reads it: a table dropped between
// this check and the ALTER's log position fails the ALTER with 42P01.
func (s *Session) relationExists(ctx context.Context, name string) (bool, error) {
	if s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return false, err
		}
	}
	found := false
	err := s.onTxState(ctx, func(c *lconn) error { // txn.go
		_, ok, err := queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ? COLLATE NOCASE", name)
		found = ok && err == nil
		return nil
	})
	return found, err
}

// beginPipelineTxn starts the implicit transaction of an extended-protocol
// pipeline, committed at Sync (EndPipeline).
func (s *Session) beginPipelineTxn() {
	tx := s.newTxn(&pgdialect.Stmt{})
	tx.implicit, tx.spec = true, true
	s.tx = tx
}
