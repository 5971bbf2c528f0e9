package pgdialect

// lateral.go: LATERAL subqueries in FROM (FROM t, LATERAL (SELECT ...
// WHERE u.k = t.k ORDER BY ... LIMIT 2) s, [LEFT] JOIN LATERAL (...) s
// ON ...). SQLite has no correlated subquery in FROM, but a table-valued
// function's arguments are read per row of the FROM items before it, and
// a scalar subquery there may be correlated. So, once the expression has
// passed (the subquery's tokens translated in place like any derived
// table's), the item becomes
//
//	json_each((WITH "pg_lateral_s"("1", "2") AS (subquery)
//	           SELECT json_group_array(pg_lateral_row("1", "2")) FROM "pg_lateral_s")) AS s
//
// one JSON array element per row of the subquery, in its order (an
// ORDER BY inside is kept: the aggregate reads the rows as the subquery
// gives them; a LEFT JOIN keeps the outer row with NULLs when the array
// is empty). pg_lateral_row packs a row's values with their storage
// classes (lateral_funcs.go), so no value goes through SQLite's JSON
// (reals, blobs, large integers and JSON texts come back as they were),
// and each reference s.c becomes pg_lateral_col(s.value, k), the k-th
// value. What a value loses on the way is its collation (numeric,
// interval, jsonb... compare by value through theirs), so a column is
// typed from the statement where it can be:
//
//   - a column of a type the statement shows (count(*), a cast, a
//     literal): its references are typed so, and get the type's collation;
//   - a table's column, or min/max of one: typed at run time by its
//     declared type (pg_lateral_col's third argument, a probe of that
//     column, calltypes.go); outside a select list, or when the statement
//     sorts, groups or sets apart its rows, a reference refuses at run
//     time (0A000) a type that compares through a collation
//     (pg_lateral_col's fourth argument);
//   - sum/avg of a table's column: typed at run time the same way, and
//     refused outside a select list;
//   - any other column, or a *, is refused with 0A000.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// lateralItem is a LATERAL subquery in FROM.
type lateralItem struct {
	open int      // its opening parenthesis
	cols []string // its column alias list, nil when none
}

// lateralCol is a column of a LATERAL subquery.
type lateralCol struct {
	name string
	oid  uint32 // its static type, 0 when known at run time only
	// probe: for a column of run-time type, the uncorrelated scalar
	// subquery whose declared type it has, and fn the call that reads it
	// (pg_lateral_col, pg_lateral_sum or pg_lateral_avg)
	probe, fn string
	decl      string // the declared type expression pg_lateral_col checks
}

// recordLateral records the LATERAL subquery whose parenthesis is at o
// (fromItemSyntax).
func (x *tx) recordLateral(o int) error {
	if !(x.kw(o+1, "SELECT") || x.kw(o+1, "WITH") || x.kw(o+1, "VALUES")) {
		return unsupported("LATERAL (%s) is not supported", x.T(o+1).text)
	}
	c := x.match(o)
	if c >= x.n() {
		return &Error{Code: "42601", Message: "syntax error at end of input"}
	}
	k := c + 1
	if x.kw(k, "AS") {
		k++
	}
	t := x.T(k)
	if t.typ != tQIdent && (t.typ != tIdent || isClauseKw(t.upper()) || reservedWord(t.upper()) || isJoinKw(t.upper())) {
		return &Error{Code: "42601", Message: "subquery in FROM must have an alias", Hint: "For example, FROM (SELECT ...) [AS] foo."}
	}
	li := lateralItem{open: o}
	if x.isP(k+1, "(") {
		m := x.match(k + 1)
		for _, r := range x.splitTop(k+2, m) {
			if r[1] != r[0]+1 || x.T(r[0]).typ != tIdent && x.T(r[0]).typ != tQIdent {
				return unsupported("a column alias list on a LATERAL subquery that is not a list of names")
			}
			li.cols = append(li.cols, x.T(r[0]).identName())
		}
		x.blank(k+1, m+1) // the columns are named by lateralSubquery's references
	}
	// json_each's own columns (id, key, value, type, path ...) would make
	// the table's of those names ambiguous (array_translate.go); every
	// name the subquery writes keeps its name (it may name a column of
	// the subquery, or of a table the subquery reads)
	keep := slices.Clone(li.cols)
	for j := o + 1; j < c; j++ {
		if t := x.T(j); t.typ == tIdent || t.typ == tQIdent {
			keep = append(keep, t.identName())
		}
	}
	x.qualifyEachCols(o-1, keep...)
	x.laterals = append(x.laterals, li)
	return nil
}

// lateralSubqueries rewrites the recorded LATERAL subqueries (see above),
// the last first: a nested or later one's references to an earlier one's
// columns are tokens still when the earlier one rewrites them.
func (x *tx) lateralSubqueries() error {
	for k := len(x.laterals) - 1; k >= 0; k-- {
		if err := x.lateralSubquery(x.laterals[k]); err != nil {
			return err
		}
	}
	return nil
}

// lateralSubquery rewrites one LATERAL subquery.
func (x *tx) lateralSubquery(li lateralItem) error {
	o := li.open
	c := x.match(o)
	k := c + 1
	if x.kw(k, "AS") {
		k++
	}
	alias := x.T(k).identName()
	end := k + 1
	if x.isP(k+1, "(") {
		end = x.match(k+1) + 1
	}
	cols, err := x.lateralColumns(o, c, li.cols)
	if err != nil {
		return err
	}
	// json_each answers under a name of its own, so a reference to the
	// subquery's column that some rewrite copied before fails rather than
	// reads json_each's own column of that name
	q := quoteIdent("pg_lat_" + alias)
	x.T(k).set(q)
	// value reads column j for the reference r
	value := func(j int, r lateralRef) (string, error) {
		col := cols[j]
		base := q + ".value, " + strconv.Itoa(j)
		output, sorted, literal := r.output, r.sorted, r.literal
		switch {
		case col.oid != 0 && (output || sorted):
			v := "pg_lateral_col(" + base + ")"
			if coll := lateralCollation(col.oid); coll != "" {
				v = "(" + v + " COLLATE " + coll + ")"
			}
			return v, nil
		case col.oid != 0:
			// an operand: an integer or a real compared with a string
			// literal gets its column affinity back (n > '1' compares as
			// numbers), numeric its collation,
			// text is text; another type's operators and casts would read
			// the value without its type (a boolean cast as its integer,
			// a timestamp compared with a literal as text)
			switch col.oid {
			case pgoid.Int2, pgoid.Int4, pgoid.Int8:
				if literal {
					return "CAST(pg_lateral_col(" + base + ") AS INTEGER)", nil
				}
				return "pg_lateral_col(" + base + ")", nil
			case pgoid.Float4, pgoid.Float8:
				if literal {
					return "CAST(pg_lateral_col(" + base + ") AS REAL)", nil
				}
				return "pg_lateral_col(" + base + ")", nil
			case pgoid.Numeric:
				return "(pg_lateral_col(" + base + ") COLLATE " + NumericCollation + ")", nil
			case pgoid.Text, pgoid.Varchar:
				return "pg_lateral_col(" + base + ")", nil
			}
			return "", unsupported("column %s.%s of a LATERAL subquery, of type %s, is supported as a whole select, ORDER BY or GROUP BY item only", alias, col.name, pgoid.TypeName(col.oid))
		case output && !x.lateralSorts(o, end, alias, col, r, base):
			return col.fn + "(" + base + ", " + col.probe + ")", nil // calltypes.go
		case !output && !sorted:
			// an operator, a cast or a function would read the value
			// without its type (a literal compared with an integer as
			// text, a boolean cast as its integer)
			return "", unsupported("column %s.%s of a LATERAL subquery, of a type known at run time only, is supported as a whole select, ORDER BY or GROUP BY item only (cast it in the subquery)", alias, col.name)
		case col.decl == "":
			return "", unsupported("column %s.%s of a LATERAL subquery (%s of a column) is supported in the select list only (cast it in the subquery)", alias, col.name, strings.TrimPrefix(col.fn, "pg_lateral_"))
		}
		if sorted && !output {
			return lateralKey(base, col.decl), nil
		}
		return "pg_lateral_col(" + base + ", " + col.probe + ", " + col.decl + ")", nil
	}
	insert := x.findKw(0, x.n(), 0, "INSERT") >= 0
	for t := 0; t < x.n(); t++ {
		if t >= o && t < end {
			continue
		}
		tok := x.T(t)
		if tok.ed && tok.out != asciiLower(tok.text) || tok.typ != tIdent && tok.typ != tQIdent || x.isP(t+1, "(") {
			continue
		}
		qualified := x.isP(t-1, ".") && x.T(t-2).identName() == alias && !x.isP(t-3, ".")
		if !qualified && (x.isP(t-1, ".") || x.isP(t+1, ".") || x.T(t-1).kw("AS") || !x.lateralSees(o, t)) {
			continue
		}
		j := -1
		for n := range cols {
			if cols[n].name == tok.identName() {
				j = n
				break
			}
		}
		if j < 0 {
			continue
		}
		a := t
		if qualified {
			a = t - 2
		}
		whole, named := x.blockWholeItem(a, t+1)
		set := x.setValue(a, t+1)
		r := lateralRef{output: whole || set, sorted: x.sortItem(a, t+1) || x.countArgument(a, t+1), literal: x.literalCompared(a, t+1), at: a}
		if whole {
			r.pos, r.outName = x.blockItemPos(a)
		}
		v, err := value(j, r)
		if err != nil {
			return err
		}
		if qualified {
			x.T(t - 2).set("")
			x.T(t - 1).set("")
		}
		tok.set(v)
		if cols[j].oid != 0 {
			x.typeSpan(t, t+1, cols[j].oid)
		}
		if whole && !set && !named && !insert {
			tok.suf += " AS " + quoteIdent(cols[j].name)
		}
	}
	if err := x.lateralStars(o, end, alias, cols, value); err != nil {
		return err
	}
	// an expression rewritten before (a comparison typed at run time)
	// may have copied a reference's text, which json_each cannot answer
	rest := x.text(0, o) + " " + x.text(end, x.n())
	for _, col := range cols {
		for _, ref := range []string{alias + "." + col.name, quoteIdent(alias) + "." + quoteIdent(col.name)} {
			if lateralMentions(rest, ref) {
				return unsupported("column %s.%s of a LATERAL subquery in this expression is not supported", alias, col.name)
			}
		}
	}
	names := make([]string, len(cols))
	for j := range cols {
		names[j] = quoteIdent(strconv.Itoa(j + 1))
	}
	list := strings.Join(names, ", ")
	cte := quoteIdent("pg_lateral_" + alias)
	x.T(o).wpre = "json_each((WITH " + cte + "(" + list + ") AS " + x.T(o).wpre
	x.T(c).wsuf += " SELECT json_group_array(pg_lateral_row(" + list + ")) FROM " + cte + "))"
	return nil
}

// lateralColumns are the columns of the LATERAL subquery o..c (see
// above), named by its column alias list names where it has one.
func (x *tx) lateralColumns(o, c int, names []string) ([]lateralCol, error) {
	var items [][2]int
	values := x.kw(o+1, "VALUES")
	if values {
		if !x.isP(o+2, "(") {
			return nil, unsupported("LATERAL (VALUES ...) of that shape is not supported")
		}
		items = x.splitTop(o+3, x.match(o+2))
	} else {
		s := -1
		for j := o + 1; j < c; j++ {
			if x.depth[j] == x.depth[o+1] && x.kw(j, "SELECT") {
				s = j
				break
			}
		}
		if s < 0 {
			return nil, unsupported("a LATERAL subquery of that shape is not supported")
		}
		items, _ = x.selectListAt(s)
	}
	if len(names) > len(items) {
		return nil, &Error{Code: "42P10", Message: fmt.Sprintf("table \"%s\" has %d columns available but %d columns specified", x.T(c+1+int(boolInt(x.kw(c+1, "AS")))).identName(), len(items), len(names))}
	}
	cols := make([]lateralCol, len(items))
	for j, it := range items {
		a, b := it[0], it[1]
		if !values {
			a, b = x.itemExpr(it[0], it[1])
		}
		if x.isP(b-1, "*") {
			return nil, unsupported("a LATERAL subquery whose select list has a * is not supported (name its columns)")
		}
		col := &cols[j]
		switch {
		case j < len(names):
			col.name = names[j]
		case values:
			col.name = "column" + strconv.Itoa(j+1)
		case it[1] > b:
			col.name = x.T(it[1] - 1).identName()
		default:
			if _, name, ok := x.bareColumn(a, b); ok {
				col.name = name
			} else {
				col.name = x.figureName(a, b)
			}
		}
		col.oid = x.exprOID(a, b)
		if col.oid == pgoid.Unknown && b == a+1 && x.T(a).typ == tString {
			col.oid = pgoid.Text // an untyped literal of a subquery's select list is text
		}
		if col.oid != 0 {
			continue
		}
		// of run-time type: a table's column, or an aggregate of one
		fn, ca, cb := "pg_lateral_col", a, b
		if f := x.T(a); f.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 {
			switch f.identName() {
			case "min", "max", "pg_min", "pg_max":
			case "sum", "pg_sum":
				fn = "pg_lateral_sum"
			case "avg", "pg_avg":
				fn = "pg_lateral_avg"
			default:
				fn = ""
			}
			ca, cb = a+2, b-1
		}
		qual, name, ok := x.bareColumn(ca, cb)
		tbl := ""
		if ok && fn != "" {
			tbl, _, ok = x.blockColumnTable(ca, qual, name) // blocktables.go
			for _, at := range []int{ca, o} {
				// a qualified column of the subquery's block beside another
				// LATERAL subquery, or of the blocks around it (u.id)
				if !ok && qual != "" {
					tabs, found := x.blockTablesBeside(at, passLaterals)
					tbl = tableOf(tabs, qual)
					ok = found && tbl != ""
				}
			}
		}
		if !ok || fn == "" {
			return nil, unsupported("a LATERAL subquery's column %s whose type is not known from the statement is not supported (cast it)", col.name)
		}
		col.fn = fn
		col.probe = "(SELECT " + quoteIdent(name) + " FROM " + quoteIdent(tbl) + ")"
		if fn == "pg_lateral_col" {
			col.decl = viewColumnDeclExpr(tbl, name) // viewdecls.go
		}
	}
	return cols, nil
}

// lateralRef is where a reference to a LATERAL subquery's column stands.
type lateralRef struct {
	output  bool   // a whole select item, or an UPDATE's SET value
	sorted  bool   // a whole ORDER BY or GROUP BY item, or count's argument
	literal bool   // compared with a string literal
	at      int    // its first token (-1: a * expanded)
	pos     int    // a select item's 1-based position in its list (0: unknown)
	outName string // a select item's output name
}

// lateralSorts reports whether the statement, outside the LATERAL item
// o..end-1 (named alias), may compare the values of column col, read as
// the select item r: it sets rows apart (DISTINCT, UNION, INTERSECT,
// EXCEPT), or an ORDER BY or GROUP BY names the item by its output name,
// the column's name or a position. An ORDER BY or GROUP BY of the item's
// own block that names it by its position or output name sorts its key
// instead (lateralKey: the value with its type's order), which that item
// is rewritten to here; one in another block, or a position that may be
// the item's, counts.
//
// A parenthesised group that does not hold the item and names neither
// the item, the column nor any CTE of the statement cannot read the
// column (a sibling derived table's own `SELECT DISTINCT dept ... ORDER
// BY 1`), so its keywords are passed over; any other group counts,
// whether it is a block around the item, a correlated subquery or a CTE's
// reader.
func (x *tx) lateralSorts(o, end int, alias string, col lateralCol, r lateralRef, base string) bool {
	var ctes map[string]bool
	refBlock := -1
	if r.at >= 0 && r.pos > 0 {
		refBlock = x.blockSelect(r.at)
	}
	var keys []int
	for t := 0; t < x.n(); t++ {
		if t >= o && t < end {
			continue
		}
		if x.isP(t, "(") && !(t < o && o < x.match(t)) {
			if ctes == nil {
				ctes = x.cteNames() // blocktables.go
			}
			if m := x.match(t); m > t && !x.groupNames(t, m, alias, col.name, r.outName, ctes) {
				t = m
				continue
			}
		}
		if x.kw(t, "DISTINCT") || x.kw(t, "UNION") || x.kw(t, "INTERSECT") || x.kw(t, "EXCEPT") {
			return true
		}
		if !x.kw(t, "ORDER", "BY") && !x.kw(t, "GROUP", "BY") {
			continue
		}
		hi, d := t+2, x.depth[t]
		for hi < x.n() && x.depth[hi] >= d && !(x.depth[hi] == d && x.T(hi).typ == tIdent && lateralListEnds[x.T(hi).upper()]) {
			hi++
		}
		own := refBlock >= 0 && x.blockSelect(t) == refBlock
		for _, it := range x.splitTop(t+2, hi) {
			a, b := it[0], it[1]
			for b > a+1 && (x.kw(b-1, "ASC") || x.kw(b-1, "DESC") || x.kw(b-2, "NULLS")) {
				b--
			}
			if b == a+3 && x.isP(a+1, ".") && x.T(a).identName() != alias {
				// a qualified name (d.amount of a derived table holding
				// the item, sorted outside it) sorts the item's value when
				// it names the column or the item's output name
				if n := x.T(a + 2).identName(); n == col.name || n == r.outName {
					return true
				}
				continue
			}
			if b != a+1 {
				continue
			}
			u := x.T(a)
			switch {
			case u.typ == tNumber && own && u.text != strconv.Itoa(r.pos):
			case u.typ == tNumber && own, own && u.identName() == r.outName && r.outName != col.name:
				keys = append(keys, a)
			case u.typ == tNumber:
				return true
			case (u.typ == tIdent || u.typ == tQIdent) && (u.identName() == col.name || u.identName() == r.outName):
				if !own || u.identName() != col.name {
					return true
				}
				// the column's own name in its block: a reference the
				// caller's walk rewrites as a sorted item
			}
		}
	}
	if len(keys) > 0 && col.decl == "" {
		return true
	}
	for _, k := range keys {
		x.T(k).set(lateralKey(base, col.decl))
	}
	return false
}

// lateralKey is the sort key of the LATERAL column read by base
// ("pg_lat_s".value, k) whose declared type is read by decl: the value
// with its type's order (pg_lateral_key, lateral_funcs.go).
func lateralKey(base, decl string) string {
	return "(pg_lateral_key(" + base + ", " + decl + ") COLLATE " + LateralKeyCollation + ")"
}

// lateralSees reports whether an unqualified name at token t can be a
// column of the LATERAL item opening at o: t is in the query block whose
// FROM clause holds the item, or in a subquery of it, but not outside that
// block (a query reading the CTE whose body holds the item, by a column
// of the same name) nor in a derived table or CTE body, which see no
// sibling FROM item.
func (x *tx) lateralSees(o, t int) bool {
	d0 := x.depth[o]
	if d0 > 0 {
		p := x.enclosingOpen(o)
		if p < 0 || !(p < t && t < x.match(p)) {
			return false
		}
	}
	for k := t; x.depth[k] > d0; {
		p := x.enclosingOpen(k)
		if p < 0 {
			return true
		}
		if x.isP(p, "(") && x.ownScope(p) {
			return false
		}
		k = p
	}
	return true
}

// enclosingOpen is the parenthesis or bracket that opens the innermost
// group holding token k (-1 at depth 0).
func (x *tx) enclosingOpen(k int) int {
	for j := k - 1; j >= 0; j-- {
		if x.depth[j] == x.depth[k]-1 && (x.isP(j, "(") || x.isP(j, "[")) {
			return j
		}
	}
	return -1
}

// ownScope reports whether the parenthesis at p opens a derived table or
// a CTE's body: a FROM item (after FROM, JOIN or a FROM list's comma) or
// `name AS (`, whose names do not reach the FROM items beside it.
func (x *tx) ownScope(p int) bool {
	switch {
	case x.kw(p-1, "FROM") || x.kw(p-1, "JOIN") || x.kw(p-1, "AS") || x.kw(p-1, "MATERIALIZED"):
		return true
	case !x.isP(p-1, ","):
		return false
	}
	d := x.depth[p]
	for j := p - 2; j >= 0 && x.depth[j] >= d; j-- {
		if x.depth[j] != d {
			continue
		}
		if x.kw(j, "FROM") {
			return true
		}
		if u := x.T(j); u.typ == tIdent && (isClauseKw(u.upper()) || u.kw("SELECT") || u.kw("SET") || u.kw("VALUES")) {
			return false
		}
	}
	return false
}

// groupNames reports whether the tokens p..m name alias, name, outName
// or one of ctes.
func (x *tx) groupNames(p, m int, alias, name, outName string, ctes map[string]bool) bool {
	for k := p + 1; k < m; k++ {
		if u := x.T(k); u.typ == tIdent || u.typ == tQIdent {
			if n := u.identName(); n == alias || n == name || n == outName || ctes[n] {
				return true
			}
		}
	}
	return false
}

// blockItemPos is the 1-based position in its block's select list of the
// item that begins at token a (0 when a begins none) and its output name
// ("" when it has no alias).
func (x *tx) blockItemPos(a int) (int, string) {
	s := x.blockSelect(a)
	if s < 0 {
		return 0, ""
	}
	items, _ := x.selectListAt(s)
	for k, it := range items {
		if it[0] != a {
			continue
		}
		if _, eb := x.itemExpr(it[0], it[1]); eb < it[1] {
			return k + 1, x.T(it[1] - 1).identName()
		}
		return k + 1, ""
	}
	return 0, ""
}

// lateralListEnds: the keywords that end an ORDER BY or GROUP BY list.
var lateralListEnds = map[string]bool{"HAVING": true, "ORDER": true, "LIMIT": true, "OFFSET": true, "FETCH": true, "FOR": true,
	"UNION": true, "EXCEPT": true, "INTERSECT": true, "WINDOW": true, "RETURNING": true}

// lateralCollation is the collation a value of static type oid compares
// through ("" for its storage class's own order).
func lateralCollation(oid uint32) string {
	if oid == pgoid.Numeric {
		return NumericCollation
	}
	if c, ok := typeCollations[oid]; ok {
		return c.name
	}
	return ""
}

// lateralStars expands alias.* and the * of the query block that holds
// the LATERAL item o..end-1 to the columns of its FROM items: a table's
// or derived table's as alias.*, the subquery's as its columns. A FROM
// clause it cannot list (a function, USING, NATURAL) refuses the *.
func (x *tx) lateralStars(o, end int, alias string, cols []lateralCol, value func(int, lateralRef) (string, error)) error {
	own := func() (string, error) {
		parts := make([]string, len(cols))
		for j := range cols {
			v, err := value(j, lateralRef{output: true, at: -1})
			if err != nil {
				return "", err
			}
			parts[j] = v + " AS " + quoteIdent(cols[j].name)
		}
		return strings.Join(parts, ", "), nil
	}
	for t := 0; t+2 < x.n(); t++ {
		if t >= o && t < end {
			continue
		}
		u := x.T(t)
		if u.ed || u.typ != tIdent && u.typ != tQIdent || u.identName() != alias || !x.isP(t+1, ".") || !x.isP(t+2, "*") {
			continue
		}
		s, err := own()
		if err != nil {
			return err
		}
		u.set("")
		x.T(t + 1).set("")
		x.T(t + 2).set(s)
		if x.starCols == nil {
			x.starCols = map[int][]uint32{}
		}
		oids := make([]uint32, len(cols))
		for j := range cols {
			oids[j] = cols[j].oid
		}
		x.starCols[t+2] = oids // applyAliases: the columns' static types
	}
	s := x.blockSelect(o)
	if s < 0 {
		return nil
	}
	sel, from := x.selectListAt(s)
	for _, it := range sel {
		if it[1] != it[0]+1 || !x.isP(it[0], "*") || x.T(it[0]).ed {
			continue
		}
		if !x.kw(from, "FROM") {
			return nil
		}
		var parts []string
		d := x.depth[from]
		for j := from + 1; j < x.n() && x.depth[j] >= d; {
			if x.depth[j] > d {
				j++
				continue
			}
			u := x.T(j)
			if u.kw("LATERAL") {
				j++
				continue
			}
			if u.typ == tIdent && !x.isP(j-1, ".") {
				switch u.upper() {
				case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "RETURNING", "FETCH":
					j = x.n()
					continue
				case "USING", "NATURAL":
					return unsupported("* over a FROM clause with a LATERAL subquery and USING or NATURAL is not supported")
				}
			}
			if !(j == from+1 || x.isP(j-1, ",") || x.kw(j-1, "JOIN") || x.kw(j-1, "LATERAL") && (x.isP(j-2, ",") || x.kw(j-2, "JOIN"))) {
				j++
				continue
			}
			switch n, e := x.name(j); {
			case j == o:
				s, err := own()
				if err != nil {
					return err
				}
				parts = append(parts, s)
				j = end
			case x.isP(j, "("):
				k := x.match(j) + 1
				if x.kw(k, "AS") {
					k++
				}
				parts = append(parts, quoteIdent(x.T(k).identName())+".*")
				j = k + 1
			case n != "" && !x.isP(e, "("):
				k := e
				if x.kw(k, "AS") {
					k++
				}
				a := n
				if i := strings.LastIndexByte(n, '.'); i >= 0 {
					a = n[i+1:]
				}
				if t := x.T(k); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) && !isJoinKw(t.upper()) && !t.kw("ON") {
					a = t.identName()
					k++
				}
				parts = append(parts, quoteIdent(a)+".*")
				j = k
			default:
				return unsupported("* over a FROM clause with a LATERAL subquery and a function is not supported")
			}
		}
		x.T(it[0]).set(strings.Join(parts, ", "))
	}
	return nil
}

// blockWholeItem reports whether tokens a..b-1 are a whole item of the
// select list of their query block, a derived table's or a CTE's too
// (wholeItem: of the statement's output only), and named whether the
// item has an alias.
func (x *tx) blockWholeItem(a, b int) (whole, named bool) {
	s := x.blockSelect(a)
	if s < 0 {
		return false, false
	}
	items, _ := x.selectListAt(s)
	for _, it := range items {
		if it[0] != a {
			continue
		}
		if it[1] == b {
			return true, false
		}
		ea, eb := x.itemExpr(it[0], it[1])
		return ea == a && eb == b, true
	}
	return false, false
}

// setValue reports whether tokens a..b-1 are the whole value of an
// UPDATE's SET c = value (stored as it is, like a select item's value).
func (x *tx) setValue(a, b int) bool {
	d := x.depth[a]
	if !x.isP(a-1, "=") || !(b >= x.n() || x.depth[b] < d || x.isP(b, ",") || x.kw(b, "FROM") || x.kw(b, "WHERE") || x.kw(b, "RETURNING")) {
		return false
	}
	for k := a - 2; k >= 0; k-- {
		if x.depth[k] != d {
			if x.depth[k] < d {
				return false
			}
			continue
		}
		if x.kw(k, "SET") {
			return x.kw(0, "UPDATE") || x.findKw(0, k, d, "UPDATE") >= 0
		}
		if x.T(k).typ == tIdent && (isClauseKw(x.T(k).upper()) || x.kw(k, "AND") || x.kw(k, "OR") || x.kw(k, "ON") || x.kw(k, "WHEN")) {
			return false
		}
	}
	return false
}

// literalCompared reports whether tokens a..b-1 are compared with a
// string literal (x > '1', '1' = x, x IN ('1', '2'), x BETWEEN '1' AND
// '2'): SQLite converts the literal by the other side's affinity, which a
// value read back from json_each has not.
func (x *tx) literalCompared(a, b int) bool {
	cmp := func(k int) bool {
		switch x.T(k).text {
		case "=", "<>", "!=", "<", ">", "<=", ">=":
			return x.T(k).typ == tOp || x.T(k).typ == tPunct
		}
		return false
	}
	if cmp(a-1) && x.T(a-2).typ == tString || cmp(b) && x.T(b+1).typ == tString {
		return true
	}
	k := b
	if x.kw(k, "NOT") {
		k++
	}
	switch {
	case x.kw(k, "IN") && x.isP(k+1, "("):
		for j := k + 2; j < x.match(k+1); j++ {
			if x.T(j).typ == tString {
				return true
			}
		}
	case x.kw(k, "BETWEEN"):
		return x.T(k+1).typ == tString || x.T(k+3).typ == tString
	}
	return false
}

// sortItem reports whether tokens a..b-1 are a whole item of an ORDER BY
// countArgument reports whether a..b-1 is the whole argument of a count
// call (count(s.v), count(DISTINCT s.v)): count reads only whether the
// value is NULL and, with DISTINCT, which values are equal, as GROUP BY
// does, so its sort key (lateralKey) serves.
func (x *tx) countArgument(a, b int) bool {
	f := a - 2
	if x.kw(a-1, "DISTINCT") || x.kw(a-1, "ALL") {
		f--
	}
	return x.isP(f+1, "(") && x.isP(b, ")") && x.T(f).kw("count") && !x.isP(f-1, ".") && x.match(f+1) == b
}

// or GROUP BY list (PARTITION BY too).
func (x *tx) sortItem(a, b int) bool {
	d := x.depth[a]
	if !(x.kw(a-1, "BY") || x.isP(a-1, ",")) {
		return false
	}
	switch {
	case b >= x.n() || x.depth[b] < d || x.isP(b, ",") || x.isP(b, ";"):
	case x.T(b).typ == tIdent && (x.kw(b, "ASC") || x.kw(b, "DESC") || x.kw(b, "NULLS") || lateralListEnds[x.T(b).upper()]):
	default:
		return false
	}
	for k := a - 1; k >= 0; k-- {
		if x.depth[k] > d {
			continue
		}
		if x.depth[k] < d {
			return false
		}
		if x.kw(k, "BY") {
			return x.kw(k-1, "ORDER") || x.kw(k-1, "GROUP") || x.kw(k-1, "PARTITION")
		}
		if !x.isP(k, ",") && x.T(k).typ == tIdent && (isClauseKw(x.T(k).upper()) || x.kw(k, "AND") || x.kw(k, "OR") || x.kw(k, "ON") || x.kw(k, "WHEN") || x.kw(k, "THEN")) {
			return false
		}
	}
	return false
}

// lateralMentions reports whether text holds ref as a whole reference
// (not the tail of a longer name).
func lateralMentions(text, ref string) bool {
	for i := strings.Index(text, ref); i >= 0; {
		end := i + len(ref)
		before := i == 0 || !isNameByte(text[i-1])
		after := end == len(text) || !isNameByte(text[end])
		if before && after {
			return true
		}
		j := strings.Index(text[i+1:], ref)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isNameByte reports whether c may be part of a bare name.
func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
