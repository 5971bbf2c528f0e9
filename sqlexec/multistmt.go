package sqlexec

import (
	"context"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Query strings of several statements. PostgreSQL runs them in one
// implicit transaction: atomic, whatever they mix. Session.SimpleQuery
// runs any such string as an implicit transaction (speculative, like an
// explicit one, committed after its last statement). The common case
// takes a fast path here: a string whose statements are plain SQL plus
// session-only statements (SET of presentation settings, SHOW, VACUUM
// ...) is proposed as one log entry of its SQL statements, with no
// speculation (each speculation replays the earlier statements, which is
// quadratic in a long string such as a schema dump).

// sessionOnlySettings are the settings a SET in a fast-path string may
// change: they affect only how this session presents and bounds its
// work, never what a statement in the log computes. (pg_dump's header
// sets most of them.) Anything else takes the implicit-transaction path.
// TimeZone is not one: a statement in the log reads zoneless timestamptz
// input in it, and its rows print in it, so each statement must run in
// the zone the statements before it in the string left (SET TIME ZONE is
// KindSet "timezone"). statement_timeout is one only while it stays 0
// (implicitTxn). search_path is not one: it decides which statements of
// the string find their relations (searchpath.go).
var sessionOnlySettings = map[string]bool{
	"application_name": true, "client_encoding": true, "client_min_messages": true,
	"datestyle": true, "intervalstyle": true, "extra_float_digits": true,
	"standard_conforming_strings": true, "statement_timeout": true,
	"lock_timeout": true, "idle_in_transaction_session_timeout": true, "bytea_output": true,
	"check_function_bodies": true, "xmloption": true, "row_security": true,
	"default_tablespace": true, "default_table_access_method": true, "synchronous_commit": true,
	"escape_string_warning": true,
}

// sessionOnly reports whether st changes nothing but this session's
// presentation settings (or nothing at all), so that it can run before
// the string's log entry is proposed without changing what the entry
// computes.
func sessionOnly(st *pgdialect.Stmt) bool {
	switch st.Kind {
	case pgdialect.KindEmpty, pgdialect.KindNoop:
		return true
	case pgdialect.KindShow:
		// Node settings (raftsql.*) would be read before the entry applies.
		return !strings.HasPrefix(strings.ToLower(st.Name), "raftsql.")
	case pgdialect.KindSet, pgdialect.KindReset:
		return !st.Local && sessionOnlySettings[strings.ToLower(st.Name)]
	}
	return false
}

// implicitTxn runs a multi-statement query string of plain statements
// (and session-only ones, see sessionOnly) that writes as one atomic log
// entry. The results reported are those of the apply; session-only
// statements run first, in order, their output held back and sent in
// its place in the string. It returns handled=false when the string does
// not qualify (it then runs as an implicit transaction, SimpleQuery).
func (s *Session) implicitTxn(ctx context.Context, parts []string, stmts []*pgdialect.Stmt, w pgwire.ResultWriter) (bool, error) {
	writes := false
	for _, st := range stmts {
		if st.NoTxBlock != "" {
			return false, nil // refused in the string's implicit transaction (session.go)
		}
		if sessionOnly(st) {
			continue
		}
		switch st.Kind {
		case pgdialect.KindQuery, pgdialect.KindDropTables, pgdialect.KindTruncate:
		default:
			return false, nil
		}
		if len(st.Exec) == 0 || st.ParamCount > 0 || len(st.DropIfExists) > 0 || st.OnConstraint != nil || st.Like != nil || st.IndexRename != nil || st.TableAs != nil || st.AlterIfExists != "" ||
			st.Requires != nil { // checked before it runs (query.go), not in the entry
			return false, nil
		}
		for _, x := range st.Exec {
			// they read or change the session as the string runs
			if pgdialect.MentionsFold(x, "current_setting") || pgdialect.MentionsFold(x, "set_config") {
				return false, nil
			}
		}
		if !st.ReadOnly {
			writes = true
		}
	}
	if !writes || len(stmts) > s.e.opts.MaxTxnStatements {
		return false, nil
	}
	cmd := s.e.newCommand(nil)
	cmd.Database, cmd.User = s.names()
	ranges := make([][2]int, len(stmts))
	for i, st := range stmts {
		start := len(cmd.Statements)
		if !sessionOnly(st) {
			if err := s.checkSearchPath(ctx, parts[i]); err != nil { // searchpath.go
				return true, err
			}
			for _, x := range st.Exec {
				if err := guardInternal(x); err != nil {
					return true, err
				}
				if err := s.e.db.checkWrite(ctx, x); err != nil {
					return true, err
				}
				cmd.Statements = append(cmd.Statements, Statement{SQL: x, Args: st.Bound, Tag: subTag(st)})
			}
		}
		ranges[i] = [2]int{start, len(cmd.Statements)}
	}
	// Session-only statements run now, in order (the SQL ones cannot see
	// or change session settings), into held-back output. If one fails,
	// the string takes the implicit-transaction path, which reports it
	// exactly as PostgreSQL would.
	saved := copySettings(s.settings)
	held := make([]*heldOutput, len(stmts))
	for i, st := range stmts {
		if !sessionOnly(st) {
			continue
		}
		held[i] = &heldOutput{}
		if err := s.exec(ctx, parts[i], st, nil, held[i], true); err != nil {
			s.settings = saved
			return false, nil
		}
	}
	if s.statementTimeout() > 0 || saved["statement_timeout"] != s.settings["statement_timeout"] {
		// PostgreSQL times each statement of the string on its own,
		// with the statement_timeout the statements before it left; the
		// implicit-transaction path does (statementContext), one entry
		// cannot.
		s.settings = saved
		return false, nil
	}
	if s.e.r == nil {
		s.settings = saved
		return true, errf(CodeInternal, "no replicator")
	}
	// The entry applies in the session's zone, which no statement of a
	// fast-path string changes (sessionOnlySettings).
	cmd.TimeZone = s.zoneName()
	res, err := s.e.r.Propose(ctx, cmd)
	if err == nil && res == nil {
		err = errf(CodeInternal, "no apply result")
	}
	if err != nil {
		s.settings = saved
		return true, toError(err)
	}
	failed := len(cmd.Statements)
	if res.Err != nil {
		if e, ok := res.Err.(*Error); ok && e.Statement >= 0 {
			failed = e.Statement
		} else {
			s.settings = saved
			return true, toError(res.Err)
		}
	}
	for i, st := range stmts {
		if held[i] != nil {
			if err := held[i].replay(w); err != nil {
				return true, err
			}
			continue
		}
		r := ranges[i]
		if r[1] > failed || r[1] > len(res.Results) {
			// The entry failed here and was rolled back on every node:
			// so are the session's settings (SET is transactional).
			s.settings = saved
			if res.Err != nil {
				return true, toError(res.Err)
			}
			return true, errf(CodeInternal, "missing statement results")
		}
		if err := emitWrite(w, st, res.Results[r[0]:r[1]], true); err != nil {
			return true, err
		}
	}
	return true, nil
}

func copySettings(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// heldOutput records one session-only statement's output, sent later in
// its place in the string.
type heldOutput struct {
	calls []func(pgwire.ResultWriter) error
}

func (h *heldOutput) add(f func(pgwire.ResultWriter) error) error {
	h.calls = append(h.calls, f)
	return nil
}

func (h *heldOutput) replay(w pgwire.ResultWriter) error {
	for _, f := range h.calls {
		if err := f(w); err != nil {
			return err
		}
	}
	return nil
}

func (h *heldOutput) Describe(cols []pgwire.Column) error {
	return h.add(func(w pgwire.ResultWriter) error { return w.Describe(cols) })
}
func (h *heldOutput) Row(values []any) error {
	return h.add(func(w pgwire.ResultWriter) error { return w.Row(values) })
}
func (h *heldOutput) Complete(tag string) error {
	return h.add(func(w pgwire.ResultWriter) error { return w.Complete(tag) })
}
func (h *heldOutput) EmptyQuery() error { return h.add(pgwire.ResultWriter.EmptyQuery) }
func (h *heldOutput) Notice(severity, code, message string, detail ...string) error {
	return h.add(func(w pgwire.ResultWriter) error { return w.Notice(severity, code, message, detail...) })
}
func (h *heldOutput) CopyIn(pgwire.CopyFormat, []pgwire.Column) (pgwire.CopySource, error) {
	return nil, errf(CodeInternal, "COPY in a session-only statement")
}
func (h *heldOutput) CopyOut(pgwire.CopyFormat, []pgwire.Column) error {
	return errf(CodeInternal, "COPY in a session-only statement")
}
