package pgdialect

// regexfuncs.go: PostgreSQL's regular-expression functions regexp_match,
// regexp_matches, regexp_split_to_array and regexp_split_to_table, over
// Go's RE2.
//
// PostgreSQL's flavour (ARE) is not RE2's. pgRegexp accepts only the part
// of ARE whose matches RE2 reproduces exactly, and refuses the rest with
// 0A000 rather than answer differently: back-references, lookahead and
// lookbehind, ARE-only escapes (\m \M \Z \b \B \e \x \u \c ...; \y and \Y
// are RE2's \b and \B, for ASCII subjects only),
// non-greedy quantifiers
// (ARE gives a whole RE one greediness, RE2 each quantifier its own),
// collating elements and equivalence classes, and the b/e flags (flag x:
// regex_expanded.go). Matches
// are leftmost-longest, as ARE's for greedy patterns. Where the character
// classes (\w \s, [[:alpha:]]) or case folding (flag i) depend on the
// locale for non-ASCII text, they are refused for non-ASCII subjects.
//
// All are pure functions of their arguments (registered deterministic).

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
	"modernc.org/sqlite"
)

// pgRE is a pattern compiled with its flags.
type pgRE struct {
	re     *regexp.Regexp // from the subject's start
	noBOL  *regexp.Regexp // for a search from inside the subject (^ cannot match there)
	global bool
	ascii  bool // the classes or case folding used are only exact for ASCII subjects
	// foldASCII: case folding of an ASCII pattern, exact unless the
	// subject holds ſ or K (see pgRegexp)
	foldASCII bool
	lines     bool // ^ matches after a newline (flags n, m, w): refused for searches from inside
	caret     bool // the pattern has ^ or \A
	word      bool // the pattern has \y or \Y (RE2's \b, \B)
}

// pgRegexp compiles the ARE pattern pat with PostgreSQL's flags, or
// refuses it (see the file comment).
func pgRegexp(fn, pat, flags string) (*pgRE, error) {
	var icase, dotNL, multiline, bracketNL, quote, expanded bool = false, true, false, false, false, false
	r := &pgRE{}
	apply := func(flags string) error {
		for _, f := range flags {
			switch f {
			case 'g':
				r.global = true
			case 'i':
				icase = true
			case 'c':
				icase = false
			case 'n', 'm': // newline-sensitive
				dotNL, bracketNL, multiline = false, true, true
			case 'p': // partial newline-sensitive
				dotNL, bracketNL, multiline = false, true, false
			case 'w': // inverse partial newline-sensitive
				dotNL, bracketNL, multiline = true, false, true
			case 's':
				dotNL, bracketNL, multiline = true, false, false
			case 't':
				expanded = false
			case 'q':
				quote = true
			case 'x':
				expanded = true
			case 'b', 'e':
				return pgErr("0A000", "%s flag \"%c\" is not supported", fnLabel(fn), f)
			default:
				return pgErr("22023", "invalid regular expression option: \"%c\"", f)
			}
		}
		return nil
	}
	if err := apply(flags); err != nil {
		return nil, err
	}
	if quote && (expanded || !dotNL || multiline) {
		// PostgreSQL's regcomp takes a literal string without the
		// expanded or newline-sensitive modes (REG_INVARG)
		return nil, pgErr("2201B", "invalid regular expression: invalid argument to regex function")
	}
	// the director and embedded options act as flags after the function's
	pat, more, err := arePrefixes(pat, flags)
	if err != nil {
		return nil, err
	}
	if err := apply(more); err != nil {
		return nil, err
	}
	r.lines = multiline
	var body string
	if quote {
		body = regexp.QuoteMeta(pat)
	} else {
		if expanded {
			if pat, err = stripExpanded(pat, func(what string) error { // regex_expanded.go
				return pgErr("0A000", "%s pattern uses %s, which is not supported", fnLabel(fn), what)
			}); err != nil {
				return nil, err
			}
		}
		if body, err = areToRE2(fn, pat, bracketNL, r); err != nil {
			return nil, err
		}
	}
	if icase {
		// PostgreSQL folds each pattern character c to {lower(c),
		// upper(c)}; RE2 matches c's whole fold orbit. For an ASCII
		// pattern the two differ only on U+017F and U+212A (RE2's s and
		// k also match ſ and K); beyond ASCII, on more.
		if isASCII(pat) {
			r.foldASCII = true
		} else {
			r.ascii = true
		}
	}
	prefix := "(?"
	if icase {
		prefix += "i"
	}
	if dotNL {
		prefix += "s"
	}
	if multiline {
		prefix += "m"
	}
	prefix += ")"
	if prefix == "(?)" {
		prefix = ""
	}
	if r.re, err = regexp.Compile(prefix + strings.ReplaceAll(body, bolMarker, `^`)); err != nil {
		return nil, regexCompileErr(err)
	}
	r.re.Longest()
	r.noBOL = r.re
	if r.caret && !multiline {
		// ^ and \A cannot match inside the subject
		if r.noBOL, err = regexp.Compile(prefix + strings.ReplaceAll(body, bolMarker, `[^\x00-\x{10FFFF}]`)); err != nil {
			return nil, regexCompileErr(err)
		}
		r.noBOL.Longest()
	}
	return r, nil
}

// regexCompileErr is RE2's syntax error in PostgreSQL's words (2201B).
func regexCompileErr(err error) error {
	msg := err.Error()
	var se *syntax.Error
	if errors.As(err, &se) {
		switch se.Code {
		case syntax.ErrMissingParen, syntax.ErrUnexpectedParen:
			msg = "parentheses () not balanced"
		case syntax.ErrMissingBracket:
			msg = "brackets [] not balanced"
		case syntax.ErrMissingRepeatArgument:
			msg = "quantifier operand invalid"
		case syntax.ErrInvalidRepeatSize:
			msg = "invalid repetition count(s)"
		case syntax.ErrInvalidCharRange:
			msg = "invalid character range"
			if strings.HasPrefix(se.Expr, "[:") {
				msg = "invalid character class" // an unknown [:name:]
			}
		}
	}
	return pgErr("2201B", "invalid regular expression: %s", msg)
}

// arePrefixes reads what ARE takes at the start of a pattern, as
// PostgreSQL's regcomp (prefixes()): a director, ***= (the rest is a
// literal string: flag q) or ***: (an ARE), then embedded options
// (?letters), which act as the same letters after the flags. It returns
// the rest of the pattern and those letters. Under flag q the pattern is
// a literal string and has no prefixes.
func arePrefixes(pat, flags string) (string, string, error) {
	if strings.ContainsRune(flags, 'q') {
		return pat, "", nil
	}
	if len(pat) >= 4 && strings.HasPrefix(pat, "***") {
		switch pat[3] {
		case '?':
			return "", "", pgErr("2201B", "invalid regular expression: invalid regexp (reg version 0.8)")
		case '=':
			return pat[4:], "q", nil
		case ':':
			pat = pat[4:]
		default:
			return "", "", pgErr("2201B", "invalid regular expression: quantifier operand invalid")
		}
	}
	if len(pat) < 3 || pat[0] != '(' || pat[1] != '?' || !isASCIILetter(pat[2]) {
		return pat, "", nil
	}
	j := 2
	for ; j < len(pat) && isASCIILetter(pat[j]); j++ {
		if !strings.ContainsRune("bceimnpqstwx", rune(pat[j])) {
			return "", "", pgErr("2201B", "invalid regular expression: invalid embedded option")
		}
	}
	if j >= len(pat) || pat[j] != ')' {
		return "", "", pgErr("2201B", "invalid regular expression: invalid embedded option")
	}
	return pat[j+1:], pat[2:j], nil
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// fnLabel names the function or operator fn in a refusal: regexp_match()
// or operator ~.
func fnLabel(fn string) string {
	if fn != "" && isASCIILetter(fn[0]) {
		return fn + "()"
	}
	return "operator " + fn
}

// bolMarker stands for ^ and \A in areToRE2's output.
const bolMarker = "\x00BOL\x00"

// areToRE2 checks pat and writes it in RE2 syntax; ^ and \A outside
// brackets become a marker (pgRegexp chooses what they become).
func areToRE2(fn, pat string, bracketNL bool, r *pgRE) (string, error) {
	refuse := func(what string) error {
		return pgErr("0A000", "%s pattern uses %s, which is not supported (PostgreSQL's regular expressions differ from RE2's there)", fnLabel(fn), what)
	}
	var b strings.Builder
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch c {
		case '\\':
			if i+1 >= len(pat) {
				return "", pgErr("2201B", "invalid regular expression: invalid escape \\ sequence")
			}
			d := pat[i+1]
			i++
			switch {
			case d >= '0' && d <= '9':
				return "", refuse("a back-reference (\\" + string(d) + ")")
			case d == 'd':
				b.WriteString(`[0-9]`)
			case d == 'D':
				b.WriteString(`[^0-9]`)
			case d == 's': // [[:space:]]: RE2's \s lacks \v
				b.WriteString(`[\t\n\v\f\r ]`)
			case d == 'S':
				b.WriteString(`[^\t\n\v\f\r ]`)
			case d == 'w' || d == 'W':
				r.ascii = true
				b.WriteByte('\\')
				b.WriteByte(d)
			case d == 'y': // a word boundary: RE2's \b, exact for ASCII subjects
				r.ascii, r.word = true, true
				b.WriteString(`\b`)
			case d == 'Y':
				r.ascii, r.word = true, true
				b.WriteString(`\B`)
			case d == 'A':
				r.caret = true
				b.WriteString(bolMarker)
			case d == 'n' || d == 't' || d == 'r' || d == 'f' || d == 'v' || d == 'a':
				b.WriteByte('\\')
				b.WriteByte(d)
			case d < utf8.RuneSelf && (d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z'):
				return "", refuse("the escape \\" + string(d))
			default:
				b.WriteString(regexp.QuoteMeta(string(d)))
			}
		case '^':
			r.caret = true
			b.WriteString(bolMarker)
		case '(':
			if i+1 < len(pat) && pat[i+1] == '?' {
				if i+2 < len(pat) && pat[i+2] == ':' {
					b.WriteString("(?:")
					i += 2
					continue
				}
				if i+2 < len(pat) && (pat[i+2] == '=' || pat[i+2] == '!' || pat[i+2] == '<') {
					return "", refuse("a lookahead or lookbehind constraint")
				}
				// embedded options are read only at the start (arePrefixes):
				// elsewhere ARE reads ( and then a ? quantifier
				return "", pgErr("2201B", "invalid regular expression: quantifier operand invalid")
			}
			b.WriteByte(c)
		case '*', '+', '?', '}':
			if c == '}' {
				// the bound of {m,n}: PostgreSQL allows up to 255
				open := strings.LastIndexByte(b.String(), '{')
				if open >= 0 && (open == 0 || b.String()[open-1] != '\\') {
					for _, n := range strings.Split(b.String()[open+1:], ",") {
						if len(n) > 3 || len(n) == 3 && n > "255" {
							return "", pgErr("2201B", "invalid regular expression: invalid repetition count(s)")
						}
					}
				}
			}
			b.WriteByte(c)
			if i+1 < len(pat) && pat[i+1] == '?' {
				return "", refuse("a non-greedy quantifier (" + string(c) + "?)")
			}
		case '[':
			j, cls, err := areBracket(pat, i, bracketNL, refuse)
			if err != nil {
				return "", err
			}
			if strings.Contains(cls, "[:") || strings.Contains(cls, `\w`) {
				r.ascii = true
			}
			b.WriteString(cls)
			i = j
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// areBracket reads the bracket expression at pat[i] == '[' and returns
// the index of its closing ']' and its RE2 text.
func areBracket(pat string, i int, bracketNL bool, refuse func(string) error) (int, string, error) {
	var b strings.Builder
	b.WriteByte('[')
	j := i + 1
	if j < len(pat) && pat[j] == '^' {
		b.WriteByte('^')
		if bracketNL {
			b.WriteString(`\n`) // a newline-sensitive negated bracket excludes newline
		}
		j++
	}
	if j < len(pat) && pat[j] == ']' {
		b.WriteString(`\]`)
		j++
	}
	for ; j < len(pat); j++ {
		c := pat[j]
		switch {
		case c == ']':
			b.WriteByte(']')
			return j, b.String(), nil
		case c == '[' && j+1 < len(pat) && (pat[j+1] == '.' || pat[j+1] == '='):
			return 0, "", refuse("a collating element or equivalence class")
		case c == '[' && j+1 < len(pat) && pat[j+1] == ':':
			end := strings.Index(pat[j:], ":]")
			if end < 0 {
				return 0, "", pgErr("2201B", "invalid regular expression: brackets [] not balanced")
			}
			if name := pat[j+2 : j+end]; name == "<" || name == ">" {
				return 0, "", refuse("a word-boundary constraint ([[:<:]], [[:>:]])")
			}
			b.WriteString(pat[j : j+end+2])
			j += end + 1
		case c == '\\' && j+1 < len(pat):
			d := pat[j+1]
			switch {
			case d == 's':
				b.WriteString(`\t\n\v\f\r `)
			case d == 'd' || d == 'w' ||
				d == 'n' || d == 't' || d == 'r' || d == 'f' || d == 'v':
				b.WriteByte('\\')
				b.WriteByte(d)
			case d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d >= '0' && d <= '9':
				return 0, "", refuse("the escape \\" + string(d) + " in brackets")
			default:
				b.WriteByte('\\')
				b.WriteByte(d)
			}
			j++
		default:
			b.WriteByte(c)
		}
	}
	return 0, "", pgErr("2201B", "invalid regular expression: brackets [] not balanced")
}

// matches runs PostgreSQL's search loop (setup_regexp_matches) over s: the
// submatch indexes of each match, the next search starting at the end of
// the last (one character further after an empty one). degenerate false
// drops empty matches at the start, at the end and right after a match
// (regexp_split_*).
func (r *pgRE) matches(fn, s string, degenerate bool) ([][]int, error) {
	return r.matchesFrom(fn, s, 0, degenerate)
}

// matchesFrom is matches with the first search starting at byte offset
// from (PostgreSQL 15's start argument): ^ cannot match there (unless
// after a newline in a newline-sensitive mode: refused), nor can a word
// boundary see the character before (RE2 searches the rest of the text
// alone: \y, \Y refused there).
func (r *pgRE) matchesFrom(fn, s string, from int, degenerate bool) ([][]int, error) {
	if err := r.checkSubject(fn, s); err != nil {
		return nil, err
	}
	var out [][]int
	start, prevEnd := from, 0
	for start <= len(s) {
		re := r.re
		if start > 0 {
			if r.caret && r.lines {
				return nil, pgErr("0A000", "%s with ^ or \\A and a newline-sensitive flag, searching from inside the text (flag g or a start position), is not supported", fnLabel(fn))
			}
			if r.word {
				return nil, pgErr("0A000", "%s with \\y or \\Y, searching from inside the text (flag g or a start position), is not supported", fnLabel(fn))
			}
			re = r.noBOL
		}
		m := re.FindStringSubmatchIndex(s[start:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += start
			}
		}
		if degenerate || m[0] < len(s) && m[1] > prevEnd {
			out = append(out, m)
			prevEnd = m[1]
		}
		if !r.global {
			break
		}
		start = m[1]
		if m[0] == m[1] {
			if start >= len(s) {
				break
			}
			_, w := utf8.DecodeRuneInString(s[start:])
			start += w
		}
	}
	return out, nil
}

// checkSubject refuses a subject the pattern's classes or case folding
// would not read as PostgreSQL does (see pgRE.ascii, foldASCII).
func (r *pgRE) checkSubject(fn, s string) error {
	if r.ascii && !isASCII(s) || r.foldASCII && strings.ContainsAny(s, "\u017f\u212a") {
		return pgErr("0A000", "%s with character classes or flag i on non-ASCII text is not supported (their meaning depends on the locale)", fnLabel(fn))
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// matchArray is a match as regexp_match returns it: its parenthesized
// groups (NULL for one that took no part), or the whole match.
func matchArray(s string, m []int) string {
	if len(m) == 2 {
		return pgarray.Format([]pgarray.Elem{{Val: s[m[0]:m[1]]}})
	}
	el := make([]pgarray.Elem, 0, len(m)/2-1)
	for k := 2; k < len(m); k += 2 {
		if m[k] < 0 {
			el = append(el, pgarray.Elem{Null: true})
			continue
		}
		el = append(el, pgarray.Elem{Val: s[m[k]:m[k+1]]})
	}
	return pgarray.Format(el)
}

// regexArgs reads (s, pattern[, flags]) and compiles the pattern; nil
// for a NULL argument (the functions are strict).
func regexArgs(fn string, a []driver.Value) (string, *pgRE, error) {
	if err := argCount(fn, a, 2, 3); err != nil || anyNull(a) {
		return "", nil, err
	}
	flags := ""
	if len(a) == 3 {
		flags = str(a[2])
	}
	r, err := pgRegexp(fn, str(a[1]), flags)
	if err != nil {
		return "", nil, err
	}
	return str(a[0]), r, nil
}

// fnRegexpMatch is regexp_match(s, pattern[, flags]): the first match's
// groups as text[], NULL for no match.
func fnRegexpMatch(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, r, err := regexArgs("regexp_match", a)
	if err != nil || r == nil {
		return nil, err
	}
	if r.global {
		return nil, errors.New(SQLStateText("22023", "regexp_match() does not support the \"global\" option", "", "Use the regexp_matches function instead."))
	}
	m, err := r.matches("regexp_match", s, true)
	if err != nil || len(m) == 0 {
		return nil, err
	}
	return matchArray(s, m[0]), nil
}

// fnSubstringRegex is pg_substring_regex(s, pattern): substring(s FROM
// pattern) with a text pattern (strsyntax.go), the first match of the
// POSIX regular expression, or of its first parenthesised subexpression
// when it has one (NULL where that took no part); NULL for no match.
func fnSubstringRegex(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, r, err := regexArgs("substring", a)
	if err != nil || r == nil {
		return nil, err
	}
	m, err := r.matches("substring", s, true)
	if err != nil || len(m) == 0 {
		return nil, err
	}
	k := 0
	if len(m[0]) > 2 {
		k = 2
	}
	if m[0][k] < 0 {
		return nil, nil
	}
	return s[m[0][k]:m[0][k+1]], nil
}

// fnRegexpMatchesJSON is pg_regexp_matches_json(s, pattern[, flags]):
// the rows of regexp_matches (each a text[]) as a JSON array of strings,
// for json_each.
func fnRegexpMatchesJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, r, err := regexArgs("regexp_matches", a)
	if err != nil || r == nil {
		return "[]", err
	}
	ms, err := r.matches("regexp_matches", s, true)
	if err != nil {
		return nil, err
	}
	rows := make([]string, len(ms))
	for k, m := range ms {
		rows[k] = matchArray(s, m)
	}
	return jsonStrings(rows), nil
}

// splitParts is the pieces of s between the matches of regexp_split_*.
func splitParts(fn string, a []driver.Value) ([]string, bool, error) {
	s, r, err := regexArgs(fn, a)
	if err != nil || r == nil {
		return nil, false, err
	}
	if r.global {
		return nil, false, pgErr("22023", "%s() does not support the \"global\" option", fn)
	}
	r.global = true
	ms, err := r.matches(fn, s, false)
	if err != nil {
		return nil, false, err
	}
	parts, prev := make([]string, 0, len(ms)+1), 0
	for _, m := range ms {
		parts = append(parts, s[prev:m[0]])
		prev = m[1]
	}
	return append(parts, s[prev:]), true, nil
}

func fnRegexpSplitToArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	parts, ok, err := splitParts("regexp_split_to_array", a)
	if err != nil || !ok {
		return nil, err
	}
	el := make([]pgarray.Elem, len(parts))
	for k, p := range parts {
		el[k] = pgarray.Elem{Val: p}
	}
	return pgarray.Format(el), nil
}

// fnRegexpSplitJSON is pg_regexp_split_json(s, pattern[, flags]): the
// rows of regexp_split_to_table as a JSON array, for json_each.
func fnRegexpSplitJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	parts, ok, err := splitParts("regexp_split_to_table", a)
	if err != nil || !ok {
		return "[]", err
	}
	return jsonStrings(parts), nil
}

func jsonStrings(v []string) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var regexFuncs = map[string]struct {
	n int32
	f fn
}{
	"regexp_match":           {-1, fnRegexpMatch},
	"pg_substring_regex":     {2, fnSubstringRegex},
	"regexp_split_to_array":  {-1, fnRegexpSplitToArray},
	"pg_regexp_matches_json": {-1, fnRegexpMatchesJSON},
	"pg_regexp_split_json":   {-1, fnRegexpSplitJSON},
}

func init() {
	funcResultOIDs["regexp_match"] = pgoid.TextArray
	funcResultOIDs["regexp_split_to_array"] = pgoid.TextArray
	funcResultOIDs["regexp_matches"] = pgoid.TextArray // a select-list call (srfselect.go)
}
