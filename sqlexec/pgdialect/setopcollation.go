package pgdialect

// setopcollation.go: a set operation column whose first operand is a
// constant of a type compared by a collation (interval '1 day',
// '{"a": 1}'::jsonb).
//
// SQLite takes a compound's column collation from its first operand (and
// a FROM subquery's, which the UNION rewrite of unionfirst.go reads, from
// the first operand only); a cast has none, so SELECT interval '1 day'
// UNION SELECT iv FROM t deduplicated and ordered its intervals as text
// ('1 mon' before '23:00:00', '24:00:00' beside '1 day') where
// PostgreSQL's interval_cmp compares them by value. The first operand's
// item gets its type's collation (type_collations.go), as the column of
// that type has. A VALUES list is a compound too: its first row's item
// gets it (max over (VALUES (interval '1 mon'), (interval '25 hours'))
// was 25:00:00; corpus 30_me_values_collation).

// collateSetOpColumn gives the first operand's item br of a set operation
// column the collation of its type, when it is of a known type that has
// one.
func (x *tx) collateSetOpColumn(br branch) {
	if br.kind != branchTyped {
		return
	}
	c, ok := typeCollations[br.oid]
	if !ok || br.a >= br.b {
		return
	}
	x.T(br.a).pre = "(" + x.T(br.a).pre
	x.T(br.b - 1).suf += " COLLATE " + c.name + ")"
}

// collated reports whether the expression a..b-1, parenthesised or not,
// ends in a COLLATE clause of its own (x COLLATE pg_numeric): SQLite
// compares it by that collation.
func (x *tx) collated(a, b int) bool {
	a, b = x.unparen(a, b)
	return b-a > 2 && x.kw(b-2, "COLLATE") && x.depth[b-2] == x.depth[a]
}
