package pgdialect

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// view_write_rewrite.go: the statement written through a view, rewritten
// onto the view's base relation (see view_write.go).

// ViewWriteError is an error of a write through a view: PostgreSQL's
// SQLSTATE, message and DETAIL.
type ViewWriteError struct {
	Code, Message, Detail string
	Position              int // 1-based character position in the statement, 0 for none
}

func (e *ViewWriteError) Error() string { return e.Message }

// textEditAt is a replacement of src[lo:hi] (an insertion when lo == hi).
type textEditAt struct {
	lo, hi int
	to     string
}

// RewriteViewWrite is the INSERT, UPDATE or DELETE sql, whose target is
// the view v, written onto v's base relation; ok is false when the
// statement's form is not one this rewrite reads (the statement is then
// left to SQLite, which refuses writing through a view). cols gives the
// columns of the other relations the statement reads, which decide what
// a bare name means (view_write_scope.go; nil: unknown).
func RewriteViewWrite(sql string, v *ViewWrite, cols RelCols) (out string, ok bool, err error) {
	return rewriteViewWrite(sql, v, cols, false)
}

// rewriteViewWrite is RewriteViewWrite; bare: the target keeps the base
// relation's name even where a subquery reads that relation too.
func rewriteViewWrite(sql string, v *ViewWrite, cols RelCols, bare bool) (out string, ok bool, err error) {
	x := newTx(sql)
	if s := x.stripPublic(); s != sql {
		sql, x = s, newTx(s)
	}
	i := x.dmlStart()
	verb := x.T(i).upper()
	nt := i + 1
	switch verb {
	case "INSERT", "DELETE":
		if !x.kw(i+1, "INTO") && !x.kw(i+1, "FROM") {
			return "", false, nil
		}
		nt = i + 2
	case "UPDATE":
	default:
		return "", false, nil
	}
	if x.kw(nt, "ONLY") {
		nt++
	}
	name, j := x.name(nt)
	if !strings.EqualFold(name, v.Name) {
		return "", false, nil
	}
	nameEnd := x.T(j - 1)
	alias := ""
	if x.kw(j, "AS") && x.targetAliasAt(j+1) {
		alias = x.T(j + 1).identName()
		j += 2
	} else if verb != "INSERT" && x.targetAliasAt(j) && !x.T(j).kw("WHERE") && !x.T(j).kw("RETURNING") {
		alias = x.T(j).identName()
		j++
	}
	w := &viewWriter{x: x, v: v, vis: v.Name, q: quoteIdent(v.Base), cols: cols, nameEnd: j}
	if alias != "" {
		w.vis, w.q = alias, quoteIdent(alias)
	}
	w.sub = x.subqueryTokens()
	target := quoteIdent(v.Base)
	if alias == "" && !bare && x.subqueryReads(w.sub, v.Base) {
		// the view's name for the base relation, as PostgreSQL's
		// range table keeps it: its columns written "e1".a inside
		// (SELECT ... FROM e1 ...) would read the subquery's e1
		w.q = quoteIdent(v.Name)
		target += " AS " + w.q
	}
	w.alone = true
	for k := j; k < x.n(); k++ {
		if x.depth[k] == 0 && (verb == "UPDATE" && x.T(k).kw("FROM") || verb == "DELETE" && x.T(k).kw("USING")) {
			w.alone = false
		}
	}
	w.edit(x.T(nt).pos, nameEnd.pos+len(nameEnd.text), target)
	ret := -1
	for k := j; k < x.n(); k++ {
		if x.depth[k] == 0 && x.T(k).kw("RETURNING") {
			ret = k
			break
		}
	}
	stmtEnd := x.n()
	if ret >= 0 {
		stmtEnd = ret
	}
	switch verb {
	case "INSERT":
		if err := w.insert(j, stmtEnd); err != nil {
			return "", false, err
		}
	case "UPDATE":
		// PostgreSQL reads WHERE, then RETURNING, then the SET list
		// (transformUpdateStmt): the first error is the first of these
		if !x.T(j).kw("SET") {
			return "", false, nil
		}
		if err := w.where(j+1, stmtEnd); err != nil {
			return "", false, err
		}
		if ret >= 0 {
			if err := w.returning(ret+1, x.n()); err != nil {
				return "", false, err
			}
			ret = -1
		}
		if err := w.setList(j+1, stmtEnd, nil); err != nil {
			return "", false, err
		}
	case "DELETE":
		if err := w.where(j, stmtEnd); err != nil {
			return "", false, err
		}
	}
	if ret >= 0 {
		if err := w.returning(ret+1, x.n()); err != nil {
			return "", false, err
		}
	}
	return w.apply(sql), true, nil
}

// subqueryReads reports whether a subquery (the tokens sub marks) names
// the relation rel in its FROM list.
func (x *tx) subqueryReads(sub []bool, rel string) bool {
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if !sub[k] || t.typ != tIdent && t.typ != tQIdent || !strings.EqualFold(t.identName(), rel) {
			continue
		}
		if !x.isP(k+1, ".") && !x.isP(k+1, "(") && (x.T(k-1).kw("FROM") || x.T(k-1).kw("JOIN") || x.T(k-1).kw("ONLY") || x.isP(k-1, ",")) {
			return true
		}
	}
	return false
}

// viewWriter collects the edits of one statement's rewrite.
type viewWriter struct {
	x   *tx
	v   *ViewWrite
	vis string // what the statement calls the view (its alias or name)
	q   string // what the rewritten statement calls the base relation
	sub []bool
	eds []textEditAt
	// alone: the statement reads no FROM item but the target (no
	// UPDATE ... FROM, DELETE ... USING)
	alone bool
	cols  RelCols
	// nameEnd: the token after the target's name and alias
	nameEnd int
}

// charPos is the 1-based character position of byte offset p.
func (w *viewWriter) charPos(p int) int {
	return utf8.RuneCountInString(w.x.src[:p]) + 1
}

func (w *viewWriter) edit(lo, hi int, to string) {
	w.eds = append(w.eds, textEditAt{lo, hi, to})
}

func (w *viewWriter) apply(sql string) string {
	sort.SliceStable(w.eds, func(a, b int) bool {
		if w.eds[a].lo != w.eds[b].lo {
			return w.eds[a].lo < w.eds[b].lo
		}
		return w.eds[a].lo == w.eds[a].hi && w.eds[b].lo != w.eds[b].hi // insertions first
	})
	var b strings.Builder
	at := 0
	for _, e := range w.eds {
		if e.lo < at {
			continue // (overlapping: cannot happen for disjoint clauses)
		}
		b.WriteString(sql[at:e.lo])
		b.WriteString(e.to)
		at = e.hi
	}
	b.WriteString(sql[at:])
	return b.String()
}

// col is the view's column called name, or nil.
func (w *viewWriter) col(name string) *ViewCol {
	for i := range w.v.Cols {
		if w.v.Cols[i].Name == name {
			return &w.v.Cols[i]
		}
	}
	for i := range w.v.Cols {
		if strings.EqualFold(w.v.Cols[i].Name, name) {
			return &w.v.Cols[i]
		}
	}
	return nil
}

// target is the base column written for the view's column at token k
// (a column list's or a SET target's name), or PostgreSQL's error for a
// column that is no base column.
func (w *viewWriter) target(k int, verb string) error {
	t := w.x.T(k)
	c := w.col(t.identName())
	if c == nil {
		return &ViewWriteError{Code: "42703", Message: "column \"" + t.identName() + "\" of relation \"" + w.v.Name + "\" does not exist",
			Position: w.charPos(t.pos)}
	}
	if c.Base == "" {
		return &ViewWriteError{Code: "0A000", Message: "cannot " + verb + " column \"" + c.Name + "\" of view \"" + w.v.Name + "\"",
			Detail: "View columns that are not columns of their base relation are not updatable."}
	}
	if c.Base != t.identName() {
		w.edit(t.pos, t.pos+len(t.text), quoteIdent(c.Base))
	}
	return nil
}

// substitute rewrites the references to the view's columns in lo..hi-1:
// those qualified by what the statement calls the view anywhere, bare
// ones outside subqueries; quals maps further qualifiers (an upsert's
// excluded) to the base relation's name for them. A reference to a base
// column the view does not show is PostgreSQL's 42703 (a bare one only
// where no other FROM item may have the column).
func (w *viewWriter) substitute(lo, hi int, quals map[string]string) error {
	x := w.x
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k-1, ".") && x.isP(k+1, ".") && k+2 < hi &&
			(x.T(k+2).typ == tIdent || x.T(k+2).typ == tQIdent) && !x.isP(k+3, ".") && !x.isP(k+3, "(") {
			q := ""
			if n := t.identName(); n == w.vis {
				q = w.q
			} else if quals != nil {
				q = quals[n]
			}
			if q != "" {
				c := w.col(x.T(k + 2).identName())
				if c == nil {
					return &ViewWriteError{Code: "42703", Message: "column " + t.identName() + "." + x.T(k+2).identName() + " does not exist",
						Position: w.charPos(t.pos)}
				}
				w.edit(t.pos, x.T(k+2).pos+len(x.T(k+2).text), w.v.exprText(*c, q))
			}
			k += 2
			continue
		}
		if x.bareColumnRef(k) {
			if err := w.bare(k); err != nil { // view_write_scope.go
				return err
			}
		}
	}
	return nil
}

// insert rewrites an INSERT's column list (given or implied by the view's
// columns) and its ON CONFLICT clause; j is the token after the target.
func (w *viewWriter) insert(j, end int) error {
	x := w.x
	if x.kw(j, "DEFAULT", "VALUES") {
		return nil
	}
	if x.isP(j, "(") && !x.isSubquery(j) {
		m := x.match(j)
		for _, p := range x.splitTop(j+1, m) {
			if err := w.target(p[0], "insert into"); err != nil {
				return err
			}
		}
		j = m + 1
	} else {
		width := x.insertWidth(j)
		if width > len(w.v.Cols) && x.T(j).kw("VALUES") {
			for i := j + 1; x.isP(i, "("); i = x.match(i) + 2 {
				if items := x.splitTop(i+1, x.match(i)); len(items) > len(w.v.Cols) {
					return &ViewWriteError{Code: "42601", Message: "INSERT has more expressions than target columns",
						Position: w.charPos(x.T(items[len(w.v.Cols)][0]).pos)}
				}
			}
		}
		if width < 0 || width > len(w.v.Cols) {
			width = len(w.v.Cols) // SELECT *: as many as the view has (SQLite counts)
		}
		names := make([]string, width)
		for k, c := range w.v.Cols[:width] {
			if c.Base == "" {
				return &ViewWriteError{Code: "0A000", Message: "cannot insert into column \"" + c.Name + "\" of view \"" + w.v.Name + "\"",
					Detail: "View columns that are not columns of their base relation are not updatable."}
			}
			names[k] = quoteIdent(c.Base)
		}
		p := x.T(j).pos
		w.edit(p, p, "("+strings.Join(names, ", ")+") ")
	}
	for k := j; k < end; k++ {
		if x.depth[k] != 0 || !x.kw(k, "ON", "CONFLICT") {
			continue
		}
		c := k + 2
		if x.isP(c, "(") {
			m := x.match(c)
			for _, p := range x.splitTop(c+1, m) {
				if p[1] == p[0]+1 {
					if err := w.target(p[0], "insert into"); err != nil {
						return err
					}
				} else if err := w.substitute(p[0], p[1], nil); err != nil {
					return err
				}
			}
			c = m + 1
		}
		if x.kw(c, "WHERE") {
			d := x.findKw(c, end, 0, "DO")
			if d < 0 {
				d = end
			}
			if err := w.substitute(c+1, d, nil); err != nil {
				return err
			}
		}
		if s := x.findKw(c, end, 0, "SET"); s >= 0 && x.kw(s-2, "DO", "UPDATE") {
			return w.setList(s+1, end, map[string]string{"excluded": "excluded"})
		}
		return nil
	}
	return nil
}

// insertWidth is the number of values the source of an INSERT at j gives
// (VALUES' rows, a SELECT's list), -1 when its text does not show it.
func (x *tx) insertWidth(j int) int {
	if x.T(j).kw("VALUES") {
		return x.valuesWidth(j) // insertcols.go
	}
	if s := x.mainSelect(j, x.n()); s >= 0 {
		if names, ok := x.queryColumnNames(s); ok { // cte_shortlist.go
			return len(names)
		}
	}
	return -1
}

// setList rewrites the assignments from lo up to FROM, WHERE or the end.
func (w *viewWriter) setList(lo, end int, quals map[string]string) error {
	x := w.x
	hi := end
	for k := lo; k < end; k++ {
		if x.depth[k] == 0 && (x.T(k).kw("FROM") || x.T(k).kw("WHERE")) {
			hi = k
			break
		}
	}
	type assign struct{ a, eq, b int }
	var items []assign
	for _, it := range x.splitTop(lo, hi) {
		a, b := it[0], it[1]
		for k := a; k < b; k++ {
			if x.depth[k] == x.depth[a] && x.isP(k, "=") {
				items = append(items, assign{a, k, b})
				break
			}
		}
	}
	// the values first, then the targets' names, as PostgreSQL
	// (transformUpdateTargetList)
	for _, it := range items {
		if it.eq+2 == it.b && x.T(it.eq+1).kw("DEFAULT") {
			// a view's column has no default of its own: PostgreSQL
			// sets NULL (the base column's default is an INSERT's)
			t := x.T(it.eq + 1)
			w.edit(t.pos, t.pos+len(t.text), "NULL")
			continue
		}
		if x.isP(it.a, "(") {
			w.defaultsNull(it.eq+1, it.b)
		}
		if err := w.substitute(it.eq+1, it.b, quals); err != nil {
			return err
		}
	}
	for _, it := range items {
		if x.isP(it.a, "(") {
			for _, p := range x.splitTop(it.a+1, x.match(it.a)) {
				if err := w.target(p[0], "update"); err != nil {
					return err
				}
			}
		} else if err := w.target(it.a, "update"); err != nil {
			return err
		}
	}
	if quals != nil && hi < end && x.T(hi).kw("WHERE") {
		// an upsert's DO UPDATE ... WHERE
		return w.substitute(hi+1, end, quals)
	}
	return nil
}

// where adds the view's WHERE condition to an UPDATE's or DELETE's own,
// whose columns it rewrites; from is where the search for WHERE starts.
func (w *viewWriter) where(from, end int) error {
	x := w.x
	vw := w.v.whereText(w.q)
	wk := -1
	for k := from; k < end; k++ {
		if x.depth[k] == 0 && x.T(k).kw("WHERE") {
			wk = k
			break
		}
	}
	if wk < 0 {
		if vw != "" {
			p := x.T(end-1).pos + len(x.T(end-1).text)
			w.edit(p, p, " WHERE "+vw)
		}
		return nil
	}
	if x.kw(wk+1, "CURRENT", "OF") {
		return &ViewWriteError{Code: "0A000", Message: "WHERE CURRENT OF on a view is not supported"}
	}
	if err := w.substitute(wk+1, end, nil); err != nil {
		return err
	}
	if vw != "" {
		lo := x.T(wk + 1).pos
		hi := x.T(end-1).pos + len(x.T(end-1).text)
		w.edit(lo, lo, "("+vw+") AND (")
		w.edit(hi, hi, ")")
	}
	return nil
}

// returning rewrites the RETURNING list lo..hi-1: * (or view.*) becomes
// the view's columns, each item its expression over the base relation
// under the name PostgreSQL gives the item.
func (w *viewWriter) returning(lo, hi int) error {
	x := w.x
	all := func() string {
		parts := make([]string, len(w.v.Cols))
		for k, c := range w.v.Cols {
			parts[k] = w.v.exprText(c, w.q) + " AS " + quoteIdent(c.Name)
		}
		return strings.Join(parts, ", ")
	}
	for _, it := range x.splitTop(lo, hi) {
		a, b := it[0], it[1]
		if a >= b {
			continue
		}
		if b == a+3 && x.isP(a+2, "*") && x.isP(a+1, ".") && x.T(a).identName() == w.vis {
			w.edit(x.T(a).pos, x.T(b-1).pos+len(x.T(b-1).text), all())
			continue
		}
		if b == a+1 && x.isP(a, "*") {
			// the view's columns, then those of the FROM (USING) items
			star := all()
			others, ok := w.others() // view_write_scope.go
			if !ok {
				return unsupported("RETURNING * of a write through view \"%s\" is not supported when its %s list holds an item other than a table", w.v.Name, x.fromName())
			}
			for _, o := range others {
				star += ", " + quoteIdent(o.qual) + ".*"
			}
			w.edit(x.T(a).pos, x.T(a).pos+1, star)
			continue
		}
		name, has, _ := x.itemName(a, b)
		e := b
		if has {
			e = b - 1
			if x.kw(e-1, "AS") {
				e--
			}
		} else if n, k := x.name(a); n != "" && k == b {
			name = n
		} else if name == "" {
			name = x.figureName(a, b)
		}
		if err := w.substitute(a, e, nil); err != nil {
			return err
		}
		if !has && name != "" {
			p := x.T(b-1).pos + len(x.T(b-1).text)
			w.edit(p, p, " AS "+quoteIdent(name))
		}
	}
	return nil
}

// defaultsNull sets NULL for the DEFAULT items of a multiple-column
// assignment's source lo..hi-1 ((a, b) = (1, DEFAULT), ROW(...)).
func (w *viewWriter) defaultsNull(lo, hi int) {
	x := w.x
	if x.kw(lo, "ROW") {
		lo++
	}
	if !x.isP(lo, "(") || x.isSubquery(lo) || x.match(lo) != hi-1 {
		return
	}
	for _, p := range x.splitTop(lo+1, hi-1) {
		if p[1] == p[0]+1 && x.T(p[0]).kw("DEFAULT") {
			t := x.T(p[0])
			w.edit(t.pos, t.pos+len(t.text), "NULL")
		}
	}
}
