package pgdialect

// whole_row_ref.go: a FROM item's name used as a value. PostgreSQL reads
// SELECT r FROM t r, array_agg(r), ARRAY[r], r::text and string_agg(r::
// text, ',') as the item's whole row, a record ((1,x), {"(1,x)"}); SQLite
// has no such value and answered no such column, PostgreSQL's 42703
// column "r" does not exist, as if the statement were wrong. The JSON
// constructors' whole rows are spelled out (json_text.go,
// json_tablerow.go); anywhere else the session refuses the reference as
// a feature raftsql lacks (0A000), naming it.

// WholeRowRef reports whether name, a column SQLite found no table to
// have in the client's statement sql, names one of its FROM items (a
// table's alias, a table named without one, an aliased subquery), and
// returns the name as the statement folds it.
func WholeRowRef(sql, name string) (string, bool) {
	x := newTx(sql)
	for _, ft := range x.fromTables() { // pgcast.go
		if n := ft.alias; n != "" && equalFoldASCII(n, name) || n == "" && equalFoldASCII(ft.name, name) {
			return name, true
		}
	}
	found := false
	x.fromSubqueries(func(_, _, j int) bool { // json_text.go
		found = equalFoldASCII(x.T(j).identName(), name)
		return !found
	})
	return name, found
}
