package pgdialect

// A column named twice as a write's target. PostgreSQL refuses INSERT
// INTO t (a, a) (42701 column "a" specified more than once, at the second)
// and UPDATE t SET a = 1, a = 2 (42601 multiple assignments to same column
// "a"); SQLite takes the last value of each, so the statement would run
// with an answer PostgreSQL never gives. MERGE's actions are translated as
// the INSERT and UPDATE they stand for (merge.go), so they are checked
// here too.

// duplicateTargets refuses an INSERT whose column list, or an UPDATE
// whose SET list, names a column twice.
func (x *tx) duplicateTargets() error {
	i := x.dmlStart() // after a WITH list (withdml.go)
	switch {
	case x.kw(i, "INSERT", "INTO"):
		return x.duplicateInsertColumns(i + 2)
	case x.kw(i, "UPDATE"):
		return x.duplicateSetTargets(i + 1)
	}
	return nil
}

// duplicateInsertColumns checks the column list after INSERT INTO's
// table at i.
func (x *tx) duplicateInsertColumns(i int) error {
	_, j, err := x.relation(i)
	if err != nil {
		return nil // the translation reports it
	}
	if x.kw(j, "AS") {
		j += 2
	}
	if !x.isP(j, "(") || x.isSubquery(j) || x.kw(j+1, "TABLE") {
		return nil // INSERT INTO t (SELECT ...): no column list
	}
	seen := map[string]bool{}
	for _, c := range x.splitTop(j+1, x.match(j)) {
		t := x.T(c[0])
		if t.typ != tIdent && t.typ != tQIdent {
			continue
		}
		if seen[t.identName()] {
			return &Error{Code: "42701", Message: "column \"" + t.identName() + "\" specified more than once", Position: x.charPos(c[0])}
		}
		seen[t.identName()] = true
	}
	return nil
}

// duplicateSetTargets checks the SET list of the UPDATE whose table is
// at i. An assignment to a part of a column (a[1] = ..., a.f = ...) may
// repeat, as in PostgreSQL.
func (x *tx) duplicateSetTargets(i int) error {
	_, j, err := x.relation(i)
	if err != nil {
		return nil
	}
	for j < x.n() && !(x.depth[j] == x.depth[i] && x.kw(j, "SET")) {
		j++
	}
	end := j + 1
	for end < x.n() && !(x.depth[end] == x.depth[i] && (x.kw(end, "FROM") || x.kw(end, "WHERE") || x.kw(end, "RETURNING"))) {
		end++
	}
	seen := map[string]bool{}
	add := func(k int) error {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || !x.isP(k+1, "=") && !x.isP(k+1, ",") && !x.isP(k+1, ")") {
			return nil
		}
		if seen[t.identName()] {
			return &Error{Code: "42601", Message: "multiple assignments to same column \"" + t.identName() + "\""}
		}
		seen[t.identName()] = true
		return nil
	}
	for _, item := range x.splitTop(j+1, end) {
		if !x.isP(item[0], "(") {
			if err := add(item[0]); err != nil {
				return err
			}
			continue
		}
		for _, c := range x.splitTop(item[0]+1, x.match(item[0])) {
			if err := add(c[0]); err != nil {
				return err
			}
		}
	}
	return nil
}
