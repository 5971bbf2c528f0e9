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
	targets := map[int]bool{}
	x.addSetTargets(targets, set+1, end)
	return x.soleTarget(table, col, set+1, targets)
}

// addSetTargets adds to targets the target name tokens of the SET list at
// a..b-1: "c [. field] = ..." or "(c, d) = ...".
func (x *tx) addSetTargets(targets map[int]bool, a, b int) {
	for _, it := range x.splitTop(a, b) {
		k := it[0]
		if x.isP(k, "(") {
			for _, c := range x.splitTop(k+1, x.match(k)) {
				targets[c[0]] = true
			}
			continue
		}
		targets[k] = true
	}
}

// soleTarget is UpdateTarget's answer when col is named from token from on
// only at targets (its first place), not ok when it is named elsewhere
// too or nowhere.
func (x *tx) soleTarget(table, col string, from int, targets map[int]bool) (string, string, int, bool) {
	at := -1
	for k := from; k < x.n(); k++ {
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
		if c.verb == "UPDATE" {
			x.addSetTargets(targets, c.body[0], c.body[1])
		}
	}
	return x.soleTarget(table, col, 0, targets)
}
