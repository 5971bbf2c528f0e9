package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	lib "modernc.org/sqlite/lib"
)

// Error is an SQL error with a PostgreSQL SQLSTATE.
type Error struct {
	Code       string // SQLSTATE
	Message    string
	DetailText string
	HintText   string
	Pos        int // 1-based character position in the statement, 0 = none
	Table      string
	Constraint string
	Column     string
	// Statement is the index of the failing statement within a Command
	// (apply errors), -1 if not applicable.
	Statement int
	// Sev is the severity ("" = ERROR; "FATAL" ends the connection).
	Sev string
	// Where is the CONTEXT field ("COPY t, line 3"); "" = none.
	Where string
	// kind tells apply whether the error is a statement's result (the
	// zero value) or a fault that must not be recorded (see faultKind).
	kind faultKind
	// fkRestrict: SQLite raised the foreign key error from an ON DELETE
	// or ON UPDATE RESTRICT action (fk_restrict.go explains it).
	fkRestrict bool
	// lite: the text SQLite parsed and the byte offset in it of the token
	// its syntax error names, which fixPosition maps back to the
	// client's statement (sql == "" when unknown).
	lite struct {
		sql string
		off int
	}
}

func (e *Error) Error() string          { return e.Message }
func (e *Error) SQLState() string       { return e.Code }
func (e *Error) Detail() string         { return e.DetailText }
func (e *Error) Hint() string           { return e.HintText }
func (e *Error) Context() string        { return e.Where }
func (e *Error) Position() int          { return e.Pos }
func (e *Error) TableName() string      { return e.Table }
func (e *Error) ConstraintName() string { return e.Constraint }

// ColumnName is the column field of the ErrorResponse: PostgreSQL sets it
// for a NOT NULL violation; Column is also kept for other errors, to point
// at the name (fixPosition), where PostgreSQL's field stays empty.
func (e *Error) ColumnName() string {
	if e.Code != CodeNotNullViolation {
		return ""
	}
	return e.Column
}
func (e *Error) Severity() string {
	if e.Sev != "" {
		return e.Sev
	}
	return "ERROR"
}

// SQLSTATE codes used by this package.
const (
	CodeUniqueViolation        = "23505"
	CodeNotNullViolation       = "23502"
	CodeForeignKeyViolation    = "23503"
	CodeCheckViolation         = "23514"
	CodeUndefinedTable         = "42P01"
	CodeSyntaxError            = "42601"
	CodeInvalidColumnReference = "42P10"
	CodeUndefinedColumn        = "42703"
	CodeAmbiguousColumn        = "42702"
	CodeUndefinedFunction      = "42883"
	CodeDuplicateTable         = "42P07"
	CodeDatatypeMismatch       = "42804"
	CodeReadOnlyTransaction    = "25006"
	CodeSerialization          = "40001"
	CodeInternal               = "XX000"
	CodeFeatureNotSupported    = "0A000"
	CodeInFailedTransaction    = "25P02"
	CodeNoActiveTransaction    = "25P01"
	CodeActiveTransaction      = "25001"
	CodeInsufficientPrivs      = "42501"
	CodeGeneratedAlways        = "428C9" // identity.go
	CodeInvalidParameter       = "22023"
	CodeUndefinedObject        = "42704"
	CodeWrongObjectType        = "42809"
	CodeProtocolViolation      = "08P01"
	CodeQueryCanceled          = "57014"
	CodeProgramLimitExceeded   = "54000"
	CodeDuplicateObject        = "42710"
	CodeDuplicateColumn        = "42701"
	CodeInvalidTableDefinition = "42P16"
	// CodeObjectNotInPrerequisiteState: currval before nextval.
	CodeObjectNotInPrerequisiteState = "55000"
	CodeUndefinedSavepoint           = "3B001"
	CodeInvalidSchemaName            = "3F000"
	CodeIOError                      = "58030"
	// data exceptions
	CodeInvalidTextRepresentation = "22P02"
	CodeStringTooLong             = "22001"
	CodeNumericOutOfRange         = "22003"
	CodeDivisionByZero            = "22012"
)

func errf(code, format string, a ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, a...), Statement: -1}
}

// Unsupported returns a 0A000 error naming the construct.
func Unsupported(construct string) *Error {
	return errf(CodeFeatureNotSupported, "%s is not supported", construct)
}

var (
	reUnique = regexp.MustCompile(`^UNIQUE constraint failed: (.*)$`)
	rePK     = regexp.MustCompile(`^PRIMARY KEY constraint failed: (.*)$`)
	// "UNIQUE constraint failed: index 'name'" (an index on expressions)
	reUniqueIndex = regexp.MustCompile(`^index '(.*)'$`)
	reNotNull     = regexp.MustCompile(`^NOT NULL constraint failed: ([^.]+)\.(.*)$`)
	reCheck       = regexp.MustCompile(`^CHECK constraint failed: (.*)$`)
	reNoTable     = regexp.MustCompile(`^no such table: (?:main\.)?(.*)$`)
	reNoColumn    = regexp.MustCompile(`^no such column: (.*)$`)
	// CREATE TABLE whose FOREIGN KEY (c) names a column it lacks
	reFKColumn      = regexp.MustCompile(`^unknown column "(.*)" in foreign key definition$`)
	reDropColumn    = regexp.MustCompile(`(?i)^\s*ALTER\s+TABLE\s+(?:ONLY\s+)?("(?:[^"]|"")+"|[^\s"]+)\s+DROP\s+(?:COLUMN\s+)?`)
	reAlterTable    = regexp.MustCompile(`^ALTER TABLE "((?:[^"]|"")+)"`)
	reNoFunc        = regexp.MustCompile(`^no such function: (.*)$`)
	reArgCount      = regexp.MustCompile(`^wrong number of arguments to function ([^\s(]+)\(\)$`)
	reExists        = regexp.MustCompile(`^(table|index|view|trigger) (\S+) already exists$`)
	reExistsNamed   = regexp.MustCompile(`^there is already an? (table|index|view) named (\S+)$`) // CREATE INDEX of another relation's name
	reNear          = regexp.MustCompile(`near "(.*)": syntax error`)
	reDropWrongKind = regexp.MustCompile(`^use DROP (TABLE|VIEW) to delete (table|view) (.*)$`)
	reGenerated     = regexp.MustCompile(`^cannot (INSERT into|UPDATE) generated column "(.*)"$`)
	reStore         = regexp.MustCompile(`^cannot store (TEXT|BLOB) value in (INTEGER|INT|REAL) column (.*)$`)
	// a column alias list, FROM t AS a(x), of another length than t's
	// columns (pgdialect/fromitems.go)
	reAliasCols = regexp.MustCompile(`^table "?pgdialect_cols_(.*?)"? has (\d+) values for (\d+) columns$`)
	// SQLite's wording of errors PostgreSQL reports with its own SQLSTATE
	reInsertWidth  = regexp.MustCompile(`^table \S+ has (\d+) columns but (\d+) values were supplied$`)
	reInsertWidth2 = regexp.MustCompile(`^(\d+) values for (\d+) columns$`)
	reSetOpWidth   = regexp.MustCompile(`^SELECTs to the left and right of (UNION|UNION ALL|EXCEPT|INTERSECT) do not have the same number of result columns$`)
	reOrderByPos   = regexp.MustCompile(`^(\d+)\w\w (ORDER|GROUP) BY term out of range - should be between 1 and (\d+)$`)
)

// mapError converts a SQLite (or any) error into *Error. sqlText is the
// statement, used to compute positions.
func mapError(err error, sqlText string) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var se *sqliteErr
	if !errors.As(err, &se) {
		if code, m, d, h, ok := pgdialect.ParseSQLStateFields(err.Error()); ok {
			// a registered function's error that reached here outside
			// a SQLite error (COMMENT ON COLUMN of a missing column)
			return &Error{Code: code, Message: m, DetailText: d, HintText: h, Statement: -1}
		}
		return &Error{Code: CodeInternal, Message: err.Error(), Statement: -1}
	}
	out := &Error{Code: CodeInternal, Message: se.msg, Statement: -1}
	if se.offset >= 0 && se.offset < len(sqlText) {
		out.Pos = len([]rune(sqlText[:se.offset])) + 1
	}
	prim := se.code & 0xff
	msg := se.msg
	if code, m, d, h, ok := pgdialect.ParseSQLStateFields(msg); ok {
		// raised by a registered function (checked casts): PostgreSQL's
		// SQLSTATE, message, DETAIL and HINT
		out.Code, out.Message, out.DetailText, out.HintText = code, m, d, h
		if m == errUpsertTwice {
			out.HintText = upsertHint // upsertonce.go
		}
		return out
	}
	if m := reCheck.FindStringSubmatch(msg); m != nil {
		if code, m, ok := pgdialect.InternalCheck(m[1]); ok {
			// CHECK added by CREATE TABLE for varchar(n)/char(n) length
			// (22001) or integer input (22P02) and range (22003)
			out.Code, out.Message = code, m
			return out
		}
	}
	switch {
	case storageFault(se.code):
		out.Code, out.kind = storageSQLState(prim), faultStorage
	case se.code == lib.SQLITE_CONSTRAINT_UNIQUE || se.code == lib.SQLITE_CONSTRAINT_PRIMARYKEY ||
		reUnique.MatchString(msg) || rePK.MatchString(msg):
		out.Code = CodeUniqueViolation
		cols := ""
		if m := reUnique.FindStringSubmatch(msg); m != nil {
			cols = m[1]
		} else if m := rePK.FindStringSubmatch(msg); m != nil {
			cols = m[1]
		}
		if m := reUniqueIndex.FindStringSubmatch(cols); m != nil {
			// a unique index on expressions: PostgreSQL names the index
			out.Table, out.Constraint = dmlTable(sqlText), m[1]
			out.Message = fmt.Sprintf("duplicate key value violates unique constraint %q", out.Constraint)
			break
		}
		table, colNames := splitConstraintCols(cols)
		suffix := "key"
		if se.code != lib.SQLITE_CONSTRAINT_PRIMARYKEY && !strings.HasPrefix(msg, "PRIMARY") {
			suffix = strings.Join(colNames, "_") + "_key"
		} else {
			suffix = "pkey"
		}
		out.Table = table
		out.Constraint = table + "_" + suffix
		out.Message = fmt.Sprintf("duplicate key value violates unique constraint %q", out.Constraint)
		if len(colNames) > 0 {
			out.DetailText = fmt.Sprintf("Key (%s) already exists.", strings.Join(colNames, ", "))
		}
	case se.code == lib.SQLITE_CONSTRAINT_NOTNULL || reNotNull.MatchString(msg):
		out.Code = CodeNotNullViolation
		if m := reNotNull.FindStringSubmatch(msg); m != nil {
			out.Table, out.Column = m[1], m[2]
			out.Message = fmt.Sprintf("null value in column %q of relation %q violates not-null constraint", m[2], m[1])
		}
	case se.code == lib.SQLITE_CONSTRAINT_FOREIGNKEY || prim == lib.SQLITE_CONSTRAINT && msg == "FOREIGN KEY constraint failed":
		// (the second: an ON DELETE/UPDATE RESTRICT action, which SQLite
		// raises from its action trigger)
		out.Code = CodeForeignKeyViolation
		out.fkRestrict = se.code != lib.SQLITE_CONSTRAINT_FOREIGNKEY
		out.Table = dmlTable(sqlText)
		if dmlVerb(sqlText) == "DELETE" {
			out.Message = fmt.Sprintf("update or delete on table %q violates foreign key constraint", out.Table)
		} else {
			out.Message = fmt.Sprintf("insert or update on table %q violates foreign key constraint", out.Table)
		}
	case se.code == lib.SQLITE_CONSTRAINT_CHECK || reCheck.MatchString(msg):
		out.Code = CodeCheckViolation
		if m := reCheck.FindStringSubmatch(msg); m != nil {
			out.Constraint = m[1]
			out.Message = fmt.Sprintf("new row violates check constraint %q", m[1])
			if t := dmlTable(sqlText); t != "" {
				out.Table = t
				out.Message = fmt.Sprintf("new row for relation %q violates check constraint %q", t, m[1])
			}
		}
	case reInsertWidth.MatchString(msg) || reInsertWidth2.MatchString(msg):
		// INSERT with more values than columns (fewer are filled with
		// defaults: Session.fillColumnList)
		out.Code = CodeSyntaxError
		out.Message = "INSERT has more expressions than target columns"
		if m := reInsertWidth2.FindStringSubmatch(msg); m != nil {
			if v, _ := strconv.Atoi(m[1]); v < atoi(m[2]) {
				out.Message = "INSERT has more target columns than expressions"
			}
		}
	case reSetOpWidth.MatchString(msg):
		out.Code = CodeSyntaxError
		op := strings.Fields(reSetOpWidth.FindStringSubmatch(msg)[1])[0]
		out.Message = fmt.Sprintf("each %s query must have the same number of columns", op)
	case reOrderByPos.MatchString(msg):
		out.Code = "42P10"
		m := reOrderByPos.FindStringSubmatch(msg)
		out.Message = fmt.Sprintf("%s BY position is not in select list", m[2])
		out.Pos = 0
		if off, v, ok := pgdialect.ByPosition(sqlText, m[2], atoi(m[1]), atoi(m[3])); ok {
			// PostgreSQL names the position written, SQLite the term's
			// ordinal: fixPosition points at it in the client's text
			out.Message = fmt.Sprintf("%s BY position %d is not in select list", m[2], v)
			out.lite.sql, out.lite.off = sqlText, off
		}
	case msg == "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint":
		// no arbiter index: PostgreSQL's inference error (also for a
		// partial unique index whose predicate the clause does not name)
		out.Code = "42P10"
		out.Message = "there is no unique or exclusion constraint matching the ON CONFLICT specification"
		out.Pos = 0
	case liteMessageMapped(out, msg, sqlText): // litemessages.go
	case msg == "argument of ntile must be a positive integer":
		out.Code = "22014"
		out.Message = "argument of ntile must be greater than zero"
	case msg == "second argument to nth_value must be a positive integer":
		out.Code = "22016"
		out.Message = "argument of nth_value must be greater than zero"
	case msg == "HAVING clause on a non-aggregate query":
		// PostgreSQL makes such a query one group (HAVING true answers one
		// row even of an empty table); SQLite has no such form
		out.Code = CodeFeatureNotSupported
		out.Message = "HAVING in a query with neither GROUP BY nor an aggregate is not supported"
	case msg == "DISTINCT aggregates must have exactly one argument" || msg == "row value misused":
		out.Code = CodeFeatureNotSupported
		if msg == "row value misused" {
			out.Message = "row values are not supported here"
		}
	case prim == lib.SQLITE_CONSTRAINT:
		out.Code = "23000"
	case reNoTable.MatchString(msg):
		out.Code = CodeUndefinedTable
		m := reNoTable.FindStringSubmatch(msg)
		out.Table = m[1]
		out.Message = fmt.Sprintf("relation %q does not exist", m[1])
	case strings.HasPrefix(msg, "table pg_anyall has "):
		// x < ANY (SELECT a, b): the comparison's CTE (pgdialect/anyall.go)
		out.Code, out.Message = CodeSyntaxError, "subquery has too many columns"
	case strings.HasPrefix(msg, "sub-select returns "):
		// a scalar subquery, or IN (SELECT a, b) (PostgreSQL's "subquery
		// has too many columns"), of more than one column
		out.Code, out.Message = CodeSyntaxError, "subquery must return only one column"
	case reAliasCols.MatchString(msg):
		m := reAliasCols.FindStringSubmatch(msg)
		have, _ := strconv.Atoi(m[2])
		named, _ := strconv.Atoi(m[3])
		if named > have {
			out.Code = "42P10"
			out.Message = fmt.Sprintf("table %q has %s columns available but %s columns specified", m[1], m[2], m[3])
		} else {
			out.Code = CodeFeatureNotSupported
			out.Message = fmt.Sprintf("a column alias list naming fewer columns (%s) than the table has (%s) is not supported", m[3], m[2])
			out.HintText = "Name every column, or select the columns in a subquery: (SELECT a AS x FROM t) AS t."
		}
	case msg == "number of columns in foreign key does not match the number of columns in the referenced table":
		// CREATE TABLE ... FOREIGN KEY (a, b) REFERENCES p (k)
		out.Code, out.Message = "42830", "number of referencing and referenced columns for foreign key disagree"
	case reFKColumn.MatchString(msg):
		out.Code = CodeUndefinedColumn
		out.Message = fmt.Sprintf("column \"%s\" referenced in foreign key constraint does not exist", reFKColumn.FindStringSubmatch(msg)[1])
	case reNoColumn.MatchString(msg):
		out.Code = CodeUndefinedColumn
		m := reNoColumn.FindStringSubmatch(msg)
		// a double-quoted name, with string literals in double quotes
		// turned off (dqs.go)
		m[1] = strings.TrimSuffix(m[1], " - should this be a string literal in single-quotes?")
		if n := len(m[1]); n >= 2 && m[1][0] == '"' && m[1][n-1] == '"' {
			m[1] = strings.ReplaceAll(m[1][1:n-1], `""`, `"`) // ALTER TABLE ... DROP COLUMN quotes the name
		}
		out.Column = m[1]
		out.Message = fmt.Sprintf("column %q does not exist", m[1])
		if q, c, ok := strings.Cut(m[1], "."); ok && !strings.Contains(c, ".") {
			// a qualified reference (e.type): PostgreSQL names it
			// unquoted, as errorMissingColumn's "column %s.%s"; Column
			// stays qualified, so the caret goes to the qualifier, as
			// PostgreSQL's
			out.Message = fmt.Sprintf("column %s.%s does not exist", q, c)
		}
		if t := reDropColumn.FindStringSubmatch(sqlText); t != nil {
			// ALTER TABLE t DROP COLUMN c: PostgreSQL names the table
			out.Message = fmt.Sprintf("column %q of relation %q does not exist", m[1], strings.ReplaceAll(strings.Trim(t[1], `"`), `""`, `"`))
		}
	case strings.HasPrefix(msg, "ambiguous column name: "):
		// a name two FROM items have (FROM t, jsonb_each(t.doc) where t
		// has a key column): PostgreSQL's SQLSTATE, not an internal error
		out.Code = CodeAmbiguousColumn
		out.Column = strings.TrimPrefix(msg, "ambiguous column name: ")
		out.Message = fmt.Sprintf("column reference %q is ambiguous", out.Column)
		if se.offset >= 0 && se.offset < len(sqlText) {
			// SQLite's offset is in the translated text: fixPosition
			// places it in the client's
			out.lite.sql, out.lite.off, out.Pos = sqlText, se.offset, 0
		}
	case strings.HasPrefix(msg, "duplicate column name: "):
		// ALTER TABLE t ADD COLUMN c (or CREATE TABLE with c twice)
		out.Code = CodeDuplicateColumn
		out.Column = strings.TrimPrefix(msg, "duplicate column name: ")
		out.Message = fmt.Sprintf("column %q specified more than once", out.Column)
		if m := reAlterTable.FindStringSubmatch(sqlText); m != nil {
			out.Message = fmt.Sprintf("column %q of relation %q already exists", out.Column, strings.ReplaceAll(m[1], `""`, `"`))
		}
	case strings.HasPrefix(msg, "unknown database "):
		// a schema-qualified name other than public (CREATE TABLE app.t)
		out.Code = CodeInvalidSchemaName
		out.Message = fmt.Sprintf("schema %q does not exist", strings.TrimPrefix(msg, "unknown database "))
	case strings.Contains(msg, "has no column named"):
		out.Code = CodeUndefinedColumn
		i := strings.Index(msg, "has no column named ")
		col := msg[i+len("has no column named "):]
		out.Column = col
		out.Message = fmt.Sprintf("column %q does not exist", col)
		if tbl, ok := strings.CutPrefix(strings.TrimSpace(msg[:i]), "table "); ok && tbl != "" {
			// an INSERT's column list: PostgreSQL names the relation
			out.Message = fmt.Sprintf("column %q of relation %q does not exist", col, tbl)
		}
	case reNoFunc.MatchString(msg) || strings.HasPrefix(msg, "wrong number of arguments to function"):
		out.Code = CodeUndefinedFunction
		if m := reNoFunc.FindStringSubmatch(msg); m != nil {
			out.Message = fmt.Sprintf("function %s does not exist", m[1])
		} else if m := reArgCount.FindStringSubmatch(msg); m != nil {
			// PostgreSQL has no overload of that many arguments: the
			// function with its arguments' types does not exist
			// (describeUndefinedFunction adds them)
			out.Message = fmt.Sprintf("function %s does not exist", m[1])
		}
	case reExists.MatchString(msg) || reExistsNamed.MatchString(msg):
		m := reExists.FindStringSubmatch(msg)
		if m == nil {
			m = reExistsNamed.FindStringSubmatch(msg)
		}
		if m[1] == "table" || m[1] == "view" || m[1] == "index" {
			out.Code = CodeDuplicateTable
		} else {
			out.Code = CodeDuplicateObject
		}
		out.Message = fmt.Sprintf("relation %s already exists", strings.ReplaceAll(m[2], "\"", ""))
		out.Message = fmt.Sprintf("relation %q already exists", strings.Trim(m[2], "\"`[]"))
	case se.code == lib.SQLITE_MISMATCH && msg == "datatype mismatch":
		// a non-integer stored into an INTEGER PRIMARY KEY (rowid) column
		out.Code = CodeInvalidTextRepresentation
		out.Message = "invalid input syntax for type integer"
	case reStore.MatchString(msg):
		// STRICT table: text into a numeric column
		m := reStore.FindStringSubmatch(msg)
		typ := "integer"
		if m[2] == "REAL" {
			typ = "double precision"
		}
		out.Code = CodeInvalidTextRepresentation
		out.Message = "invalid input syntax for type " + typ
		if i := strings.LastIndexByte(m[3], '.'); i >= 0 {
			out.Table, out.Column = m[3][:i], m[3][i+1:]
		}
	case prim == lib.SQLITE_MISMATCH || strings.Contains(msg, "datatype mismatch") || strings.HasPrefix(msg, "cannot store "):
		out.Code = CodeDatatypeMismatch
	case prim == lib.SQLITE_READONLY:
		out.Code = CodeReadOnlyTransaction
		out.Message = "cannot execute statement in a read-only transaction"
	case prim == lib.SQLITE_BUSY || prim == lib.SQLITE_LOCKED:
		out.Code = CodeSerialization
		out.Message = "could not serialize access: " + msg
	case prim == lib.SQLITE_INTERRUPT:
		out.Code = CodeQueryCanceled
		out.Message = "canceling statement due to user request"
		out.kind = faultShutdown
	case prim == lib.SQLITE_TOOBIG:
		out.Code = CodeProgramLimitExceeded
	case isParseError(msg): // parsefirst.go
		out.Code = CodeSyntaxError
		if se.offset >= 0 && se.offset < len(sqlText) {
			// an offset in the translated text: fixPosition maps it
			out.lite.sql, out.lite.off, out.Pos = sqlText, se.offset, 0
		}
		if m := reNear.FindStringSubmatch(msg); m != nil {
			out.Message = fmt.Sprintf(`syntax error at or near "%s"`, m[1])
		} else if strings.Contains(msg, "incomplete input") {
			out.Message = "syntax error at end of input"
			out.Pos = 0 // placed by placeInputEnd, which knows the query string
		}
	case reGenerated.MatchString(msg):
		// a value given for a GENERATED ALWAYS AS (...) STORED column
		m := reGenerated.FindStringSubmatch(msg)
		out.Code = CodeGeneratedAlways
		out.Column = m[2]
		out.Message = fmt.Sprintf("cannot insert a non-DEFAULT value into column %q", m[2])
		if m[1] == "UPDATE" { // SQLite: cannot UPDATE generated column "g"
			out.Message = fmt.Sprintf("column %q can only be updated to DEFAULT", m[2])
		}
		out.DetailText = fmt.Sprintf("Column %q is a generated column.", m[2])
	case strings.HasPrefix(msg, "no such view: "):
		out.Code = CodeUndefinedTable
		out.Message = fmt.Sprintf("view %q does not exist", strings.TrimPrefix(msg, "no such view: "))
	case strings.HasPrefix(msg, "no such index: "):
		out.Code = CodeUndefinedObject
		out.Message = fmt.Sprintf("index %q does not exist", strings.TrimPrefix(msg, "no such index: "))
	case strings.HasPrefix(msg, "no such trigger: "):
		out.Code = CodeUndefinedObject
		out.Message = fmt.Sprintf("trigger %q does not exist", strings.TrimPrefix(msg, "no such trigger: "))
	case reDropWrongKind.MatchString(msg):
		// DROP VIEW of a table, DROP TABLE of a view
		m := reDropWrongKind.FindStringSubmatch(msg)
		out.Code = CodeWrongObjectType
		kind := map[string]string{"TABLE": "view", "VIEW": "table"}[m[1]]
		out.Message = fmt.Sprintf("%q is not a %s", m[3], kind)
		out.HintText = fmt.Sprintf("Use DROP %s to remove a %s.", m[1], m[2])
	case strings.HasPrefix(msg, "no such index") || strings.HasPrefix(msg, "no such view") || strings.HasPrefix(msg, "no such trigger"):
		out.Code = CodeUndefinedObject
	case strings.HasPrefix(msg, "unrecognized configuration parameter"):
		out.Code = CodeUndefinedObject
	case strings.HasPrefix(msg, "no such savepoint"):
		out.Code = CodeUndefinedSavepoint
	case strings.HasSuffix(msg, "ORDER BY term does not match any column in the result set"):
		// an expression in a set operation's ORDER BY (a name that is no
		// result column is "no such column" above): PostgreSQL's refusal,
		// not an internal error
		out.Code = CodeFeatureNotSupported
		out.Message = "invalid UNION/INTERSECT/EXCEPT ORDER BY clause"
		out.DetailText = "Only result column names can be used, not expressions or functions."
		out.HintText = "Add the expression/function to every SELECT, or move the UNION into a FROM clause."
	}
	return out
}

func splitConstraintCols(s string) (table string, cols []string) {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if i := strings.LastIndex(part, "."); i >= 0 {
			table = part[:i]
			cols = append(cols, part[i+1:])
		} else {
			cols = append(cols, part)
		}
	}
	return table, cols
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
		if c, ok := err.(interface{ Context() string }); ok {
			out.Where = c.Context() // a COPY row's line (pgwire/copy.go)
		}
		if p, ok := ext(err); ok {
			out.Pos = p
		}
		var pe *pgdialect.Error
		if errors.As(err, &pe) && pe.Position > 0 {
			out.Pos = pe.Position // translation errors point into the statement
		}
		if pe != nil && pe.Hint != "" && out.HintText == "" {
			out.HintText = pe.Hint // a translation error's HINT (typecompare.go's, a DEFAULT's)
		}
		if pe != nil && pe.Detail != "" {
			out.DetailText = pe.Detail // setoporder.go's
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

// fixPosition points an error at the offending name in the client's
// (untranslated) statement text.
func fixPosition(e *Error, orig string) {
	describeUndefinedFunction(e, orig, nil) // undefined_function.go
	name := ""
	switch e.Code {
	case CodeUndefinedTable:
		name = e.Table
		if name == "" && e.Pos == 0 {
			// nextval('missing'), raised at run time (seq_position.go)
			e.Pos = seqNamePosition(e.Message, orig)
			return
		}
	case CodeUndefinedColumn:
		if missingFromEntry(e, orig) { // missing_from.go
			return
		}
		if table, col, pos, ok := pgdialect.UpdateTarget(orig, e.Column); ok {
			// UPDATE t SET nosuch = ...: PostgreSQL names the relation
			e.Message, e.Pos = fmt.Sprintf("column %q of relation %q does not exist", col, table), pos
			return
		}
		if n, ok := pgdialect.WholeRowRef(orig, e.Column); ok && !strings.Contains(e.Column, ".") {
			// array_agg(r) FROM t r: PostgreSQL's whole row (whole_row_ref.go)
			e.Code, e.Column = CodeFeatureNotSupported, ""
			e.Message = fmt.Sprintf("a FROM item's whole row as a value (%s) is not supported: list its columns", n)
			name = n
			break
		}
		name = e.Column
	case CodeAmbiguousColumn:
		// SQLite's offset is the reference's in the translated text: at
		// the client's token there, else at the name's first use as a
		// word (SELECT j FROM (...) s, t)
		if e.lite.sql != "" {
			pos, _, atEnd, ok := pgdialect.ErrorToken(orig, e.lite.sql, e.lite.off)
			if e.lite.sql = ""; ok && !atEnd {
				e.Pos = pos
				return
			}
		}
		if e.Pos > 0 {
			return // placed already (conflictrefs.go)
		}
		name = e.Column
	case CodeUndefinedObject:
		// pg_type_require's refusal at apply (typerequire.go): at the type
		// (PostgreSQL gives ALTER COLUMN ... TYPE's none)
		if m := reTypeMissing.FindStringSubmatch(e.Message); m != nil && e.Pos == 0 &&
			!regexp.MustCompile(`(?i)\bTYPE\s+(public\s*\.\s*)?"?`+regexp.QuoteMeta(m[1])+`\b`).MatchString(orig) {
			name = m[1]
		}
	case "42P10", "42803", "42883", "42804", "42846", "22P02", "22007", "22008", "22003":
		// 42883: typecompare.go's and concatcheck.go's refusals; 42804,
		// 42846: typecompare.go's common types; the 22 codes: its
		// literal read as the common type (a run-time error has no
		// lite text)
		if e.lite.sql != "" {
			pos, _, atEnd, ok := pgdialect.ErrorToken(orig, e.lite.sql, e.lite.off)
			if e.lite.sql, e.Pos = "", 0; ok && !atEnd {
				e.Pos = pos
			}
		} else if m := reUndefinedFunction.FindStringSubmatch(e.Message); m != nil && e.Pos == 0 {
			// raised at run time (mod() of a double precision column,
			// typed by the column's declaration): at the call, where the
			// statement calls the function once
			if i := findName(orig, m[1]); i >= 0 && findName(orig[i+len(m[1]):], m[1]) < 0 &&
				strings.HasPrefix(strings.TrimLeft(orig[i+len(m[1]):], " \t\n"), "(") {
				e.Pos = len([]rune(orig[:i])) + 1
			}
		}
		return
	case CodeSyntaxError:
		if e.lite.sql != "" {
			placeSyntaxError(e, orig)
			return
		}
		if e.Pos > 0 {
			return // the translation placed it
		}
		if m := reAtOrNear.FindStringSubmatch(e.Message); m != nil {
			name = m[1]
		} else if i := strings.Index(e.Message, "at or near \""); i >= 0 {
			name = strings.TrimSuffix(e.Message[i+len("at or near \""):], "\"")
		}
	}
	if name == "" || orig == "" {
		return
	}
	i := findName(orig, name)
	if k := strings.LastIndex(name, "."); i < 0 && k >= 0 && e.Code != CodeSyntaxError {
		// PostgreSQL points at the qualified name; else at its last part.
		i = findName(orig, name[k+1:])
	}
	if i >= 0 {
		e.Pos = len([]rune(orig[:i])) + 1
	}
}

// placeSyntaxError words and places SQLite's syntax error as the client's
// statement orig has it (pgdialect.ErrorToken): at or near the token the
// client wrote, or at the end of input (placed by placeInputEnd); with no
// position when the place is not sure.
func placeSyntaxError(e *Error, orig string) {
	pos, text, atEnd, ok := pgdialect.ErrorToken(orig, e.lite.sql, e.lite.off)
	e.lite.sql = ""
	near := strings.HasPrefix(e.Message, "syntax error at or near ")
	switch {
	case !ok:
		e.Pos = 0
	case atEnd:
		e.Pos = 0
		if near {
			e.Message = "syntax error at end of input"
		}
	case near:
		e.Message, e.Pos = fmt.Sprintf(`syntax error at or near "%s"`, text), pos
	case strings.HasPrefix(e.Message, "unrecognized token: "):
		// a character SQLite's tokenizer does not know ({, \, an
		// operator of !, # or @ that pgdialect/dangling_operator.go does
		// not answer): PostgreSQL's parser stops at or near it
		e.Message, e.Pos = fmt.Sprintf(`syntax error at or near "%s"`, text), pos
	default:
		e.Pos = pos // SQLite's own wording, the client's place
	}
	if !ok && strings.HasPrefix(e.Message, "unrecognized token: ") {
		e.Message = "syntax error at or near " + strings.TrimPrefix(e.Message, "unrecognized token: ")
	}
}

// placeInString makes the position of a statement's error (placed in the
// statement's text p.Text) a position in the query string sql, as
// PostgreSQL's positions are.
func placeInString(err error, p pgdialect.Piece, sql string) error {
	if e, ok := err.(*Error); ok {
		if e.Pos > 0 {
			e.Pos += utf8.RuneCountInString(sql[:p.Start])
		} else {
			placeInputEnd(e, p, sql)
		}
	}
	return err
}

// placeInputEnd gives a statement's syntax error at the end of input the
// place PostgreSQL's parser gives it in the query string sql, which it
// reads whole: the ';' that ends the statement (p.Semi), or else the end
// of the string.
func placeInputEnd(e *Error, p pgdialect.Piece, sql string) {
	if e.Code != CodeSyntaxError || e.Message != "syntax error at end of input" || e.Pos != 0 {
		return
	}
	if p.Semi >= 0 && p.Semi < len(sql) {
		e.Message = `syntax error at or near ";"`
		e.Pos = utf8.RuneCountInString(sql[:p.Semi]) + 1
		return
	}
	e.Pos = utf8.RuneCountInString(sql) + 1
}

// findName returns the byte offset in s of the first case-insensitive
// occurrence of name that is not part of a longer identifier, or
// -1. It compares bytes of s itself (lower-casing s could change its
// length and make offsets point elsewhere), and an empty name (e.g. from
// `t.""`) is never found.
func findName(s, name string) int {
	if name == "" {
		return -1
	}
	for i := 0; i+len(name) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(name)], name) {
			continue
		}
		end := i + len(name)
		if !isIdentByte(name[0]) || (i == 0 || !isIdentByte(s[i-1])) && (end >= len(s) || !isIdentByte(s[end])) {
			return i
		}
	}
	return -1
}

var reAtOrNear = regexp.MustCompile(`at or near "(.*)"`)

var reTypeMissing = regexp.MustCompile(`^type "(.*)" does not exist$`)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
