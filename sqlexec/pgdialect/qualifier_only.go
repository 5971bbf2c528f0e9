package pgdialect

// QualifierOnly reports whether the statement sql names q (compared
// without case) only as a column's qualifier (q.c), never as a table,
// alias or anything else, and at least once: a reference q.c SQLite
// reports as an unknown column is then PostgreSQL's 42P01 missing
// FROM-clause entry for table "q". name is q as the statement spells it,
// folded as PostgreSQL folds an identifier.
func QualifierOnly(sql, q string) (name string, ok bool) {
	x := newTx(sql)
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || !equalFoldASCII(t.identName(), q) {
			continue
		}
		if x.isP(k-1, ".") || !x.isP(k+1, ".") {
			return "", false
		}
		name = t.identName()
	}
	return name, name != ""
}
