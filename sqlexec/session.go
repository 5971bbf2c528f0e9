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
	// executing: the prepared statement whose Execute runs now (its
	// remembered classification, verdict.go).
	executing *PreparedStatement
	advID     string            // advisory lock holder id, set at the first lock (advisory.go)
	named     map[string]*named // SQL-level PREPAREd statements (sqlprepare.go)
	// preparedKept: recent Parses' outcomes by text (preparecache.go)
	preparedKept map[string]*preparedKept
	// shapes: translations of literal shapes (shapecache.go)
	shapes  map[string]*shapeKept
	temp    *tempSpace         // temporary objects (temp.go), nil until the first CREATE TEMP
	cursors map[string]*cursor // DECLAREd cursors (cursor.go)
	// reported is ParameterStatus's last answer, returned again while no
	// reported value changed (it is asked before every ReadyForQuery).
	reported map[string]string
	// reportedVals are reported's values in reportedKeys' order (compared
	// with the settings without a lookup in reported), and reportedNew
	// says whether reported was rebuilt since ParameterStatusChanged was
	// last asked.
	reportedVals []string
	reportedNew  bool
	// boundNames are names() once computed, which bindConn points read
	// connections at.
	boundNames *[2]string
	// watch stops the session's reads when their context ends, with one
	// registration per context (budget.go).
	watch ctxWatch
	// seqState: the session's sequence history for currval/lastval
	// (sequences.go), as the last entry it proposed left it.
	seqState string
	inbox    notifyInbox // notifications for the client (notify.go)
	channels []string    // channels LISTENed to, in LISTEN order (notify.go)
	// setConfigFn is setConfig, which bindConn points read connections
	// at; stmtSet undoes the set_config changes of the statement running
	// outside a transaction (setconfig.go).
	setConfigFn setConfigFunc
	stmtSet     *stmtSettings
	// fillingCursor: DECLARE is computing a cursor's rows (cursor.go).
	fillingCursor bool
	// planConsts: the verdicts of constants evaluated before a statement
	// runs, by planConstKey (planconst.go); nil: none is a data exception.
	planConsts map[string]*Error
	// litCols: the columns of the tables whose assigned literals were
	// read (literalpos.go), at schema version litColsVer.
	litCols    map[string][]tableCol
	litColsVer int64
	// litStmts: the assigned literals of statements by their text
	// (literalpos.go).
	litStmts map[string]assignedLits
}

// NewSession starts a session for one client connection.
func (e *Engine) NewSession(ctx context.Context, info pgwire.SessionInfo) (pgwire.Session, error) {
	s := &Session{e: e, info: info, settings: e.defaultSettings(info)}
	s.setConfigFn = s.setConfig
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
	for k, v := range s.settings {
		cv, err := checkSetting(k, v) // settings_values.go
		if err != nil {
			return nil, err
		}
		s.settings[k] = cv
	}
	if rc := s.settings["raftsql.read_consistency"]; rc != "stale" && rc != "linearizable" {
		s.settings["raftsql.read_consistency"] = "linearizable"
	}
	s.syncTxModes() // txmodes.go
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
	return s.parameterStatus()
}

// ParameterStatusChanged is ParameterStatus and whether its map was
// rebuilt (some reported value changed) since the previous call of
// ParameterStatusChanged: pgwire.ParameterChangeSession.
func (s *Session) ParameterStatusChanged() (map[string]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.parameterStatus()
	changed := s.reportedNew
	s.reportedNew = false
	return m, changed
}

func (s *Session) parameterStatus() map[string]string {
	if m := s.reported; m != nil {
		same := true
		for i, k := range reportedKeys {
			if s.reportedVals[i] != s.settings[k] {
				same = false
				break
			}
		}
		if same {
			return m
		}
	}
	m := make(map[string]string, len(reportedParams))
	vals := make([]string, len(reportedParams))
	for i, k := range reportedParams {
		vals[i] = s.settings[reportedKeys[i]]
		m[k] = vals[i]
	}
	s.reported, s.reportedVals, s.reportedNew = m, vals, true
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
	s.cursors = nil
	s.watch.release()
	s.releaseAdvisory(context.Background(), false)
	s.e.db.notify.unlisten(s, "*")
	if s.temp != nil {
		s.temp.close()
		s.temp = nil
	}
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
	if tx.failed {
		s.abortTx()
		return nil
	}
	s.endTx()
	if err := s.commit(ctx, tx); err != nil {
		return toError(err)
	}
	s.commitListens(tx)
	return nil
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
	pieces := pgdialect.SplitPieces(sql)
	if len(pieces) == 0 {
		return w.EmptyQuery()
	}
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		parts[i] = p.Text
	}
	// PostgreSQL parses the whole string before running any of it.
	stmts, err := s.parseString(ctx, sql, pieces) // parsefirst.go
	if err != nil {
		s.failTx()
		return err
	}
	// Error positions are relative to the whole string as in PostgreSQL.
	shift := func(err error, i int) error { return placeInString(err, pieces[i], sql) }
	if s.tx == nil && len(stmts) > 1 && !s.mayUseTemp(stmts) && !s.defaultReadOnly() {
		if handled, err := s.implicitTxn(ctx, parts, stmts, w); handled {
			return err
		}
	}
	// Otherwise the statements run one by one. PostgreSQL runs a string
	// of several statements in one implicit transaction, whatever they
	// are: it is atomic (an error rolls back the earlier statements), an
	// explicit BEGIN in it turns it into a transaction block, and COMMIT
	// or ROLLBACK in it end it (a new one starts with the next statement).
	multi := len(stmts) > 1
	for i, p := range parts {
		st := stmts[i]
		if st.Kind == pgdialect.KindEmpty {
			if err := w.EmptyQuery(); err != nil {
				return err
			}
			continue
		}
		if multi && s.tx == nil {
			s.tx = s.newTxn(&pgdialect.Stmt{})
			s.tx.implicit = true
		}
		if err := s.exec(ctx, p, st, nil, w, true); err != nil {
			if s.tx != nil && s.tx.implicit {
				s.abortTx()
			}
			return shift(err, i)
		}
	}
	if s.tx != nil && s.tx.implicit {
		tx := s.tx
		s.endTx()
		return toError(s.commit(ctx, tx))
	}
	return nil
}

// exec runs one translated statement. orig is the PostgreSQL text.
func (s *Session) exec(ctx context.Context, orig string, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) (err error) {
	if s.closed {
		return errf(CodeInternal, "session is closed")
	}
	if args == nil && st.Bound != nil {
		args = st.Bound // a kept shape's lifted literals (shapecache.go)
	}
	if min := s.settings["client_min_messages"]; min == "warning" || min == "error" {
		w = minMessagesWriter{w, s} // minmessages.go (raftsql sends no notice below NOTICE)
	}
	if err := s.advisoryLost(); err != nil {
		return err
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
	outer := ctx
	defer func() {
		if err != nil {
			// a read of a sequence as a relation: run again over its row
			// (seqrelation.go); nothing was sent, SQLite failed to prepare
			if e, ok := toError(err).(*Error); ok {
				if again, ok := s.sequenceRelationRead(context.WithoutCancel(outer), orig, st, e); ok {
					if st2, terr := s.translate(outer, again); terr == nil {
						err = s.exec(outer, again, st2, args, w, describe)
						return
					}
				}
			}
		}
		s.endStatementSettings(err != nil) // setconfig.go
		if err != nil {
			err = toError(err)
			if e, ok := err.(*Error); ok {
				s.sequenceRelationError(context.WithoutCancel(ctx), orig, e) // seqrelation.go: ctx is the statement's, cancelled by now
				s.placeLiteralInput(context.WithoutCancel(ctx), e, orig)     // literalpos.go
				fixPosition(e, orig)
			}
			if st.Kind != pgdialect.KindCommit && st.Kind != pgdialect.KindRollback {
				s.failTx()
			}
		}
	}()
	ctx, cancel := s.statementContext(ctx, st)
	defer cancel()
	if err := s.checkSearchPath(ctx, orig); err != nil { // searchpath.go
		return err
	}
	if st.Like != nil {
		expanded, err := s.expandLike(ctx, st) // createlike.go
		if err != nil {
			return err
		}
		st = expanded
	}
	if st.IndexRename != nil {
		expanded, done, err := s.expandIndexRename(ctx, st, w) // index_rename.go
		if err != nil || done {
			return err
		}
		st = expanded
	}
	if st.TableAs != nil && len(st.Exec) == 0 {
		expanded, done, err := s.expandTableAs(ctx, orig, st, w) // tableas.go
		if err != nil || done {
			return err
		}
		st = expanded
	}
	if st.OnConstraint != nil {
		resolved, err := s.resolveOnConstraint(ctx, orig, st) // onconstraint.go
		if err != nil {
			return err
		}
		st = resolved
	}
	if st.NoTxBlock != "" && s.tx != nil {
		// PostgreSQL's PreventInTransactionBlock: the error aborts the
		// block, so what it wrote is rolled back, not committed.
		return errf(CodeActiveTransaction, "%s cannot run inside a transaction block", st.NoTxBlock)
	}
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
			for _, m := range st.TxModes {
				if err := s.setTxMode(m.Name, m.Value); err != nil { // txmodes.go
					return err
				}
			}
			return w.Complete(tag)
		}
		if s.tx != nil {
			_ = w.Notice("WARNING", CodeActiveTransaction, "there is already a transaction in progress")
			// PostgreSQL still applies the options, with their checks
			for _, m := range st.TxModes {
				if err := s.setTxMode(m.Name, m.Value); err != nil {
					return err
				}
			}
			return w.Complete(tag)
		}
		s.tx = s.newTxn(st)
		return w.Complete(tag)
	case pgdialect.KindCommit:
		if st.Chain && (s.tx == nil || s.tx.implicit) {
			return errf(CodeNoActiveTransaction, "COMMIT AND CHAIN can only be used in transaction blocks")
		}
		chain := s.chainModes(st) // txmodes.go
		if s.tx == nil || s.tx.implicit {
			// In an implicit transaction PostgreSQL warns and commits it.
			_ = w.Notice("WARNING", CodeNoActiveTransaction, "there is no transaction in progress")
			if s.tx == nil {
				return w.Complete("COMMIT")
			}
		}
		tx := s.tx
		if tx.failed {
			s.abortTx()
			s.chain(chain)
			return w.Complete("ROLLBACK")
		}
		s.endTx()
		if err := s.commit(ctx, tx); err != nil {
			return err
		}
		s.commitListens(tx) // notify.go
		s.chain(chain)
		return w.Complete("COMMIT")
	case pgdialect.KindRollback:
		if st.Chain && (s.tx == nil || s.tx.implicit) {
			return errf(CodeNoActiveTransaction, "ROLLBACK AND CHAIN can only be used in transaction blocks")
		}
		chain := s.chainModes(st)
		if s.tx == nil || s.tx.implicit {
			_ = w.Notice("WARNING", CodeNoActiveTransaction, "there is no transaction in progress")
		}
		s.abortTx()
		s.chain(chain)
		return w.Complete("ROLLBACK")
	case pgdialect.KindSavepoint, pgdialect.KindRelease, pgdialect.KindRollbackTo:
		return s.savepoint(ctx, st, w)
	case pgdialect.KindSet:
		return s.set(st, w)
	case pgdialect.KindReset:
		return s.reset(st, w)
	case pgdialect.KindShow:
		return s.show(ctx, st, w, describe)
	case pgdialect.KindSetConstraints:
		return s.setConstraints(ctx, st, w) // deferred.go
	case pgdialect.KindSetTransaction:
		return s.setTransaction(st, w) // txmodes.go
	case pgdialect.KindLock:
		return s.lockTables(ctx, st, w) // lock.go
	case pgdialect.KindNoop:
		tag := st.Tag
		if tag == "" {
			tag = "SELECT 0"
		}
		if (tag == "GRANT" || tag == "REVOKE") && s.readOnlyNow() {
			return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", tag) // txmodes.go
		}
		if tag == "GRANT" || tag == "REVOKE" {
			// Accepted so that dumps and migrations run, but a user who
			// revokes access must not believe it is withheld.
			_ = w.Notice("WARNING", "01000", tag+" is accepted but not enforced: every role may read and write every table (docs/sql-dialect.md, \"Roles\")")
		}
		if tag == "DISCARD ALL" {
			s.named = nil   // DISCARD ALL includes DEALLOCATE ALL
			s.cursors = nil // and CLOSE ALL
		}
		if (tag == "DISCARD ALL" || tag == "DISCARD TEMP" || tag == "DISCARD TEMPORARY") && s.temp != nil {
			s.temp.close() // drops the session's temporary objects
			s.temp = nil
		}
		if tag == "CHECKPOINT" {
			if err := s.requireSuperuser("must be superuser or have privileges of pg_checkpoint to do CHECKPOINT"); err != nil {
				return err
			}
			if err := s.checkpoint(ctx); err != nil {
				return err
			}
		}
		return w.Complete(tag)
	case pgdialect.KindAlterCluster:
		if err := s.requireSuperuser("must be superuser to alter the cluster"); err != nil {
			return err
		}
		return s.alterCluster(ctx, st, w)
	case pgdialect.KindRole:
		return s.role(ctx, st, w)
	case pgdialect.KindPrepare:
		return s.sqlPrepare(ctx, st, w)
	case pgdialect.KindExecute:
		return s.sqlExecute(ctx, st, args, w, describe)
	case pgdialect.KindDeallocate:
		return s.sqlDeallocate(st, w)
	case pgdialect.KindDeclare:
		return s.declareCursor(ctx, st, args, w) // cursor.go
	case pgdialect.KindFetch:
		return s.fetchCursor(st, w, describe)
	case pgdialect.KindClose:
		return s.closeCursor(st, w)
	case pgdialect.KindBackup:
		return s.backup(ctx, w)
	case pgdialect.KindListen, pgdialect.KindUnlisten, pgdialect.KindNotify:
		return s.notifyStmt(ctx, st, w) // notify.go
	case pgdialect.KindCopyFrom:
		return s.copyFrom(ctx, st, w)
	case pgdialect.KindCopyTo:
		return s.copyTo(ctx, st, w)
	case pgdialect.KindDropTables, pgdialect.KindTruncate, pgdialect.KindQuery:
		if err := s.planConstants(ctx, orig, st); err != nil { // planconst.go
			return err
		}
		if err := s.assignedLiteralError(ctx, orig, st); err != nil { // literalpos.go
			return err
		}
		if err := s.conflictRefError(ctx, st); err != nil { // conflictrefs.go
			return err
		}
		if handled, err := s.tempExec(ctx, st, args, w, describe); handled { // temp.go
			return err
		}
		if call, err := pgdialect.ParseAdvisory(orig); err != nil || call != nil {
			if err != nil {
				return err
			}
			return s.runAdvisory(ctx, call, args, w, describe)
		}
		if call, err := pgdialect.ParseNotifyCall(orig); err != nil || call != nil {
			if err != nil {
				return err
			}
			return s.notifyCall(ctx, call, args, w, describe) // notify.go
		}
		if col, err := pgdialect.ParseListeningCall(orig); err != nil || col != "" {
			if err != nil {
				return err
			}
			return s.listeningChannels(col, w, describe) // notify.go
		}
		return s.query(ctx, st, args, w, describe)
	}
	return Unsupported(fmt.Sprintf("statement kind %d", st.Kind))
}
