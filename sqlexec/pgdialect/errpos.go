package pgdialect

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Where a syntax error SQLite found in a translated statement stands in
// the client's statement. SQLite names the token of its own text where its
// parse failed; the translation splices tokens in (aliases, casts, calls),
// so that token may be one the client never wrote, and its offset counts
// the spliced text. The two token streams are aligned (a longest common
// subsequence over the significant tokens): a token that is the client's
// maps to its place; a spliced token maps to the client's next token when
// the splice is a pure insertion there, or to the end of input when the
// client's statement ends there. Anything less sure gives no position (a
// wrong caret is worse than none).

// maxAlignCells bounds the alignment's table (the differing middle of the
// two streams, after their common head and tail): past it the error keeps
// no position rather than cost the server time on a huge statement.
const maxAlignCells = 1 << 22

// ErrorToken maps off, the byte offset in translated (the text SQLite
// parsed) of the token where its parse failed, to the client's statement
// orig: the 1-based character position and the text of the token as the
// client wrote it, or atEnd when the parse failed past the statement's last
// token. ok is false when there is no sure mapping.
func ErrorToken(orig, translated string, off int) (pos int, text string, atEnd, ok bool) {
	return alignStatements(orig, translated).at(off)
}

// tokenAlignment is the alignment of a client's statement with a text a
// translation or a rewrite made of it, built once and asked for any
// number of offsets: a rewritten INSERT asks for each literal's position,
// and aligning the two texts per literal made a 2,000-row INSERT ... ON
// CONFLICT cost seconds.
type tokenAlignment struct {
	orig  string
	a, b  []token // the significant tokens of orig and of the translation
	semi  *token  // the ';' orig ends with, if any
	match []int   // b's index -> a's index, -1 for a spliced token
	ok    bool    // false: no sure alignment (too large)
	runes runeMark
}

func alignStatements(orig, translated string) *tokenAlignment {
	al := &tokenAlignment{orig: orig, a: significant(orig), b: significant(translated)}
	// the ';' the statement ends with (only kept by Split inside an open
	// parenthesis): the translation drops them; the parse ends at the first
	for n := len(al.a); n > 0 && al.a[n-1].typ == tPunct && al.a[n-1].text == ";"; n-- {
		al.semi = &al.a[n-1]
		al.a = al.a[:n-1]
	}
	al.match, al.ok = alignTokens(al.a, al.b)
	return al
}

// at is ErrorToken's answer for off.
func (al *tokenAlignment) at(off int) (pos int, text string, atEnd, ok bool) {
	b := al.b
	j := sort.Search(len(b), func(k int) bool { return b[k].pos+len(b[k].text) > off })
	if j == len(b) || b[j].pos > off || !al.ok {
		return 0, "", false, false
	}
	match, a := al.match, al.a
	at := func(t *token) (int, string, bool, bool) {
		return al.runes.count(al.orig, t.pos) + 1, t.text, false, true
	}
	if i := match[j]; i >= 0 {
		return at(&a[i])
	}
	// a spliced token: the client's text was accepted up to the last
	// token of theirs before it
	next := 0
	for k := j - 1; k >= 0; k-- {
		if match[k] >= 0 {
			next = match[k] + 1
			break
		}
	}
	later := -1 // the client's token the parse reaches next after the splice
	for k := j + 1; k < len(b); k++ {
		if match[k] >= 0 {
			later = match[k]
			break
		}
	}
	switch {
	case next == len(a) && al.semi != nil:
		return at(al.semi)
	case next == len(a):
		return 0, "", true, true
	case later == next:
		return at(&a[next])
	}
	return 0, "", false, false // the client's tokens there were rewritten
}

// clientPosition maps pos, a 1-based character position in rewritten (the
// statement as a rewrite before the translation left it), to the client's
// text: 0 when there is no sure place.
func clientPosition(client, rewritten string, pos int) int {
	off := 0
	for n := 1; n < pos && off < len(rewritten); n++ {
		_, size := utf8.DecodeRuneInString(rewritten[off:])
		off += size
	}
	p, _, atEnd, ok := ErrorToken(client, rewritten, off)
	if !ok || atEnd {
		return 0
	}
	return p
}

func significant(s string) []token {
	toks := lex(s)
	out := toks[:0]
	for _, t := range toks {
		if !t.trivia() {
			out = append(out, t)
		}
	}
	return out
}

// alignKey is what two tokens share when the translation kept one as the
// other: a name is the same name however quoted or cased.
func alignKey(t *token) string {
	switch t.typ {
	case tIdent, tQIdent:
		return "n" + strings.ToLower(t.identName())
	case tString:
		if v := strings.Trim(t.text, "'"); len(t.text) > 2 && t.text[0] == '\'' && decimalDigits(v) {
			// a decimal constant is spliced as its digits' text
			// (CAST('1.50' AS TEXT) COLLATE pg_numeric): the client's
			// number
			return string(rune('a'+tNumber)) + v
		}
	}
	return string(rune('a'+t.typ)) + t.text
}

// decimalDigits: s is an unsigned decimal constant's text (1.50, .5, 7).
func decimalDigits(s string) bool {
	dot, digits := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits
}

// alignTokens matches b's tokens to a's: match[k] is the index in a of
// b[k]'s token, -1 for a token of b's own.
func alignTokens(a, b []token) (match []int, ok bool) {
	match = make([]int, len(b))
	for k := range match {
		match[k] = -1
	}
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i] = alignKey(&a[i])
	}
	for k := range b {
		kb[k] = alignKey(&b[k])
	}
	head := 0
	for head < len(a) && head < len(b) && ka[head] == kb[head] {
		match[head] = head
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && ka[len(a)-1-tail] == kb[len(b)-1-tail] {
		match[len(b)-1-tail] = len(a) - 1 - tail
		tail++
	}
	ma, mb := ka[head:len(a)-tail], kb[head:len(b)-tail]
	if len(ma) == 0 || len(mb) == 0 {
		return match, true
	}
	if (len(ma)+1)*(len(mb)+1) > maxAlignCells {
		return nil, false
	}
	// lcs[i][k]: the longest common subsequence of ma[i:] and mb[k:]
	w := len(mb) + 1
	lcs := make([]int32, (len(ma)+1)*w)
	for i := len(ma) - 1; i >= 0; i-- {
		for k := len(mb) - 1; k >= 0; k-- {
			switch {
			case ma[i] == mb[k]:
				lcs[i*w+k] = lcs[(i+1)*w+k+1] + 1
			case lcs[(i+1)*w+k] >= lcs[i*w+k+1]:
				lcs[i*w+k] = lcs[(i+1)*w+k]
			default:
				lcs[i*w+k] = lcs[i*w+k+1]
			}
		}
	}
	for i, k := 0, 0; i < len(ma) && k < len(mb); {
		switch {
		case ma[i] == mb[k]:
			match[head+k] = head + i
			i++
			k++
		case lcs[(i+1)*w+k] >= lcs[i*w+k+1]:
			i++
		default:
			k++
		}
	}
	return match, true
}

// ByPosition finds in sql (the text SQLite parsed) the term SQLite's "Nth
// ORDER BY term out of range - should be between 1 and max" names: the
// ordinal-th term of an ORDER BY (or GROUP BY, kind) that is a lone
// integer outside 1..max. off is its byte offset, value the position as
// PostgreSQL prints it; ok is false unless exactly one term fits.
func ByPosition(sql, kind string, ordinal, max int) (off, value int, ok bool) {
	x := newTx(sql)
	found := 0
	for i := 0; i+1 < x.n(); i++ {
		if !x.kw(i, kind, "BY") {
			continue
		}
		d := x.depth[i]
		term, start := 1, i+2
		for k := i + 2; k <= x.n(); k++ {
			end := k == x.n() || x.depth[k] < d || x.depth[k] == d && x.T(k).typ == tIdent && byClauseEnd[x.T(k).upper()]
			if !end && !(x.depth[k] == d && x.isP(k, ",")) {
				continue
			}
			if term == ordinal {
				if v, isPos := byPositionTerm(x, start, k); isPos && (v < 1 || v > max) {
					found++
					off, value = x.T(start).pos, v
				}
				break
			}
			if end {
				break
			}
			term, start = term+1, k+1
		}
	}
	return off, value, found == 1
}

// byClauseEnd: the words that end an ORDER BY or GROUP BY list.
var byClauseEnd = map[string]bool{"LIMIT": true, "OFFSET": true, "FETCH": true, "FOR": true, "UNION": true,
	"EXCEPT": true, "INTERSECT": true, "HAVING": true, "WINDOW": true, "ORDER": true}

// byPositionTerm reports whether tokens [a, b) are an integer constant,
// optionally with a sort direction or NULLS placement: a position.
func byPositionTerm(x *tx, a, b int) (int, bool) {
	if a >= b || x.T(a).typ != tNumber {
		return 0, false
	}
	for k := a + 1; k < b; k++ {
		if t := x.T(k); !(t.kw("ASC") || t.kw("DESC") || t.kw("NULLS") || t.kw("FIRST") || t.kw("LAST")) {
			return 0, false
		}
	}
	v, err := strconv.Atoi(x.T(a).text)
	return v, err == nil
}
