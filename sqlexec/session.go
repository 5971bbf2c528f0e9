package sqlexec

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// EngineOptions configure sessions.
type EngineOptions struct {
	ServerVersion string // reported server_version (default pgdialect.PostgresVersion)
	// DefaultReadConsistency: "linearizable" (default) or "stale".
	DefaultReadConsistency string
	MaxTxnStatements       int // statements per explicit transaction (default 1000)
	MaxTxnBytes            int // SQL+argument bytes per transaction (default 16 MiB)
	CopyBatchRows          int // rows per log entry for COPY FROM (default 1000)
	Logger                 *slog.Logger
	// NodeSettings answers SHOW for the node's own settings
	// (raftsql.leader, ...); nil when the engine runs without a node.
	NodeSettings NodeSettings
}

// Engine creates sessions over a DB and a Replicator.
type Engine struct {
	db   *DB
	r    Replicator
	opts EngineOptions
	log  *slog.Logger
}

// NewEngine returns an Engine.
func NewEngine(db *DB, r Replicator, opts EngineOptions) *Engine {
	if opts.ServerVersion == "" {
		opts.ServerVersion = pgdialect.PostgresVersion
	}
	if opts.DefaultReadConsistency == "" {
		opts.DefaultReadConsistency = "linearizable"
	}
	if opts.MaxTxnStatements <= 0 {
		opts.MaxTxnStatements = 1000
	}
	if opts.MaxTxnBytes <= 0 {
		opts.MaxTxnBytes = 16 << 20
	}
	if opts.CopyBatchRows <= 0 {
		opts.CopyBatchRows = 1000
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Engine{db: db, r: r, opts: opts, log: opts.Logger}
}

// DB returns the engine's database.
func (e *Engine) DB() *DB { return e.db }

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

// reported parameters (ParameterStatus).
var reportedParams = []string{"application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
	"in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding", "server_version",
	"session_authorization", "standard_conforming_strings", "TimeZone"}

func (e *Engine) defaultSettings(info pgwire.SessionInfo) map[string]string {
	return map[string]string{
		"application_name":                    "",
		"client_encoding":                     "UTF8",
		"datestyle":                           "ISO, MDY",
		"default_transaction_read_only":       "off",
		"in_hot_standby":                      "off",
		"integer_datetimes":                   "on",
		"intervalstyle":                       "postgres",
		"is_superuser":                        "on",
		"server_encoding":                     "UTF8",
		"server_version":                      e.opts.ServerVersion,
		"server_version_num":                  pgdialect.ServerVersionNum(e.opts.ServerVersion),
		"session_authorization":               info.User,
		"standard_conforming_strings":         "on",
		"timezone":                            "UTC",
		"search_path":                         `"$user", public`,
		"statement_timeout":                   "0",
		"lock_timeout":                        "0",
		"idle_in_transaction_session_timeout": "0",
		"extra_float_digits":                  "1",
		"client_min_messages":                 "notice",
		"max_identifier_length":               "63",
		"transaction_isolation":               "serializable",
		"default_transaction_isolation":       "serializable",
		"transaction_read_only":               "off",
		"lc_messages":                         "C",
		"lc_monetary":                         "C",
		"lc_numeric":                          "C",
		"lc_time":                             "C",
		"bytea_output":                        "hex",
		"raftsql.read_consistency":            e.opts.DefaultReadConsistency,
	}
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
	cmd := &Command{RequestID: s.e.newRequestID(), Timestamp: s.e.now().UnixMicro(), Seed: s.e.randUint64()}
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

func (s *Session) failTx() {
	if s.tx != nil {
		s.tx.failed = true
	}
}

// toError converts any error to *Error (keeping SQLSTATE-bearing errors).
func toError(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, context.Canceled) {
		return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to user request", Statement: -1}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to statement timeout", Statement: -1}
	}
	type sqlStater interface{ SQLState() string }
	var ss sqlStater
	if errors.As(err, &ss) {
		out := &Error{Code: ss.SQLState(), Message: err.Error(), Statement: -1}
		if h, ok := err.(interface{ Hint() string }); ok {
			out.HintText = h.Hint()
		}
		if p, ok := ext(err); ok {
			out.Pos = p
		}
		return out
	}
	return &Error{Code: CodeInternal, Message: err.Error(), Statement: -1}
}

func ext(err error) (int, bool) {
	type poser interface{ Position() int }
	var p poser
	if errors.As(err, &p) {
		return p.Position(), true
	}
	return 0, false
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

func (s *Session) newTxn(st *pgdialect.Stmt) *txn {
	tx := &txn{ts: s.e.now().UnixMicro(), seed: s.e.randUint64(), dg: newDigester(), lastActive: s.e.now()}
	up := strings.ToUpper(st.Value)
	if strings.Contains(up, "READ ONLY") || s.settings["default_transaction_read_only"] == "on" {
		tx.readOnly = true
	}
	return tx
}

// now reads the engine's clock (the DB's Options.Clock).
func (e *Engine) now() time.Time { return e.db.opts.Clock() }

// randUint64 draws a write's seed from the engine's randomness.
func (e *Engine) randUint64() uint64 {
	var b [8]byte
	_, _ = io.ReadFull(e.db.opts.Rand, b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// newRequestID draws a fresh request id from the engine's randomness.
func (e *Engine) newRequestID() [16]byte {
	var id [16]byte
	_, _ = io.ReadFull(e.db.opts.Rand, id[:])
	return id
}

// ---- settings ----

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

func (s *Session) set(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	name := strings.ToLower(st.Name)
	val := st.Value
	if name == "time zone" {
		name = "timezone"
	}
	if st.Local {
		if s.tx == nil {
			_ = w.Notice("WARNING", CodeNoActiveTransaction, "SET LOCAL can only be used in transaction blocks")
			return w.Complete("SET")
		}
		if s.tx.localSaved == nil {
			s.tx.localSaved = map[string]*string{}
		}
		if _, ok := s.tx.localSaved[name]; !ok {
			if old, ok := s.settings[name]; ok {
				s.tx.localSaved[name] = &old
			} else {
				s.tx.localSaved[name] = nil
			}
		}
	}
	switch name {
	case "raftsql.read_consistency":
		v := strings.ToLower(strings.TrimSpace(val))
		if v != "stale" && v != "linearizable" {
			return &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter %q: %q", name, val),
				HintText: "Available values: linearizable, stale.", Statement: -1}
		}
		val = v
	case "time zone":
		name = "timezone"
	case "transaction_isolation", "default_transaction_isolation":
		val = strings.ToLower(val)
	case "transaction_read_only":
		if s.tx != nil && isOn(val) {
			s.tx.readOnly = true
		}
	case "names":
		name = "client_encoding"
	}
	if name == "client_encoding" {
		u := strings.ToUpper(strings.ReplaceAll(val, "-", ""))
		if u != "UTF8" && u != "UNICODE" {
			return &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter \"client_encoding\": %q", val), Statement: -1}
		}
		val = "UTF8"
	}
	if name == "timezone" && (strings.EqualFold(val, "utc") || strings.EqualFold(val, "local")) {
		val = "UTC"
	}
	s.settings[name] = val
	return w.Complete("SET")
}

func isOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "1", "yes":
		return true
	}
	return false
}

func (s *Session) reset(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	name := strings.ToLower(st.Name)
	def := s.defaults
	if name == "all" || name == "" {
		for k, v := range def {
			s.settings[k] = v
		}
	} else if v, ok := def[name]; ok {
		s.settings[name] = v
	} else {
		delete(s.settings, name)
	}
	tag := st.Tag
	if tag == "" {
		tag = "RESET"
	}
	return w.Complete(tag)
}

func (s *Session) show(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter, describe bool) error {
	name := strings.ToLower(st.Name)
	if cols := s.nodeSettingColumns(name); cols != nil {
		return s.showNode(ctx, name, cols, w, describe)
	}
	if name == "all" {
		cols := []pgwire.Column{textCol("name"), textCol("setting"), textCol("description")}
		if describe {
			if err := w.Describe(cols); err != nil {
				return err
			}
		}
		keys := make([]string, 0, len(s.settings))
		for k := range s.settings {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := w.Row([]any{k, s.settings[k], ""}); err != nil {
				return err
			}
		}
		return w.Complete(fmt.Sprintf("SHOW"))
	}
	if name == "time zone" {
		name = "timezone"
	}
	v, ok := s.settings[name]
	if !ok {
		return &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("unrecognized configuration parameter %q", name), Statement: -1}
	}
	colName := name
	for _, k := range reportedParams {
		if strings.ToLower(k) == name {
			colName = k
		}
	}
	if describe {
		if err := w.Describe([]pgwire.Column{textCol(colName)}); err != nil {
			return err
		}
	}
	if err := w.Row([]any{v}); err != nil {
		return err
	}
	return w.Complete("SHOW")
}

func textCol(name string) pgwire.Column {
	return pgwire.Column{Name: name, TypeOID: pgoid.Text, TypeSize: -1, TypeModifier: -1}
}

func (s *Session) linearizable() bool { return s.settings["raftsql.read_consistency"] != "stale" }

func (s *Session) barrier(ctx context.Context) error {
	if !s.linearizable() || s.e.r == nil {
		return nil
	}
	if err := s.e.r.ReadBarrier(ctx); err != nil {
		return toError(err)
	}
	return nil
}

// ---- queries ----

// notReadonly is returned by tryRead when the statement writes.
var errNotReadonly = errors.New("statement is not read-only")

// tryRead executes sqlText on a read connection if SQLite says it is
// read-only; errNotReadonly otherwise.
func (s *Session) tryRead(ctx context.Context, sqlText string, args []any, verb string, prechecked bool) (StatementResult, error) {
	var res StatementResult
	err := s.e.db.withReader(ctx, func(c *lconn) error {
		if err := guardInternal(sqlText); err != nil {
			return err
		}
		st, tail, err := c.prepare(sqlText)
		if err != nil {
			return mapError(err, sqlText)
		}
		if st == nil {
			res.Tag = "EMPTY"
			return nil
		}
		defer st.finalize()
		if !st.readonly() || strings.TrimSpace(tail) != "" || isPragmaWrite(sqlText) {
			return errNotReadonly
		}
		if !prechecked {
			// Classification done; run after the barrier.
			return nil
		}
		defer s.bindConn(c)()
		res = runPrepared(c, st, sqlText, args, verb)
		return nil
	})
	if err != nil {
		return res, err
	}
	return res, res.Err
}

// streamRead runs a read-only statement on a read connection, streaming
// rows to w. It returns errNotReadonly, before writing anything, if SQLite
// says the statement writes.
func (s *Session) streamRead(ctx context.Context, sqlText string, args []any, verb string, hints []uint32, w pgwire.ResultWriter, describe bool) error {
	return s.e.db.withReader(ctx, func(c *lconn) error {
		defer s.bindConn(c)()
		if err := guardInternal(sqlText); err != nil {
			return err
		}
		st, tail, err := c.prepareCached(sqlText)
		if err != nil {
			return mapError(err, sqlText)
		}
		if st == nil {
			return w.EmptyQuery()
		}
		defer st.release()
		if !st.readonly() || strings.TrimSpace(tail) != "" || isPragmaWrite(sqlText) {
			return errNotReadonly
		}
		ncol := st.columnCount()
		infos := make([]colInfo, ncol)
		for i := range infos {
			infos[i] = colInfo{name: st.columnName(i), decl: st.columnDecl(i)}
			if infos[i].decl == "" && i < len(hints) {
				infos[i].hint = hints[i]
			}
		}
		var cols []pgwire.Column
		nrows := int64(0)
		n, err := st.run(args, func(r []any) error {
			if cols == nil {
				cols = buildColumns(infos, r)
				if describe {
					if err := w.Describe(cols); err != nil {
						return err
					}
				}
			}
			convertRow(cols, r)
			nrows++
			return w.Row(r)
		})
		if err != nil {
			var se *sqliteErr
			if !errors.As(err, &se) {
				return err // the writer's own error
			}
			e := mapError(err, sqlText)
			if e.Code == CodeQueryCanceled && errors.Is(ctx.Err(), context.DeadlineExceeded) {
				e.Message = "canceling statement due to statement timeout"
			}
			return e
		}
		if cols == nil && ncol > 0 && describe {
			if err := w.Describe(buildColumns(infos, nil)); err != nil {
				return err
			}
		}
		if verb == "SELECT" {
			n = nrows
		}
		return w.Complete(makeTag(verb, n))
	})
}

func isPragmaWrite(sqlText string) bool {
	w := words(sqlText, 1)
	return len(w) == 1 && (w[0] == "PRAGMA" && strings.ContainsAny(sqlText, "=") || w[0] == "ATTACH" || w[0] == "DETACH")
}

// runPrepared runs a prepared statement (and finalizes nothing).
func runPrepared(c *lconn, st *lstmt, sqlText string, args []any, verb string) (res StatementResult) {
	ncol := st.columnCount()
	infos := make([]colInfo, ncol)
	for i := range infos {
		infos[i] = colInfo{name: st.columnName(i), decl: st.columnDecl(i)}
	}
	var rows [][]any
	n, err := st.run(args, func(r []any) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		res.Err = mapError(err, sqlText)
		return res
	}
	if ncol > 0 {
		var first []any
		if len(rows) > 0 {
			first = rows[0]
		}
		res.Columns = buildColumns(infos, first)
		res.declared = make([]bool, len(infos))
		for i := range infos {
			res.declared[i] = infos[i].decl != ""
		}
		for _, r := range rows {
			convertRow(res.Columns, r)
		}
		res.Rows = rows
	}
	if verb == "" {
		verb = deriveVerb(sqlText, true)
	}
	if verb == "SELECT" {
		res.RowsAffected = int64(len(rows))
	} else {
		res.RowsAffected = n
	}
	res.Tag = makeTag(verb, res.RowsAffected)
	return res
}

func (s *Session) query(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	if len(st.Exec) == 0 {
		tag := st.Tag
		if tag == "" {
			tag = "SELECT 0"
		}
		return w.Complete(tag)
	}
	if st.Kind == pgdialect.KindDropTables && len(st.DropIfExists) > 0 {
		for _, t := range st.DropIfExists {
			if !s.tableExists(ctx, t) {
				_ = w.Notice("NOTICE", "00000", fmt.Sprintf("table %q does not exist, skipping", t))
			}
		}
	}
	for _, x := range st.Exec {
		if err := guardInternal(x); err != nil {
			return err
		}
		if isPragmaWrite(x) {
			return Unsupported("PRAGMA assignment, ATTACH and DETACH")
		}
	}
	if s.tx != nil {
		return s.txExec(ctx, st, args, w, describe)
	}
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
			err := s.streamRead(ctx, sqlText, args, readVerb(st.Tag), st.ColumnOIDs, w, describe)
			if err != errNotReadonly {
				return err
			}
		} else {
			_, err := s.tryRead(ctx, sqlText, args, "", false)
			switch {
			case err == nil:
				if err := s.barrier(ctx); err != nil {
					return err
				}
				err := s.streamRead(ctx, sqlText, args, readVerb(st.Tag), st.ColumnOIDs, w, describe)
				if err != errNotReadonly {
					return err
				}
			case err == errNotReadonly:
			default:
				// Preparing failed on this (possibly lagging) replica:
				// syntax errors are final; otherwise let the log decide
				// (the statement fails or succeeds at its log position).
				if e, ok := err.(*Error); ok && e.Code == CodeSyntaxError {
					return err
				}
			}
		}
	}
	if s.pipeMore {
		// More extended-protocol messages may follow before Sync: the
		// write runs in the pipeline's implicit transaction, committed
		// at Sync (EndPipeline), so that a later error discards it.
		tx := s.newTxn(&pgdialect.Stmt{})
		tx.implicit, tx.spec = true, true
		s.tx = tx
		return s.txExec(ctx, st, args, w, describe)
	}
	// Write: propose.
	cmd := &Command{RequestID: s.e.newRequestID(), Timestamp: s.e.now().UnixMicro(), Seed: s.e.randUint64()}
	cmd.Database, cmd.User = s.names()
	for i, x := range st.Exec {
		var a []any
		if i == 0 || st.Kind == pgdialect.KindQuery {
			a = args
		}
		if err := checkDeterministic(x); err != nil {
			return err
		}
		cmd.Statements = append(cmd.Statements, Statement{SQL: s.substNames(x), Args: a, Tag: subTag(st)})
	}
	res, err := s.propose(ctx, cmd)
	if err != nil {
		return err
	}
	return emitWrite(w, st, res.Results, describe)
}

func readVerb(tag string) string {
	if tag == "" {
		return "SELECT"
	}
	return tag
}

// subTag is the tag verb of each SQLite statement of st.
func subTag(st *pgdialect.Stmt) string {
	switch st.Kind {
	case pgdialect.KindTruncate:
		return "DELETE"
	case pgdialect.KindDropTables:
		return "DROP TABLE"
	}
	return st.Tag
}

func (s *Session) propose(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	if s.e.r == nil {
		return nil, errf(CodeInternal, "no replicator")
	}
	res, err := s.e.r.Propose(ctx, cmd)
	if err != nil {
		return nil, toError(err)
	}
	if res == nil {
		return nil, errf(CodeInternal, "no apply result")
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
	if len(results) == 0 || st.Kind == pgdialect.KindTruncate || st.Kind == pgdialect.KindDropTables {
		for _, r := range results {
			if r.Err != nil {
				return r.Err
			}
		}
		return w.Complete(st.Tag)
	}
	if len(results) == 1 {
		results[0].applyHints(st.ColumnOIDs)
		return emit(w, &results[0], describe, "")
	}
	var n int64
	for _, r := range results {
		n += r.RowsAffected
	}
	tag := st.Tag
	switch tag {
	case "INSERT", "UPDATE", "DELETE":
		tag = makeTag(tag, n)
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

// nondeterministic functions that cannot be pinned.
var nondetFuncs = []string{"pg_backend_pid", "inet_client_addr", "inet_client_port", "inet_server_addr",
	"inet_server_port", "txid_current", "pg_current_xact_id", "load_extension", "sqlite_offset", "timeofday"}

func checkDeterministic(sqlText string) error {
	if w := words(sqlText, 3); len(w) >= 2 && w[0] == "CREATE" && (w[1] == "TEMP" || w[1] == "TEMPORARY") {
		return Unsupported("CREATE TEMPORARY objects (sessions are not pinned to one replica)")
	}
	low := strings.ToLower(sqlText)
	for _, f := range nondetFuncs {
		if i := strings.Index(low, f); i >= 0 {
			rest := strings.TrimLeft(low[i+len(f):], " \t\n")
			if strings.HasPrefix(rest, "(") {
				return Unsupported(fmt.Sprintf("%s() in a statement that writes (its value would differ between replicas)", f))
			}
		}
	}
	return nil
}

func (s *Session) tableExists(ctx context.Context, name string) bool {
	found := false
	_ = s.e.db.withReader(ctx, func(c *lconn) error {
		_, ok, err := queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ? COLLATE NOCASE", name)
		found = ok && err == nil
		return nil
	})
	return found
}

// ---- explicit transactions (optimistic, see docs/issue 6) ----

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
	err := s.e.db.withWriter(func(c *lconn, det *detState) error {
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

// ---- COPY ----

func copyFormat(cp *pgdialect.CopySpec) pgwire.CopyFormat {
	f := pgwire.CopyFormat{Kind: cp.Format, Delimiter: cp.Delimiter, Null: cp.Null, Header: cp.Header, Quote: cp.Quote, Escape: cp.Escape}
	if f.Kind == "" {
		f.Kind = "text"
	}
	if f.Kind == "csv" {
		if f.Delimiter == "" {
			f.Delimiter = ","
		}
		if f.Quote == "" {
			f.Quote = `"`
		}
		if f.Escape == "" {
			f.Escape = f.Quote
		}
	} else if f.Kind == "text" {
		if f.Delimiter == "" {
			f.Delimiter = "\t"
		}
		if f.Null == "" {
			f.Null = `\N`
		}
	}
	return f
}

// tableColumns returns the columns (name, OID) of table.
func (s *Session) tableColumns(ctx context.Context, table string) ([]pgwire.Column, error) {
	var cols []pgwire.Column
	err := s.e.db.withReader(ctx, func(c *lconn) error {
		st, _, err := c.prepare("SELECT name, type FROM pragma_table_info(?)")
		if err != nil {
			return mapError(err, "")
		}
		defer st.finalize()
		_, err = st.run([]any{table}, func(r []any) error {
			name, _ := r[0].(string)
			decl, _ := r[1].(string)
			oid := typeFromDecl(decl)
			if oid == 0 {
				oid = pgoid.Text
			}
			cols = append(cols, pgwire.Column{Name: name, TypeOID: oid, TypeSize: pgoid.Size(oid), TypeModifier: -1})
			return nil
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("relation %q does not exist", table), Table: table, Statement: -1}
	}
	return cols, nil
}

func (s *Session) copyFrom(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	cp := st.Copy
	if cp == nil || cp.Table == "" {
		return errf(CodeSyntaxError, "COPY FROM requires a table")
	}
	if err := guardInternal(cp.Table); err != nil {
		return err
	}
	all, err := s.tableColumns(ctx, cp.Table)
	if err != nil {
		return err
	}
	cols := all
	if len(cp.Columns) > 0 {
		cols = nil
		for _, name := range cp.Columns {
			found := false
			for _, c := range all {
				if strings.EqualFold(c.Name, name) {
					cols = append(cols, c)
					found = true
					break
				}
			}
			if !found {
				return &Error{Code: CodeUndefinedColumn, Message: fmt.Sprintf("column %q of relation %q does not exist", name, cp.Table), Statement: -1}
			}
		}
	}
	src, err := w.CopyIn(copyFormat(cp), cols)
	if err != nil {
		return err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quoteIdent(c.Name)
	}
	prefix := "INSERT INTO " + quoteIdent(cp.Table) + " (" + strings.Join(names, ", ") + ") VALUES "
	rowsPerStmt := 30000 / max(1, len(cols))
	if rowsPerStmt > 500 {
		rowsPerStmt = 500
	}
	var total int64
	var pending []Statement // rows of a COPY inside a transaction
	pendingBytes := 0
	for {
		rows, err := src.Next(ctx, s.e.opts.CopyBatchRows)
		if len(rows) > 0 {
			var stmts []Statement
			for start := 0; start < len(rows); start += rowsPerStmt {
				end := min(len(rows), start+rowsPerStmt)
				var b strings.Builder
				b.WriteString(prefix)
				args := make([]any, 0, (end-start)*len(cols))
				for i, r := range rows[start:end] {
					if len(r) != len(cols) {
						return &Error{Code: "22P04", Message: fmt.Sprintf("COPY row has %d columns, expected %d", len(r), len(cols)), Statement: -1}
					}
					if i > 0 {
						b.WriteString(", ")
					}
					b.WriteByte('(')
					for j := range r {
						if j > 0 {
							b.WriteString(", ")
						}
						b.WriteByte('?')
					}
					b.WriteByte(')')
					args = append(args, r...)
				}
				stmts = append(stmts, Statement{SQL: b.String(), Args: args, Tag: "INSERT"})
			}
			if s.tx != nil {
				// Inside a transaction the rows are speculated once, when
				// the COPY ends: speculating batch by batch would replay
				// every earlier batch each time (quadratic in its size).
				for i := range stmts {
					stmts[i].Digest = true
					pendingBytes += len(stmts[i].SQL) + 16*len(stmts[i].Args)
				}
				pending = append(pending, stmts...)
				if err := s.txLimits(len(pending), pendingBytes); err != nil {
					return err
				}
			} else {
				cmd := &Command{RequestID: s.e.newRequestID(), Timestamp: s.e.now().UnixMicro(), Seed: s.e.randUint64(), Statements: stmts}
				cmd.Database, cmd.User = s.names()
				if _, err := s.propose(ctx, cmd); err != nil {
					return err
				}
			}
			total += int64(len(rows))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return toError(err)
		}
		if len(rows) == 0 {
			// Defensive: a source returning no rows and no error.
			continue
		}
	}
	if len(pending) > 0 {
		if err := s.txWrite(ctx, pending, pendingBytes); err != nil {
			return err
		}
	}
	return w.Complete(fmt.Sprintf("COPY %d", total))
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

func (s *Session) copyTo(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	cp := st.Copy
	q := cp.Query
	if q == "" {
		if err := guardInternal(cp.Table); err != nil {
			return err
		}
		cl := "*"
		if len(cp.Columns) > 0 {
			names := make([]string, len(cp.Columns))
			for i, c := range cp.Columns {
				names[i] = quoteIdent(c)
			}
			cl = strings.Join(names, ", ")
		}
		q = "SELECT " + cl + " FROM " + quoteIdent(cp.Table)
	}
	var res StatementResult
	if s.tx != nil && !s.tx.spec {
		r, ro, err := s.runInReadView(ctx, s.tx, Statement{SQL: q, Tag: "SELECT"})
		if err != nil {
			return err
		}
		if !ro {
			return Unsupported("COPY (data-modifying query) TO")
		}
		if r.Err != nil {
			return r.Err
		}
		res = r
	} else if s.tx != nil {
		results, _, err := s.speculate(ctx, s.tx, []Statement{{SQL: q, Tag: "SELECT"}}, false)
		if err != nil {
			return err
		}
		res = results[0]
	} else {
		if err := s.barrier(ctx); err != nil {
			return err
		}
		var err error
		res, err = s.tryRead(ctx, q, nil, "SELECT", true)
		if err == errNotReadonly {
			return Unsupported("COPY (data-modifying query) TO")
		}
		if err != nil {
			return err
		}
	}
	cols := res.Columns
	if cols == nil && cp.Table != "" {
		c, err := s.tableColumns(ctx, cp.Table)
		if err == nil {
			cols = c
		}
	}
	if err := w.CopyOut(copyFormat(cp), cols); err != nil {
		return err
	}
	for _, r := range res.Rows {
		if err := w.Row(r); err != nil {
			return err
		}
	}
	return w.Complete(fmt.Sprintf("COPY %d", len(res.Rows)))
}

type discardWriter struct{}

func (discardWriter) Describe([]pgwire.Column) error      { return nil }
func (discardWriter) Row([]any) error                     { return nil }
func (discardWriter) Complete(string) error               { return nil }
func (discardWriter) EmptyQuery() error                   { return nil }
func (discardWriter) Notice(string, string, string) error { return nil }
func (discardWriter) CopyIn(pgwire.CopyFormat, []pgwire.Column) (pgwire.CopySource, error) {
	return nil, Unsupported("COPY here")
}
func (discardWriter) CopyOut(pgwire.CopyFormat, []pgwire.Column) error {
	return Unsupported("COPY here")
}

// statementTimeout parses the statement_timeout setting (ms, or with unit).
func (s *Session) statementTimeout() time.Duration { return s.durationSetting("statement_timeout") }

func (s *Session) durationSetting(name string) time.Duration {
	v := strings.TrimSpace(strings.ToLower(s.settings[name]))
	if v == "" || v == "0" {
		return 0
	}
	unit := time.Millisecond
	for _, u := range []struct {
		suf string
		d   time.Duration
	}{{"ms", time.Millisecond}, {"s", time.Second}, {"min", time.Minute}, {"h", time.Hour}} {
		if strings.HasSuffix(v, u.suf) {
			v, unit = strings.TrimSpace(strings.TrimSuffix(v, u.suf)), u.d
			break
		}
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(n * float64(unit))
}

// fixPosition points an error at the offending name in the client's
// (untranslated) statement text.
func fixPosition(e *Error, orig string) {
	name := ""
	switch e.Code {
	case CodeUndefinedTable:
		name = e.Table
	case CodeUndefinedColumn:
		name = e.Column
	case CodeSyntaxError:
		if m := reAtOrNear.FindStringSubmatch(e.Message); m != nil {
			name = m[1]
		} else if i := strings.Index(e.Message, "at or near \""); i >= 0 {
			name = strings.TrimSuffix(e.Message[i+len("at or near \""):], "\"")
		}
	}
	if name == "" || orig == "" {
		return
	}
	if i := strings.LastIndex(name, "."); i >= 0 && e.Code != CodeSyntaxError {
		name = name[i+1:]
	}
	low, n := strings.ToLower(orig), strings.ToLower(name)
	for from := 0; from < len(low); {
		i := strings.Index(low[from:], n)
		if i < 0 {
			return
		}
		i += from
		end := i + len(n)
		if (i == 0 || !isIdentByte(low[i-1])) && (end >= len(low) || !isIdentByte(low[end])) || !isIdentByte(n[0]) {
			e.Pos = len([]rune(orig[:i])) + 1
			return
		}
		from = i + 1
	}
}

var reAtOrNear = regexp.MustCompile(`at or near "(.*)"`)

// errTxnTooLarge: a transaction commits as one log entry, so its size is
// bounded; the hint says how to load more.
func errTxnTooLarge(limit int) *Error {
	return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d bytes", limit),
		HintText:  "raftsql replicates a transaction as one log entry. Split the work into smaller transactions, or run COPY outside a transaction block, where each batch of rows is its own entry.",
		Statement: -1}
}

// The engine implements the wire server's contract directly.
var (
	_ pgwire.Engine          = (*Engine)(nil)
	_ pgwire.Session         = (*Session)(nil)
	_ pgwire.PipelineSession = (*Session)(nil)
	_ pgwire.Statement       = (*PreparedStatement)(nil)
)
