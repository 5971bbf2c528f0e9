package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42883 for a json (not jsonb) or xml column compared,
// sorted, grouped or given to min/max, a jsonb, macaddr, bit string or
// range column given to min/max, an aggregate given a column of a type it
// does not take (sum(text), avg(boolean): aggregate_argtypes.go), a money column compared with another type or given to a
// numeric function, 42804/42846 for values of no common type (COALESCE,
// CASE, a set operation: types of different categories, money beside a
// number, json or xml beside another type) and their unknown literals'
// input errors (22P02 ...), and 42704 for an index on a json or xml column
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
	if !mentionsCommonType(sqlText) && !pgdialect.MentionsAggregate(sqlText) && !schemaHasTyped(c) && !mentionsComparison(sqlText) {
		return nil // nothing the check reads: spare the lexing (a new text per execution under the simple protocol)
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

// mentionsComparison is a cheap test before lexing: sqlText may compare
// values (= < > and the forms spelt with them, IN, BETWEEN, IS [NOT]
// DISTINCT FROM), which a
// number compared with a string refuses (pgdialect/typecompare.go's
// numberString).
func mentionsComparison(sqlText string) bool {
	if strings.ContainsAny(sqlText, "=<>") {
		return true
	}
	low := strings.ToLower(sqlText)
	return strings.Contains(low, " in ") || strings.Contains(low, " in(") || strings.Contains(low, "between") || strings.Contains(low, "distinct from")
}

// mentionsCommonType is a cheap test before lexing: sqlText (SQLite
// text) may hold values matched to a common type (COALESCE, CASE,
// NULLIF, GREATEST/LEAST written as max/min of coalesce, ARRAY[...]
// (pg_array), a set operation, a VALUES list outside a plain INSERT ... VALUES, whose rows
// take their target columns' types).
func mentionsCommonType(sqlText string) bool {
	low := strings.ToLower(sqlText)
	for _, w := range []string{"coalesce", "case", "nullif", "union", "intersect", "except", "pg_array("} {
		if strings.Contains(low, w) {
			return true
		}
	}
	if i := strings.Index(low, "values"); i >= 0 {
		return !strings.HasPrefix(strings.TrimSpace(low), "insert") || strings.Contains(low, "select") || strings.Contains(low[i+6:], "values")
	}
	return false
}

// schemaHasTyped reports whether a table declares a type the check reads
// in comparisons (json, xml, money, macaddr, bit strings, ranges): kept
// for the schema (catalogcache.go).
func schemaHasTyped(c *lconn) bool {
	return catalogRead(c, "hastyped", func() bool {
		n, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND (sql LIKE '%json%' OR sql LIKE '%xml%' OR sql LIKE '%money%' OR sql LIKE '%macaddr%' OR sql LIKE '%bit_text%' OR sql LIKE '%range%') LIMIT 1")
		return err == nil && len(n) > 0
	})
}

// liteTypedCatalog answers the check from the connection's schema.
type liteTypedCatalog struct{ liteGroupCatalog }

// TypedColumns reads the columns of a table or view whose declared type
// names one PostgreSQL type, by PostgreSQL's name of the type.
func (g liteTypedCatalog) TypedColumns(name string) map[string]string {
	return catalogRead(g.c, "typed\x00"+name, func() map[string]string { return g.typedColumns(name) })
}

// typedColumns reads TypedColumns' answer.
func (g liteTypedCatalog) typedColumns(name string) map[string]string {
	if _, ok := viewQuery(g.c, name); ok {
		return viewTypedColumns(g.c, name)
	}
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

// viewTypedColumns are the typed columns of view name as pg_view_decls
// declares them (viewdecls.go): SQLite declares a column computed by an
// expression as whatever its first operand is (amount * 2 of a numeric
// column is TEXT), so the check would have matched a number with text.
func viewTypedColumns(c *lconn, name string) map[string]string {
	cols := describeRel(c, pgdialect.DerivedRel{Name: name})
	out := make(map[string]string, len(cols))
	for _, ci := range cols {
		if typ := pgdialect.ColumnTypeName(viewColumnDecl(ci)); typ != "" {
			out[strings.ToLower(ci.name)] = typ
		}
	}
	return out
}
