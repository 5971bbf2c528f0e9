package pgdialect

import (
	"database/sql/driver"
	"slices"
	"strings"

	sqlite "modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The SQL-standard string function forms PostgreSQL accepts and SQLite
// does not parse, and the functions whose SQLite namesakes answer
// differently:
//
//   - substring(s FROM a FOR b), substring(s FROM a), substring(s FOR b),
//     and substr/substring(s, a[, b]) -> pg_substr: PostgreSQL counts a
//     start before 1 as positions before the string (substr('hello', -1, 3)
//     is 'h'); SQLite counts a negative start from the end ('o'). A
//     negative length is 22011. substring(s FROM 'pattern') (the regular
//     expression form) is refused (0A000).
//   - trim([BOTH|LEADING|TRAILING] [chars] FROM s) -> trim/ltrim/rtrim(s, chars).
//   - overlay(s PLACING r FROM a [FOR b]) -> pg_overlay.
//   - greatest/least skip NULL arguments (SQLite's max/min of several
//     arguments are NULL when one is): each argument is coalesced with
//     the others, so a NULL never wins and all NULL is NULL.

// strSyntax rewrites the call at i (after identRewrite's pass-1 checks);
// it reports whether it did.
func (x *tx) strSyntax(i int) (bool, error) {
	f := strings.ToLower(x.T(i).text)
	e := x.match(i + 1)
	switch f {
	case "substring", "substr":
		return true, x.substringCall(i, e)
	case "trim":
		x.trimCall(i, e)
		return true, nil
	case "overlay":
		return true, x.overlayCall(i, e)
	case "string_agg":
		// SQLite's DISTINCT aggregates take one argument: with the default
		// separator "," the delimiter can go; another one is joined after
		// gathering the values (stringagg_distinct.go)
		if args := x.splitTop(i+2, e); x.kw(i+2, "DISTINCT") && len(args) == 2 && !x.windowCall(i) {
			d := args[1]
			if x.T(d[0]).typ == tString && x.T(d[0]).text == "','" {
				x.blank(d[0]-1, d[0]+1)
			} else if x.T(d[0]).typ == tString && (d[1] == d[0]+1 || x.kw(d[0]+1, "ORDER")) {
				x.stringAggDistinct(i, e, d[0])
				return true, nil
			} else {
				return true, unsupported("string_agg(DISTINCT ...) with a delimiter that is not a constant is not supported")
			}
		}
		if x.windowCall(i) { // srfplace.go
			x.T(i).set(stringAggWindow) // stringagg_window.go
			return true, nil
		}
		return false, nil
	case "greatest", "least":
		x.minmax = append(x.minmax, i) // rewritten once the arguments are
		return true, nil
	}
	return false, nil
}

// kwAt returns the first index in lo..hi-1 at depth d holding keyword k.
func (x *tx) kwAt(lo, hi, d int, k string) int {
	return x.findKw(lo, hi, d, k)
}

func (x *tx) substringCall(i, e int) error {
	d := x.depth[i] + 1
	from, four := x.kwAt(i+2, e, d, "FROM"), x.kwAt(i+2, e, d, "FOR")
	x.T(i).set("pg_substr")
	switch {
	case from < 0 && four < 0:
		return nil // substr(s, a[, b])
	case from >= 0:
		if x.T(from+1).typ == tString && four < 0 && e == from+2 {
			// a text pattern (an unknown literal resolves to text, not
			// the integer position): POSIX regular expression
			x.T(i).set("pg_substring_regex")
			x.T(from).set(",")
			return nil
		}
		if x.T(from+1).typ == tString && (four < 0 || four == from+2) {
			return unsupported("substring(... FROM pattern) is not supported")
		}
		x.T(from).set(",")
		if four >= 0 {
			x.T(four).set(",")
		}
	default: // substring(s FOR b)
		x.T(four).set(", 1,")
	}
	return nil
}

func (x *tx) trimCall(i, e int) {
	d := x.depth[i] + 1
	from := x.kwAt(i+2, e, d, "FROM")
	if from < 0 {
		return // trim(s): SQLite's
	}
	// The operands keep their places (trim(BOTH chars FROM s) ->
	// pg_trim_both(chars, s)): later passes rewrite tokens in place (a
	// cast in s), so moving s's text ahead of chars would leave their
	// rewrites behind.
	k := i + 2
	fn := "pg_trim_both"
	switch {
	case x.kw(k, "BOTH"):
		x.blank(k, k+1)
		k++
	case x.kw(k, "LEADING"):
		fn = "pg_trim_leading"
		x.blank(k, k+1)
		k++
	case x.kw(k, "TRAILING"):
		fn = "pg_trim_trailing"
		x.blank(k, k+1)
		k++
	}
	x.T(i).set(fn)
	if k < from {
		x.T(from).set(",")
	} else {
		x.blank(from, from+1) // trim(FROM s): spaces
	}
}

// trimFrom is pg_trim_both/leading/trailing([chars,] s): PostgreSQL's
// trim(BOTH|LEADING|TRAILING [chars] FROM s), chars a set of characters
// (default a space).
func trimFrom(name string, cut func(s, chars string) string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if err := argCount(name, a, 1, 2); err != nil || anyNull(a) {
			return nil, err
		}
		if len(a) == 1 {
			return cut(str(a[0]), " "), nil
		}
		return cut(str(a[1]), str(a[0])), nil
	}
}

func (x *tx) overlayCall(i, e int) error {
	d := x.depth[i] + 1
	placing, from, four := x.kwAt(i+2, e, d, "PLACING"), x.kwAt(i+2, e, d, "FROM"), x.kwAt(i+2, e, d, "FOR")
	if placing < 0 || from < placing {
		return nil // overlay(...) without PLACING: no such function, SQLite says so
	}
	x.T(i).set("pg_overlay")
	x.T(placing).set(",")
	x.T(from).set(",")
	if four > from {
		x.T(four).set(",")
	}
	return nil
}

// minMaxNumeric reports whether greatest/least(args) compares numerics:
// their common type is numeric, or an argument is a numeric or integer
// and the others are too or columns whose type the statement does not
// show (greatest(price, 0.00): PostgreSQL resolves it to numeric for a
// numeric or integer column).
func (x *tx) minMaxNumeric(args [][2]int) bool {
	var brs []branch
	numeric, opaque, other := false, false, false
	for _, a := range args {
		br := x.classify(a[0], a[1])
		brs = append(brs, br)
		switch {
		case br.kind == branchOpaque:
			opaque = true
		case br.kind == branchTyped && br.oid == pgoid.Numeric:
			numeric = true
		case br.kind == branchTyped && numericRank[br.oid] > 0 && br.oid != pgoid.Float4 && br.oid != pgoid.Float8:
		default:
			other = true
		}
	}
	if o, err := commonType(brs, "GREATEST"); err == nil && o == pgoid.Numeric {
		return true
	}
	return numeric && opaque && !other
}

// rewriteMinMax rewrites the greatest/least calls recorded by strSyntax,
// innermost first, after the arguments' own rewrites.
func (x *tx) rewriteMinMax() {
	for k := len(x.minmax) - 1; k >= 0; k-- {
		x.rewriteMinMaxAt(x.minmax[k])
	}
	x.minmax = nil
}

// minMaxWithin rewrites the greatest/least calls recorded within tokens
// lo..hi-1 now, innermost first, and forgets them: a rewrite that copies
// an operand's text into a new form (the date/time CASE form of
// datetime_columns.go) would otherwise carry the call as written, and
// rewriteMinMax would splice into the copied-from tokens (a.f8 -
// least(a.f8, 1.5)::float8 was a syntax error).
func (x *tx) minMaxWithin(lo, hi int) {
	kept := x.minmax[:0]
	var now []int
	for _, i := range x.minmax {
		if i >= lo && i < hi {
			now = append(now, i)
		} else {
			kept = append(kept, i)
		}
	}
	x.minmax = kept
	for k := len(now) - 1; k >= 0; k-- {
		x.rewriteMinMaxAt(now[k])
	}
}

// rewriteMinMaxAt rewrites the greatest/least call named at token i.
func (x *tx) rewriteMinMaxAt(i int) {
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if len(args) < 2 || args[0][0] >= args[0][1] {
		return
	}
	if x.castsChecked() {
		x.commonLiterals(i) // unknownlit.go: greatest(m, '2') is money
	}
	// numeric arguments compare by value (SQLite orders an integer
	// before any text): each becomes numeric text, compared through
	// the pg_numeric collation (the first one's, as SQLite's max does)
	numeric := x.minMaxNumeric(args) && x.castsChecked()
	runtime := "" // numeric_runtimecmp.go: a column numeric at run time
	if !numeric && x.castsChecked() {
		runtime = x.minMaxRuntime(args)
	}
	// intervals compare by value (interval_order.go): SQLite's max and
	// min take the collation of an argument that names one, and an
	// interval column's own reaches no further than the column
	// (greatest(INTERVAL '1 mon', iv) of '1 mon -1 day' was the text's
	// larger, '1 mon -1 day')
	interval := false
	for _, a := range args {
		interval = interval || x.exprOID(a[0], a[1]) == pgoid.Interval
	}
	// an interval column among the arguments, known at run time, compares
	// by value too: greatest(iv, iv2) of '2 days' and '1 mon' was the
	// larger text, '2 days' (read before the arguments' tokens are
	// blanked)
	var dts, jts []string
	lits := make([]bool, len(args)) // quoted literals: intervals beside one
	if !interval && !numeric {
		for j, a := range args {
			if t := x.dtTypeExpr(a[0], a[1]); runtimeTypeExpr(t) { // datetime_nested.go
				dts = append(dts, t)
			}
			// a jsonb column compares as jsonb too: greatest(j, k) of
			// '"s"' and 'null' was the larger text, null
			// (jsonb_conditional.go)
			if t := x.columnSrcType(a[0], a[1]); t != "" {
				jts = append(jts, t)
			}
			lits[j] = a[1] == a[0]+1 && x.plainLiteral(a[0]) // unknownlit.go: not one commonLiterals typed
		}
	}
	// texts: the arguments of the numeric forms, their decimal constants
	// numeric text (exact); plain: as written, for SQLite's own max/min,
	// which Describe reads back (a quoted '3.00' there would be text)
	texts, plain := make([]string, len(args)), make([]string, len(args))
	for j, a := range args {
		plain[j] = strings.TrimSpace(x.text(a[0], a[1]))
		if numeric || runtime != "" {
			x.numericValueLiterals(a[0], a[1]) // arith.go
		}
		texts[j] = strings.TrimSpace(x.text(a[0], a[1]))
	}
	fn := "max"
	if strings.EqualFold(x.T(i).text, "least") {
		fn = "min"
	}
	x.blank(i+1, e+1)
	// the arguments' splices (a ::numeric cast's wrapping, the type and
	// octets pg_bits_length's closing parenthesis carries: bits_funcs.go)
	// are in texts now; left on the blanked tokens they would be emitted
	// twice (least(octet_length(t), 3) gained two result columns, the
	// type's read and 1: the fuzz tester's seed 842690)
	for k := i + 2; k < e; k++ {
		t := x.T(k)
		t.pre, t.suf, t.wpre, t.wsuf = "", "", "", ""
	}
	call := minMaxCall(fn, plain, "")
	dtWhen := ""
	if len(dts) > 0 {
		ivs := slices.Clone(plain)
		for j, lit := range lits {
			if lit {
				ivs[j] = "pg_cast_interval(" + ivs[j] + ")" // greatest('25 hours', iv, iv2) prints 25:00:00
			}
		}
		// the CASE takes this branch's collation (SQLite's first that
		// names one): pg_minmax, which compares intervals by value and
		// the texts of other types by their bytes (minmax_collation.go)
		dtWhen = " WHEN 'interval' IN (" + strings.Join(dts, ", ") + ") THEN (" + minMaxCall(fn, ivs, "interval") + " COLLATE " + MinMaxCollation + ")"
		if len(jts) > 0 {
			js := slices.Clone(texts)
			for j, lit := range lits {
				if lit {
					js[j] = "pg_cast_jsonb(" + js[j] + ")" // greatest(j, '{"b":1,"a":2}') prints the jsonb
				}
			}
			dtWhen += " WHEN 'jsonb' IN (" + strings.Join(jts, ", ") + ") THEN " + minMaxCall(fn, js, "jsonb")
		}
	}
	switch {
	case interval:
		call = minMaxCall(fn, texts, "interval")
	case numeric:
		call = minMaxCall(fn, texts, "numeric")
		x.numCallType(i, e, "numeric") // described as numeric, also with a column argument
	case runtime != "":
		// the collation orders a numeric result by value (an integer
		// one is unaffected); minMaxShape describes the result
		call = "(CASE WHEN 'numeric' IN (" + runtime + ") AND 'float8' NOT IN (" + runtime + ") THEN " + minMaxCall(fn, texts, "numeric") +
			" WHEN 'numeric' IN (" + runtime + ") THEN " + minMaxCall(fn, texts, "float8") + dtWhen + " ELSE " + call + " END COLLATE " + NumericCollation + ")"
	case dtWhen != "":
		call = "(CASE" + dtWhen + " ELSE " + call + " END)"
	}
	x.T(i).set(call)
}

// minMaxIntervalElse is the ELSE branch lo..hi-1 (SQLite's max/min call)
// of the run-time interval form of greatest/least at a..b-1, (CASE WHEN
// 'interval' IN (...) THEN ... ELSE max(...) END), which Describe types as
// the plain call (BranchItems); ok=false when a..b-1 is no such form.
func (x *tx) minMaxIntervalElse(a, b int) (lo, hi int, ok bool) {
	if b-a < 8 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "CASE") || !x.kw(a+2, "WHEN") || x.T(a+3).text != "'interval'" || !x.kw(b-2, "END") {
		return 0, 0, false
	}
	k := x.findKw(a+2, b-2, x.depth[a+1], "ELSE")
	if k < 0 {
		return 0, 0, false
	}
	return k + 1, b - 2, true
}

// minMaxCall is SQLite's max/min (fn) over texts skipping NULLs, the
// values converted to as ("numeric": numeric text compared by value,
// "float8": double precision; "interval", "jsonb": compared by the
// type's collation; "": as they are).
func minMaxCall(fn string, texts []string, as string) string {
	numeric := as == "numeric"
	if as == "interval" || as == "jsonb" {
		coll := IntervalCollation
		if as == "jsonb" {
			coll = JSONBCollation
		}
		conv := make([]string, len(texts))
		for j, t := range texts {
			conv[j] = "(" + t + ") COLLATE " + coll
		}
		texts = conv
	} else if as != "" {
		conv := make([]string, len(texts))
		for j, t := range texts {
			if numeric {
				conv[j] = "CAST(pg_in_numeric(" + t + ", -1) AS TEXT) COLLATE " + NumericCollation
			} else {
				conv[j] = "pg_cast_float8(" + t + ")"
			}
		}
		texts = conv
	}
	// Of equal values PostgreSQL keeps the first argument; SQLite's max
	// keeps the first of equals too, its min the last: min's parts go in
	// reverse, so the first argument's (its NULL skipped to the next
	// one's) comes last (least(50.00, 50) is 50.00).
	parts := make([]string, len(texts))
	for j := range texts {
		rot := append(append([]string{}, texts[j:]...), texts[:j]...)
		k := j
		if fn == "min" {
			k = len(texts) - 1 - j
		}
		parts[k] = "coalesce(" + strings.Join(rot, ", ") + ")"
	}
	call := fn + "(" + strings.Join(parts, ", ") + ")"
	if numeric {
		call = "(" + call + " COLLATE " + NumericCollation + ")"
	}
	return call
}

// fnSubstr is PostgreSQL's substr(s, start[, count]) over characters
// (bytes for bytea).
func fnSubstr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("substr", a, 2, 3); err != nil {
		return nil, err
	}
	if anyNull(a) {
		return nil, nil
	}
	start, ok := toInt(a[1])
	if !ok {
		return nil, invalidInput("integer", a[1])
	}
	var n int64
	b, isBytes := a[0].([]byte)
	var r []rune
	if isBytes {
		n = int64(len(b))
	} else {
		r = []rune(str(a[0]))
		n = int64(len(r))
	}
	end := n + 1
	if len(a) == 3 {
		count, ok := toInt(a[2])
		if !ok {
			return nil, invalidInput("integer", a[2])
		}
		if count < 0 {
			return nil, pgErr("22011", "negative substring length not allowed")
		}
		if start+count < end {
			end = start + count
		}
	}
	lo := start
	if lo < 1 {
		lo = 1
	}
	if lo > n || end <= lo {
		if isBytes {
			return []byte{}, nil
		}
		return "", nil
	}
	if end > n+1 {
		end = n + 1
	}
	if isBytes {
		return append([]byte{}, b[lo-1:end-1]...), nil
	}
	return string(r[lo-1 : end-1]), nil
}

// fnOverlay is overlay(s PLACING r FROM start [FOR count]).
func fnOverlay(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("overlay", a, 3, 4); err != nil {
		return nil, err
	}
	if anyNull(a) {
		return nil, nil
	}
	s, repl := []rune(str(a[0])), str(a[1])
	start, ok := toInt(a[2])
	if !ok {
		return nil, invalidInput("integer", a[2])
	}
	count := int64(len([]rune(repl)))
	if len(a) == 4 {
		if count, ok = toInt(a[3]); !ok {
			return nil, invalidInput("integer", a[3])
		}
	}
	if start < 1 {
		return nil, pgErr("22011", "negative substring length not allowed")
	}
	head, err := fnSubstr(c, []driver.Value{string(s), int64(1), start - 1})
	if err != nil {
		return nil, err
	}
	tail, err := fnSubstr(c, []driver.Value{string(s), start + count})
	if err != nil {
		return nil, err
	}
	return head.(string) + repl + tail.(string), nil
}
