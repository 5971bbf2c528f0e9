package pgwire

import (
	"context"
	"crypto/tls"
	"net"
)

// Engine is what the server needs from the SQL layer: one Session per
// client connection. The root package adapts sqlexec to this interface;
// pgwire never imports the SQL engine.
type Engine interface {
	NewSession(ctx context.Context, info SessionInfo) (Session, error)
}

// SessionInfo describes the client connection a session serves.
type SessionInfo struct {
	User       string
	Database   string
	RemoteAddr net.Addr
	BackendPID uint32
	// StartupParams are the parameters from the startup message
	// (application_name, client_encoding, DateStyle, options, ...).
	StartupParams map[string]string
	// TLS is the connection's TLS state, nil when the client did not
	// negotiate TLS: host-based rules (hostssl) and certificate
	// authentication read it.
	TLS *tls.ConnectionState
}

// TxStatus is the transaction status reported in ReadyForQuery.
type TxStatus byte

const (
	TxIdle   TxStatus = 'I'
	TxActive TxStatus = 'T'
	TxFailed TxStatus = 'E'
)

// Column describes one result column, as in RowDescription.
type Column struct {
	Name         string
	TableOID     uint32
	AttrNum      int16
	TypeOID      uint32
	TypeSize     int16
	TypeModifier int32
}

// Session executes SQL for one client connection.
type Session interface {
	// SimpleQuery runs every statement of a simple-protocol query string in
	// order, reporting each statement's outcome to w. It returns the first
	// statement error (after which the remaining statements are skipped).
	// An empty query string reports w.EmptyQuery.
	SimpleQuery(ctx context.Context, sql string, w ResultWriter) error
	// Prepare parses exactly one statement for the extended protocol.
	// paramOIDs are the client's declared parameter types (0 = unspecified).
	Prepare(ctx context.Context, sql string, paramOIDs []uint32) (Statement, error)
	// TxStatus reports the session's transaction state.
	TxStatus() TxStatus
	// ParameterStatus returns the session parameters the server reports to
	// the client (server_version, DateStyle, TimeZone, application_name,
	// ...); pgwire sends a ParameterStatus message whenever one changes.
	// The caller does not modify the map (a session may return the same
	// one while nothing changed).
	ParameterStatus() map[string]string
	// Close releases the session; an open transaction is rolled back.
	Close() error
}

// ParameterChangeSession is optionally implemented by a Session that knows
// when its reported parameters change: ParameterStatusChanged returns what
// ParameterStatus would, and whether it may differ from the map returned
// by its previous call (true on the first call). Before every
// ReadyForQuery the server then compares the parameters with those it sent
// only when they may have changed, instead of at every statement.
type ParameterChangeSession interface {
	ParameterStatusChanged() (params map[string]string, changed bool)
}

// PipelineSession is optionally implemented by a Session that runs the
// extended-protocol messages up to a Sync as one implicit transaction, as
// PostgreSQL does (a write followed by a failing statement in the same
// pipeline is discarded).
type PipelineSession interface {
	// PipelineHint is called before each Execute runs a portal. syncNext
	// is true only when the server knows that the next message is Sync
	// (it is buffered); false means more may follow before Sync.
	PipelineHint(syncNext bool)
	// EndPipeline is called at each Sync, before ReadyForQuery: it commits
	// the implicit transaction the pipeline started, if any, or discards
	// it after an error. An error is reported to the client (the
	// transaction did not commit).
	EndPipeline(ctx context.Context) error
}

// Statement is a parsed statement of the extended protocol.
type Statement interface {
	// ParamOIDs are the parameter types: declared by the client, inferred,
	// or 0 where unknown (never "text" for an unknown: pgx refuses to
	// encode Go integers for a text parameter).
	ParamOIDs() []uint32
	// Columns describes the rows the statement returns; nil means it
	// returns none (NoData).
	Columns() []Column
	// Execute runs the statement with decoded parameter values (nil,
	// int64, float64, bool, string, []byte, time.Time) and reports its
	// result to w. Rows are reported with w.Row; RowDescription is the
	// caller's business in the extended protocol.
	Execute(ctx context.Context, args []any, w ResultWriter) error
	Close() error
}

// ResultWriter receives a statement's outcome. Row values are nil, int64,
// float64, bool, string, []byte or time.Time; the server encodes them in
// text or binary according to the column's TypeOID and the format the
// client asked for.
type ResultWriter interface {
	// Describe announces the columns of the rows that follow (simple
	// protocol: sent as RowDescription).
	Describe(cols []Column) error
	Row(values []any) error
	// Complete ends one statement with its command tag ("INSERT 0 1",
	// "SELECT 3", "BEGIN", ...).
	Complete(tag string) error
	// EmptyQuery reports an empty statement.
	EmptyQuery() error
	// Notice sends a NoticeResponse (severity NOTICE/WARNING/...), with
	// the DETAIL field when detail is given.
	Notice(severity, code, message string, detail ...string) error
	// CopyIn starts COPY FROM STDIN: the server sends CopyInResponse and
	// returns a source of decoded rows (values typed by cols' TypeOIDs).
	CopyIn(format CopyFormat, cols []Column) (CopySource, error)
	// CopyOut starts COPY TO STDOUT: the server sends CopyOutResponse;
	// rows then written with Row are encoded as CopyData in format, and
	// Complete("COPY n") ends it with CopyDone + CommandComplete.
	CopyOut(format CopyFormat, cols []Column) error
}

// CopyRaw is the CopyFormat kind of a COPY OUT whose rows are one []byte
// value each, sent verbatim as one CopyData message (announced as binary,
// with no PGCOPY header or tuple framing): a file streamed in chunks, so
// that the bytes a client receives are the file (BACKUP TO STDOUT).
const CopyRaw = "raw"

// CopyFormat describes a COPY data format, as given in the COPY statement.
type CopyFormat struct {
	Kind      string // "text", "csv", "binary" or CopyRaw (COPY OUT only)
	Delimiter string // default tab (text) or comma (csv)
	Null      string // default \N (text) or "" (csv)
	Header    bool
	Quote     string // csv, default "
	Escape    string // csv, default same as Quote
	Table     string // COPY FROM: the table, for the CONTEXT of a bad row's error
	// csv, per copied column (nil: none): ForceQuote (COPY TO) quotes every
	// non-NULL value; ForceNotNull (COPY FROM) reads a value equal to the
	// null string as that string, not NULL; ForceNull (COPY FROM) reads a
	// quoted value equal to the null string as NULL too
	ForceQuote, ForceNotNull, ForceNull []bool
}

// CopySource yields the rows of a COPY FROM STDIN. Next returns up to max
// rows; io.EOF after the last batch (the client's CopyDone). A CopyFail from
// the client surfaces as an error.
type CopySource interface {
	Next(ctx context.Context, max int) ([][]any, error)
}

// SQLError is the error shape the server turns into an ErrorResponse. Errors
// that do not implement it are reported as XX000 internal_error. Optional
// extras are read through the interfaces below when implemented.
type SQLError interface {
	error
	SQLState() string
}

// Optional error details, reported when an SQLError also implements them.
type (
	errDetail     interface{ Detail() string }
	errHint       interface{ Hint() string }
	errPosition   interface{ Position() int }
	errTable      interface{ TableName() string }
	errConstraint interface{ ConstraintName() string }
	errColumn     interface{ ColumnName() string }
	errSeverity   interface{ Severity() string }
	errContext    interface{ Context() string }
)

// Notification is one asynchronous notification (LISTEN / NOTIFY).
type Notification struct {
	PID     uint32 // the notifying session's backend PID (0 when unknown)
	Channel string
	Payload string
}

// NotifyingSession is optionally implemented by a Session whose client
// may receive notifications. The server sends what TakeNotifications
// returns as NotificationResponse messages when the session is between
// transactions: just before a ReadyForQuery that reports idle, and while
// the connection waits idle for the client (woken by NotifyWake), as
// PostgreSQL does.
type NotifyingSession interface {
	// TakeNotifications returns and forgets the pending notifications.
	TakeNotifications() []Notification
	// NotifyWake is signalled (without blocking) after notifications
	// are queued.
	NotifyWake() <-chan struct{}
}
