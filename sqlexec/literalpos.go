package sqlexec

import (
	"context"
	"strings"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// String literals an INSERT or UPDATE assigns to columns
// (pgdialect/errpos_literal.go). PostgreSQL's parse analysis reads each
// with its column type's input function, so a literal the type refuses
// fails the statement even when it writes no row (UPDATE ... WHERE
// matching nothing), with the error at the literal; raftsql converts the
// value when the row is written (pg_in_col).
//
// assignedLiteralError reads the literals with the local schema before
// the statement runs, as planconst.go evaluates constants: a refused
// write is never proposed (in an explicit transaction, never run: the
// transaction is aborted, as PostgreSQL's). It stays out of sessions
// whose schema the read connection may not show (localSchema); the
// run-time conversion still refuses the value where a row is written,
// and placeLiteralInput then places its error.

// assignedLiteralError is the input error of the first literal sql
// assigns that its column's type refuses, placed at the literal; nil
// when none is refused (or the columns are not known here).
func (s *Session) assignedLiteralError(ctx context.Context, sql string, st *pgdialect.Stmt) error {
	if !s.localSchema() {
		return nil
	}
	e := s.refusedLiteral(ctx, sql, nil)
	if e == nil {
		return nil
	}
	// PostgreSQL's parse analysis meets the assigned values in order: a
	// value of no assignment cast before this literal is the statement's
	// error (42804), and a type modifier's refusal (22001, 22003) comes
	// only when the statement is planned, after every 42804.
	if a := s.assignError(ctx, st); a != nil && (typmodError(e) || a.Pos < e.Pos) {
		return a
	}
	return e
}

// localSchema reports whether a read connection shows the schema the
// session's statements run on: not when the session has temporary
// tables (its own connection's), nor in a transaction that changed the
// schema itself (its statements run on the apply state with the
// transaction's earlier ones; one that only read and wrote rows sees the
// schema the read connection shows).
func (s *Session) localSchema() bool {
	return (s.tx == nil || !s.tx.schemaChanged) && (s.temp == nil || len(s.temp.names) == 0)
}

// assignError is assignCheck's verdict (assigncheck.go) on st's SQLite
// statements with the local schema, nil when it has none. Asked only
// when a literal is refused, so the common write reads nothing more.
func (s *Session) assignError(ctx context.Context, st *pgdialect.Stmt) *Error {
	var found *Error
	_ = s.e.db.withReader(ctx, func(c *lconn) error {
		c.syncSchema()
		for _, q := range st.Exec {
			if found = assignCheck(c, q); found != nil {
				return nil
			}
		}
		return nil
	})
	return found
}

// placeLiteralInput gives e, a statement's input error raised when a row
// was written, the position of the assigned literal whose reading raises
// that very error; none found, e keeps no position (a wrong caret is
// worse than none).
func (s *Session) placeLiteralInput(ctx context.Context, e *Error, orig string) {
	if e.Pos != 0 || !strings.HasPrefix(e.Code, "22") {
		return
	}
	if x := s.refusedLiteral(ctx, orig, e); x != nil {
		e.Pos = x.Pos
	}
}

// typmodError reports whether e is the error of applying a type's
// modifier (varchar(n)'s length, numeric(p,s)'s precision, bit(n)'s),
// which PostgreSQL raises after the input function, outside the
// literal's position.
func typmodError(e *Error) bool {
	return e.Code == "22001" || e.Code == "22026" || e.Code == CodeNumericOutOfRange && e.Message == "numeric field overflow"
}

// refusedLiteral reads the literals sql assigns with their columns'
// types and returns the first one's error (class 22, placed at it unless
// the type modifier refused it); with want, the first whose error is
// want's.
func (s *Session) refusedLiteral(ctx context.Context, sql string, want *Error) *Error {
	a := s.assignedLiterals(sql)
	table, named, lits := a.table, a.named, a.lits
	if len(lits) == 0 {
		return nil
	}
	cols := s.literalColumns(ctx, table)
	for _, n := range named {
		if columnIndex(cols, n) < 0 {
			return nil // not this table's column: that is the statement's error
		}
	}
	for _, l := range lits {
		k := l.Index
		if l.Col != "" {
			k = columnIndex(cols, l.Col)
		}
		if k < 0 || k >= len(cols) {
			continue
		}
		if want != nil && want.Message == "invalid input value for enum "+cols[k].decl+": \""+l.Text+"\"" {
			return &Error{Code: want.Code, Message: want.Message, Pos: l.Pos} // an enum column's type is the enum
		}
		e := literalInputError(l.Text, cols[k].decl, s.zone())
		if e != nil && (want == nil || e.Code == want.Code && e.Message == want.Message && e.DetailText == want.DetailText) {
			if !typmodError(e) {
				e.Pos = l.Pos
			}
			return e
		}
	}
	return nil
}

// assignedLits is pgdialect.AssignedLiterals' answer for a statement.
type assignedLits struct {
	table string
	named []string
	lits  []pgdialect.AssignedLiteral
}

// assignedLiterals is pgdialect.AssignedLiterals(sql), remembered by the
// text (statements of up to assignedCacheLen bytes): the pre-check asks
// on every execution of every statement, and lexing the text each time
// cost more than the rest of a prepared point read. A statement with no
// string literal is not lexed at all.
func (s *Session) assignedLiterals(sql string) assignedLits {
	if !mayHaveStringLiteral(sql) {
		return assignedLits{}
	}
	if v, ok := s.litStmts[sql]; ok {
		return v
	}
	var v assignedLits
	v.table, v.named, v.lits = pgdialect.AssignedLiterals(sql)
	if len(sql) <= assignedCacheLen {
		if s.litStmts == nil || len(s.litStmts) >= planConstCacheSize {
			s.litStmts = make(map[string]assignedLits)
		}
		s.litStmts[sql] = v
	}
	return v
}

// assignedCacheLen bounds the statements assignedLiterals remembers (a
// long multi-row INSERT is read once anyway).
const assignedCacheLen = 4096

// mayHaveStringLiteral reports whether sql has a quote or a dollar quote
// ($ not followed by a parameter's digit), the only starts of a string
// literal.
func mayHaveStringLiteral(sql string) bool {
	for i := 0; i < len(sql); i++ {
		switch sql[i] {
		case '\'':
			return true
		case '$':
			if i+1 >= len(sql) || sql[i+1] < '0' || sql[i+1] > '9' {
				return true
			}
		}
	}
	return false
}

// literalColumns are table's columns as the local schema has them (nil
// when unknown), remembered until the schema changes: every INSERT and
// UPDATE with a string literal asks. Where a read connection does not show
// the session's schema (localSchema), they are read from the state its
// statements see.
func (s *Session) literalColumns(ctx context.Context, table string) []tableCol {
	if !s.localSchema() {
		// asked only to place an error that was raised (placeLiteralInput):
		// the schema the statement ran on, read once
		var cols []tableCol
		_ = s.onTxState(ctx, func(c *lconn) error { // txn.go
			cols = tableColumns(c, table)
			return nil
		})
		return cols
	}
	key := strings.ToLower(table)
	if v := s.e.db.schemaVer.Load(); v != s.litColsVer || s.litCols == nil || len(s.litCols) >= planConstCacheSize {
		s.litCols, s.litColsVer = map[string][]tableCol{}, v
	}
	if cols, ok := s.litCols[key]; ok {
		return cols
	}
	var cols []tableCol
	if err := s.e.db.withReader(ctx, func(c *lconn) error {
		c.syncSchema()
		cols = tableColumns(c, table) // constraint_errors.go
		return nil
	}); err != nil {
		return nil
	}
	s.litCols[key] = cols
	return cols
}

// literalInputError is the data exception (class 22) of reading text as
// a value of the declared type decl, nil when it reads (or the type is
// not one pgdialect.InDeclAt reads).
func literalInputError(text, decl string, zone *time.Location) *Error {
	_, err := pgdialect.InDeclAt(text, decl, time.Now, zone)
	if err == nil {
		return nil
	}
	code, msg, detail, hint, ok := pgdialect.ParseSQLStateFields(err.Error())
	if !ok || !strings.HasPrefix(code, "22") {
		return nil
	}
	return &Error{Code: code, Message: msg, DetailText: detail, HintText: hint, Statement: -1}
}
