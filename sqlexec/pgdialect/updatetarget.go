package pgdialect

import "strings"

// UpdateTarget reports whether the undefined column col (as SQLite names
// it) is a SET target of the UPDATE sql (the client's text) and nothing
// else: PostgreSQL then words the error as transformUpdateTargetList's
// `column "c" of relation "t" does not exist`, at the target. A name the
// statement also reads (SET a = a) is not: PostgreSQL transforms the
// expressions first and names that read plainly. table is the relation's
// name, name the column's as PostgreSQL folds it, pos the target's
// 1-based character position.
func UpdateTarget(sql, col string) (table, name string, pos int, ok bool) {
	x := newTx(sql)
	if x.mergeStart() >= 0 {
		return x.mergeUpdateTarget(col)
	}
	if !x.kw(0, "UPDATE") {
		return "", "", 0, false
	}
	i := 1
	if x.kw(i, "ONLY") {
		i++
	}
	table, i = x.name(i)
	if table == "" {
		return "", "", 0, false
	}
	set := -1
	for k := i; k < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "SET") {
			set = k
			break
		}
	}
	if set < 0 {
		return "", "", 0, false
	}
	end := x.n()
	for k := set + 1; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "FROM") || x.kw(k, "WHERE") || x.kw(k, "RETURNING")) {
			end = k
			break
		}
	}
	// the target name tokens: "c [. field] = ..." or "(c, d) = ..."
	targets := map[int]bool{}
	for _, it := range x.splitTop(set+1, end) {
		a := it[0]
		if x.isP(a, "(") {
			for _, c := range x.splitTop(a+1, x.match(a)) {
				targets[c[0]] = true
			}
			continue
		}
		targets[a] = true
	}
	at := -1
	for k := set + 1; k < x.n(); k++ {
		t := x.T(k)
		if (t.typ != tIdent && t.typ != tQIdent) || x.isP(k-1, ".") ||
			!(t.identName() == col || t.typ == tIdent && strings.EqualFold(t.text, col)) {
			continue
		}
		if !targets[k] {
			return "", "", 0, false // the statement reads it too
		}
		if at < 0 {
			at = k
		}
	}
	if at < 0 {
		return "", "", 0, false
	}
	return table, x.T(at).identName(), x.charPos(at), true
}

// mergeUpdateTarget is UpdateTarget of a MERGE: col a SET target of its
// WHEN MATCHED ... UPDATE actions and named nowhere else in the statement.
func (x *tx) mergeUpdateTarget(col string) (table, name string, pos int, ok bool) {
	table, clauses, ok := x.mergeClausesOf()
	if !ok {
		return "", "", 0, false
	}
	targets := map[int]bool{}
	for _, c := range clauses {
		if c.verb != "UPDATE" {
			continue
		}
		for _, it := range x.splitTop(c.body[0], c.body[1]) {
			if a := it[0]; x.isP(a, "(") {
				for _, t := range x.splitTop(a+1, x.match(a)) {
					targets[t[0]] = true
				}
			} else {
				targets[a] = true
			}
		}
	}
	at := -1
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if (t.typ != tIdent && t.typ != tQIdent) || x.isP(k-1, ".") ||
			!(t.identName() == col || t.typ == tIdent && strings.EqualFold(t.text, col)) {
			continue
		}
		if !targets[k] {
			return "", "", 0, false // the statement reads it too
		}
		if at < 0 {
			at = k
		}
	}
	if at < 0 {
		return "", "", 0, false
	}
	return table, x.T(at).identName(), x.charPos(at), true
}
