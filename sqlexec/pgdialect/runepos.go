package pgdialect

import "unicode/utf8"

// runeMark is how far a count of a text's characters has got: the bytes
// before off hold n characters.
type runeMark struct{ off, n int }

// count is the number of characters of s before byte offset off, counted
// on from the mark when off is past it (s is the same text at every call).
func (m *runeMark) count(s string, off int) int {
	if off < m.off {
		*m = runeMark{}
	}
	m.n += utf8.RuneCountInString(s[m.off:off])
	m.off = off
	return m.n
}

// srcRunes is the number of characters of x.src before byte offset off
// (1 less than an error position there). Passes ask for positions in the
// statement's order, so counting on from the last answer makes a
// statement's positions one pass over it: a 5,000-row VALUES list asks
// for 10,000 literals' positions, and counting each from the start took
// a third of its INSERT's time.
func (x *tx) srcRunes(off int) int { return x.runeMark.count(x.src, off) }
