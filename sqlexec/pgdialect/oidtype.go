package pgdialect

// oidtype.go: the oid type's input, as PostgreSQL's oidin
// (uint32in_subr) and its casts from integers: an unsigned 32-bit
// integer, stored as the SQLite integer 0..4294967295 (so it compares
// and sorts as PostgreSQL's oid does). Text is read in base 10 with
// blanks around it; a negative value down to -2147483648 wraps ('-1' is
// 4294967295), as strtoul wraps it; outside that 22003 `value "..." is
// out of range for type oid`. An integer wraps the same way (int4 -> oid
// reinterprets the bits); past the 32 bits 22003 `OID out of range`
// (int8 -> oid). oid has no arithmetic: an operator with an oid operand
// is 42883 (arith.go, as money's).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// fnInOID is pg_in_oid(value, typmod) and, with one argument, the cast
// pg_cast_oid(value).
func fnInOID(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		return oidOfInt(v)
	case float64:
		if v != math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, invalidInput("oid", v)
		}
		if v < math.MinInt32 || v > math.MaxUint32 {
			return nil, pgErr("22003", "OID out of range")
		}
		return oidOfInt(int64(v))
	case []byte:
		return nil, pgErr("42846", "cannot cast type bytea to oid")
	}
	in := str(a[0])
	s := strings.TrimLeft(in, " \t\n\v\f\r")
	s = strings.TrimRight(s, " \t\n\v\f\r")
	neg := false
	digits := s
	if digits != "" && (digits[0] == '-' || digits[0] == '+') {
		neg, digits = digits[0] == '-', digits[1:]
	}
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return nil, invalidInput("oid", in)
	}
	u, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return nil, pgErr("22003", "value \"%s\" is out of range for type oid", in)
	}
	switch {
	case !neg && u <= math.MaxUint32:
		return int64(u), nil
	case neg && u <= 1<<31:
		return int64(uint32(-int64(u))), nil
	}
	return nil, pgErr("22003", "value \"%s\" is out of range for type oid", in)
}

// oidOfInt is an integer as an oid: int4's bits (negative values wrap),
// 22003 past 32 bits.
func oidOfInt(v int64) (driver.Value, error) {
	switch {
	case v >= 0 && v <= math.MaxUint32:
		return v, nil
	case v < 0 && v >= math.MinInt32:
		return int64(uint32(int32(v))), nil
	}
	return nil, pgErr("22003", "OID out of range")
}

// oidIntCast rewrites a cast to int4 of an operand s..i-1 that the
// statement shows to be an oid (the cast's "::" at i, its type ending
// before end) to pg_oid_int4: PostgreSQL's oid -> int4 keeps the bits
// ('4294967295'::oid::int4 is -1). It reports whether it did.
func (x *tx) oidIntCast(s, i, end int, tt *pgType) bool {
	if tt.oid != pgoid.Int4 || x.exprOID(s, i) != pgoid.OID {
		return false
	}
	x.T(s).pre = "pg_oid_int4(" + x.T(s).pre
	x.T(i).set("")
	x.blank(i+1, end)
	x.T(end - 1).set(")")
	x.castEnd[end-1] = s
	return true
}

// oidColumnBits wraps the operand a..b-1 of a cast to int4 that is a
// bare column of a type the statement does not show in pg_oid_int4(col,
// declared type): an oid column's value keeps its bits as oidIntCast's
// ('3000000000' in an oid column is -1294967296 as int4); any other
// column's value goes on to the checked cast unchanged.
func (x *tx) oidColumnBits(a, b int, tt *pgType) {
	if tt.oid != pgoid.Int4 || x.exprOID(a, b) != 0 {
		return
	}
	qual, col, ok := x.bareColumn(a, b)
	if !ok {
		return
	}
	decl := x.columnTypeExpr(qual, col) // pgcast.go
	if decl == "NULL" {
		return
	}
	x.T(a).pre = "pg_oid_int4(" + x.T(a).pre
	x.T(b - 1).suf += ", " + decl + ")"
}

// fnOIDInt4 is pg_oid_int4(oid): the oid's 32 bits as int4; with a
// second argument, a column's declared type, only when that is oid
// (oidColumnBits).
func fnOIDInt4(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, ok := a[0].(int64)
	if !ok {
		return a[0], nil
	}
	if len(a) > 1 {
		if name, _ := declTypeName(str(a[1])); name != "oid" {
			return v, nil
		}
	}
	return int64(int32(uint32(v))), nil
}
