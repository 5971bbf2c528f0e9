package pgdialect

// A FROM clause (with an UPDATE's target, or a DELETE's target and USING
// list) may name each table only once: FROM t a, u a, FROM t JOIN t ON
// ..., UPDATE t SET ... FROM t are PostgreSQL's 42712 "table name "a"
// specified more than once" when the statement is parsed. SQLite accepts
// them and then reports the first column as ambiguous (42702), or
// answers where no column is named (SELECT 1 FROM t, t). The names are
// those PostgreSQL gives the items: the alias, else the table's or
// function's name; a parenthesised join without an alias lends its
// items' names, one with an alias names only itself. Two tables without
// aliases whose qualified names differ (s1.t, s2.t) are different
// relations and no conflict, as in PostgreSQL.

// fromName is a FROM item's name and, for a table without an alias, its
// name as written with its schema (to tell s1.t from s2.t).
type fromName struct {
	name, table string
}

// checkFromNames refuses a name given twice in one FROM clause.
func (x *tx) checkFromNames() error {
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent {
			continue
		}
		var names []fromName
		var lo int
		switch {
		case t.kw("FROM") && !x.kw(i-1, "DISTINCT"):
			verb := x.clauseVerb(i)
			if verb < 0 {
				continue
			}
			if x.T(verb).kw("UPDATE") {
				if n, ok := x.fromTarget(verb + 1); ok {
					names = append(names, n)
				}
			}
			lo = i + 1
		case t.kw("DELETE") && x.kw(i+1, "FROM"):
			n, end := x.fromTargetEnd(i + 2)
			if !x.kw(end, "USING") {
				continue
			}
			names, lo = append(names, n), end+1
		default:
			continue
		}
		if lo >= x.n() {
			continue // FROM at the end: the syntax error is SQLite's
		}
		if _, err := x.fromItemNames(lo, x.depth[lo], names); err != nil {
			return err
		}
	}
	return nil
}

// clauseVerb returns the SELECT or UPDATE whose FROM clause the FROM at i
// starts (the nearest at its depth before it), or -1 (a FROM of
// substring(), extract(), trim(), ROWS FROM, DELETE FROM, COPY ... FROM).
func (x *tx) clauseVerb(i int) int {
	if x.kw(i-1, "ROWS") {
		return -1 // ROWS FROM (f(...), g(...)): one item of the clause
	}
	d := x.depth[i]
	for k := i - 1; k >= 0 && x.depth[k] >= d; k-- {
		if x.depth[k] != d {
			continue
		}
		if x.T(k).kw("SELECT") || x.T(k).kw("UPDATE") {
			return k
		}
		if x.T(k).kw("DELETE") || x.T(k).kw("COPY") || x.isP(k, ";") {
			return -1
		}
	}
	return -1
}

// fromTarget is the name of an UPDATE's or DELETE's target at i.
func (x *tx) fromTarget(i int) (fromName, bool) {
	n, _ := x.fromTargetEnd(i)
	return n, n.name != ""
}

// fromTargetEnd reads a target table [ONLY] t [[AS] a] at i: its name
// and the index after it.
func (x *tx) fromTargetEnd(i int) (fromName, int) {
	if x.kw(i, "ONLY") {
		i++
	}
	n, j := x.name(i)
	if n == "" {
		return fromName{}, i
	}
	f := fromName{name: n, table: normExpr(x.orig(i, j))}
	if a, k := x.fromAlias(j); a != "" {
		return fromName{name: a}, k
	}
	return f, j
}

// fromAliasStop are the words after a FROM item that are no alias.
var fromAliasStop = map[string]bool{
	"ON": true, "USING": true, "JOIN": true, "NATURAL": true, "LEFT": true, "RIGHT": true, "FULL": true,
	"INNER": true, "CROSS": true, "OUTER": true, "WHERE": true, "GROUP": true, "HAVING": true, "WINDOW": true,
	"ORDER": true, "LIMIT": true, "OFFSET": true, "FETCH": true, "FOR": true, "UNION": true, "INTERSECT": true,
	"EXCEPT": true, "RETURNING": true, "WITH": true, "TABLESAMPLE": true, "SET": true, "LATERAL": true,
	"INTO": true, "DO": true,
}

// fromAlias reads an alias ([AS] a) at i: the name ("" when none) and the
// index after it and its column list.
func (x *tx) fromAlias(i int) (string, int) {
	explicit := x.kw(i, "AS")
	if explicit {
		i++
	}
	t := x.T(i)
	if t.typ != tQIdent && (t.typ != tIdent || (!explicit && fromAliasStop[t.upper()])) {
		return "", i
	}
	a := t.identName()
	i++
	if x.isP(i, "(") {
		i = x.match(i) + 1
	}
	return a, i
}

// fromItemNames reads the FROM items from lo at depth d, adding their names to
// names, and returns the names (42712 on a repeated one).
func (x *tx) fromItemNames(lo, d int, names []fromName) ([]fromName, error) {
	add := func(f fromName) error {
		for _, g := range names {
			if g.name != f.name || (g.table != "" && f.table != "" && g.table != f.table) {
				continue
			}
			return &Error{Code: "42712", Message: "table name \"" + f.name + "\" specified more than once"}
		}
		names = append(names, f)
		return nil
	}
	i := lo
	for i < x.n() && x.depth[i] == d {
		for x.kw(i, "LATERAL") || x.kw(i, "ONLY") {
			i++
		}
		switch {
		case x.kw(i, "ROWS", "FROM") && x.isP(i+2, "("):
			i = x.match(i+2) + 1
			if a, k := x.fromAlias(i); a != "" {
				if err := add(fromName{name: a}); err != nil {
					return nil, err
				}
				i = k
			}
		case x.isP(i, "("):
			m := x.match(i)
			a, k := x.fromAlias(m + 1)
			inner := x.T(i + 1)
			switch {
			case a != "":
				if err := add(fromName{name: a}); err != nil {
					return nil, err
				}
			case !inner.kw("SELECT") && !inner.kw("VALUES") && !inner.kw("WITH") && !inner.kw("TABLE") && !x.isP(i+1, "("):
				// a parenthesised join: its items' names are the clause's
				var err error
				if names, err = x.fromItemNames(i+1, d+1, names); err != nil {
					return nil, err
				}
			}
			i = k
		default:
			n, j := x.name(i)
			if n == "" {
				return names, nil
			}
			f := fromName{name: n, table: normExpr(x.orig(i, j))}
			if x.isP(j, "(") { // a function
				j = x.match(j) + 1
				f.table = ""
				if x.kw(j, "WITH", "ORDINALITY") {
					j += 2
				}
			}
			if a, k := x.fromAlias(j); a != "" {
				f, j = fromName{name: a}, k
			}
			if err := add(f); err != nil {
				return nil, err
			}
			i = j
		}
		// the join's kind, ON condition or USING list, up to the next item
		for i < x.n() && x.depth[i] >= d {
			if x.depth[i] == d {
				if x.isP(i, ",") || x.T(i).kw("JOIN") {
					i++
					break
				}
				if x.isP(i, ";") || (x.T(i).typ == tIdent && fromEnd[x.T(i).upper()]) {
					return names, nil
				}
			}
			i++
		}
	}
	return names, nil
}

// fromEnd are the words that end a FROM clause.
var fromEnd = map[string]bool{
	"WHERE": true, "GROUP": true, "HAVING": true, "WINDOW": true, "ORDER": true, "LIMIT": true,
	"OFFSET": true, "FETCH": true, "FOR": true, "UNION": true, "INTERSECT": true, "EXCEPT": true,
	"RETURNING": true, "SET": true, "INTO": true,
}
