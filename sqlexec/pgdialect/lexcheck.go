package pgdialect

import "unicode/utf8"

// Checks of PostgreSQL's lexer that SQLite's does not make, so the
// statement would otherwise run with another meaning or reach an error
// path that has no name to report.

// checkIdents refuses a zero-length delimited identifier ("") as
// PostgreSQL does (42601): SQLite takes it for an empty string or an
// unnamed column.
func (x *tx) checkIdents() error {
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); t.typ == tQIdent && t.text == `""` {
			return syntaxErr(x.charPos(i), "zero-length delimited identifier at or near %q", t.text)
		}
	}
	return nil
}

// charPos is the 1-based character (not byte) position of token i in the
// statement, as PostgreSQL reports error positions.
func (x *tx) charPos(i int) int {
	p := x.T(i).pos
	if p < 0 {
		return 0 // past the end: no position (as before)
	}
	if p > len(x.src) {
		p = len(x.src)
	}
	return utf8.RuneCountInString(x.src[:p]) + 1
}
