package pgdialect

// json_typed.go: SQL values of a known PostgreSQL type as PostgreSQL's
// to_json writes them. SQLite hands the JSON constructors bare storage
// values (a boolean is 1, a numeric the text "2.50", a timestamptz
// "2024-01-02 03:04:05+00"), so the translator wraps each constructor
// argument whose type it knows, from the statement (x > 1, a cast) or a
// column's declared type read at run time, in pg_json_typed(value, type),
// which returns the value's JSON marked as JSON (jsonMark) so every
// constructor nests it as written:
//
//	boolean                 true / false
//	numeric                 a JSON number with the numeric's digits (2.50); NaN and ±Infinity as strings
//	real (float4)           a JSON number with float4's output digits (1.1); ±Infinity as strings
//	timestamp               "2024-01-02T03:04:05.123" (ISO 8601, as PostgreSQL's JSON)
//	timestamptz             "2024-01-02T03:04:05.123+00:00" in the session TimeZone
//	json, jsonb             the value itself (a json keeps its text)
//	arrays                  JSON arrays of the elements, each converted as above
//	anything else           unchanged (text, uuid, interval, enum, date, time: a JSON string)
//
// The zone is the connection's session TimeZone (a ZonedFunc: on the apply
// connection the entry's pinned TimeZone), so the result is a pure
// function of the arguments and the entry on every node.

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
)

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_json_typed", 2, jsonTyped})
	funcRename["array_to_json"] = "pg_to_json"
	funcResultOIDs["array_to_json"] = pgoid.JSON
}

// jsonTypedOID reports whether a value of type o needs pg_json_typed to
// print as PostgreSQL's JSON (others already do as SQLite values).
func jsonTypedOID(o uint32) bool {
	if pgoid.ElemOf(o) != 0 {
		return true
	}
	switch o {
	case pgoid.Bool, pgoid.Numeric, pgoid.Timestamp, pgoid.Timestamptz, pgoid.Float4:
		return true
	}
	return false
}

// jsonTyped is pg_json_typed(value, type): type is a declared type name
// (a column's, read at run time) or a type OID the statement shows.
func jsonTyped(a []driver.Value, zone *time.Location) (driver.Value, error) {
	v := a[0]
	var o uint32
	typmod := int32(-1)
	switch t := a[1].(type) {
	case int64:
		o = uint32(t)
	case nil:
		return v, nil
	default:
		o, typmod = DeclTypeOID(str(t))
	}
	if v == nil {
		return nil, nil
	}
	if o == pgoid.Bpchar && typmod > 4 {
		// a char(n) value is kept without its trailing blanks
		// (bpchar.go); to_json prints it padded, as PostgreSQL's text
		return fnBpcharPad(nil, []driver.Value{v, int64(typmod - 4)})
	}
	switch o {
	case pgoid.JSON, pgoid.JSONB:
		return fnJSONMark(nil, []driver.Value{v})
	}
	if !jsonTypedOID(o) {
		return v, nil
	}
	if _, marked := jsonMarked(v); marked {
		return v, nil
	}
	if e := pgoid.ElemOf(o); e != 0 {
		elems, err := parseArrayValue(v)
		if err != nil {
			return v, nil // not an array's text: leave it a string
		}
		return []byte(jsonArrayMark + jsonArrayText(elems, e, zone)), nil // json_agg's "\n " before it: json_text.go
	}
	j, ok := jsonScalarText(v, o, zone)
	if !ok {
		return v, nil
	}
	return []byte(jsonMark + j), nil
}

// jsonArrayText is an array's elements (of type elem) as PostgreSQL's
// array_to_json writes them: [1,2,3], no spaces.
func jsonArrayText(elems []pgarray.Elem, elem uint32, zone *time.Location) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		if e.Null {
			b.WriteString("null")
			continue
		}
		if j, ok := jsonScalarText(e.Val, elem, zone); ok {
			b.WriteString(j)
			continue
		}
		switch elem {
		case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8:
			if jsonNumber(e.Val) {
				b.WriteString(e.Val)
				continue
			}
		case pgoid.JSON, pgoid.JSONB:
			b.WriteString(e.Val)
			continue
		}
		b.WriteString(sqlToJSONText(e.Val))
	}
	b.WriteByte(']')
	return b.String()
}

// jsonScalarText is the JSON of v as a value of type o (bool, numeric,
// timestamp, timestamptz); ok is false for other types or a value that
// is not in the type's stored form.
func jsonScalarText(v driver.Value, o uint32, zone *time.Location) (string, bool) {
	switch o {
	case pgoid.Bool:
		switch x := v.(type) {
		case int64:
			return strconv.FormatBool(x != 0), true
		case float64:
			return strconv.FormatBool(x != 0), true
		}
		switch strings.ToLower(str(v)) {
		case "t", "true", "1":
			return "true", true
		case "f", "false", "0":
			return "false", true
		}
	case pgoid.Numeric:
		switch x := v.(type) {
		case int64, float64:
			return sqlToJSONText(x), true
		}
		s := str(v)
		if jsonNumber(s) {
			return s, true
		}
		return sqlToJSONText(s), true // NaN, Infinity: strings, as PostgreSQL
	case pgoid.Float4:
		// its output digits: a real column's 1.1, not the double
		// 1.100000023841858 nearest its single-precision value
		f, ok := v.(float64)
		if s, isStr := v.(string); isStr {
			// an element of an array's text (array_agg of a real column)
			g, err := strconv.ParseFloat(s, 64)
			f, ok = g, err == nil && !math.IsNaN(g)
		}
		if ok {
			if math.IsInf(f, 0) {
				return sqlToJSONText(pgwire.FormatFloat(f, 32)), true // a string, as PostgreSQL
			}
			return pgwire.FormatFloat(f, 32), true
		}
	case pgoid.Timestamp:
		s := str(v)
		if !reCanonTS.MatchString(s) {
			return sqlToJSONText(s), true // infinity
		}
		return sqlToJSONText(strings.Replace(s, " ", "T", 1)), true
	case pgoid.Timestamptz:
		d, err := operand(v, "timestamptz")
		if err != nil || d.inf != "" {
			return sqlToJSONText(str(v)), true
		}
		return sqlToJSONText(jsonTimestamptz(d.t, zone)), true
	}
	return "", false
}

// jsonTimestamptz is t in zone as PostgreSQL's JSON writes a timestamptz:
// 2024-01-02T03:04:05.123+00:00 (seconds of the offset only when not 0).
func jsonTimestamptz(t time.Time, zone *time.Location) string {
	w, off := localWall(t, zone)
	s := strings.Replace(formatTimestampCanon(w), " ", "T", 1)
	bc := strings.HasSuffix(s, " BC")
	s = strings.TrimSuffix(s, " BC")
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	s += fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
	if off%60 != 0 {
		s += fmt.Sprintf(":%02d", off%60)
	}
	if bc {
		s += " BC"
	}
	return s
}

// jsonNumber reports whether s is a JSON number (as numeric and integer
// output always is, apart from NaN and Infinity).
func jsonNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if n := digits(); n == 0 || n > 1 && s[i-n] == '0' {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// jsonKey is a JSON constructor's key argument as text: a value marked as
// JSON by pg_json_typed is its JSON (true, 2.50), a JSON string its
// contents ("2024-01-02T03:04:05" -> 2024-01-02T03:04:05).
func jsonKey(v driver.Value) string {
	j, ok := jsonMarked(v)
	if !ok {
		return str(v)
	}
	var s string
	if strings.HasPrefix(j, `"`) && json.Unmarshal([]byte(j), &s) == nil {
		return s
	}
	return j
}

// jsonTypedArg wraps the JSON constructor argument a..b-1 in
// pg_json_typed when its type decides its JSON (jsonItemType).
func (x *tx) jsonTypedArg(a, b int) {
	if typ := x.jsonItemType(a, b); typ != "" {
		if typ == strconv.FormatUint(uint64(pgoid.Numeric), 10) {
			x.numericLiteral(x.unparen(a, b)) // a constant's digits: 1.10 is no double 1.1, nor is (1.10)
		}
		x.T(a).pre = "pg_json_typed(" + x.T(a).pre
		x.T(b - 1).suf += ", " + typ + ")"
	}
}

// jsonItemType is the type argument of pg_json_typed for the value
// a..b-1, "" when its JSON is the SQLite value's: a type OID for an
// expression whose type the statement shows (json, x > 1, a cast to
// numeric), the declared type read at run time for a bare column (json
// columns nest as JSON, booleans print true/false ...).
func (x *tx) jsonItemType(a, b int) string {
	if x.isP(a, "(") && x.match(a) == b-1 && !x.kw(a+1, "SELECT") && !x.kw(a+1, "VALUES") && !x.kw(a+1, "WITH") &&
		len(x.splitTop(a+1, b-1)) == 1 {
		// a parenthesised value is of the value's type: jsonb_agg((n2 %
		// 1.5)) of a numeric column was an array of JSON strings,
		// ["-1.00"], PostgreSQL's [-1.00] (the fuzz tester's seed 842618)
		return x.jsonItemType(a+1, b-1)
	}
	if x.jsonExpr(a, b, nil) {
		return strconv.FormatUint(uint64(pgoid.JSON), 10)
	}
	if q, c, ok := x.bareColumn(a, b); ok {
		if r, ok := x.resolved[a]; ok && r.end == b && jsonTypedOID(r.oid) {
			// a column of a VALUES list or CTE typed by the statement
			// (derivedcols.go): (VALUES (1.50)) v(x) is a JSON number
			return strconv.FormatUint(uint64(r.oid), 10)
		}
		if typ, ok := x.subqueryItemType(a, q, c); ok {
			return typ
		}
		if typ := x.columnTypeExpr(q, c); typ != "NULL" {
			return typ
		}
		return ""
	}
	if o := x.exprOID(a, b); jsonTypedOID(o) {
		return strconv.FormatUint(uint64(o), 10)
	}
	if d := x.arrayCtorDecl(a, b); d != "" { // array_ctor_types.go: ARRAY[b, c]
		return d[len(", "):]
	}
	if typ := x.subqueryJSONType(a, b); typ != "" { // json_subquery_type.go: ARRAY(SELECT b ...)
		return typ
	}
	if o := x.conditionalCallType(a, b); jsonTypedOID(o) { // json_conditional_type.go
		return strconv.FormatUint(uint64(o), 10)
	}
	if typ := x.jsonBranchType(a, b); typ != "" { // json_branch_type.go: CASE WHEN c THEN n ELSE 1 END
		return typ
	}
	if rt := x.arithJSONType(a, b); rt != "" {
		return rt
	}
	if n := x.charCastLen(a, b); n > 0 { // bpchar.go: x::char(3) prints padded
		return quoteLit("char(" + strconv.Itoa(n) + ")")
	}
	if t := x.T(a); t.typ == tIdent && strings.EqualFold(t.text, "array_agg") && x.isP(a+1, "(") && x.match(a+1) < b-1 &&
		x.overEnd(x.filterEnd(x.match(a+1))+1) == b {
		// array_agg(b) FILTER (...) OVER (...): an array as the call's
		return x.arrayAggJSONType(a+2, x.match(a+1))
	}
	if t := x.T(a); t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		if strings.EqualFold(t.text, "array_agg") {
			return x.arrayAggJSONType(a+2, b-1)
		}
		// an aggregate of a column, typed at run time: sum(r) of a real
		// column is a float4 (1.1, not the double 1.100000023841858)
		if rt := x.numTypeExpr(a, b); rt != "" && rt[0] != '\'' {
			return rt
		}
	}
	return ""
}

// arithJSONType is jsonItemType of an operator over columns rewritten
// with a run-time result type (arith_columns.go; datetime_nested.go for
// date/time operands): the date/time type when the operands make one,
// else the numeric one. to_jsonb(n + 1) of a numeric column was the JSON
// string "-1.5" and to_jsonb(ts + iv) "2024-03-28 12:00:00", PostgreSQL's
// -1.5 and "2024-03-28T12:00:00" (the fuzz tester's seeds 840361,
// 840411). "" for anything else.
func (x *tx) arithJSONType(a, b int) string {
	num, ok := x.arithRTypes[a]
	if !ok || x.castEnd[b-1] != a || !runtimeTypeExpr(num) {
		return ""
	}
	if dt := x.dtTypeExpr(a, b); runtimeTypeExpr(dt) {
		return "coalesce(nullif(" + dt + ", ''), " + num + ")"
	}
	return num
}

// arrayAggJSONType is jsonItemType of array_agg over the argument list
// a..b-1 ([DISTINCT] x [ORDER BY ...]): the array type of x's type, so
// to_json(array_agg(id)) is the JSON array [1,2,3] (a string of the
// array's text otherwise).
func (x *tx) arrayAggJSONType(a, b int) string {
	if x.kw(a, "DISTINCT") {
		a++
	}
	if o := x.findKw(a, b, x.depth[a], "ORDER"); o >= 0 {
		b = o
	}
	if a >= b || len(x.splitTop(a, b)) != 1 {
		return ""
	}
	if q, c, ok := x.bareColumn(a, b); ok {
		if r, ok := x.resolved[a]; ok && r.end == b && pgoid.ArrayOf(r.oid) != 0 {
			return strconv.FormatUint(uint64(pgoid.ArrayOf(r.oid)), 10)
		}
		if typ := x.columnTypeExpr(q, c); typ != "NULL" {
			return "(" + typ + " || '[]')"
		}
		return ""
	}
	if o := pgoid.ArrayOf(x.exprOID(a, b)); o != 0 {
		return strconv.FormatUint(uint64(o), 10)
	}
	return ""
}

// subqueryItemType is jsonItemType of the item named c of a FROM subquery
// (aliased q, or any when q is "") that does not hold the reference at
// ref: json_agg(s.x) FROM (SELECT id > 1 AS x ...) s. ok is false when no
// such subquery names c.
func (x *tx) subqueryItemType(ref int, q, c string) (typ string, ok bool) {
	x.fromSubqueries(func(open, k, j int) bool {
		if q != "" && x.T(j).identName() != q || open < ref && ref < k {
			return true
		}
		names, types := x.subqueryColumns(open, k, j)
		for i, n := range names {
			if n == c {
				typ, ok = "", true
				if i < len(types) {
					typ = types[i]
				}
				return false
			}
		}
		return true
	})
	return typ, ok
}
