package pgdialect

import (
	"database/sql/driver"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// PostgreSQL string functions SQLite lacks, with PostgreSQL's results and
// errors (lengths count characters, not bytes). All are pure functions of
// their arguments: registered deterministic (funcs.go), they may run in
// writes.

// maxStringBytes bounds results built by repetition (PostgreSQL's limit
// is 1 GB; a replicated row this large would not fit a log entry anyway).
const maxStringBytes = 64 << 20

var strFuncs = map[string]struct {
	n int32
	f fn
}{
	"lpad":      {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return pad(a, true) }},
	"rpad":      {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return pad(a, false) }},
	"repeat":    {2, fnRepeat},
	"reverse":   {1, strFn(reverseString)},
	"chr":       {1, fnChr},
	"ascii":     {1, fnASCII},
	"btrim":     {-1, fnBtrim},
	"translate": {3, fnTranslate},
	"strpos":    {2, fnStrpos},
	"pg_position": {2, func(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return fnStrpos(c, []driver.Value{a[1], a[0]})
	}},
	"starts_with":      {2, fnStartsWith},
	"regexp_replace":   {-1, fnRegexpReplace},
	"encode":           {2, fnEncode},
	"decode":           {2, fnDecode},
	"pg_substr":        {-1, fnSubstr},                            // strsyntax.go
	"pg_overlay":       {-1, fnOverlay},                           // strsyntax.go
	"pg_trim_both":     {-1, trimFrom("trim", strings.Trim)},      // strsyntax.go
	"pg_trim_leading":  {-1, trimFrom("trim", strings.TrimLeft)},  // strsyntax.go
	"pg_trim_trailing": {-1, trimFrom("trim", strings.TrimRight)}, // strsyntax.go
	"pg_cast_len":      {3, fnCastLen},                            // pgcast.go
	"pg_bpchar_pad":    {2, fnBpcharPad},                          // bpchar.go
}

// funcResultOIDs: result types of these functions (and others whose
// SQLite value alone would be described wrongly), for ColumnOIDs.
var funcResultOIDs = map[string]uint32{
	"lpad": pgoid.Text, "rpad": pgoid.Text, "repeat": pgoid.Text, "reverse": pgoid.Text, "chr": pgoid.Text,
	"ascii": pgoid.Int4, "btrim": pgoid.Text, "translate": pgoid.Text, "strpos": pgoid.Int4,
	"starts_with": pgoid.Bool, "regexp_replace": pgoid.Text, "encode": pgoid.Text, "decode": pgoid.Bytea,
	"initcap": pgoid.Text, "pg_is_in_recovery": pgoid.Bool, "position": pgoid.Int4,
	"to_regclass": pgoid.Regclass, "to_regtype": pgoid.Regtype, "to_regnamespace": pgoid.Regnamespace, "to_regrole": pgoid.Regrole, // to_reg.go
	"bool_and": pgoid.Bool, "bool_or": pgoid.Bool, "every": pgoid.Bool, // boolaggs.go
	"substr": pgoid.Text, "substring": pgoid.Text, "overlay": pgoid.Text, // strsyntax.go
	"isfinite":  pgoid.Bool,                             // isfinite.go
	"num_nulls": pgoid.Int4, "num_nonnulls": pgoid.Int4, // numnulls.go
	"left": pgoid.Text, "right": pgoid.Text, "ltrim": pgoid.Text, "rtrim": pgoid.Text, "split_part": pgoid.Text,
	"concat_ws": pgoid.Text, "to_char": pgoid.Text, "quote_ident": pgoid.Text, "quote_literal": pgoid.Text,
}

// anyNull reports a NULL argument: these functions are strict.
func anyNull(a []driver.Value) bool {
	for _, v := range a {
		if v == nil {
			return true
		}
	}
	return false
}

func strFn(f func(string) string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		return f(str(a[0])), nil
	}
}

func argCount(name string, a []driver.Value, lo, hi int) error {
	if len(a) < lo || len(a) > hi {
		return pgErr("42883", "function %s with %d arguments does not exist", name, len(a))
	}
	return nil
}

// pad is lpad/rpad(s, n[, fill]): s cut or filled to n characters.
func pad(a []driver.Value, left bool) (driver.Value, error) {
	if err := argCount("lpad", a, 2, 3); err != nil || anyNull(a) {
		return nil, err
	}
	s := []rune(str(a[0]))
	n, _ := toInt(a[1])
	fill := []rune(" ")
	if len(a) == 3 {
		fill = []rune(str(a[2]))
	}
	if n <= 0 {
		return "", nil
	}
	if n*4 > maxStringBytes {
		return nil, pgErr("54000", "requested length too large")
	}
	if int64(len(s)) >= n || len(fill) == 0 {
		return string(s[:min(int64(len(s)), n)]), nil
	}
	p := make([]rune, 0, n-int64(len(s)))
	for i := 0; int64(len(p)) < n-int64(len(s)); i++ {
		p = append(p, fill[i%len(fill)])
	}
	if left {
		return string(p) + string(s), nil
	}
	return string(s) + string(p), nil
}

func fnRepeat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	s := str(a[0])
	n, _ := toInt(a[1])
	if n <= 0 || s == "" {
		return "", nil
	}
	if n > maxStringBytes/int64(len(s)) {
		return nil, pgErr("54000", "requested length too large")
	}
	return strings.Repeat(s, int(n)), nil
}

func reverseString(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func fnChr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	n, _ := toInt(a[0])
	switch {
	case n < 0:
		return nil, pgErr("22023", "character number must be positive")
	case n == 0:
		return nil, pgErr("54000", "null character not permitted")
	case n > utf8.MaxRune:
		return nil, pgErr("54000", "requested character too large for encoding: %d", n)
	case n >= 0xD800 && n <= 0xDFFF:
		return nil, pgErr("54000", "requested character not valid for encoding: %d", n)
	}
	return string(rune(n)), nil
}

func fnASCII(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	r, _ := utf8.DecodeRuneInString(str(a[0]))
	if r == utf8.RuneError {
		return int64(0), nil
	}
	return int64(r), nil
}

func fnBtrim(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("btrim", a, 1, 2); err != nil || anyNull(a) {
		return nil, err
	}
	cut := " "
	if len(a) == 2 {
		cut = str(a[1])
	}
	return strings.Trim(str(a[0]), cut), nil
}

// fnTranslate: each character of s found in from is replaced by the
// character at the same place in to, or removed when to is shorter.
func fnTranslate(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	from, to := []rune(str(a[1])), []rune(str(a[2]))
	var b strings.Builder
	for _, r := range str(a[0]) {
		k := -1
		for i, f := range from {
			if f == r {
				k = i
				break
			}
		}
		switch {
		case k < 0:
			b.WriteRune(r)
		case k < len(to):
			b.WriteRune(to[k])
		}
	}
	return b.String(), nil
}

// fnStrpos: 1-based character position of sub in s, 0 when absent
// (also position(sub IN s)).
func fnStrpos(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	s := str(a[0])
	i := strings.Index(s, str(a[1]))
	if i < 0 {
		return int64(0), nil
	}
	return int64(utf8.RuneCountInString(s[:i]) + 1), nil
}

func fnStartsWith(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	if strings.HasPrefix(str(a[0]), str(a[1])) {
		return int64(1), nil
	}
	return int64(0), nil
}

// fnRegexpReplace is regexp_replace in each of PostgreSQL 15's forms
// (regex_pg15.go): \1..\9 and \& in the replacement name the groups and
// the match. Patterns are PostgreSQL's ARE as far as RE2 reproduces it,
// the rest refused (regexfuncs.go); matches are found as PostgreSQL's
// search loop finds them.
func fnRegexpReplace(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return regexpReplace(a)
}

// pgReplacement converts PostgreSQL's replacement syntax (\1, \&, \\) to
// Go's template syntax (${1}, ${0}, $$ for a literal $).
func pgReplacement(r string) string {
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == '$':
			b.WriteString("$$")
		case c == '\\' && i+1 < len(r) && r[i+1] >= '1' && r[i+1] <= '9':
			b.WriteString("${" + string(r[i+1]) + "}")
			i++
		case c == '\\' && i+1 < len(r) && r[i+1] == '&':
			b.WriteString("${0}")
			i++
		case c == '\\' && i+1 < len(r) && r[i+1] == '\\':
			b.WriteByte('\\')
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func fnEncode(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	var data []byte
	switch v := a[0].(type) {
	case []byte:
		data = v
	default:
		data = []byte(str(v))
	}
	switch strings.ToLower(str(a[1])) {
	case "hex":
		return hex.EncodeToString(data), nil
	case "base64":
		s := base64.StdEncoding.EncodeToString(data)
		var b strings.Builder
		for len(s) > 76 { // PostgreSQL wraps lines at 76 characters
			b.WriteString(s[:76] + "\n")
			s = s[76:]
		}
		b.WriteString(s)
		return b.String(), nil
	case "escape":
		var b strings.Builder
		for _, c := range data {
			switch {
			case c == '\\':
				b.WriteString(`\\`)
			case c == 0 || c >= 0x80:
				fmt.Fprintf(&b, `\%03o`, c)
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), nil
	}
	return nil, pgErr("22023", "unrecognized encoding: \"%s\"", str(a[1]))
}

func fnDecode(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	s := str(a[0])
	switch strings.ToLower(str(a[1])) {
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			if len(s)%2 == 1 {
				return nil, pgErr("22023", "invalid hexadecimal data: odd number of digits")
			}
			return nil, pgErr("22023", "invalid hexadecimal digit")
		}
		return b, nil
	case "base64":
		b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
		if err != nil {
			return nil, pgErr("22023", "invalid base64 end sequence")
		}
		return b, nil
	case "escape":
		return fnBytea(nil, []driver.Value{s})
	}
	return nil, pgErr("22023", "unrecognized encoding: \"%s\"", str(a[1]))
}

// positionIn rewrites position(sub IN s), the call at i, to
// pg_position(sub, s) (strpos with the arguments swapped): SQLite would
// read "sub IN s" as a membership test in a table named s.
func (x *tx) positionIn(i int) {
	m := x.match(i + 1)
	depth := 0
	for k := i + 2; k < m; k++ {
		switch {
		case x.isP(k, "("):
			depth++
		case x.isP(k, ")"):
			depth--
		case depth == 0 && x.kw(k, "IN"):
			x.T(i).set("pg_position")
			x.T(k).set(",")
			return
		}
	}
}
