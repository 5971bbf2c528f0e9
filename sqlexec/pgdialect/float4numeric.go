package pgdialect

// float4numeric.go: the float4 -> numeric cast.
//
// PostgreSQL 15 converts a float4 to numeric through its text with
// FLT_DIG (6) significant digits (float4_numeric: "%.6g"), so a real
// column holding 1.1 casts to 1.1, and 1234567::real::numeric is
// 1234570. Here a float4 value is the double nearest its single-precision
// value (1.100000023841858), which the numeric cast (as for a float8)
// would read with 15 digits: 1.10000002384186. A cast to numeric whose
// operand the statement shows to be a float4 (a cast, float4 arithmetic)
// or that is a column (its declared type read at run time, as pg_text's)
// (or, known only after the arithmetic rewrite, arithmetic over columns or
// a sum: float4NumericLate) therefore passes the operand through
// pg_float4_numeric(value, type),
// which turns a float4's value into that text and passes anything else
// unchanged. Deterministic: a function of its arguments.

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func init() {
	quoteFuncs["pg_float4_numeric"] = struct {
		n int32
		f fn
	}{2, fnFloat4Numeric}
}

// fnFloat4Numeric is pg_float4_numeric(value, type); see the top of the file.
func fnFloat4Numeric(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	f, ok := a[0].(float64)
	if !ok || a[1] == nil {
		return a[0], nil
	}
	if oid, _ := DeclTypeOID(str(a[1])); oid != pgoid.Float4 {
		return a[0], nil
	}
	switch {
	case math.IsInf(f, 1):
		return "Infinity", nil
	case math.IsInf(f, -1):
		return "-Infinity", nil
	}
	return strconv.FormatFloat(f, 'g', 6, 64), nil
}

// numCast is a cast to numeric of the operand a..b-1 whose type is not
// known when the casts are rewritten: arithmetic over columns, typed at
// run time (price * price), or a sum (sum(price)). pre is what the cast
// put before the operand on its first token ("" for CAST(x AS numeric),
// which writes it on a token of its own).
type numCast struct {
	a, b int
	pre  string
	text bool // a cast to text (pg_text): the operand printed as float4
}

// float4NumericLate wraps the operands of the casts recorded in numCasts
// whose type, read after the arithmetic rewrite and the sums' types
// (numTypeExpr, sumTypes), is or may be float4: in pg_float4_numeric for
// a cast to numeric, pg_out_text for a cast to text of an operand of
// otherwise unknown type ((r * r)::text is 1.21, sum(r)::text 6.6000004).
func (x *tx) float4NumericLate() {
	for _, c := range x.numCasts {
		typ := x.numTypeExpr(c.a, c.b)
		if typ == "" {
			if st, ok := x.sumTypes[c.a]; ok && x.isP(c.a+1, "(") && x.match(c.a+1) == c.b-1 {
				typ = st // sum(x) of a float4 is a float4
			}
		}
		if typ == "" || typ[0] == '\'' && typ != "'float4'" {
			continue
		}
		t := x.T(c.a)
		if !strings.HasPrefix(t.pre, c.pre) {
			continue // rewritten since: leave it
		}
		if c.text {
			// pg_out_text prints a float4 by its digits, passes others
			t.pre = c.pre + "pg_out_text(" + t.pre[len(c.pre):]
			x.T(c.b - 1).suf += ", " + typ + ", false)"
			continue
		}
		t.pre = c.pre + "pg_float4_numeric(" + t.pre[len(c.pre):]
		x.T(c.b - 1).suf += ", " + typ + ")"
	}
}

// float4NumericWrap is the wrapping of the operand a..b-1 of a cast to
// numeric by pg_float4_numeric: for an operand shown to be a float4 or a
// column; nothing otherwise.
func (x *tx) float4NumericWrap(a, b int) (pre, suf string) {
	if x.numType(a, b) == "float4" {
		return "pg_float4_numeric(", ", 'real')"
	}
	// a column in parentheses too: (f4)::numeric read the real's
	// double, 3.4e38 as 339999995214436...: the fuzz tester's seed 841349
	ua, ub := x.unparen(a, b)
	if qual, col, ok := x.bareColumn(ua, ub); ok {
		// a derived table's or CTE's column, its table column's
		// declared type (f4::numeric over (SELECT * FROM t) a: the fuzz
		// tester's seed 841557), before the schema's column of that
		// name: a CTE is no table, so pragma_table_xinfo('a') of
		// WITH a AS (SELECT f4 ...) found nothing and a.f4::numeric
		// read the real's double (0.100000001490116)
		if hint := x.derivedColumnType(ua, ub); hint != "" {
			return "pg_float4_numeric(", ", " + hint + ")"
		}
		if hint := x.columnTypeExpr(qual, col); hint != "NULL" {
			return "pg_float4_numeric(", ", " + hint + ")"
		}
	}
	return "", ""
}
