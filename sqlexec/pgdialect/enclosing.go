package pgdialect

// What encloses an operand versus what wraps it. A rewrite that replaces
// a whole test (x BETWEEN a AND b, x IN (...)) moves the prefix of its
// first token and the suffix of its last token outside the new text, as
// they belong to what encloses the test. But an earlier pass may have
// wrapped the first or last operand itself with the same fields
// (dateBetweenColumn's pg_dt_as(bound, its type, type)); that part must stay with
// the operand, or its closing lands after the rewrite's and the SQL breaks.
// The operand's own part is what its text opens; the enclosing part starts
// at the first ')' or ',' the operand does not open (and mirrored for the
// prefix).

// enclosingSuffix splits suf, the suffix of the last token of an operand
// whose text without it is body, into the operand's own part and the part
// that closes what encloses it. A suffix without a parenthesis of its own
// (" IS NULL") is taken as enclosing, as before.
func enclosingSuffix(body, suf string) (own, enclosing string) {
	if !splitAtDepth(suf, parenDepth(body, false), false, &own, &enclosing) && hasParen(suf) {
		return suf, ""
	}
	return own, enclosing
}

// enclosingPrefix is enclosingSuffix's mirror for pre, the prefix of the
// first token of an operand whose text without it is body.
func enclosingPrefix(pre, body string) (enclosing, own string) {
	if !splitAtDepth(pre, parenDepth(body, true), true, &enclosing, &own) && hasParen(pre) {
		return "", pre
	}
	return enclosing, own
}

// splitAtDepth splits s where, read forward (backward), the text around
// it at depth d (-1: none is open) closes a parenthesis or meets a comma
// of the enclosing list: into *first and *second, the comma or
// parenthesis starting *second forward, ending *first backward. It
// reports whether it split; when not, *first and *second are s's whole
// as enclosing text ("" and s forward, s and "" backward) and the caller
// decides.
func splitAtDepth(s string, d int, backward bool, first, second *string) bool {
	if backward {
		*first, *second = s, ""
	} else {
		*first, *second = "", s
	}
	if d < 0 {
		return true
	}
	split := false
	unquoted(s, backward, func(k int, c byte) bool {
		open, shut := byte('('), byte(')')
		if backward {
			open, shut = shut, open
		}
		switch c {
		case open:
			d++
		case shut, ',':
			if d == 0 {
				if backward {
					*first, *second = s[:k+1], s[k+1:]
				} else {
					*first, *second = s[:k], s[k:]
				}
				split = true
				return false
			}
			if c == shut {
				d--
			}
		}
		return true
	})
	return split
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
	unquoted(s, backward, func(_ int, c byte) bool {
		switch c {
		case open:
			d++
		case shut:
			d--
		}
		return d >= 0
	})
	return max(d, -1)
}

// unquoted calls visit with each byte of s (and its index) outside quoted
// strings and identifiers, from the end when backward, until visit
// returns false.
func unquoted(s string, backward bool, visit func(k int, c byte) bool) {
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
		default:
			if !visit(k, c) {
				return
			}
		}
	}
}

func hasParen(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] == '(' || s[k] == ')' {
			return true
		}
	}
	return false
}
