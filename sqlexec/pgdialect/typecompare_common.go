package pgdialect

// typecompare_common.go: PostgreSQL's select_common_type for the values
// of COALESCE, GREATEST, LEAST, CASE and a set operation's column. Types
// of different categories have no implicit cast between them, so any two
// such (text beside integer, date beside integer, an array beside its
// element) are 42804 `COALESCE types text and integer cannot be
// matched`; json, jsonb, xml and money have no implicit cast to or from
// any other type of their category either (money beside a number is
// 42846 `COALESCE could not convert type integer to money`). SQLite would
// return whichever value comes first: a silently different answer.
// NULLIF(a, b) is a = b (42883 `operator does not exist: money =
// integer`, `text = integer`). In the column pass an unknown literal
// among the values is read by the common type's input function
// (coalesce(i, 'a') is 22P02 at 'a' whether or not a row reaches it).
// The types are jsonOperand's, in both passes (the column pass knows a
// column's type from the catalog); the check is let through wherever a
// type is not known.

import (
	"strings"
	"time"
)

// numberRank orders the numeric types as PostgreSQL's implicit casts
// widen them (smallint to integer to bigint to numeric to real to double
// precision, the category's preferred type).
var numberRank = map[string]int{"smallint": 1, "integer": 2, "bigint": 3, "numeric": 4, "real": 5,
	"double precision": 6}

// typeCategory is PostgreSQL's typcategory of the type named typ
// (format_type's name), "X" for an unknown literal, "" when not known.
func typeCategory(typ string) string {
	if t := typeAlias[typ]; t != nil {
		return t.cat
	}
	if strings.HasSuffix(typ, "[]") {
		return "A" // format_type's name of any array type (integer[])
	}
	return ""
}

// selectCommonType is select_common_type over values of types (at[i]
// the token of types[i], in PostgreSQL's order): the common type, and
// the refusal PostgreSQL gives at the value that does not match it when
// the refusal names json, jsonb, xml or money (setOpChecked). common is
// "" when the check cannot tell (a type not known, a refusal between
// other types); "unknown" when every value is an unknown literal.
func selectCommonType(what string, types []string, at []int) (common string, r *jsonRefused) {
	p := "unknown"
	for i, t := range types {
		switch {
		case t == "":
			return "", nil
		case t == "unknown" || t == p:
		case p == "unknown":
			p = t
		case typeCategory(t) == "" || typeCategory(p) == "":
			return "", nil
		case typeCategory(t) != typeCategory(p):
			// no implicit cast crosses categories: PostgreSQL refuses
			// whichever the two types are (text beside integer, date
			// beside integer, boolean beside text)
			return "", &jsonRefused{at[i], what + " types " + p + " and " + t + " cannot be matched", "", "42804"}
		case numberRank[p] > 0 && numberRank[t] > numberRank[p]:
			p = t // the implicit cast widens
		}
	}
	for i, t := range types {
		if t != "unknown" && t != p && (setOpChecked(p) || setOpChecked(t)) {
			return "", &jsonRefused{at[i], what + " could not convert type " + t + " to " + p, "", "42846"}
		}
	}
	return p, nil
}

// commonTypeCall is the refusal for COALESCE, GREATEST or LEAST at k
// whose arguments have no common type (selectCommonType), or NULLIF(a,
// b) of types with no = (42883 at NULLIF). In the SQLite text GREATEST
// and LEAST are max and min of rotated coalesce calls (strsyntax.go's
// greatestLeast): max(coalesce(a, b), coalesce(b, a)), min's in reverse
// order; the arguments are the ones of the call in the written order
// (a refusal there carries no position).
func (x *tx) commonTypeCall(k int, ty jsonTyping) *jsonRefused {
	_, r := x.callCommonType(k, ty)
	return r
}

// callCommonType is commonTypeCall's reading of the call at k: the
// type of its result (selectCommonType's common type; NULLIF's first
// argument's), "" when not known, and the refusal.
func (x *tx) callCommonType(k int, ty jsonTyping) (string, *jsonRefused) {
	name := x.T(k).upper()
	m := x.match(k + 1)
	if m < 0 {
		return "", nil
	}
	args := x.splitTop(k+2, m)
	ctor := name == "PG_ARRAY" // ARRAY[...] (array_translate.go): its elements
	if ctor {
		name = "ARRAY"
	}
	rotated := ty.col != nil && (name == "MAX" || name == "MIN")
	if rotated {
		args = x.rotatedCoalesce(args, name == "MIN")
		name = map[string]string{"MAX": "GREATEST", "MIN": "LEAST"}[name]
	}
	if len(args) == 0 || name != "COALESCE" && name != "GREATEST" && name != "LEAST" && name != "NULLIF" && name != "ARRAY" {
		return "", nil
	}
	types := make([]string, len(args))
	at := make([]int, len(args))
	for i, a := range args {
		if end, typ, ok := x.jsonOperand(a[0], ty); ok && end == a[1] {
			types[i] = typ
		}
		at[i] = a[0]
	}
	if name == "NULLIF" {
		if len(types) == 2 && noComparison(types[0], types[1]) {
			return "", &jsonRefused{tok: k, message: "operator does not exist: " + types[0] + " = " + types[1], hint: jsonOperatorHint}
		}
		if ty.col != nil {
			if r := x.commonLiteralRefusal(args[1:], types[0]); r != nil {
				return "", r
			}
		}
		return types[0], nil
	}
	common, r := selectCommonType(name, types, at)
	if r == nil && ty.col != nil {
		r = x.commonLiteralRefusal(args, common)
	}
	if r != nil && rotated {
		r.tok = -1 // the arguments are written several times: no sure place
	}
	if ctor {
		// an unknown literal is read by the common type's input
		// (ARRAY[i, 'x'] is 22P02); the array is not typed here
		for _, a := range args {
			if r == nil && ty.col != nil && a[1] == a[0]+1 && x.T(a[0]).typ == tString && common != "unknown" && common != "" {
				r = x.literalRefusal(a[0], common)
			}
		}
		return "", r
	}
	return common, r
}

// rotatedCoalesce: the arguments of the GREATEST or LEAST call whose
// SQLite form is the max or min call with arguments args, nil when args
// are not that form (each a coalesce call of as many arguments as there
// are calls).
func (x *tx) rotatedCoalesce(args [][2]int, least bool) [][2]int {
	var first [][2]int
	for i, a := range args {
		if !x.T(a[0]).kw("COALESCE") || !x.isP(a[0]+1, "(") || x.match(a[0]+1) != a[1]-1 {
			return nil
		}
		in := x.splitTop(a[0]+2, a[1]-1)
		if len(in) != len(args) {
			return nil
		}
		if least && i == len(args)-1 || !least && i == 0 {
			first = in
		}
	}
	return first
}

// caseCommon is the refusal for the CASE at k whose results have no
// common type: PostgreSQL resolves the ELSE result (NULL when there is
// none) first, then each THEN result in order, naming the context
// "CASE" when categories differ and "CASE/WHEN" when a value does not
// convert.
func (x *tx) caseCommon(k int, ty jsonTyping) *jsonRefused {
	_, r := x.caseCommonType(k, ty)
	return r
}

// caseCommonType is caseCommon's reading of the CASE at k: the type of
// its result, "" when not known, and the refusal.
func (x *tx) caseCommonType(k int, ty jsonTyping) (string, *jsonRefused) {
	e := x.caseEnd(k)
	if e >= x.n() {
		return "", nil
	}
	d := x.depth[k]
	var starts, ends []int // the results' tokens
	for j := k + 1; j <= e; j++ {
		switch {
		case x.depth[j] != d:
		case x.kw(j, "CASE") && j < e:
			j = x.caseEnd(j)
		case x.kw(j, "THEN") || x.kw(j, "ELSE") || x.kw(j, "WHEN") || j == e:
			if len(ends) < len(starts) {
				ends = append(ends, j)
			}
			if !x.kw(j, "WHEN") && j < e {
				starts = append(starts, j+1)
			}
		}
	}
	hasElse := len(starts) > 0 && x.kw(starts[len(starts)-1]-1, "ELSE")
	wrapped := map[int]bool{}
	types := make([]string, 0, len(starts)+1)
	at := make([]int, 0, len(starts)+1)
	if !hasElse {
		types, at = append(types, "unknown"), append(at, e) // ELSE NULL
	}
	for i := range starts {
		j := i
		if hasElse {
			j = (i + len(starts) - 1) % len(starts) // the ELSE first
		}
		typ, pos := "", starts[j]
		if end, t, ok := x.jsonOperand(starts[j], ty); ok && end == ends[j] {
			typ = t
		}
		if lit, ok := x.commonLiteral(starts[j]); ok && x.match(starts[j]+1) == ends[j]-1 {
			// a literal read as the column beside it (unknownlit.go's
			// caseCommonLiterals): still of unknown type here
			typ, pos = "unknown", lit
			wrapped[lit] = true
		}
		types, at = append(types, typ), append(at, pos)
	}
	common, r := selectCommonType("CASE", types, at)
	if r != nil && r.code == "42846" {
		r.message = "CASE/WHEN" + strings.TrimPrefix(r.message, "CASE")
	}
	if r == nil && ty.col != nil && common != "unknown" && typeCategory(common) != "S" {
		// a quoted literal result is read by the common type's input
		// function, ELSE first (CASE WHEN b THEN d ELSE 'x' END of a
		// date column is 22007 at 'x' whichever branch runs); a string
		// type reads any text
		for i, t := range types {
			if t == "unknown" && x.T(at[i]).typ == tString && (x.nextIsCaseWord(at[i]+1) || wrapped[at[i]]) {
				if r = x.literalRefusal(at[i], common); r != nil {
					break
				}
			}
		}
	}
	return common, r
}

// commonLiteral reads, at s, the SQLite text's form of an unknown literal
// among the arguments of a COALESCE, NULLIF, GREATEST or LEAST call beside
// one column (unknownlit.go's commonLiterals: pg_in_col('a', <table>,
// <column>, NULL, 'common')): the literal's token, ok false when s
// starts no such form.
func (x *tx) commonLiteral(s int) (lit int, ok bool) {
	if !strings.EqualFold(x.T(s).text, "pg_in_col") || !x.isP(s+1, "(") {
		return 0, false
	}
	m := x.match(s + 1)
	if m < 0 || x.T(s+2).typ != tString || !x.isP(s+3, ",") || x.T(m-1).text != "'common'" {
		return 0, false
	}
	return s + 2, true
}

// literalRefusal is PostgreSQL's error for the unknown literal at lit read
// as a value of type typ (format_type's name) by its input function when
// the common type is resolved: coalesce(i, 'a') of an integer column is
// 22P02 at 'a' though no row reaches it (SQLite converts the literal only
// where coalesce comes to it). nil when it converts, or typ is not known.
func (x *tx) literalRefusal(lit int, typ string) *jsonRefused {
	t := typeAlias[typ]
	v, ok := unquoteString(x.T(lit))
	if t == nil || !ok {
		return nil
	}
	// the clock and zone change no error: only the refusal is used
	_, err := InDeclAt(v, t.name, func() time.Time { return time.Unix(0, 0) }, time.UTC)
	if err == nil {
		return nil
	}
	code, msg, ok := ParseSQLStateError(err.Error())
	if !ok {
		return nil
	}
	return &jsonRefused{tok: lit, message: msg, code: code}
}

// commonLiteralRefusal is literalRefusal of the first of args (the
// arguments' extents) that is a commonLiteral, as typ.
func (x *tx) commonLiteralRefusal(args [][2]int, typ string) *jsonRefused {
	if typ == "" || typ == "unknown" {
		return nil
	}
	for _, a := range args {
		if lit, ok := x.commonLiteral(a[0]); ok && x.match(a[0]+1) == a[1]-1 {
			if r := x.literalRefusal(lit, typ); r != nil {
				return r
			}
		}
	}
	return nil
}

// nextIsCaseWord: token k ends a CASE result (WHEN, ELSE or END).
func (x *tx) nextIsCaseWord(k int) bool {
	return x.kw(k, "WHEN") || x.kw(k, "ELSE") || x.kw(k, "END")
}

// crossCategory: l and r are known types of different categories, which
// PostgreSQL's comparison operators never mix (no implicit cast crosses
// them: text = integer, date < integer and boolean = integer are 42883);
// an unknown literal takes the other's type.
func crossCategory(l, r string) bool {
	cl, cr := typeCategory(l), typeCategory(r)
	return cl != "" && cr != "" && cl != "X" && cr != "X" && cl != cr
}
