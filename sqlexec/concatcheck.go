package sqlexec

import (
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42883 for || between two columns of types no operator
// takes (int4 || int4, int4[] || text[]: pgdialect/concat_static.go), or
// between a column and an array the text shows (int4[] || ARRAY['x']),
// checked on the SQLite text once it compiles, beside the grouping
// check: the run-time check raises it at the first row only, so a
// statement that reads none was accepted where PostgreSQL refuses it at
// parse time. The answer depends only on the text and the schema, so it
// is the statement's result on every node.

// concatCheck returns the 42883 error for sqlText, or nil.
func concatCheck(c *lconn, sqlText string) *Error {
	sites := pgdialect.ConcatSites(sqlText)
	if len(sites) == 0 {
		return nil
	}
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	defer restore()
	for _, s := range sites {
		// the type expressions read only the catalog (literal table and
		// column names), never the statement's rows
		v, ok := catalogExprs(c, s.LType, s.RType)
		if !ok {
			continue // not known here: the run-time check decides
		}
		msg, ok := pgdialect.ConcatRefusal(v[0], v[1])
		if !ok {
			continue
		}
		e := &Error{Code: "42883", Message: msg, HintText: pgdialect.ConcatHint, Statement: -1}
		if s.Off >= 0 {
			e.lite.sql, e.lite.off = sqlText, s.Off // fixPosition places it in the client's text
		}
		return e
	}
	return nil
}
