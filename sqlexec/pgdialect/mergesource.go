package pgdialect

import (
	"strconv"
	"strings"
)

// MERGE's data source (merge.go): a table, a parenthesised query or
// VALUES list (with its alias), a function call, or a join of them
// (USING a JOIN b ON ...).
//
// A joined source's rows go by the names of its relations: the actions'
// expressions read a.x and b.y. The join's queries select each
// relation's columns (a.*, then b.*, ...) with a marker column
// (MergeRelMark) between two relations, so that at apply the kept rows
// are split into one temporary table per relation (MergeRelTable), each
// row numbered (MergeRow) alike in every table. The actions read the kept
// rows under the relations' names, joined by that number (mergeSource.kept),
// so every relation keeps its name, its columns and their values; a
// relation the source's outer join null-extends has a row of NULLs. A
// join by USING or NATURAL is joined again by its columns and the number
// (so an unqualified merged column reads as PostgreSQL's, the left side's
// for INNER and LEFT joins); RIGHT and FULL joins of that kind and such
// joins inside parentheses are refused (their merged column takes the
// other side's value or both). An aliased parenthesised join is one
// relation: it is read as the subquery SELECT * FROM the join.

// MergeRelMark names the column that ends a relation's columns in a joined
// source's rows; MergeRow numbers the kept rows in each relation's table.
const (
	MergeRelMark = "pgdialect_merge_rel"
	MergeRow     = "pgdialect_merge_row"
)

// MergeRelTable is the temporary table of the kept rows of a joined
// source's relation k (0-based; relation 0's is MergeTable, which also
// carries MergeTID and MergeAct).
func MergeRelTable(k int) string {
	if k == 0 {
		return MergeTable
	}
	return `temp."` + mergeTableName + "_" + strconv.Itoa(k) + `"`
}

// isMergeTable reports whether tbl names one of MERGE's temporary tables
// of kept rows (MergeTable, MergeRelTable).
func isMergeTable(tbl string) bool {
	low := strings.ToLower(tbl)
	rest, ok := strings.CutPrefix(low, mergeTableName)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(rest, "_"))
	return err == nil && n > 0 && rest[0] == '_'
}

// mergeSource is a MERGE's data source read by (*tx).mergeSource.
type mergeSource struct {
	rels  []string // the names the relations' rows go by, in order
	spans [][2]int // each relation's tokens (for a joined source)
	// kept: for a joined source, the FROM text that reads the kept rows
	// under the relations' names ("" otherwise)
	kept string
	// wraps: the opening parentheses of aliased parenthesised joins
	// (USING (a JOIN b USING (k)) AS j), each one relation of the join's
	// columns, which SQLite cannot name: merge runs the statement with
	// SELECT * FROM after each (a subquery, as the relation is in
	// PostgreSQL)
	wraps []int
}

// columns is the select list of the source's columns in the join's rows:
// each relation's, a marker column between two.
func (s mergeSource) columns() string {
	var b strings.Builder
	for k, r := range s.rels {
		if k > 0 {
			b.WriteString(", 0 AS " + MergeRelMark + ", ")
		}
		b.WriteString(quoteIdent(r) + ".*")
	}
	return b.String()
}

// mergeJoinOp is how a relation of a joined source joins the ones before
// it.
type mergeJoinOp struct {
	words   string // the join's words: LEFT JOIN, NATURAL JOIN, ...
	how     string // ON, CROSS, USING or NATURAL
	using   string // USING: the column list's text, without parentheses
	outerRF bool   // a RIGHT or FULL join
}

// mergeSource reads the data source at i. It returns the source's first
// token, the source, and the index of the MERGE's ON after it.
func (x *tx) mergeSource(i int) (lo int, s mergeSource, on int, err error) {
	var ops []mergeJoinOp
	nested := false
	on, err = x.mergeChain(i, &s, &ops, &nested)
	if err != nil {
		return 0, s, 0, err
	}
	if !x.kw(on, "ON") {
		return 0, s, 0, x.syntaxErrAt(on)
	}
	if len(s.rels) > 1 {
		if s.kept, err = mergeKeptJoin(s.rels, ops, nested); err != nil {
			return 0, s, 0, err
		}
	}
	return i, s, on, nil
}

// mergeChain reads a relation and the joins after it from i, appending
// the relations' names to rels and how each after the first joins to ops;
// nested is set when a join is read inside parentheses. It returns the
// index after the chain.
func (x *tx) mergeChain(i int, s *mergeSource, ops *[]mergeJoinOp, nested *bool) (int, error) {
	i, err := x.mergeItem(i, s, ops, nested)
	if err != nil {
		return 0, err
	}
	for {
		var op mergeJoinOp
		j := i
		if x.kw(j, "NATURAL") {
			op.how = "NATURAL"
			j++
		}
		op.outerRF = x.kw(j, "RIGHT") || x.kw(j, "FULL")
		if x.kw(j, "CROSS") {
			op.how = "CROSS"
		}
		switch {
		case x.kw(j, "JOIN"):
			j++
		case x.kw(j, "INNER", "JOIN"), x.kw(j, "CROSS", "JOIN"), x.kw(j, "LEFT", "JOIN"), x.kw(j, "RIGHT", "JOIN"), x.kw(j, "FULL", "JOIN"):
			j += 2
		case x.kw(j, "LEFT", "OUTER", "JOIN"), x.kw(j, "RIGHT", "OUTER", "JOIN"), x.kw(j, "FULL", "OUTER", "JOIN"):
			j += 3
		default:
			if op.how != "" {
				return 0, x.syntaxErrAt(j)
			}
			return i, nil
		}
		op.words = x.orig(i, j)
		if i, err = x.mergeItem(j, s, ops, nested); err != nil {
			return 0, err
		}
		switch {
		case op.how != "":
		case x.kw(i, "ON"):
			op.how = "ON"
			i = x.mergeJoinCondEnd(i + 1)
		case x.kw(i, "USING") && x.isP(i+1, "("):
			e := x.match(i + 1)
			op.how, op.using = "USING", x.orig(i+2, e)
			i = e + 1
		default:
			return 0, x.syntaxErrAt(i)
		}
		*ops = append(*ops, op)
	}
}

// mergeJoinCondEnd is the end of a join condition that starts at i: the
// next ON, join word or WHEN clause of its level, or the level's end.
func (x *tx) mergeJoinCondEnd(i int) int {
	d, cases := x.depth[i], 0
	for ; i < x.n(); i++ {
		if x.depth[i] < d {
			return i
		}
		if x.depth[i] != d {
			continue
		}
		if x.outsideCase(i, &cases) && (x.kw(i, "ON") || x.kw(i, "WHEN") || mergeJoinWord(x.T(i)) && !x.isP(i+1, "(")) {
			return i
		}
	}
	return i
}

// mergeItem reads one relation at i (a table, a parenthesised query,
// VALUES list or join, a function call, each with an optional alias and
// column list), appending its names to rels. It returns the index after
// it.
func (x *tx) mergeItem(i int, s *mergeSource, ops *[]mergeJoinOp, nested *bool) (int, error) {
	lo := i
	if x.kw(i, "LATERAL") {
		return 0, unsupported("MERGE with a LATERAL data source is not supported")
	}
	name := ""
	var inner mergeSource
	var innerOps []mergeJoinOp
	group := false
	wasNested := *nested
	switch {
	case x.isP(i, "("):
		e := x.match(i)
		if u := x.T(i + 1).upper(); u != "SELECT" && u != "VALUES" && u != "WITH" && u != "TABLE" && (!x.isP(i+1, "(") || x.mergeJoinAfter(x.match(i+1)+1)) {
			// a parenthesised join: its relations keep their names
			group = true
			end, err := x.mergeChain(i+1, &inner, &innerOps, nested)
			if err != nil {
				return 0, err
			}
			if end != e {
				return 0, x.syntaxErrAt(end)
			}
		}
		i = e + 1
	case (x.T(i).typ == tIdent || x.T(i).typ == tQIdent) && x.isP(i+1, "("):
		name = x.T(i).identName()
		i = x.match(i+1) + 1
	default:
		if x.kw(i, "ONLY") {
			i++
		}
		if x.kw(i, "ON") || x.kw(i, "USING") || x.kw(i, "WHEN") {
			return 0, x.syntaxErrAt(i)
		}
		name, i = x.name(i)
		if name == "" {
			return 0, x.syntaxErrAt(i)
		}
		if x.isP(i, "*") {
			i++
		}
	}
	hasAlias := false
	if x.kw(i, "AS") {
		i++
	}
	if t := x.T(i); t.typ == tQIdent || t.typ == tIdent && !t.kw("ON") && !t.kw("USING") && !t.kw("WHEN") && !mergeJoinWord(t) && !reservedWord(t.upper()) {
		name, hasAlias = t.identName(), true
		i++
		if x.isP(i, "(") {
			i = x.match(i) + 1
		}
	}
	s.wraps = append(s.wraps, inner.wraps...)
	switch {
	case group && !hasAlias:
		s.rels = append(s.rels, inner.rels...)
		s.spans = append(s.spans, inner.spans...)
		*ops = append(*ops, innerOps...)
		if len(inner.rels) > 1 {
			*nested = true
		}
	case x.isP(lo, "(") && !hasAlias:
		return 0, &Error{Code: "42601", Message: "subquery in FROM must have an alias",
			Hint: "For example, FROM (SELECT ...) [AS] foo.", Position: x.charPos(lo)}
	case group:
		// one relation of all the join's columns (its relations' names
		// are its own)
		*nested = wasNested
		s.wraps = append(s.wraps, lo)
		s.rels = append(s.rels, name)
		s.spans = append(s.spans, [2]int{lo, i})
	default:
		s.rels = append(s.rels, name)
		s.spans = append(s.spans, [2]int{lo, i})
	}
	return i, nil
}

// mergeJoinAfter reports whether a join word follows the parenthesised
// relation that ends before i (after its alias and column names, if any):
// then the parentheses around it hold a join ((a JOIN b) AS j JOIN c),
// not a query.
func (x *tx) mergeJoinAfter(i int) bool {
	if x.kw(i, "AS") {
		i++
	}
	if t := x.T(i); t.typ == tQIdent || t.typ == tIdent && !mergeJoinWord(t) && !reservedWord(t.upper()) {
		i++
		if x.isP(i, "(") {
			i = x.match(i) + 1
		}
	}
	return mergeJoinWord(x.T(i))
}

func mergeJoinWord(t *token) bool {
	switch t.upper() {
	case "JOIN", "NATURAL", "CROSS", "INNER", "LEFT", "RIGHT", "FULL":
		return t.typ == tIdent
	}
	return false
}

// mergeKeptJoin is the FROM text that reads a joined source's kept rows
// under its relations' names (see the comment at the top).
func mergeKeptJoin(rels []string, ops []mergeJoinOp, nested bool) (string, error) {
	first := quoteIdent(rels[0])
	var b strings.Builder
	b.WriteString(MergeRelTable(0) + " AS " + first)
	for k, op := range ops {
		rel := quoteIdent(rels[k+1])
		table := MergeRelTable(k+1) + " AS " + rel
		switch op.how {
		case "ON", "CROSS":
			b.WriteString(" JOIN " + table + " ON " + first + "." + MergeRow + " = " + rel + "." + MergeRow)
			continue
		}
		if nested || op.outerRF {
			return "", unsupported("MERGE with a data source joined by %s in parentheses or by a RIGHT or FULL join is not supported (use a subquery)", op.how)
		}
		b.WriteString(" " + op.words + " " + table)
		if op.how == "USING" {
			b.WriteString(" USING (" + op.using + ", " + MergeRow + ")")
		}
	}
	return b.String(), nil
}
