package pgdialect

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// index_elem_shown.go: an index expression as PostgreSQL's key DETAIL
// shows it. PostgreSQL deparses the stored expression, where a varchar
// or char(n) column given to a function of text carries its implicit
// cast: CREATE UNIQUE INDEX ON t (lower(v)) over a varchar column reports
// Key (lower(v::text))=(a) already exists. The index's SQLite definition
// keeps the expression as written, lower(v).

// textArgFuncs are the functions of text (no varchar overload) whose
// bare varchar or char(n) column argument PostgreSQL shows with ::text;
// bpcharOverloads those of them with a char(n) overload, whose char(n)
// argument is shown bare.
var (
	textArgFuncs = map[string]bool{"lower": true, "upper": true, "initcap": true, "btrim": true, "ltrim": true,
		"rtrim": true, "md5": true, "length": true, "char_length": true, "character_length": true,
		"octet_length": true, "reverse": true, "left": true, "right": true, "substr": true, "replace": true,
		"ascii": true, "to_ascii": true, "split_part": true, "strpos": true, "lpad": true, "rpad": true, "repeat": true}
	bpcharOverloads = map[string]bool{"length": true, "char_length": true, "character_length": true, "octet_length": true}
)

// IndexElemShown is the index element elem (an expression of the
// index's SQLite definition) as PostgreSQL's DETAIL shows it; colType
// gives a column's type (0 when not known). elem is returned as it is
// when nothing in it is shown otherwise.
func IndexElemShown(elem string, colType func(name string) uint32) string {
	if !strings.Contains(elem, "(") {
		return elem
	}
	x := newTx(elem)
	var eds []textEdit
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") || x.isP(i-1, ".") || !textArgFuncs[strings.ToLower(t.text)] {
			continue
		}
		m := x.match(i + 1)
		if m >= x.n() {
			continue
		}
		for _, p := range x.splitTop(i+2, m) {
			a, b := p[0], p[1]
			if b != a+1 || x.T(a).typ != tIdent && x.T(a).typ != tQIdent {
				continue
			}
			switch colType(x.T(a).identName()) {
			case pgoid.Varchar:
			case pgoid.Bpchar:
				if bpcharOverloads[strings.ToLower(t.text)] {
					continue
				}
			default:
				continue
			}
			end := x.T(a).pos + len(x.T(a).text)
			eds = append(eds, textEdit{end, 0, "::text"})
		}
	}
	if len(eds) == 0 {
		return elem
	}
	return applyEdits(elem, eds)
}
