package pgdialect

// A target table given an alias (UPDATE t AS a, DELETE FROM t a, INSERT
// INTO t AS a) is known by the alias only: PostgreSQL's t.k in the
// statement is 42P01 "invalid reference to FROM-clause entry for table
// "t"" with a hint naming the alias. SQLite's RETURNING took t.k as the
// target's column and answered; in WHERE and SET it reports an unknown
// column (42703). Refused as PostgreSQL does, unless the statement names
// t otherwise too (UPDATE t a ... FROM t: then t.k is that item's).

// hiddenTargetCheck returns PostgreSQL's error for the first column
// qualified by the name of a target table that an alias hides.
func (x *tx) hiddenTargetCheck() error {
	i := x.dmlTargetAt() // returning_star.go
	if i < 0 {
		return nil
	}
	table, j := x.name(i)
	if table == "" || x.isP(i+1, ".") {
		return nil // schema-qualified: left to SQLite
	}
	if x.kw(j, "AS") {
		j++
	}
	if !x.targetAliasAt(j) {
		return nil
	}
	alias := x.T(j).identName()
	if alias == table {
		return nil
	}
	from := j + 1
	if x.T(0).kw("INSERT") {
		// the source query does not see the target at all
		from = -1
		for k := j; k < x.n() && from < 0; k++ {
			if x.depth[k] == 0 && (x.kw(k, "ON", "CONFLICT") || x.T(k).kw("RETURNING")) {
				from = k
			}
		}
		if from < 0 {
			return nil
		}
	}
	first := -1
	for k := from; k < x.n(); k++ {
		u := x.T(k)
		if u.typ != tIdent && u.typ != tQIdent || u.identName() != table || x.isP(k-1, ".") {
			continue
		}
		if !x.isP(k+1, ".") {
			return nil // named otherwise too
		}
		if first < 0 {
			first = k
		}
	}
	if first < 0 {
		return nil
	}
	return x.hiddenTableRef(first, map[string]bool{alias: true})
}

// targetAliasAt reports whether token j, after an INSERT, UPDATE or
// DELETE's target table (and AS), is the table's alias rather than the
// word that goes on with the statement.
func (x *tx) targetAliasAt(j int) bool {
	t := x.T(j)
	if t.typ == tQIdent {
		return true
	}
	if t.typ != tIdent || reservedWords[t.upper()] {
		return false
	}
	switch t.upper() {
	case "SET", "VALUES", "OVERRIDING", "USING":
		return false
	}
	return true
}
