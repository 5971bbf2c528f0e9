package sqlexec

import (
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42804 for an INSERT, UPDATE or ON CONFLICT DO UPDATE
// whose assigned expression's type has no assignment cast to the
// column's type (pgdialect/assign_cast.go), checked on the SQLite text
// once it compiles, beside the grouping check: pg_in_col converted such a
// value row by row, so a statement that writes no row (or a NULL) was
// accepted where PostgreSQL refuses it at parse time. The answer depends
// only on the text and the schema, so it is the statement's result on
// every node.

// assignCheck returns the 42804 error for sqlText, or nil.
func assignCheck(c *lconn, sqlText string) *Error {
	sites := pgdialect.AssignSites(sqlText)
	if len(sites) == 0 {
		return nil
	}
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	defer restore()
	for _, s := range sites {
		// the expressions read only the catalog (literal table and
		// column names), never the statement's rows
		parts, ok := catalogExprs(c, s.FromType, s.Create, s.Col)
		if !ok {
			continue // not known here: the run-time conversion decides
		}
		col, decl, ok := pgdialect.TableColumn(parts[1], colRef(s.Col, parts[2]))
		if !ok {
			continue
		}
		msg, ok := pgdialect.AssignRefusal(col, parts[0], decl)
		if !ok {
			continue
		}
		e := &Error{Code: "42804", Message: msg, HintText: pgdialect.AssignHint, Statement: -1}
		e.Pos = s.Pos // the client's statement's, from the translation
		return e
	}
	return nil
}

// colRef is pg_in_col's column argument as its function reads it: a
// 0-based position when the text is a number, else a name.
func colRef(text, v string) any {
	if n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64); err == nil {
		return n
	}
	return v
}
