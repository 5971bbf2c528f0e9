package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42883 for a json (not jsonb) or xml column compared,
// sorted, grouped or given to min/max, a jsonb, macaddr, bit string or
// range column given to min/max, a money column compared with another type or given to a
// numeric function, 42804/42846 for values of no common type (COALESCE,
// CASE, a set operation: money beside a number, json or xml beside
// another type), and 42704 for an index on a json or xml column
// (pgdialect/typecompare_columns.go, typecompare_common.go),
// checked on the SQLite text once it compiles, beside the grouping check:
// every statement that runs passes here, so the refusal is the
// statement's result on every node; it depends only on the text and the
// schema.

// typeCompareCheck returns the check's refusal of sqlText (42883; a set
// operation's 42804/42846; an index's 42704), or nil.
func typeCompareCheck(c *lconn, sqlText string) *Error {
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	defer restore()
	if !schemaHasTyped(c) {
		return nil
	}
	r, ok := pgdialect.CheckTypedColumns(sqlText, liteTypedCatalog{liteGroupCatalog{c}})
	if !ok {
		return nil
	}
	e := &Error{Code: r.Code, Message: r.Message, HintText: r.Hint, Statement: -1}
	if r.Off >= 0 {
		e.lite.sql, e.lite.off = sqlText, r.Off // fixPosition places it in the client's text
	}
	return e
}

// schemaHasTyped is the fast path: no table declares a json, jsonb, xml,
// money, macaddr, bit string or range column (declared types json_text,
// jsonb_text, or json and jsonb before them, xml_text, money, macaddr,
// macaddr8, bit_text, varbit_text, int4range ...), nothing to check.
func schemaHasTyped(c *lconn) bool {
	n, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND (sql LIKE '%json%' OR sql LIKE '%xml%' OR sql LIKE '%money%' OR sql LIKE '%macaddr%' OR sql LIKE '%bit_text%' OR sql LIKE '%range%') LIMIT 1")
	return err == nil && len(n) > 0
}

// liteTypedCatalog answers the check from the connection's schema.
type liteTypedCatalog struct{ liteGroupCatalog }

// TypedColumns reads the columns of a table or view whose declared type
// names one PostgreSQL type (a view's column that reads a column directly
// has its declared type), by PostgreSQL's name of the type.
func (g liteTypedCatalog) TypedColumns(name string) map[string]string {
	rows, err := queryStrings(g.c, "SELECT name || char(0) || type FROM pragma_table_info(?1)", name)
	if err != nil || len(rows) == 0 {
		return nil
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		i := strings.IndexByte(r, 0)
		if typ := pgdialect.ColumnTypeName(r[i+1:]); typ != "" {
			out[strings.ToLower(r[:i])] = typ
		}
	}
	return out
}
