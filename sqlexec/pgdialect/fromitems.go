package pgdialect

import "strings"

// FROM-item and target syntax PostgreSQL accepts and SQLite does not.

// fromItemSyntax rewrites, before the expression passes:
//
//   - a column alias list on a derived table, (VALUES ...) [AS] v(a, b) or
//     (SELECT ...) [AS] s(a, b), to (WITH "pgdialect_cols_v"(a, b) AS
//     (VALUES ...) SELECT * FROM "pgdialect_cols_v") AS v: SQLite names
//     the columns of a common table expression, not of a derived table;
//   - a column alias list on a table, t [AS] a(x, y), the same way:
//     (WITH "pgdialect_cols_a"(x, y) AS (SELECT * FROM t) SELECT * FROM
//     "pgdialect_cols_a") AS a. The list must name every column: a
//     shorter one (PostgreSQL renames the first columns only) fails with
//     SQLite's "table pgdialect_cols_a has 3 values for 1 columns", which
//     the session reports as 0A000 (sqlexec/errors.go), a longer one as
//     PostgreSQL's 42P10;
//   - LATERAL: before a function call (jsonb_array_elements(t.j)) the
//     keyword is dropped, SQLite's table-valued functions take arguments
//     from the FROM items before them; before a subquery it is dropped
//     too and the subquery recorded for lateralSubqueries (lateral.go),
//     which makes it such a function once the expression has passed;
//   - ROWS FROM (f(...), g(...)) is recorded for zipFrom (srfzip.go), a
//     function it cannot zip refused with 0A000;
//   - the target alias without AS, UPDATE t x SET / DELETE FROM t x, to
//     UPDATE t AS x (SQLite requires the AS).
func (x *tx) fromItemSyntax() error {
	for c := 0; c < x.n(); c++ {
		if recordFuncs[x.T(c).identName()] && x.T(c).typ == tIdent && x.isP(c+1, "(") && !x.isP(c-1, ".") {
			if err := x.recordFrom(c); err != nil { // srfrecord.go
				return err
			}
		}
		if x.rowsFromAt(c) { // srfzip.go, after the expression passes
			if x.match(c+2) >= x.n() {
				return &Error{Code: "42601", Message: "syntax error at end of input"}
			}
			for _, f := range x.splitTop(c+3, x.match(c+2)) {
				if !zipFuncs[x.T(f[0]).identName()] || !x.isP(f[0]+1, "(") || x.match(f[0]+1) != f[1]-1 {
					return unsupported("ROWS FROM (...) of %s is not supported", x.text(f[0], f[1]))
				}
			}
			x.zips = append(x.zips, c)
		}
	}
	for c := 0; c < x.n(); c++ {
		if !x.T(c).kw("LATERAL") || !(x.kw(c-1, "FROM") || x.kw(c-1, "JOIN") || x.isP(c-1, ",")) {
			continue
		}
		if x.isP(c+1, "(") {
			if err := x.recordLateral(c + 1); err != nil { // lateral.go
				return err
			}
		}
		x.T(c).set("")
	}
	x.tableAliasLists()
	for c := 0; c < x.n(); c++ {
		if !x.isP(c, ")") {
			continue
		}
		o := x.matchBack(c)
		if o < 1 || !(x.kw(o+1, "VALUES") || x.kw(o+1, "SELECT") || x.kw(o+1, "WITH")) {
			continue
		}
		if !(x.kw(o-1, "FROM") || x.kw(o-1, "JOIN") || x.isP(o-1, ",")) {
			continue
		}
		k := c + 1
		if x.kw(k, "AS") {
			k++
		}
		t := x.T(k)
		if (t.typ != tIdent || isClauseKw(t.upper())) && t.typ != tQIdent || !x.isP(k+1, "(") {
			continue
		}
		m := x.match(k + 1)
		cols := x.aliasNames(k+2, m)
		if cols == nil {
			continue
		}
		cte := quoteIdent("pgdialect_cols_" + t.identName())
		x.T(o).set("(WITH " + cte + "(" + strings.Join(cols, ", ") + ") AS (")
		x.T(c).set(") SELECT * FROM " + cte + ")")
		x.blank(k+1, m+1)
	}
	// UPDATE [ONLY] t alias SET, DELETE FROM [ONLY] t alias WHERE|RETURNING|end
	i := -1
	switch {
	case x.kw(0, "UPDATE"):
		i = 1
	case x.kw(0, "DELETE") && x.kw(1, "FROM"):
		i = 2
	}
	if i < 0 {
		return nil
	}
	if x.kw(i, "ONLY") {
		i++
	}
	_, j := x.name(i)
	if j == i {
		return nil
	}
	a := x.T(j)
	if (a.typ == tIdent && !isClauseKw(a.upper()) && !a.kw("AS") && !a.kw("SET")) || a.typ == tQIdent {
		a.pre = "AS " + a.pre
	}
	return nil
}

// tableAliasLists rewrites FROM t [AS] a(x, y) (see fromItemSyntax).
func (x *tx) tableAliasLists() {
	for c := 1; c < x.n(); c++ {
		// the name first: inFrom walks back over the statement, and a
		// comma between VALUES rows is followed by a parenthesis
		if t := x.T(c); t.typ != tIdent && t.typ != tQIdent || t.typ == tIdent && (reservedWord(t.upper()) || isClauseKw(t.upper()) || t.kw("LATERAL")) {
			continue // LATERAL (dropped above) precedes a function call
		}
		if !(x.kw(c-1, "FROM") || x.kw(c-1, "JOIN") || x.isP(c-1, ",") && x.inFrom(c)) {
			continue
		}
		tbl, k := x.name(c)
		if tbl == "" || x.isP(k, "(") {
			continue // a function call
		}
		end := k - 1 // the name's last token
		if x.kw(k, "AS") {
			k++
		}
		a := x.T(k)
		if (a.typ != tIdent || isClauseKw(a.upper()) || reservedWord(a.upper())) && a.typ != tQIdent || !x.isP(k+1, "(") {
			continue
		}
		m := x.match(k + 1)
		cols := x.aliasNames(k+2, m)
		if cols == nil {
			continue
		}
		cte := quoteIdent("pgdialect_cols_" + a.identName())
		x.T(c).pre = "(WITH " + cte + "(" + strings.Join(cols, ", ") + ") AS (SELECT * FROM " + x.T(c).pre
		x.T(end).suf += ") SELECT * FROM " + cte + ")"
		if !x.kw(end+1, "AS") {
			x.T(end).suf += " AS"
		}
		x.blank(k+1, m+1)
		c = m
	}
}

// aliasNames returns the quoted names of the column alias list lo..hi-1
// (between its parentheses), or nil when it is not a list of names.
func (x *tx) aliasNames(lo, hi int) []string {
	var cols []string
	for j := lo; j < hi; j++ {
		switch {
		case x.T(j).typ == tIdent || x.T(j).typ == tQIdent:
			cols = append(cols, quoteIdent(x.T(j).identName()))
		case !x.isP(j, ","):
			return nil
		}
	}
	return cols
}
