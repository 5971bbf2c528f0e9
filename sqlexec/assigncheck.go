package sqlexec

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
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
	var lits []pgdialect.AssignSite // the quoted literals before the site
	for _, s := range sites {
		if s.Literal != "" {
			lits = append(lits, s)
			continue
		}
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
		if e := literalError(c, lits); e != nil {
			return e
		}
		e := &Error{Code: "42804", Message: msg, HintText: pgdialect.AssignHint, Statement: -1}
		e.Pos = s.Pos // the client's statement's, from the translation
		return e
	}
	return constError(c, sites)
}

// constError is the data exception (class 22) of the first number
// constant a SET assigns (AssignSite.Const) that its column refuses,
// converted as the statement would convert it: PostgreSQL folds the
// conversion when it plans the statement, after its parse-time checks
// (every 42804), so UPDATE t SET n = 123.4 WHERE false into numeric(3,1)
// is 22003 though it writes no row. nil when none is refused. The
// conversion reads only the constant and the schema.
func constError(c *lconn, sites []pgdialect.AssignSite) *Error {
	for _, s := range sites {
		if s.Const == "" {
			continue
		}
		q := "SELECT CAST(" + s.Const + " AS TEXT)"
		if _, err := queryStrings(c, q); err != nil {
			if e := mapError(err, q); strings.HasPrefix(e.Code, "22") {
				e.Pos = 0 // PostgreSQL's planner places none
				return e
			}
		}
	}
	return nil
}

// literalError is the error of the first of the quoted literals lits
// that its column's input function refuses (22P02 'x' for a numeric),
// nil when none does: PostgreSQL reads them as it meets them, when it
// parses the statement, so a literal before the value of no assignment
// cast has its error first. A literal is read as the column's type
// without its modifier, as the parser does (the length or precision
// check, 22001 or 22003, comes when the statement runs, after the
// 42804); a string or bit string column's is not read here (raftsql's
// types of no modifier are one character, one bit long).
func literalError(c *lconn, lits []pgdialect.AssignSite) *Error {
	for _, s := range lits {
		parts, ok := catalogExprs(c, s.Create, s.Col)
		if !ok {
			continue
		}
		_, decl, ok := pgdialect.TableColumn(parts[0], colRef(s.Col, parts[1]))
		if !ok {
			continue
		}
		switch o, _ := pgdialect.DeclTypeOID(decl); o {
		case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name, pgoid.Bit, pgoid.Varbit:
			continue
		}
		q := "SELECT CAST(pg_in_col(" + s.Literal + ", " + s.Create + ", " + s.Col + ", NULL, 'common') AS TEXT)"
		if _, err := queryStrings(c, q); err != nil {
			e := mapError(err, q)
			e.Pos = 0 // of q, not of the client's statement
			return e
		}
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
