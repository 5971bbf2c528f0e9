package pgdialect

import "strings"

// applyReturningAliases does for the RETURNING list of INSERT, UPDATE and
// DELETE what applyAliases does for a select list: PostgreSQL's column
// names for unaliased items and the inferred result types (so
// RETURNING x IS NOT NULL is a boolean, not SQLite's integer).
func (x *tx) applyReturningAliases() {
	r := x.findKw(0, x.n(), 0, "RETURNING")
	if r < 0 || r+1 >= x.n() {
		return
	}
	var oids []uint32
	for _, it := range x.splitTop(r+1, x.n()) {
		a, b := it[0], it[1]
		if a >= b || x.isP(b-1, "*") {
			return // column count unknown
		}
		x.numericItem(a, b) // arith.go
		name, has, oid := x.itemName(a, b)
		oids = append(oids, oid)
		if !has && name != "" {
			x.T(b - 1).wsuf += ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
	}
	x.colOIDs = oids
}
