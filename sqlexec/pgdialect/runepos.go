package pgdialect

import "unicode/utf8"

// runeMark is how far srcRunes has counted the characters of a tx's src:
// bytes before off hold n characters.
type runeMark struct{ off, n int }

// srcRunes is the number of characters of x.src before byte offset off
// (1 less than an error position there). Passes ask for positions in the
// statement's order, so counting on from the last answer makes a
// statement's positions one pass over it: a 5,000-row VALUES list asks
// for 10,000 literals' positions, and counting each from the start took
// a third of its INSERT's time.
func (x *tx) srcRunes(off int) int {
	m := &x.runeMark
	if off < m.off {
		*m = runeMark{}
	}
	m.n += utf8.RuneCountInString(x.src[m.off:off])
	m.off = off
	return m.n
}
