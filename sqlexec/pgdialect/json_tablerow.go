package pgdialect

// json_tablerow.go: a table's whole row as JSON (row_to_json(u),
// to_json(u), to_jsonb(u), json_agg(u), jsonb_agg(u) ... FROM users u).
// The translator does not know a table's columns, so Translate refuses
// these (0A000); the session then asks ExpandTableRows to rewrite each
// such reference with the columns of its local schema, in column order:
// u becomes pg_json_row('id', u.id, 'name', u.name, ...), whose values
// the JSON pass types by their declared types (json_typed.go), and
// translates the result. The columns are part of the statement every
// node applies, so a write (INSERT ... SELECT row_to_json(u) ...) is the
// same everywhere; a table altered between the lookup and the entry's
// place in the log gives SQLite's error for a missing column, or a row
// without the new column.

import (
	"slices"
	"strings"
)

func init() {
	// pg_json_row written by ExpandTableRows is a JSON constructor whose
	// values are typed like any other's
	funcRename["pg_json_row"] = "pg_json_row"
	jsonArgFuncs["pg_json_row"] = true
}

// ExpandTableRows rewrites the whole-row references to FROM tables among
// the arguments of the JSON constructors in sql (PostgreSQL text) as
// pg_json_row over the columns columns returns for the table (nil: an
// unknown table, left as it is). ok is false when nothing was rewritten.
func ExpandTableRows(sql string, columns func(table string) []string) (string, bool) {
	x := newTx(sql)
	changed := false
	x.tableRowArgs(func(a int) bool {
		ref := x.T(a).identName()
		table := ""
		for _, ft := range x.fromTables() {
			if ft.alias == ref || ft.alias == "" && ft.name == ref {
				table = ft.name
				break
			}
		}
		cols := columns(table)
		if len(cols) == 0 || slices.Contains(cols, ref) {
			return true // unknown, or a column of that name (PostgreSQL reads the column): refused
		}
		parts := make([]string, 0, 2*len(cols))
		for _, c := range cols {
			parts = append(parts, quoteLit(c), quoteIdent(ref)+"."+quoteIdent(c))
		}
		x.T(a).set("pg_json_row(" + strings.Join(parts, ", ") + ")")
		changed = true
		return true
	})
	if !changed {
		return sql, false
	}
	return x.all(), true
}

// tableRowArgs calls visit with the place of each argument of a JSON
// constructor that is a FROM table's whole row (not a subquery's, which
// wholeRow expands itself), while visit returns true.
func (x *tx) tableRowArgs(visit func(a int) bool) {
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") || x.isP(i-1, ".") || !jsonArgFuncs[funcRename[strings.ToLower(t.text)]] {
			continue
		}
		e := x.match(i + 1)
		if e < 0 {
			continue
		}
		for _, a := range x.splitTop(i+2, e) {
			if o := x.findKw(a[0], a[1], x.depth[a[0]], "ORDER"); o > a[0] {
				a[1] = o // json_agg(u ORDER BY ...)
			}
			if _, sub := x.wholeRow(a[0], a[1]); sub || !x.tableRow(a[0], a[1]) {
				continue
			}
			if !visit(a[0]) {
				return
			}
		}
	}
}

// refuseTableRows refuses a table's whole row among the JSON
// constructors' arguments before the operator pass folds a call into an
// operand's text (to_jsonb(d) - 'id'), so the session expands it
// (ExpandTableRows) wherever it stands.
func (x *tx) refuseTableRows() error {
	var err error
	x.tableRowArgs(func(a int) bool {
		err = unsupported("a table's whole row as JSON is not supported (%s): list its columns, json_build_object('col', col, ...), or select them in a subquery", x.text(a, a+1))
		return false
	})
	return err
}
