package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42883 for a json (not jsonb) column compared, sorted,
// grouped or given to min/max (pgdialect/json_columns.go), checked on the
// SQLite text once it compiles, beside the grouping check: every
// statement that runs passes here, so the refusal is the statement's
// result on every node; it depends only on the text and the schema.

// jsonCompareCheck returns the json check's error for sqlText (42883, or a
// set operation's 42804/42846), or nil.
func jsonCompareCheck(c *lconn, sqlText string) *Error {
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	defer restore()
	if !schemaHasJSON(c) {
		return nil
	}
	r, ok := pgdialect.CheckJSONColumns(sqlText, liteJSONCatalog{liteGroupCatalog{c}})
	if !ok {
		return nil
	}
	e := &Error{Code: r.Code, Message: r.Message, HintText: r.Hint, Statement: -1}
	e.lite.sql, e.lite.off = sqlText, r.Off // fixPosition places it in the client's text
	return e
}

// schemaHasJSON is the fast path: no table declares a json column (its
// declared type json_text, or json before it), nothing to check.
func schemaHasJSON(c *lconn) bool {
	n, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%json%' LIMIT 1")
	return err == nil && len(n) > 0
}

// liteJSONCatalog answers the check from the connection's schema.
type liteJSONCatalog struct{ liteGroupCatalog }

// JSONColumns reads the json columns of a table or view (a view's column
// that reads a json column directly has its declared type).
func (g liteJSONCatalog) JSONColumns(name string) map[string]bool {
	return g.columnsOf(name, pgdialect.JSONDeclType, "json")
}

// JSONBColumns reads the jsonb columns of a table or view, as JSONColumns.
func (g liteJSONCatalog) JSONBColumns(name string) map[string]bool {
	return g.columnsOf(name, pgdialect.JSONBDeclType, "jsonb")
}

// columnsOf reads the columns of a table or view declared decl or name.
func (g liteJSONCatalog) columnsOf(table, decl, name string) map[string]bool {
	cols, err := queryStrings(g.c, "SELECT name FROM pragma_table_info(?1) WHERE lower(type) IN (?2, ?3)", table, decl, name)
	if err != nil || len(cols) == 0 {
		return nil
	}
	out := make(map[string]bool, len(cols))
	for _, col := range cols {
		out[strings.ToLower(col)] = true
	}
	return out
}
