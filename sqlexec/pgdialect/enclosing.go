package pgdialect

// What encloses an operand versus what wraps it. A rewrite that replaces
// a whole test (x BETWEEN a AND b, x IN (...)) moves the prefix of its
// first token and the suffix of its last token outside the new text, as
// they belong to what encloses the test. But an earlier pass may have
// wrapped the first or last operand itself with the same fields
// (dateBetweenColumn's pg_date_as(bound, type)); that part must stay with
// the operand, or its closing lands after the rewrite's and the SQL breaks.
// The operand's own part is what its text opens; the enclosing part starts
// at the first ')' or ',' the operand does not open (and mirrored for the
// prefix).

// enclosingSuffix splits suf, the suffix of the last token of an operand
// whose text without it is body, into the operand's own part and the part
// that closes what encloses it. A suffix without a parenthesis of its own
// (" IS NULL") is taken as enclosing, as before.
func enclosingSuffix(body, suf string) (own, enclosing string) {
	d := parenDepth(body, false)
	if d < 0 {
		return "", suf
	}
	var q byte
	for k := 0; k < len(suf); k++ {
		c := suf[k]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '(':
			d++
		case c == ')' || c == ',':
			if d == 0 {
				return suf[:k], suf[k:]
			}
			if c == ')' {
				d--
			}
		}
	}
	if !hasParen(suf) {
		return "", suf
	}
	return suf, ""
}

// enclosingPrefix is enclosingSuffix's mirror for pre, the prefix of the
// first token of an operand whose text without it is body.
func enclosingPrefix(pre, body string) (enclosing, own string) {
	d := parenDepth(body, true)
	if d < 0 {
		return pre, ""
	}
	var q byte
	for k := len(pre) - 1; k >= 0; k-- {
		c := pre[k]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == ')':
			d++
		case c == '(' || c == ',':
			if d == 0 {
				return pre[:k+1], pre[k+1:]
			}
			if c == '(' {
				d--
			}
		}
	}
	if !hasParen(pre) {
		return pre, ""
	}
	return "", pre
}

// parenDepth is the parenthesis depth s leaves open, read forward ('('
// opens) or backward (')' opens); -1 when it closes one it did not open.
// Quoted strings and identifiers do not count.
func parenDepth(s string, backward bool) int {
	open, shut := byte('('), byte(')')
	if backward {
		open, shut = shut, open
	}
	d := 0
	var q byte
	for j := 0; j < len(s); j++ {
		k := j
		if backward {
			k = len(s) - 1 - j
		}
		c := s[k]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == open:
			d++
		case c == shut:
			if d--; d < 0 {
				return -1
			}
		}
	}
	return d
}

func hasParen(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] == '(' || s[k] == ')' {
			return true
		}
	}
	return false
}
