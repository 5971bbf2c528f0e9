package pgdialect

// Casts whose rule depends on the operand's type, not its value.
// PostgreSQL reads text cast to an integer type with the integer's input
// function ('1.5'::text::int is 22P02, invalid input syntax for type
// integer), where a numeric is rounded (1.5::numeric::int is 2); and it
// has a cast to boolean from int4 alone among the numbers (f::bool of a
// double precision is 42846, cannot cast type double precision to
// boolean). Values reach the cast functions without their type (a
// numeric is stored as text), so the type comes from the statement when
// it shows it, else from the column's declared type at run time.

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// textTypes are the string types whose cast to an integer reads the text.
var textTypes = map[uint32]bool{pgoid.Text: true, pgoid.Varchar: true, pgoid.Bpchar: true, pgoid.Name: true}

// noBoolCast are the numeric types PostgreSQL has no cast to boolean from
// (pg_cast has int4 -> bool only), by their arithmetic type names.
var noBoolCast = map[string]bool{"int2": true, "int8": true, "numeric": true, "float4": true, "float8": true, "money": true, "oid": true}

// boolCastErr is PostgreSQL's 42846 for a cast to boolean of an operand
// a..b-1 (cast token at i) that the statement shows to be a number of
// another type than integer.
func (x *tx) boolCastErr(a, b, i int, tt *pgType) error {
	if tt.oid != pgoid.Bool || x.catalog {
		return nil
	}
	if from := x.numType(a, b); noBoolCast[from] {
		return &Error{Code: "42846", Message: "cannot cast type " + operandTypeNames[from] + " to boolean", Position: x.T(i).pos + 1}
	}
	return nil
}

// castSource adjusts checkedCast's conversion (pre, suf) of operand
// a..b-1 to tt by the operand's type: a string type statically shown
// reads the text with the integer's input function; a bare column is
// converted by pg_cast_by_source with its declared type read at run time.
func (x *tx) castSource(pre, suf string, a, b int, tt *pgType) (string, string) {
	target := ""
	switch tt.oid {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8:
		if pre != "pg_float_int(" && pre != "pg_num_int(" {
			return pre, suf
		}
		if textTypes[x.exprOID(a, b)] || x.literalConcat(a, b) {
			return checkedCasts[tt.oid] + "(", ")"
		}
		if pre != "pg_float_int(" {
			return pre, suf // of a known non-string type
		}
		target = TypeName(tt.oid)
	case pgoid.Bool:
		if pre != checkedCasts[pgoid.Bool]+"(" {
			return pre, suf
		}
		target = "bool"
	default:
		return pre, suf
	}
	src := x.columnSrcType(a, b)
	if src == "" {
		return pre, suf
	}
	return "pg_cast_by_source(", ", " + quoteLit(target) + ", " + src + ")"
}

// columnSrcType is the run-time expression of the declared type name
// (pg_col_srctype) of the bare column a..b-1, "" when a..b-1 is not a
// column of a table the statement surely names.
func (x *tx) columnSrcType(a, b int) string {
	if tbl, col, ok := x.columnTable(a, b); ok {
		return colTypeQuery("pg_col_srctype", tbl, col)
	}
	if r, ok := x.colRTypes[a]; ok && r.end == b && strings.HasPrefix(r.expr, numTypeQueryPrefix) && strings.Count(r.expr, "pg_col_numtype(") == 1 {
		// a derived table's or CTE's column that reads a table's
		// (derivedcols.go) is of that column's declared type: coalesce(a.j,
		// a.j) over WITH d AS (SELECT * FROM t) ordered as jsonb (fuzz
		// seed 781212), as datetime_columns.go reads its date/time type
		return strings.Replace(r.expr, "pg_col_numtype(", "pg_col_srctype(", 1)
	}
	return x.joinColumnType("pg_col_srctype", a, b)
}

// literalConcat reports whether a..b-1 is a concatenation of quoted
// literals alone ('ab' || 'c'): text, as PostgreSQL resolves unknown ||
// unknown, whose type the translation does not otherwise give.
func (x *tx) literalConcat(a, b int) bool {
	a, b = x.unparen(a, b)
	if b-a < 3 || (b-a)%2 == 0 {
		return false
	}
	for k := a; k < b; k++ {
		t := x.T(k)
		if (k-a)%2 == 0 && t.typ != tString && t.typ != tDollar || (k-a)%2 == 1 && (t.typ != tOp || t.text != "||") {
			return false
		}
	}
	return true
}

// fnColSrcType is pg_col_srctype, pg_col_numtype's twin (same
// arguments): the column's declared type name, empty when not known.
func fnColSrcType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	oid, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	return TypeName(oid), nil
}

// fnCastBySource is pg_cast_by_source(v, target, source): the cast of v, of the
// column type source, to target ('int2', 'int4', 'int8' or 'bool').
func fnCastBySource(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	src, target := str(a[2]), str(a[1])
	oid := typeAlias[src]
	if oid != nil && (oid.oid == pgoid.JSON || oid.oid == pgoid.JSONB) {
		return jsonCastBySource(ctx, a[0], oid.oid, target) // json_cast.go
	}
	if target == "bool" {
		if noBoolCast[src] {
			return nil, pgErr("42846", "cannot cast type %s to boolean", operandTypeNames[src])
		}
		return fnCastBool(ctx, a[:1])
	}
	if oid != nil && textTypes[oid.oid] {
		if f := intCasts[target]; f != nil {
			return f(ctx, a[:1])
		}
	}
	return fnFloatInt(ctx, a[:2])
}
