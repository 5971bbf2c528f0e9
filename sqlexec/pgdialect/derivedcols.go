package pgdialect

// Types of derived columns. SQLite declares a type only for a column read
// straight from a table; the columns of generate_series, of a VALUES list
// in FROM and of a CTE have none, so their values would be described by
// the first row (int8 for every integer, text on an empty result) where
// PostgreSQL says int4 for generate_series(1, 5), for VALUES (1), (2) and
// for WITH a AS (SELECT 1 AS x). Before the expression pass, this file
// types those columns from what the statement shows (typeresolve.go's
// common type of their values) and records each reference to them in the
// query block that reads them (x.resolved), so the expression pass sees
// a static type: g.i * 2 is int4 arithmetic, coalesce(x, 0) int4, and the
// result column is described as PostgreSQL describes it.
//
// Scope rules, kept conservative (a reference typed wrongly would be
// worse than one left to its value): a qualified reference v.x is typed
// when v names a derived FROM item of its block; an unqualified x only
// when every FROM item of the block is derived (a table's column of the
// same name could otherwise be meant). A recursive CTE's columns are typed
// by its non-recursive branch, as in PostgreSQL.

import (
	"maps"
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// derivedRel is a FROM item whose columns this file knows.
type derivedRel struct {
	alias string
	cols  []string
	oids  []uint32 // 0: not known
	// own: the columns' names are the item's own (a json table
	// function's key and value, json_srf_from.go; generate_series's and
	// unnest's column, named by the call or its alias): an unqualified
	// reference to one is typed beside tables too (a table's column of
	// the same name would make it ambiguous in PostgreSQL)
	own bool
	// rtypes: for a column of no static type that is a table's column
	// (SELECT amt FROM tx), its run-time type expression
	// (arith_columns.go's, read once per execution); "" when not known
	rtypes []string
	// star: the table of a body SELECT * FROM table (one table, no set
	// operation, no column list renaming it): a column the statement
	// reads through it is of that table's column's run-time type
	star string
	// arrays: the columns shown to be arrays (ARRAY[id], a cast to an
	// array type) whose element type is not static (derived_arrays.go)
	arrays []bool
}

// runtimeRef is a reference to a derived column of run-time type: the
// reference's end and the type expression.
type runtimeRef struct {
	end  int
	expr string
	// tbl: the table a column of a SELECT * FROM tbl relation is of (its
	// declared type names it: textHint's b::text of a boolean is true)
	tbl, col string
}

// fromItem is one relation of a FROM clause.
type fromItem struct {
	rel     *derivedRel // nil: a table or a subquery
	a, b    int         // the item's tokens
	natural bool        // joined with NATURAL or USING
}

// deriveColumns types the derived columns of the statement (see above).
func (x *tx) deriveColumns() {
	if !x.balanced() {
		return
	}
	ctes := map[string]*derivedRel{}
	start := 0
	if x.kw(0, "WITH") {
		start = x.deriveCTEs(0, ctes)
		if start < 0 {
			return
		}
	}
	if x.kw(start, "SELECT") {
		x.starOIDs = starTypes(x.typeBlock(start, ctes))
	}
}

// deriveNestedColumns types the derived columns read by the queries
// nested in a data-modifying statement (INSERT ... SELECT x FROM (VALUES
// (1.50)) v(x), UPDATE ... SET n = (SELECT ...)): each query block is
// typed as deriveColumns types a SELECT statement's. The blocks outside
// the statement's WITH lists (WITH c AS (...) INSERT ..., INSERT INTO t
// WITH c AS (...) SELECT ...) see its CTEs.
func (x *tx) deriveNestedColumns() {
	if !x.balanced() {
		return
	}
	var lists [][2]int // the WITH lists at depth 0
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && x.T(k).kw("WITH") {
			if _, end, _, ok := x.withList(k); ok {
				lists = append(lists, [2]int{k, end})
			}
		}
	}
	inList := func(k int) bool {
		for _, l := range lists {
			if k > l[0] && k < l[1] {
				return true
			}
		}
		return false
	}
	for k := 0; k < x.n(); k++ {
		if x.T(k).kw("SELECT") && inList(k) {
			x.typeBlock(k, map[string]*derivedRel{})
		}
	}
	ctes := map[string]*derivedRel{}
	if x.outer != nil {
		maps.Copy(ctes, x.outer.ctes) // a WITH list before the statement (withdml.go)
	}
	for _, l := range lists {
		x.deriveCTEs(l[0], ctes)
	}
	for k := 0; k < x.n(); k++ {
		if x.T(k).kw("SELECT") && !inList(k) {
			x.typeBlock(k, ctes)
		}
	}
	x.typeUpdateFrom(ctes)
}

// typeUpdateFrom records the references of an UPDATE's SET list, WHERE
// and RETURNING to the columns of the derived items of its FROM clause
// (UPDATE t SET n = q.x FROM (SELECT b AS x FROM s) q), as typeBlock does
// a query block's. An unqualified one is typed too (SET n = x): a column
// of the target or of a table of the FROM clause of that name would make
// it ambiguous, which PostgreSQL and SQLite both refuse.
func (x *tx) typeUpdateFrom(ctes map[string]*derivedRel) {
	if !x.T(0).kw("UPDATE") {
		return
	}
	set := x.findKw(1, x.n(), 0, "SET")
	if set < 0 {
		return
	}
	from := x.findKw(set, x.n(), 0, "FROM")
	if from < 0 {
		return
	}
	end := x.n()
	for k := from + 1; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.T(k).kw("WHERE") || x.T(k).kw("RETURNING")) {
			end = k
			break
		}
	}
	rels := map[string]*derivedRel{}
	for _, it := range x.fromItems(from+1, end, ctes) {
		if it.rel != nil {
			rels[it.rel.alias] = it.rel
		}
	}
	if len(rels) == 0 {
		return
	}
	x.typeRefs(set+1, from, rels, true)
	x.typeRefs(end, x.n(), rels, true)
}

// starTypes are the types of SELECT * over FROM items (nil unless every
// item's columns are known).
func starTypes(items []fromItem) []uint32 {
	var oids []uint32
	for _, it := range items {
		if it.rel == nil || it.natural {
			return nil
		}
		oids = append(oids, it.rel.oids...)
	}
	return oids
}

// deriveCTEs types the CTEs of the WITH clause at w, each seeing the
// earlier ones (and a recursive one itself), and returns the index of
// the main statement (-1 when the clause is not understood).
func (x *tx) deriveCTEs(w int, ctes map[string]*derivedRel) int {
	items, main, _, ok := x.withList(w) // withdml.go
	if !ok {
		return -1
	}
	for _, c := range items {
		if rel := x.deriveBody(c.lo, c.hi, c.name, c.cols, ctes); rel != nil {
			ctes[c.name] = rel
		}
	}
	return main
}

// deriveBody types the columns of the query a..b-1 (a CTE's body) named
// name, with column names cols when given.
func (x *tx) deriveBody(a, b int, name string, cols []string, ctes map[string]*derivedRel) *derivedRel {
	rel := &derivedRel{alias: name}
	if x.kw(a, "VALUES") {
		rows := x.valuesRows(a, b)
		if rows == nil {
			return nil
		}
		rel.oids = x.rowsTypes(rows)
		rel.cols = valuesNames(len(rel.oids), cols)
		x.typeBranches(a, b, rel, ctes)
		return rel
	}
	if !x.kw(a, "SELECT") {
		return nil
	}
	items, _ := x.selectListAt(a)
	from := x.typeBlock(a, ctes)
	if len(items) == 1 && items[0][1] == items[0][0]+1 && x.isP(items[0][0], "*") && len(from) == 1 && len(cols) == 0 {
		if name, _, ok := x.fromTableItem(from[0]); ok && ctes[name] == nil && from[0].rel == nil {
			if rows, _ := x.setOpRows(a, b); rows == nil {
				rel.star = name
				x.typeBranches(a, b, rel, ctes)
				return rel
			}
		}
	}
	for _, it := range items {
		ia, ib := x.itemExpr(it[0], it[1])
		n := ""
		switch {
		case ib < it[1]:
			n = x.T(it[1] - 1).identName()
		case ib-ia == 1 && (x.T(ia).typ == tIdent || x.T(ia).typ == tQIdent):
			n = x.T(ia).identName()
		case ib-ia == 3 && x.isP(ia+1, "."):
			n = x.T(ia + 2).identName()
		}
		rel.cols = append(rel.cols, n)
		o, rt := uint32(0), ""
		if br := x.classify(ia, ib); br.kind == branchTyped {
			o = br.oid
		} else {
			rt = x.blockColumnType(from, ia, ib, ctes)
			if rt == "" {
				rt = x.blockArithType(from, ia, ib, ctes)
			}
			if f := x.T(ia).identName(); rt != "" && x.T(ia).typ == tIdent && (f == "sum" || f == "avg") && x.isP(ia+1, "(") && x.match(ia+1) == ib-1 && !strings.HasSuffix(x.T(ib-1).suf, NumericCollation+")") {
				// a sum is numeric text or a number (the item is the call
				// alone: sum(v) + 1 is arithmetic's own): the collation makes
				// the column order and group by value where it is read
				// (ORDER BY s.tot), as a table's numeric column does
				x.T(ia).pre = "(" + x.T(ia).pre
				x.T(ib - 1).suf += " COLLATE " + NumericCollation + ")"
			}
		}
		rel.oids = append(rel.oids, o)
		rel.rtypes = append(rel.rtypes, rt)
		rel.arrays = append(rel.arrays, o == 0 && x.arrayShown(ia, ib))
	}
	for k, c := range cols {
		if k < len(rel.cols) {
			rel.cols[k] = c
		}
	}
	if !x.kw(1, "RECURSIVE") {
		// a set operation's columns are of its branches' common type
		// (SELECT 1 AS x UNION SELECT 1.5: numeric); a recursive term
		// reads the CTE itself, which is typed by its first branch
		if rows, _ := x.setOpRows(a, b); rows != nil { // nestedresolve.go
			for c := range rel.oids {
				brs := make([]branch, len(rows))
				for i, r := range rows {
					if c >= len(r) {
						return nil
					}
					brs[i] = x.classify(r[c][0], r[c][1])
				}
				if o, err := commonType(brs, ""); err == nil {
					rel.oids[c] = o
				} else {
					rel.oids[c] = 0
				}
				rel.rtypes[c] = "" // the branches' columns may differ
				if rel.oids[c] == 0 {
					// their common type at run time (setoptypes.go)
					rel.rtypes[c] = x.setOpRuntimeType(a, rows, c, brs, ctes)
				}
			}
		}
	}
	x.typeBranches(a, b, rel, ctes)
	return rel
}

// typeBranches types the references of the set operation branches after
// the first of query a..b-1 (a recursive term sees the CTE rel itself).
func (x *tx) typeBranches(a, b int, rel *derivedRel, ctes map[string]*derivedRel) {
	ctes[rel.alias] = rel
	for k := a + 1; k < b; k++ {
		if x.depth[k] == x.depth[a] && x.T(k).kw("SELECT") {
			x.typeBlock(k, ctes)
		}
	}
}

// valuesNames are the column names of a VALUES list of n columns.
func valuesNames(n int, cols []string) []string {
	out := make([]string, n)
	for k := range out {
		if k < len(cols) {
			out[k] = cols[k]
		} else {
			out[k] = "column" + string(rune('1'+k%9))
			if k >= 9 {
				out[k] = ""
			}
		}
	}
	return out
}

// valuesRows splits VALUES (..), (..) at a (ending before b) into rows of
// items; nil when a row is not a parenthesised list of equal length.
func (x *tx) valuesRows(a, b int) [][][2]int {
	var rows [][][2]int
	for _, r := range x.valuesLists(a, b) {
		if !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
			return nil
		}
		items := x.splitTop(r[0]+1, r[1]-1)
		if len(rows) > 0 && len(items) != len(rows[0]) {
			return nil
		}
		rows = append(rows, items)
	}
	return rows
}

// valuesLists are the spans of the rows of VALUES (..), (..) at a (ending
// before b, or before a clause keyword of its depth).
func (x *tx) valuesLists(a, b int) [][2]int {
	end := b
	for k := a + 1; k < b; k++ {
		if x.depth[k] == x.depth[a] && x.T(k).typ == tIdent && isClauseKw(x.T(k).upper()) {
			end = k
			break
		}
	}
	return x.splitTop(a+1, end)
}

// valuesLengths refuses a VALUES list whose rows differ in length with
// PostgreSQL's 42601, at the first row that differs from the first (SQLite
// would fail with an error of its own wording).
func (x *tx) valuesLengths() error {
	for i := 0; i < x.n(); i++ {
		if !x.kw(i, "VALUES") || x.kw(i-1, "DEFAULT") || !x.isP(i+1, "(") {
			continue
		}
		end := x.n()
		if d := x.depth[i]; d > 0 {
			for end = i + 1; end < x.n() && x.depth[end] >= d; end++ {
			}
		}
		n := -1
		for _, r := range x.valuesLists(i, end) {
			if !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
				break
			}
			k := len(x.splitTop(r[0]+1, r[1]-1))
			if n < 0 {
				n = k
			} else if k != n {
				return &Error{Code: "42601", Message: "VALUES lists must all be the same length", Position: x.charPos(r[0] + 1)}
			}
		}
	}
	return nil
}

// rowsTypes is the resolved type of each column of rows (0: not known).
func (x *tx) rowsTypes(rows [][][2]int) []uint32 {
	if len(rows) == 0 {
		return nil
	}
	oids := make([]uint32, len(rows[0]))
	for c := range oids {
		brs := make([]branch, len(rows))
		for i, r := range rows {
			brs[i] = x.classify(r[c][0], r[c][1])
		}
		if o, err := commonType(brs, "VALUES"); err == nil {
			oids[c] = o
		}
	}
	return oids
}

// typeBlock reads the FROM clause of the query block whose SELECT is at s
// and records the references to its derived columns.
func (x *tx) typeBlock(s int, ctes map[string]*derivedRel) []fromItem {
	d := x.depth[s]
	_, e := x.selectListAt(s)
	if !x.kw(e, "FROM") {
		return nil
	}
	end := x.n()
	for k := e + 1; k < x.n(); k++ {
		if x.depth[k] < d {
			end = k
			break
		}
		if x.depth[k] == d && x.T(k).typ == tIdent {
			switch x.T(k).upper() {
			case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "RETURNING":
				end = k
			}
			if end != x.n() {
				break
			}
		}
	}
	items := x.fromItems(e+1, end, ctes)
	rels := map[string]*derivedRel{}
	allDerived := len(items) > 0
	for _, it := range items {
		if it.rel == nil || it.natural {
			allDerived = false
		}
		if it.rel != nil {
			rels[it.rel.alias] = it.rel
		}
	}
	if len(rels) == 0 {
		return items
	}
	blockEnd := end
	for k := end; k < x.n(); k++ {
		if x.depth[k] < d || x.depth[k] == d && (x.kw(k, "UNION") || x.kw(k, "EXCEPT") || x.kw(k, "INTERSECT")) {
			break
		}
		blockEnd = k + 1
	}
	x.typeRefs(s+1, e, rels, allDerived)
	x.typeRefs(end, blockEnd, rels, allDerived)
	x.typeJoinConditions(e+1, end, rels, allDerived)
	if !allDerived && !slices.ContainsFunc(items, func(it fromItem) bool { return it.natural }) {
		x.arrayRefsBeside(s+1, e, rels) // derived_arrays.go
		x.arrayRefsBeside(end, blockEnd, rels)
	}
	if !allDerived {
		x.typeTableRefs(s+1, e, items, ctes)
		x.typeTableRefs(end, blockEnd, items, ctes)
	}
	return items
}

// typeJoinConditions is typeRefs over the ON conditions of the FROM
// clause a..b-1 (at its own depth): a derived item's column there is
// typed as in WHERE (generate_series(...) AS s(g) JOIN o ON o.d = s.g
// compared the timestamptz series with a date column as text, where the
// same test in WHERE took the series' value to the column's type).
func (x *tx) typeJoinConditions(a, b int, rels map[string]*derivedRel, unqualified bool) {
	if a >= b {
		return
	}
	d := x.depth[a]
	for k := a; k < b; k++ {
		if x.depth[k] != d || !x.kw(k, "ON") {
			continue
		}
		c := k + 1
		for c < b && !(x.depth[c] == d && (x.isP(c, ",") || x.T(c).typ == tIdent && isJoinKw(x.T(c).upper()) && !x.kw(c, "ON"))) {
			c++
		}
		x.typeRefs(k+1, c, rels, unqualified)
		k = c - 1
	}
}

// typeTableRefs records the run-time type of each unqualified column in
// a..b-1 (outside nested queries) that is none of the block's derived
// items' and so the column of the one of its tables that has it
// (blockColumnType): WITH k AS (SELECT 1 AS z) SELECT c_id FROM o, k
// GROUP BY c_id HAVING sum(amt) > 5 compares o's numeric amt by value,
// where an unqualified column beside a derived item was given no type.
func (x *tx) typeTableRefs(a, b int, items []fromItem, ctes map[string]*derivedRel) {
	for _, it := range items {
		k := it.a
		if x.kw(k, "LATERAL") || x.kw(k, "ONLY") {
			k++
		}
		if n, e := x.name(k); it.rel != nil && !x.isP(k, "(") && !(n != "" && ctes[n] != nil && !x.isP(e, "(")) {
			// a function in FROM (jsonb_array_elements becomes json_each,
			// whose own columns, id among them, are qualified later):
			// the block's columns are left as they are
			return
		}
	}
	x.eachBareRef(a, b, func(k int) {
		if _, done := x.colRTypes[k]; done {
			return
		}
		if _, done := x.resolved[k]; done {
			return
		}
		if rt := x.blockColumnType(items, k, k+1, ctes); rt != "" {
			x.setRuntimeRef(k, k+1, rt)
		}
	})
}

// eachBareRef calls f with each unqualified column reference in a..b-1
// outside nested queries: a bare name that is no function call, typed
// literal's type, qualifier, alias, cast type or keyword.
func (x *tx) eachBareRef(a, b int, f func(k int)) {
	for k := a; k < b; k++ {
		if x.isSubquery(k) {
			if m := x.match(k); m > k {
				k = m
			}
			continue
		}
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(k+1, "(") || x.isP(k+1, ".") || x.isP(k-1, ".") || x.kw(k-1, "AS") ||
			x.T(k-1).typ == tCast || x.T(k+1).typ == tString || t.typ == tIdent && (reservedWord(t.upper()) || isClauseKw(t.upper()) || exprKeywords[t.upper()]) {
			continue
		}
		f(k)
	}
}

// exprKeywords are PostgreSQL's reserved words of expression syntax,
// never a column: over SELECT * FROM t, the END of CASE ... END IN (32767,
// NULL) was read as t's column end (a syntax error at "END").
var exprKeywords = map[string]bool{
	"CASE": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true, "AND": true, "OR": true,
	"NOT": true, "IS": true, "IN": true, "LIKE": true, "ILIKE": true, "DISTINCT": true, "ASC": true, "DESC": true,
}

// typeRefs records the references to rels' columns in a..b-1, outside
// nested queries.
func (x *tx) typeRefs(a, b int, rels map[string]*derivedRel, unqualified bool) {
	for k := a; k < b; k++ {
		if x.isSubquery(k) {
			if m := x.match(k); m > k {
				k = m
			}
			continue
		}
		t := x.T(k)
		if k > 0 && x.T(k-1).typ == tCast {
			// the type of a :: cast (x::int8, x::double precision) is no
			// column: over SELECT * FROM t, int8 was read as t's column
			// (x::int8 IN (1, 2) was a syntax error)
			if end, _, _, _, ok := x.parseType(k); ok && end > k {
				k = end - 1
			}
			continue
		}
		if t.typ != tIdent && t.typ != tQIdent || x.isP(k+1, "(") || x.kw(k-1, "AS") || t.typ == tIdent && (reservedWord(t.upper()) || isClauseKw(t.upper()) || exprKeywords[t.upper()]) {
			continue
		}
		if x.isP(k+1, ".") {
			rel := rels[t.identName()]
			c := x.T(k + 2)
			if rel != nil && (c.typ == tIdent || c.typ == tQIdent) && !x.isP(k+3, ".") && !x.isP(k+3, "(") {
				if o := rel.colOID(c.identName()); o != 0 {
					x.setResolved(k, k+3, o)
				} else if rel.colArray(c.identName()) {
					x.setArrayRef(k, k+3)
				} else if rt := rel.colRType(c.identName()); rt != "" {
					x.setRuntimeRef(k, k+3, rt)
					if !slices.Contains(rel.cols, c.identName()) && rel.star != "" {
						r := x.colRTypes[k]
						r.tbl, r.col = rel.star, c.identName()
						x.colRTypes[k] = r
					}
				}
			}
			k += 2
			continue
		}
		if x.isP(k-1, ".") {
			continue
		}
		var o uint32
		rt, star, arr := "", "", false
		n := 0
		for _, rel := range rels {
			if !unqualified && !rel.own {
				continue
			}
			if rel.own && len(rel.cols) == 1 && rel.alias == t.identName() {
				o, n = rel.oids[0], n+1 // jsonb_array_elements(j) e: e is its value
				continue
			}
			for ci, c := range rel.cols {
				if c == t.identName() {
					o, rt, arr = rel.oids[ci], rel.rtype(ci), ci < len(rel.arrays) && rel.arrays[ci]
					n++
				}
			}
			if rel.star != "" {
				// a column of the table, or of no type ('': the table
				// has no such column, another item's is meant)
				o, rt, star = 0, colTypeQuery("pg_col_numtype", rel.star, t.identName()), rel.star
				n++
			}
		}
		switch {
		case n == 1 && o != 0:
			x.setResolved(k, k+1, o)
		case n == 1 && arr:
			x.setArrayRef(k, k+1)
		case n == 1 && rt != "":
			x.setRuntimeRef(k, k+1, rt)
			if star != "" { // the one match is the star relation's column
				r := x.colRTypes[k]
				r.tbl, r.col = star, t.identName()
				x.colRTypes[k] = r
			}
		}
	}
}

// setRuntimeRef records that the reference a..b-1 is of run-time type rt.
func (x *tx) setRuntimeRef(a, b int, rt string) {
	if x.colRTypes == nil {
		x.colRTypes = map[int]runtimeRef{}
	}
	x.colRTypes[a] = runtimeRef{end: b, expr: rt}
}

// rtype is the run-time type expression of column i ("" when not known).
func (rel *derivedRel) rtype(i int) string {
	if i < len(rel.rtypes) {
		return rel.rtypes[i]
	}
	return ""
}

// colRType is the run-time type expression of column c of rel ("" when
// not known or ambiguous).
func (rel *derivedRel) colRType(c string) string {
	rt, n := "", 0
	for i, name := range rel.cols {
		if name == c {
			rt = rel.rtype(i)
			n++
		}
	}
	if n == 0 && rel.star != "" {
		return colTypeQuery("pg_col_numtype", rel.star, c)
	}
	if n != 1 {
		return ""
	}
	return rt
}

// blockColumnType is the run-time type expression of the select item
// a..b-1 of a query block whose FROM items are from, when the item is a
// column of one of the block's tables (SELECT amt FROM tx, SELECT t.amt
// FROM tx t JOIN acc ON ..., SELECT s.x FROM (SELECT amt AS x FROM tx)
// s): the column's declared type read at run time (arith_columns.go),
// "" when the column could be another item's.
func (x *tx) blockColumnType(from []fromItem, a, b int, ctes map[string]*derivedRel) string {
	if t := x.T(a); t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") {
		// an aggregate of a column (WITH s AS (SELECT sum(amt) AS tot
		// ...)): PostgreSQL's result type of the column's type
		rt := ""
		if args := x.splitTop(a+2, b-1); len(args) == 1 {
			rt = x.blockColumnType(from, args[0][0], args[0][1], ctes)
			if rt == "" {
				// of arithmetic over one (sum(amt * 1))
				rt = x.blockArithType(from, args[0][0], args[0][1], ctes)
			}
		}
		return aggRuntimeType(t.identName(), rt) // arith_columns.go
	}
	qual, col, ok := x.bareColumn(a, b)
	if !ok || len(from) == 0 {
		return ""
	}
	var tbls []string
	for _, it := range from {
		if it.rel != nil {
			if qual == it.rel.alias {
				return it.rel.colRType(col)
			}
			if qual == "" && (slices.Contains(it.rel.cols, col) || slices.Contains(it.rel.cols, "") || it.rel.star != "") {
				return "" // the derived item's column, or maybe
			}
			continue
		}
		name, alias, ok := x.fromTableItem(it)
		if ok && ctes[name] != nil {
			ok = false // a CTE of columns not known
		}
		if !ok {
			if qual == "" {
				return "" // a subquery of columns not known
			}
			continue
		}
		if qual == "" || qual == alias || alias == "" && qual == name {
			if !slices.Contains(tbls, name) {
				tbls = append(tbls, name)
			}
		}
	}
	switch len(tbls) {
	case 0:
		return ""
	case 1:
		return colTypeQuery("pg_col_numtype", tbls[0], col)
	}
	if qual != "" {
		return ""
	}
	return joinTypeQuery("pg_col_numtype", tbls, col) // arith_columns.go
}

// fromTableItem is the table name and alias of FROM item it when it is a
// table (not a subquery, a function or a VALUES list).
func (x *tx) fromTableItem(it fromItem) (name, alias string, ok bool) {
	k := it.a
	if x.T(k).typ != tIdent && x.T(k).typ != tQIdent {
		return "", "", false
	}
	name, e := x.name(k)
	if name == "" || e > it.b || x.isP(e, "(") {
		return "", "", false
	}
	if x.kw(e, "AS") {
		e++
	}
	if t := x.T(e); e < it.b && (t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
		alias = t.identName()
	}
	return name, alias, true
}

// colOID is the type of column c of rel (0: not known or ambiguous).
func (rel *derivedRel) colOID(c string) uint32 {
	var o uint32
	n := 0
	for i, name := range rel.cols {
		if name == c {
			o = rel.oids[i]
			n++
		}
	}
	if n != 1 {
		return 0
	}
	return o
}

// fromItems parses the FROM clause a..b-1 into its relations.
func (x *tx) fromItems(a, b int, ctes map[string]*derivedRel) []fromItem {
	if a >= b || a >= x.n() {
		return nil // an empty FROM clause ("SELECT FROM"): SQLite's syntax error
	}
	var out []fromItem
	d := x.depth[a]
	k := a
	natural := false
	for k < b {
		it, next := x.fromItemAt(k, b, ctes)
		if next <= k {
			return nil
		}
		it.natural = natural
		natural = false
		out = append(out, it)
		// skip a join condition up to the next item
		k = next
		for k < b && !(x.depth[k] == d && (x.isP(k, ",") || x.kw(k, "JOIN"))) {
			if x.depth[k] == d && (x.kw(k, "NATURAL") || x.kw(k, "USING")) {
				natural = true
				if x.kw(k, "USING") {
					out[len(out)-1].natural = true
				}
			}
			k++
		}
		k++
	}
	return out
}

// fromItemAt parses the relation starting at k (before b) and returns the
// index after it (its alias and column list included).
func (x *tx) fromItemAt(k, b int, ctes map[string]*derivedRel) (fromItem, int) {
	if x.kw(k, "LATERAL") || x.kw(k, "ONLY") {
		k++
	}
	it := fromItem{a: k}
	var rel *derivedRel
	zipped := false // unnest(a, b), ROWS FROM: every column keeps its name
	e := -1
	switch {
	case x.T(k).typ == tIdent && x.T(k).identName() == "generate_series" && x.isP(k+1, "("):
		m := x.match(k + 1)
		if m < 0 || m >= x.n() {
			return it, -1 // unterminated: SQLite's syntax error
		}
		rel = &derivedRel{alias: "generate_series", cols: []string{"generate_series"}, oids: []uint32{x.seriesOID(k + 1)}, own: true}
		if rel.oids[0] == 0 {
			rel.oids[0] = x.seriesDTOID(k + 1)
		}
		e = m + 1
	case x.T(k).typ == tIdent && x.T(k).identName() == "unnest" && x.isP(k+1, "(") && x.unnestElemOID(k) != 0:
		// unnest(ARRAY[...]): the array's element type (json_each's
		// value would say int8 for an int4 array)
		m := x.match(k + 1)
		rel = &derivedRel{alias: "unnest", cols: []string{"unnest"}, oids: []uint32{x.unnestElemOID(k)}, own: true}
		e = m + 1
		if x.kw(e, "WITH", "ORDINALITY") {
			rel.cols = append(rel.cols, "ordinality")
			rel.oids = append(rel.oids, pgoid.Int8)
			e += 2
		}
	case x.rowsFromAt(k) || x.T(k).typ == tIdent && x.T(k).identName() == "unnest" && x.isP(k+1, "(") && len(x.splitTop(k+2, x.match(k+1))) > 1:
		// zipped functions (srfzip.go)
		if x.match(k+1) >= x.n() || x.T(k).kw("ROWS") && x.match(k+2) >= x.n() {
			return it, -1
		}
		rel, e = x.zipRel(k)
		zipped = true
	case x.T(k).typ == tIdent && recordFuncs[x.T(k).identName()] && x.isP(k+1, "("): // srfrecord.go
		if x.match(k+1) >= x.n() {
			return it, -1
		}
		rel, e = x.recordRel(k)
		it.rel, it.b = rel, e
		return it, e
	case x.T(k).typ == tIdent && srfResultOIDs[x.T(k).identName()] != 0 && x.isP(k+1, "("):
		// generate_subscripts, string_to_table (expr.go)
		m := x.match(k + 1)
		if m < 0 || m >= x.n() {
			return it, -1
		}
		name := x.T(k).identName()
		rel = &derivedRel{alias: name, cols: []string{name}, oids: []uint32{srfResultOIDs[name]}}
		e = m + 1
		if x.kw(e, "WITH", "ORDINALITY") {
			rel.cols = append(rel.cols, "ordinality")
			rel.oids = append(rel.oids, pgoid.Int8)
			e += 2
		}
	case x.T(k).typ == tIdent && x.T(k).identName() == "regexp_matches" && x.isP(k+1, "("): // regexfuncs.go
		m := x.match(k + 1)
		if m < 0 || m >= x.n() {
			return it, -1
		}
		rel = &derivedRel{alias: "regexp_matches", cols: []string{"regexp_matches"}, oids: []uint32{pgoid.TextArray}}
		e = m + 1
	case x.T(k).typ == tIdent && jsonTableFuncs[x.T(k).identName()][0] != "" && x.isP(k+1, "("): // json_srf_from.go
		m := x.match(k + 1)
		if m < 0 || m >= x.n() {
			return it, -1
		}
		rel = jsonTableRel(x.T(k).identName())
		e = m + 1
		if x.kw(e, "WITH", "ORDINALITY") {
			rel.cols = append(rel.cols, "ordinality")
			rel.oids = append(rel.oids, pgoid.Int8)
			e += 2
		}
	case x.isP(k, "(") && x.kw(k+1, "VALUES"):
		m := x.match(k)
		rows := x.valuesRows(k+1, m)
		if m < 0 || rows == nil {
			return it, max(m+1, k+1)
		}
		oids := x.rowsTypes(rows)
		rel = &derivedRel{cols: valuesNames(len(oids), nil), oids: oids}
		e = m + 1
	case x.isP(k, "(") && x.kw(k+1, "SELECT"):
		// a subquery: typed like a CTE's body ((SELECT 1.50 AS x) s is
		// a numeric column), its name not visible to the others
		m := x.match(k)
		if m < 0 {
			return it, k + 1
		}
		rel = x.deriveBody(k+1, m, "", nil, maps.Clone(ctes))
		e = m + 1
	case x.isP(k, "("):
		e = x.match(k) + 1
	case x.T(k).typ == tIdent || x.T(k).typ == tQIdent:
		e = k + 1
		for x.isP(e, ".") && (x.T(e+1).typ == tIdent || x.T(e+1).typ == tQIdent) {
			e += 2
		}
		if c := ctes[x.T(k).identName()]; c != nil && e == k+1 {
			rel = &derivedRel{alias: c.alias, cols: append([]string(nil), c.cols...), oids: c.oids, rtypes: c.rtypes, star: c.star, arrays: c.arrays}
		}
	default:
		return it, -1
	}
	if e <= k {
		return it, -1
	}
	// [AS] alias [(cols)]
	if x.kw(e, "AS") {
		e++
	}
	if t := x.T(e); e < b && (t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
		alias := t.identName()
		e++
		if rel != nil {
			if (rel.alias == "generate_series" || rel.alias == "regexp_matches") && len(rel.cols) == 1 {
				rel.cols = []string{alias}
			}
			if (rel.alias == "unnest" || srfResultOIDs[rel.alias] != 0) && !zipped { // its column, not its ordinality, takes the alias
				rel.cols[0] = alias
			}
			rel.alias = alias
		}
		if x.isP(e, "(") {
			cols := x.parenNames(e, b)
			e = x.match(e) + 1
			if rel != nil {
				rel.star = "" // renamed in an order the statement does not show
				for i, c := range cols {
					if i < len(rel.cols) {
						rel.cols[i] = c
					}
				}
			}
		}
	}
	if rel != nil && rel.alias == "" {
		rel = nil // a VALUES list needs an alias (PostgreSQL: 42601)
	}
	it.rel, it.b = rel, e
	return it, e
}

// isJoinKw reports whether u is a word of a join clause.
func isJoinKw(u string) bool {
	switch u {
	case "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "CROSS", "NATURAL", "OUTER", "ON", "USING":
		return true
	}
	return false
}

// seriesOID is the type of the numeric generate_series call whose
// argument list opens at p (the common type of its arguments: int4,
// int8 or numeric), 0 when it is not a numeric series.
func (x *tx) seriesOID(p int) uint32 {
	var brs []branch
	for _, arg := range x.splitTop(p+1, x.match(p)) {
		brs = append(brs, x.classify(arg[0], arg[1]))
	}
	o, err := commonType(brs, "generate_series")
	if err != nil || numericRank[o] == 0 || o == pgoid.Float8 {
		return 0
	}
	return o
}

// seriesDTOID is the type of the generate_series call over timestamps
// whose argument list opens at p (its start's type; a date start makes
// timestamptz, seriesDateTime), 0 when the start's type is not known.
func (x *tx) seriesDTOID(p int) uint32 {
	args := x.splitTop(p+1, x.match(p))
	if len(args) != 3 {
		return 0
	}
	switch st := x.dtType(args[0][0], args[0][1], x.dtTypes); st {
	case "date":
		return pgoid.Timestamptz
	case "timestamp", "timestamptz":
		return dtTypeOIDs[st]
	}
	return 0
}

// blockArithType is the run-time type expression of the select item
// a..b-1 of a query block whose FROM items are from, when the item is one
// arithmetic operator over columns of run-time type (blockColumnType) and
// operands of static type (SELECT amt * 2 AS x FROM tx: numeric for a
// numeric amt), as arithmetic combines them (pg_arith_type); "" when not
// that shape or an operand's type is not known.
func (x *tx) blockArithType(from []fromItem, a, b int, ctes map[string]*derivedRel) string {
	op := -1
	for k := a + 1; k < b-1; k++ {
		t := x.T(k)
		if x.depth[k] != x.depth[a] || t.typ != tOp {
			continue
		}
		if _, ok := arithFuncs[t.text]; !ok || op >= 0 {
			return "" // another operator: precedence is the expression pass's
		}
		op = k
	}
	if op < 0 {
		return ""
	}
	side := func(lo, hi int) string {
		if t := x.numType(lo, hi); t != "" {
			return quoteLit(t)
		}
		if rt := x.blockColumnType(from, lo, hi, ctes); rt != "" && rt[0] != '\'' {
			return rt
		}
		return ""
	}
	l, r := side(a, op), side(op+1, b)
	if l == "" || r == "" || l[0] == '\'' && r[0] == '\'' {
		return ""
	}
	return "(SELECT pg_arith_type(" + quoteLit(x.T(op).text) + ", " + l + ", " + r + "))"
}
