package pgdialect

// lateral_collate.go: a LATERAL subquery's column of run-time type where
// the statement compares the select item's own value (SELECT DISTINCT
// s.amount, a set operation's item: lateral.go's lateralSorts). The
// translation has no schema, so it writes the item
// pg_lateral_col(value, k, probe, decl), which refuses at run time a
// type that compares through a collation (the value lost it on its way
// through JSON). Once SQLite has compiled the statement, decl (an
// uncorrelated read of the column's declared type, the same on every
// node) is read here, once per compiled statement, and an item of a type
// with a collation (numeric, interval, jsonb, money, inet, macaddr,
// ranges) becomes (pg_lateral_col(value, k, probe) COLLATE <its
// collation>): DISTINCT and the set operations compare it as the column
// would (1.5 and 1.50 one row), ORDER BY sorts it so. A type of another
// collation (arrays, enums, citext) keeps decl, and its refusal.

import "strings"

// LateralCollationConversion is sqlText (SQLite text) with the items the
// file's comment describes converted, "" when none is. declOf evaluates
// an SQL expression (a declared type's read) and returns its text.
func LateralCollationConversion(sqlText string, declOf func(expr string) string) string {
	if !strings.Contains(sqlText, "pg_lateral_col(") {
		return ""
	}
	x := newTx(sqlText)
	var eds []textEdit
	colls := map[string]string{} // decl expression: its collation
	for k := 0; k+1 < x.n(); k++ {
		if !strings.EqualFold(x.T(k).text, "pg_lateral_col") || !x.isP(k+1, "(") || x.isP(k-1, ".") {
			continue
		}
		m := x.match(k + 1)
		args := x.splitTop(k+2, m)
		if m < 0 || len(args) != 4 {
			continue
		}
		declExpr := x.orig(args[3][0], args[3][1])
		coll, ok := colls[declExpr]
		if !ok {
			o, _ := DeclTypeOID(declOf(declExpr))
			coll = lateralCollation(o) // lateral.go: "" for a type of none
			colls[declExpr] = coll
		}
		if coll == "" {
			continue
		}
		// drop decl (and its refusal); the call is the item's whole value
		end := x.T(args[2][1]-1).pos + len(x.T(args[2][1]-1).text)
		eds = append(eds, textEdit{x.T(k).pos, 0, "("},
			textEdit{end, x.T(m).pos - end, ""},
			textEdit{x.T(m).pos + 1, 0, " COLLATE " + coll + ")"})
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}
