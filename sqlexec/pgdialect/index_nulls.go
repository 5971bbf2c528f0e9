package pgdialect

import (
	"regexp"
	"strings"
)

// index_nulls.go: NULLS FIRST / NULLS LAST on an index column. pg_dump
// and ORMs write them (CREATE INDEX ... (created_at DESC NULLS LAST));
// SQLite's CREATE INDEX has no such clause. An index changes no query's
// result (SQLite sorts by the ORDER BY it is given, NULLS clause
// included), so the clause only matters to what the catalog shows:
// pg_get_indexdef and pg_indexes.indexdef show NULLS FIRST on an
// ascending column and NULLS LAST on a descending one, PostgreSQL's
// non-default orders, and nothing for the defaults. The SQLite
// definition keeps a non-default order as a comment after the column's
// direction (SQLite stores the statement's text as written, so the
// comment travels with the schema), which indexColsShown reads back.

// nullsMark is the comment that keeps an index column's non-default
// NULLS order in its SQLite definition.
const (
	nullsFirstMark = "/*pg_nulls_first*/"
	nullsLastMark  = "/*pg_nulls_last*/"
)

// indexNulls replaces the NULLS FIRST/LAST of each element of the index
// column list between the parentheses at open and close by its mark,
// or by nothing where it is the direction's default.
func (x *tx) indexNulls(open, close int) {
	for _, el := range x.splitTop(open+1, close) {
		desc := false
		for k := el[0]; k < el[1]; k++ {
			if x.depth[k] != x.depth[open]+1 {
				continue
			}
			switch {
			case x.T(k).kw("DESC"):
				desc = true
			case k > el[0] && x.T(k).kw("NULLS") && k+1 < el[1] && (x.T(k+1).kw("FIRST") || x.T(k+1).kw("LAST")):
				first := x.T(k + 1).kw("FIRST")
				mark := ""
				switch {
				case first && !desc:
					mark = nullsFirstMark
				case !first && desc:
					mark = nullsLastMark
				}
				// the clause and the space before it (k > el[0]: a
				// column comes first)
				for r := x.sig[k-1] + 1; r <= x.sig[k+1]; r++ {
					x.toks[r].set("")
				}
				if mark != "" {
					x.T(k).set(" " + mark)
				}
				k++
			}
		}
	}
}

var nullsMarkShown = regexp.MustCompile(`(?i)(\s+(?:ASC|DESC))?\s*/\*pg_nulls_(first|last)\*/`)

// indexColsShown is an index's column list from its SQLite definition as
// pg_get_indexdef shows it: without ASC (the default PostgreSQL never
// shows), with the NULLS order the marks keep.
func indexColsShown(cols string) string {
	if strings.Contains(cols, "/*pg_nulls_") {
		cols = nullsMarkShown.ReplaceAllStringFunc(cols, func(m string) string {
			sm := nullsMarkShown.FindStringSubmatch(m)
			if strings.EqualFold(strings.TrimSpace(sm[1]), "DESC") {
				return " DESC NULLS LAST"
			}
			return " NULLS FIRST"
		})
	}
	x := newTx(cols)
	type edit struct {
		lo, hi int
		to     string
	}
	var eds []edit // ASC dropped, desc written as PostgreSQL deparses it
	for _, el := range x.splitTop(0, x.n()) {
		for k := el[0]; k < el[1]; k++ {
			t := x.T(k)
			switch {
			case x.depth[k] != 0:
			case t.kw("ASC"):
				start := t.pos
				for start > 0 && (cols[start-1] == ' ' || cols[start-1] == '\t' || cols[start-1] == '\n') {
					start--
				}
				eds = append(eds, edit{start, t.pos + len(t.text), ""})
			case t.kw("DESC"):
				eds = append(eds, edit{t.pos, t.pos + len(t.text), "DESC"})
			}
		}
	}
	if eds == nil {
		return cols
	}
	var b strings.Builder
	at := 0
	for _, e := range eds {
		b.WriteString(cols[at:e.lo])
		b.WriteString(e.to)
		at = e.hi
	}
	b.WriteString(cols[at:])
	return b.String()
}
