// Package pgdialect translates the PostgreSQL dialect that tools and
// applications send into SQLite SQL, lexically: the statement text is
// tokenized (quotes, E” strings, "identifiers", $tag$ dollar quotes, nested
// comments, $n parameters, operators) and only the tokens that need changing
// are spliced; the statement is never rebuilt from a syntax tree.
//
// Parameters: PostgreSQL's $n is rewritten to SQLite's ?n, which SQLite binds
// by position n (bind argument n-1 of database/sql, or
// sqlite3_bind_*(stmt, n, ...)). Stmt.ParamCount is the highest n.
//
// Declared column types are enforced on write by deterministic input
// functions pg_in_<typname>(value, typmod) that return the type's
// canonical stored form or PostgreSQL's error: called by a hidden CHECK
// per column and by the input paths (enforce.go; the families in
// types_in.go and their own files). Invariant: what a table created here
// holds in an enforced column is that type's canonical form.
//
// See docs/sql-dialect.md for the supported subset.
package pgdialect

import "fmt"

// Kind classifies a translated statement.
type Kind uint8

const (
	KindQuery          Kind = iota // run Exec (SELECT/INSERT/UPDATE/DELETE/DDL ...)
	KindBegin                      // BEGIN / START TRANSACTION
	KindCommit                     // COMMIT / END
	KindRollback                   // ROLLBACK / ABORT
	KindSavepoint                  // SAVEPOINT Name
	KindRelease                    // RELEASE [SAVEPOINT] Name
	KindRollbackTo                 // ROLLBACK TO [SAVEPOINT] Name
	KindSet                        // SET Name = Value (Local reports SET LOCAL)
	KindShow                       // SHOW Name ("all" for SHOW ALL)
	KindReset                      // RESET Name ("all" for RESET ALL), also SET x TO DEFAULT
	KindCopyFrom                   // COPY ... FROM STDIN (Copy set)
	KindCopyTo                     // COPY ... TO STDOUT (Copy set)
	KindNoop                       // accepted, nothing to run (VACUUM, ANALYZE, CHECKPOINT, GRANT ...)
	KindDropTables                 // DROP TABLE a, b: one DROP per table in Exec
	KindTruncate                   // TRUNCATE a, b: one DELETE per table in Exec
	KindSetTransaction             // SET TRANSACTION / SET SESSION CHARACTERISTICS (Value = the options)
	KindEmpty                      // empty statement (only whitespace/comments): EmptyQueryResponse
	KindAlterCluster               // ALTER CLUSTER ... (Cluster set; cluster.go)
	KindRole                       // CREATE/ALTER/DROP ROLE (Role set; role.go)
	KindPrepare                    // PREPARE name [(types)] AS stmt (Prepare set; sqlprepare.go)
	KindExecute                    // EXECUTE name [(args)] (Prepare set)
	KindDeallocate                 // DEALLOCATE [PREPARE] {name | ALL} (Prepare set)
	KindBackup                     // BACKUP TO STDOUT (backup.go)
	KindListen                     // LISTEN channel (Name)
	KindUnlisten                   // UNLISTEN {channel | *} (Name; "*" for all)
	KindNotify                     // NOTIFY channel [, 'payload'] (Name, Value)
	KindDeclare                    // DECLARE name CURSOR FOR query (Cursor set; cursor.go)
	KindFetch                      // FETCH / MOVE [direction] [FROM] name (Cursor set)
	KindClose                      // CLOSE {name | ALL} (Cursor set)
	KindSetConstraints             // SET CONSTRAINTS {ALL | names} {DEFERRED | IMMEDIATE} (Constraints, Value; deferral.go)
	KindLock                       // LOCK [TABLE] names [IN mode MODE] [NOWAIT] (Locked; lock.go)
)

var kindNames = [...]string{"Query", "Begin", "Commit", "Rollback", "Savepoint", "Release",
	"RollbackTo", "Set", "Show", "Reset", "CopyFrom", "CopyTo", "Noop", "DropTables",
	"Truncate", "SetTransaction", "Empty", "AlterCluster", "Role", "Prepare", "Execute", "Deallocate", "Backup",
	"Listen", "Unlisten", "Notify", "Declare", "Fetch", "Close", "SetConstraints", "Lock"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Stmt is one translated statement.
type Stmt struct {
	Kind Kind
	// Exec: SQLite statements to run, in order (one for most kinds; none
	// for KindNoop/KindEmpty and for accepted-but-ignored DDL such as
	// ALTER TABLE ... ADD FOREIGN KEY).
	Exec []string
	// Tag: command tag verb: "INSERT", "SELECT", "CREATE TABLE",
	// "TRUNCATE TABLE", ... The session appends row counts where
	// PostgreSQL does (INSERT 0 n, SELECT n, UPDATE n, DELETE n, COPY n).
	Tag   string
	Name  string // SET/SHOW/RESET setting name (lower case), SAVEPOINT name
	Value string // SET value (unquoted; list values joined with ", ")
	Local bool   // SET LOCAL
	// TxModes: the transaction modes of BEGIN, SET TRANSACTION (Local)
	// and SET SESSION CHARACTERISTICS AS TRANSACTION, in order
	// (txmodes.go).
	TxModes []TxMode
	// NoTxBlock names a command PostgreSQL refuses inside a transaction
	// block (PreventInTransactionBlock: "VACUUM", "CREATE INDEX
	// CONCURRENTLY", ...); "" for others.
	NoTxBlock string
	// Chain: COMMIT / ROLLBACK AND CHAIN (a new transaction with the same
	// modes starts at once).
	Chain bool
	// Constraints: the names of SET CONSTRAINTS (nil for ALL; Value is
	// DEFERRED or IMMEDIATE).
	Constraints  []string
	Copy         *CopySpec
	DropIfExists []string // tables of DROP TABLE IF EXISTS (the session emits a NOTICE per missing one)
	Locked       []string // relations of LOCK TABLE (KindLock), in order
	// AlterIfExists: the table of ALTER TABLE IF EXISTS (the session
	// skips the statement with a NOTICE when it is missing)
	AlterIfExists string
	// OnConstraint: INSERT ... ON CONFLICT ON CONSTRAINT, which the
	// session resolves to the constraint's columns before running the
	// statement (onconstraint.go); nil otherwise.
	OnConstraint *OnConstraint
	// IndexRename: ALTER INDEX ... RENAME TO, which the session writes
	// out from the index's stored definition (index_rename.go); Exec is
	// empty until then.
	IndexRename *IndexRename
	// Like: CREATE TABLE ... (LIKE ...), which the session writes out
	// from the source tables' definitions and translates before running
	// (createlike.go); Exec is empty until then.
	Like *CreateLike
	// TableAs: CREATE TABLE ... AS / SELECT ... INTO, which the session
	// writes out as a CREATE TABLE of the query's result types and an
	// INSERT of its rows before running (tableas.go); Exec is empty
	// until then.
	TableAs *TableAs
	// Bound: the values of parameters ?1..?n of Exec that the client's
	// text had as literals: a kept literal shape's statement is bound
	// rather than filled in (sqlexec/shapecache.go); nil otherwise.
	// ParamCount counts only the client's own $n.
	Bound      []any
	ParamCount int      // highest $n
	ParamOIDs  []uint32 // inferred parameter types, len == ParamCount (0 = unknown)
	// ColumnOIDs: lexically inferred PostgreSQL types of the result columns
	// of a SELECT (0 = unknown: use the SQLite declared type / value). It
	// is set when at least one column is known, e.g. comparisons, IS NULL,
	// EXISTS and true/false are bool (16), count() int8, casts the cast
	// type, catalog columns their pg_catalog type. SQLite returns booleans
	// as integers 0/1: the session must render them as t/f for OID 16.
	ColumnOIDs []uint32
	// ColumnMods: the type modifiers of ColumnOIDs' types (-1: none), as
	// PostgreSQL describes the columns (x::varchar(5) is 9); nil when no
	// column has one.
	ColumnMods []int32
	// ParamCols: for each parameter, the table column it is stored into or
	// compared with (lexical; nil when none is known). With it the session
	// can give a parameter whose ParamOIDs entry is 0 the column's type.
	ParamCols []ParamCol
	// ReadOnly reports a statement that does not write (SELECT/VALUES/
	// SHOW/EXPLAIN without data-modifying parts): it need not go through
	// Raft. It is a lexical guess; false when in doubt.
	ReadOnly bool
	// Cluster is the parsed ALTER CLUSTER statement (KindAlterCluster).
	Cluster *ClusterCommand
	// Role: the parsed role statement of KindRole.
	Role *RoleSpec
	// Locking: the statement had a row-locking clause ("FOR UPDATE",
	// "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE"; the first one),
	// removed from Exec. A transaction that read with it is validated at
	// COMMIT even when it wrote nothing.
	Locking string
	// Temp: CREATE TEMP[ORARY] TABLE / VIEW (or an object created in
	// pg_temp): a session-local object that never enters the log
	// (temp.go). OnCommit: its ON COMMIT action ("PRESERVE ROWS",
	// "DELETE ROWS", "DROP"; "" when not given).
	Temp     bool
	OnCommit string
	// Prepare: the parsed PREPARE / EXECUTE / DEALLOCATE.
	Prepare *PrepareSpec
	// Cursor: the parsed DECLARE / FETCH / MOVE / CLOSE.
	Cursor *CursorSpec
	// NoRows: the Exec statements are function calls carrying out DDL
	// (sequence.go); their result rows are not the client's, only Tag is.
	NoRows bool
	// NoColumns: the statement's rows have no columns (SELECT FROM t, an
	// empty select list: emptyselect.go); Exec selects one NULL column
	// for them, which the session leaves out.
	NoColumns bool
	// Requires: the extension a function the statement calls belongs to
	// (uuid_generate_v4(): uuid-ossp), with PostgreSQL's error for the
	// function when the extension is not created (checked before the
	// statement runs, sqlexec/extensions.go); nil when none
	Requires *ExtensionUse
	// PlanConstants: the constant expressions PostgreSQL evaluates before
	// reading a row (planconst.go), which the session evaluates before it
	// runs the statement so that their errors come as PostgreSQL's do.
	PlanConstants []PlanConstant
	// ConflictRefs: the unqualified names of an INSERT's ON CONFLICT DO
	// UPDATE, which PostgreSQL refuses as ambiguous where they are
	// columns (conflict_refs.go); nil when there are none.
	ConflictRefs *ConflictRefs
}

// CopySpec describes a COPY statement.
type CopySpec struct {
	Table     string   // target/source table (unquoted, schema public stripped)
	Columns   []string // column list, nil = all
	Format    string   // "text", "csv" or "binary"
	Delimiter string   // default "\t" (text) or "," (csv)
	Null      string   // default `\N` (text) or "" (csv)
	Quote     string   // csv: default `"`
	Escape    string   // csv: default = Quote
	Header    bool
	Query     string // COPY (query) TO: the query, already translated to SQLite
	// the query's result types the translation shows (Stmt.ColumnOIDs):
	// a comparison is a boolean, written t/f
	QueryOIDs []uint32
	Freeze    bool   // FREEZE option (accepted, ignored)
	Encoding  string // ENCODING option if given
	// csv only: FORCE_QUOTE (COPY TO: quote every non-NULL value of these
	// columns; ForceQuoteAll for *), FORCE_NOT_NULL (COPY FROM: a value
	// equal to the null string is that string, not NULL) and FORCE_NULL
	// (COPY FROM: a quoted value equal to the null string is NULL too);
	// names as written, checked against the copied columns by the session
	ForceQuote    []string
	ForceQuoteAll bool
	ForceNotNull  []string
	ForceNull     []string
}

// Error is a translation error carrying a PostgreSQL SQLSTATE.
type Error struct {
	Code     string // SQLSTATE, e.g. "0A000" feature_not_supported, "42601" syntax_error
	Message  string
	Detail   string
	Hint     string
	Position int // 1-based character position in the statement, 0 = unknown
	// compileFirst: the statement's SQLite text when the error is one
	// PostgreSQL gives only after its analysis of the statement's names
	// (CompileFirst), "" otherwise
	compileFirst string
}

// CompileFirst is the SQLite text to compile before err is answered,
// "" for another error: aggregate_shown.go's 42883 (sum(x::bool)) is
// found on the text, but PostgreSQL analyses the argument first, so a
// column the argument names that does not exist is its 42703. The
// session compiles the text and answers its error instead when there is
// one.
func CompileFirst(err error) string {
	if e, ok := err.(*Error); ok {
		return e.compileFirst
	}
	return ""
}

func (e *Error) Error() string    { return e.Message }
func (e *Error) SQLState() string { return e.Code }

func unsupported(format string, args ...any) *Error {
	return &Error{Code: "0A000", Message: fmt.Sprintf(format, args...)}
}

func syntaxErr(pos int, format string, args ...any) *Error {
	return &Error{Code: "42601", Message: fmt.Sprintf(format, args...), Position: pos}
}
