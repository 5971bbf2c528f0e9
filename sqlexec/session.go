package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Session is one client connection's SQL session. Methods must not be
// called concurrently (the wire protocol is sequential per connection).
type Session struct {
	e        *Engine
	info     pgwire.SessionInfo
	mu       sync.Mutex
	settings map[string]string
	defaults map[string]string // settings at session start (RESET)
	tx       *txn
	closed   bool
	// pipeMore: the Execute running now is not known to be the last
	// message before Sync (extended protocol; see PipelineHint).
	pipeMore bool
}

// NewSession starts a session for one client connection.
func (e *Engine) NewSession(ctx context.Context, info pgwire.SessionInfo) (pgwire.Session, error) {
	s := &Session{e: e, info: info, settings: e.defaultSettings(info)}
	for k, v := range info.StartupParams {
		lk := strings.ToLower(k)
		switch lk {
		case "user", "database", "replication":
			continue
		case "options":
			// -c name=value ...
			f := strings.Fields(v)
			for i := 0; i < len(f); i++ {
				opt := f[i]
				if opt == "-c" && i+1 < len(f) {
					i++
					opt = f[i]
				} else if strings.HasPrefix(opt, "-c") {
					opt = opt[2:]
				} else if strings.HasPrefix(opt, "--") {
					opt = opt[2:]
				} else {
					continue
				}
				if j := strings.IndexByte(opt, '='); j > 0 {
					s.settings[strings.ToLower(strings.ReplaceAll(opt[:j], "-", "_"))] = opt[j+1:]
				}
			}
			continue
		}
		s.settings[lk] = v
	}
	if rc := s.settings["raftsql.read_consistency"]; rc != "stale" && rc != "linearizable" {
		s.settings["raftsql.read_consistency"] = "linearizable"
	}
	s.defaults = make(map[string]string, len(s.settings))
	for k, v := range s.settings {
		s.defaults[k] = v
	}
	return s, nil
}

// ParameterStatus returns the parameters reported to the client.
func (s *Session) ParameterStatus() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := make(map[string]string, len(reportedParams))
	for _, k := range reportedParams {
		m[k] = s.settings[strings.ToLower(k)]
	}
	return m
}

// Setting returns a session setting (lower-case name).
func (s *Session) Setting(name string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.settings[strings.ToLower(name)]
	return v, ok
}

// TxStatus reports the transaction state.
func (s *Session) TxStatus() pgwire.TxStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.tx == nil:
		return pgwire.TxIdle
	case s.tx.failed:
		return pgwire.TxFailed
	}
	return pgwire.TxActive
}

// Close releases the session; an open transaction is discarded.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endTx()
	s.closed = true
	return nil
}

// PipelineHint is called by the wire server before each extended-protocol
// Execute: syncNext reports whether the next message is known to be Sync.
// When it is not, a write does not commit on its own: it starts an
// implicit transaction that ends at Sync (EndPipeline), as PostgreSQL runs
// everything up to a Sync in one implicit transaction.
func (s *Session) PipelineHint(syncNext bool) {
	s.mu.Lock()
	s.pipeMore = !syncNext
	s.mu.Unlock()
}

// EndPipeline is called at Sync: it commits the pipeline's implicit
// transaction (or discards it after an error).
func (s *Session) EndPipeline(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pipeMore = false
	tx := s.tx
	if tx == nil || !tx.implicit {
		return nil
	}
	s.endTx()
	if tx.failed {
		return nil
	}
	return toError(s.commit(ctx, tx))
}

// translate translates one statement of the PostgreSQL dialect; an empty
// statement (only whitespace and comments) is KindEmpty.
func translate(sql string) (*pgdialect.Stmt, error) {
	st, err := pgdialect.Translate(sql)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return &pgdialect.Stmt{Kind: pgdialect.KindEmpty}, nil
	}
	return st, nil
}

// SimpleQuery runs every statement of sql in order.
func (s *Session) SimpleQuery(ctx context.Context, sql string, w pgwire.ResultWriter) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	parts := pgdialect.Split(sql)
	if len(parts) == 0 {
		return w.EmptyQuery()
	}
	// PostgreSQL parses the whole string before running any of it.
	stmts := make([]*pgdialect.Stmt, len(parts))
	// Character offset of each part in the query string, so that error
	// positions are relative to the whole string as in PostgreSQL.
	offs := make([]int, len(parts))
	for i, cur := 0, 0; i < len(parts); i++ {
		if j := strings.Index(sql[cur:], parts[i]); j >= 0 {
			offs[i] = len([]rune(sql[:cur+j]))
			cur += j + len(parts[i])
		}
	}
	shift := func(err error, i int) error {
		if e, ok := err.(*Error); ok && e.Pos > 0 && offs[i] > 0 {
			e.Pos += offs[i]
		}
		return err
	}
	for i, p := range parts {
		st, err := translate(p)
		if err != nil {
			err = toError(err)
			s.failTx()
			return shift(err, i)
		}
		stmts[i] = st
	}
	if s.tx == nil && len(stmts) > 1 {
		if handled, err := s.implicitTxn(ctx, stmts, w); handled {
			return err
		}
	}
	for i, p := range parts {
		st := stmts[i]
		if st.Kind == pgdialect.KindEmpty {
			if err := w.EmptyQuery(); err != nil {
				return err
			}
			continue
		}
		if err := s.exec(ctx, p, st, nil, w, true); err != nil {
			return shift(err, i)
		}
	}
	return nil
}

// implicitTxn runs a multi-statement query string that contains only
// plain statements (no transaction control, SET, COPY ...) and writes as one
// atomic log entry, as PostgreSQL runs such a string in one implicit
// transaction. The results reported are those of the apply. It returns
// handled=false when the string does not qualify.
func (s *Session) implicitTxn(ctx context.Context, stmts []*pgdialect.Stmt, w pgwire.ResultWriter) (bool, error) {
	writes := false
	for _, st := range stmts {
		switch st.Kind {
		case pgdialect.KindQuery, pgdialect.KindDropTables, pgdialect.KindTruncate:
		default:
			return false, nil
		}
		if len(st.Exec) == 0 || st.ParamCount > 0 || len(st.DropIfExists) > 0 {
			return false, nil
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
	var ranges [][2]int
	for _, st := range stmts {
		start := len(cmd.Statements)
		for _, x := range st.Exec {
			if err := guardInternal(x); err != nil {
				return true, err
			}
			if isPragmaWrite(x) {
				return true, Unsupported("PRAGMA assignment, ATTACH and DETACH")
			}
			if err := checkDeterministic(x); err != nil {
				return true, err
			}
			cmd.Statements = append(cmd.Statements, Statement{SQL: s.substNames(x), Tag: subTag(st)})
		}
		ranges = append(ranges, [2]int{start, len(cmd.Statements)})
	}
	if s.e.r == nil {
		return true, errf(CodeInternal, "no replicator")
	}
	res, err := s.e.r.Propose(ctx, cmd)
	if err != nil {
		return true, toError(err)
	}
	if res == nil {
		return true, errf(CodeInternal, "no apply result")
	}
	failed := len(cmd.Statements)
	if res.Err != nil {
		if e, ok := res.Err.(*Error); ok && e.Statement >= 0 {
			failed = e.Statement
		} else {
			return true, toError(res.Err)
		}
	}
	for i, st := range stmts {
		r := ranges[i]
		if r[1] > failed || r[1] > len(res.Results) {
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

// exec runs one translated statement. orig is the PostgreSQL text.
func (s *Session) exec(ctx context.Context, orig string, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) (err error) {
	if s.closed {
		return errf(CodeInternal, "session is closed")
	}
	if s.tx != nil {
		if d := s.durationSetting("idle_in_transaction_session_timeout"); d > 0 && s.e.now().Sub(s.tx.lastActive) > d {
			// An idle transaction holds no lock (optimistic execution),
			// only its read view until it is discarded
			// here, when the client comes back.
			s.endTx()
			return &Error{Code: "25P03", Sev: "FATAL", Statement: -1,
				Message: "terminating connection due to idle-in-transaction timeout"}
		}
		defer func() {
			if s.tx != nil {
				s.tx.lastActive = s.e.now()
			}
		}()
	}
	if s.tx != nil && s.tx.failed {
		switch st.Kind {
		case pgdialect.KindRollback, pgdialect.KindCommit, pgdialect.KindRollbackTo:
		default:
			return errf(CodeInFailedTransaction, "current transaction is aborted, commands ignored until end of transaction block")
		}
	}
	defer func() {
		if err != nil {
			err = toError(err)
			if e, ok := err.(*Error); ok {
				fixPosition(e, orig)
			}
			if st.Kind != pgdialect.KindCommit && st.Kind != pgdialect.KindRollback {
				s.failTx()
			}
		}
	}()
	ctx, cancel := s.statementContext(ctx, st)
	defer cancel()
	switch st.Kind {
	case pgdialect.KindEmpty:
		return w.EmptyQuery()
	case pgdialect.KindBegin:
		tag := st.Tag
		if tag == "" {
			tag = "BEGIN"
		}
		if s.tx != nil && s.tx.implicit {
			// BEGIN inside a pipeline's implicit transaction turns it
			// into a transaction block (as in PostgreSQL).
			s.tx.implicit = false
			if nt := s.newTxn(st); nt.readOnly {
				s.tx.readOnly = true
			}
			return w.Complete(tag)
		}
		if s.tx != nil {
			_ = w.Notice("WARNING", CodeActiveTransaction, "there is already a transaction in progress")
			return w.Complete(tag)
		}
		s.tx = s.newTxn(st)
		return w.Complete(tag)
	case pgdialect.KindCommit:
		if s.tx == nil {
			_ = w.Notice("WARNING", CodeNoActiveTransaction, "there is no transaction in progress")
			return w.Complete("COMMIT")
		}
		tx := s.tx
		s.endTx()
		if tx.failed {
			return w.Complete("ROLLBACK")
		}
		if err := s.commit(ctx, tx); err != nil {
			return err
		}
		return w.Complete("COMMIT")
	case pgdialect.KindRollback:
		if s.tx == nil {
			_ = w.Notice("WARNING", CodeNoActiveTransaction, "there is no transaction in progress")
		}
		s.endTx()
		return w.Complete("ROLLBACK")
	case pgdialect.KindSavepoint, pgdialect.KindRelease, pgdialect.KindRollbackTo:
		return s.savepoint(ctx, st, w)
	case pgdialect.KindSet:
		return s.set(st, w)
	case pgdialect.KindReset:
		return s.reset(st, w)
	case pgdialect.KindShow:
		return s.show(ctx, st, w, describe)
	case pgdialect.KindSetTransaction:
		if s.tx != nil && strings.Contains(strings.ToUpper(st.Value), "READ ONLY") {
			s.tx.readOnly = true
		}
		return w.Complete("SET")
	case pgdialect.KindNoop:
		tag := st.Tag
		if tag == "" {
			tag = "SELECT 0"
		}
		return w.Complete(tag)
	case pgdialect.KindCopyFrom:
		return s.copyFrom(ctx, st, w)
	case pgdialect.KindCopyTo:
		return s.copyTo(ctx, st, w)
	case pgdialect.KindDropTables, pgdialect.KindTruncate, pgdialect.KindQuery:
		return s.query(ctx, st, args, w, describe)
	}
	return Unsupported(fmt.Sprintf("statement kind %d", st.Kind))
}
