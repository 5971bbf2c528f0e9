package pgdialect

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// Writable statements with a WITH clause.
//
// WITH c AS (SELECT ...) INSERT INTO t SELECT ... FROM c (and the same
// before UPDATE and DELETE) must be the INSERT/UPDATE/DELETE it ends
// with: type enforcement, assignment conversions, column filling and
// RETURNING are all keyed to the statement's verb, which here comes after
// the WITH list. SQLite accepts a WITH list before INSERT, UPDATE and
// DELETE with PostgreSQL's scoping (the CTEs are visible everywhere in
// the statement, a SELECT source's own WITH nests inside), so the
// statement is translated in parts: each CTE's query as a query and the
// statement after the list as the statement it is, then spliced back
// together in their places. A CTE is thus translated exactly as the same
// query on its own, and the statement exactly as without the WITH.
//
// Data-modifying CTEs (WITH d AS (DELETE ... RETURNING *) ...) have no
// SQLite counterpart: dmlcte.go plans them.

// cte is one item of a WITH list: the original text from its name to the
// "(" of its query (name [(cols)] AS [[NOT] MATERIALIZED] "("), its name
// and column names (nil when not given), and the query's significant
// tokens lo..hi-1.
type cte struct {
	head   string
	name   string
	cols   []string
	lo, hi int
}

// withItems yields every item of every WITH list of the statement (the
// leading one, those of subqueries and CTE queries) with the index of its
// list's WITH.
func (x *tx) withItems() iter.Seq2[int, cte] {
	return func(yield func(int, cte) bool) {
		for w := 0; w < x.n(); w++ {
			if !x.T(w).kw("WITH") {
				continue
			}
			items, _, _, ok := x.withList(w)
			if !ok {
				continue
			}
			for _, c := range items {
				if !yield(w, c) {
					return
				}
			}
		}
	}
}

// withList parses the WITH list whose WITH is at w: its items, the index
// of the token after it, and whether the list is RECURSIVE. ok is false
// when the tokens at w are not a WITH list (WITH TIME ZONE, WITH
// ORDINALITY, a SEARCH or CYCLE clause we leave to SQLite's error).
func (x *tx) withList(w int) (items []cte, end int, recursive, ok bool) {
	i := w + 1
	if x.kw(i, "RECURSIVE") {
		recursive = true
		i++
	}
	for {
		start := i
		if t := x.T(i); t.typ != tIdent && t.typ != tQIdent || t.typ == tIdent && reservedWord(t.upper()) {
			return nil, 0, false, false
		}
		c := cte{name: x.T(i).identName()}
		i++
		if x.isP(i, "(") {
			c.cols = x.parenNames(i, x.n())
			i = x.match(i) + 1
		}
		if !x.kw(i, "AS") {
			return nil, 0, false, false
		}
		i++
		if x.kw(i, "NOT", "MATERIALIZED") {
			i += 2
		} else if x.kw(i, "MATERIALIZED") {
			i++
		}
		if !x.isP(i, "(") {
			return nil, 0, false, false
		}
		e := x.match(i)
		if e >= x.n() {
			return nil, 0, false, false
		}
		c.head, c.lo, c.hi = x.orig(start, i+1), i+1, e
		items = append(items, c)
		i = e + 1
		if x.T(i).kw("SEARCH") || x.T(i).kw("CYCLE") {
			return nil, 0, false, false
		}
		if !x.isP(i, ",") {
			return items, i, recursive, true
		}
		i++
	}
}

// dmlStart is the index of the statement's verb: 0, or the token after a
// leading WITH list.
func (x *tx) dmlStart() int {
	if !x.T(0).kw("WITH") {
		return 0
	}
	if _, end, _, ok := x.withList(0); ok {
		return end
	}
	return 0
}

// withDML translates WITH ... INSERT/UPDATE/DELETE (see the comment at
// the top); ok is false for any other statement.
func (x *tx) withDML() (st *Stmt, ok bool, err error) {
	if !x.T(0).kw("WITH") {
		return nil, false, nil
	}
	items, end, recursive, ok := x.withList(0)
	if !ok {
		return nil, false, nil
	}
	switch x.T(end).upper() {
	case "INSERT", "UPDATE", "DELETE":
	default:
		return nil, false, nil
	}
	main, err := x.translatePartIn(end, x.n(), x.withScope(end))
	if err != nil {
		return nil, true, err
	}
	if main.Kind != KindQuery || len(main.Exec) != 1 {
		return nil, true, unsupported("WITH before %s is not supported here", x.T(end).upper())
	}
	var b strings.Builder
	b.WriteString("WITH ")
	if recursive {
		b.WriteString("RECURSIVE ")
	}
	for k, c := range items {
		q, err := x.translatePart(c.lo, c.hi)
		if err != nil {
			return nil, true, err
		}
		if q.Kind != KindQuery || len(q.Exec) != 1 {
			return nil, true, unsupported("WITH query %s is not supported", c.head)
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.head)
		b.WriteString(q.Exec[0])
		b.WriteString(")")
		mergeParams(main, q)
	}
	b.WriteString(" ")
	b.WriteString(main.Exec[0])
	main.Exec[0] = b.String()
	return main, true, nil
}

// translatePart translates the significant tokens lo..hi-1 as a statement
// of their own; an error's position is made relative to the whole
// statement.
func (x *tx) translatePart(lo, hi int) (*Stmt, error) { return x.translatePartIn(lo, hi, nil) }

// partScope is what the text translated does not show of the client's
// statement: for the statement after the WITH list of a WITH ...
// INSERT/UPDATE/DELETE, translated on its own, the CTEs' columns, by
// name, and the number of characters before the part in the client's
// statement (the positions it writes into its translation, assign_cast.go's,
// are the whole statement's).
type partScope struct {
	ctes map[string]*derivedRel
	base int
	// client: the client's statement when the text translated is a
	// rewrite of it (TranslateFor), "" otherwise
	client string
}

// withScope is the scope of the statement after the statement's leading
// WITH list, which ends before token end: it sees the CTEs, whose
// columns' types (derivedcols.go) type what it assigns (assign_exprs.go).
func (x *tx) withScope(end int) *partScope {
	outer := &partScope{ctes: map[string]*derivedRel{}, base: utf8.RuneCountInString(x.src[:x.T(end).pos])}
	newTx(x.src).deriveCTEs(0, outer.ctes) // a copy: x's tokens stay as written
	return outer
}

// translatePartIn is translatePart with the scope outer around the part.
func (x *tx) translatePartIn(lo, hi int, outer *partScope) (*Stmt, error) {
	st, err := translate(x.orig(lo, hi), outer)
	if e, ok := err.(*Error); ok && e.Position > 0 {
		e.Position += utf8.RuneCountInString(x.src[:x.T(lo).pos])
	}
	return st, err
}

// mergeParams gives st the parameters only part knows ($n are numbered
// across the whole statement, so each part names them alike).
func mergeParams(st, part *Stmt) {
	if part.ParamCount > st.ParamCount {
		st.ParamCount = part.ParamCount
	}
	grow := func(n int) {
		for len(st.ParamOIDs) < n {
			st.ParamOIDs = append(st.ParamOIDs, 0)
		}
		for st.ParamCols != nil && len(st.ParamCols) < n {
			st.ParamCols = append(st.ParamCols, ParamCol{})
		}
	}
	grow(st.ParamCount)
	for i, o := range part.ParamOIDs {
		if st.ParamOIDs[i] == 0 {
			st.ParamOIDs[i] = o
		}
	}
	if len(part.ParamCols) > 0 && st.ParamCols == nil {
		st.ParamCols = make([]ParamCol, st.ParamCount)
	}
	for i, c := range part.ParamCols {
		if st.ParamCols[i].Table == "" {
			st.ParamCols[i] = c
		}
	}
}

// MainDML is the verb ("INSERT", "UPDATE", "DELETE"; REPLACE is INSERT)
// and target table of a PostgreSQL or SQLite DML statement, also after a
// WITH list; "" for other statements, and table "" when it cannot be read.
func MainDML(sql string) (verb, table string) {
	x := newTx(sql)
	i := x.dmlStart()
	verb = x.T(i).upper()
	switch verb {
	case "INSERT", "REPLACE":
		verb = "INSERT"
		i++
		if x.kw(i, "OR") {
			i += 2
		}
		if !x.kw(i, "INTO") {
			return verb, ""
		}
		i++
	case "UPDATE":
		i++
		if x.kw(i, "OR") {
			i += 2
		}
	case "DELETE":
		i++
		if !x.kw(i, "FROM") {
			return verb, ""
		}
		i++
	default:
		return "", ""
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, _ = x.name(i)
	return verb, table
}
