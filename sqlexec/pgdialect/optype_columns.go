package pgdialect

// optype_columns.go: the operators between two columns whose meaning
// PostgreSQL takes from their types, beyond the numbers' arithmetic
// (arith_columns.go): << and >> are the integer shifts (int4 << int4 is
// int4, wrapping at 32 bits), a range's "strictly left/right of"
// (boolean) or a bit string's shift; + - * of two ranges are union,
// intersection and difference, and of a bit string no operator at all.
// The translator has no schema: between two bare columns the run-time
// type argument of the operator's function (pg_add(a, b, type),
// bitwise.go's pg_bit_shl(a, b, type)) reads each column's type with
// pg_col_optype instead of pg_col_numtype,
//
//	(SELECT pg_arith_type('<<', (SELECT pg_col_optype(sql, 'a') ...), (SELECT pg_col_optype(sql, 'b') ...)))
//
// which names a range or bit string type too. SQLite evaluates the
// uncorrelated subquery once per execution; the result depends only on
// the schema, identical on every node at that log position, so the
// decision is deterministic and never taken from the values.
// pg_arith_type then names the range type (the operator's function reads
// the values as ranges: rangeValuesOp, rangeArithValues), refuses the
// pairs PostgreSQL has no operator for (42883: int4range + int8range, bit
// << bit varying, bit + bit), and otherwise types the numbers as before
// ("" for a bit string's shift, which bitOpFn tells by the values). The
// result column is described from the operands' declared types
// (ArithType, bitwiseLeafResult).

import (
	"database/sql/driver"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// columnsOps are the operators whose operand types columnsTypeExpr reads
// with pg_col_optype.
var columnsOps = map[string]bool{"<<": true, ">>": true, "+": true, "-": true, "*": true}

// columnsTypeExpr is the pg_col_optype expression of the bare column
// a..b-1 beside another column under op, "" when a..b-1 is not a column
// of a table the statement certainly names (or op is not columnsOps').
func (x *tx) columnsTypeExpr(op string, a, b, c, d int) string {
	if !columnsOps[op] || c < 0 {
		return ""
	}
	if _, _, ok := x.bareColumn(c, d); !ok {
		return ""
	}
	if tbl, col, ok := x.columnTable(a, b); ok {
		return colTypeQuery("pg_col_optype", tbl, col)
	}
	return x.joinColumnType("pg_col_optype", a, b)
}

// fnColOptype is pg_col_optype, pg_col_numtype's twin (same arguments):
// a range column's type name, a bit string column's (bit, varbit), else
// pg_col_numtype's answer.
func fnColOptype(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	oid, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	if k := rangeKinds[oid]; k != nil {
		return k.name, nil
	}
	switch oid {
	case pgoid.Bit, pgoid.Varbit:
		return TypeName(oid), nil
	}
	return oidArithType(oid), nil
}

// columnsOpResult is pg_arith_type's answer for op between columns of
// the types l and r (pg_col_optype's names) when one is a range or a bit
// string; ok false when neither is.
func columnsOpResult(op, l, r string) (res string, ok bool, err error) {
	kl, kr := rangeKindNamed(l), rangeKindNamed(r)
	bits := func(t string) bool { return t == "bit" || t == "varbit" }
	name := func(t string) string {
		if o := typeAlias[t]; o != nil {
			return FormatType(o.oid, -1)
		}
		return t
	}
	noOp := pgErr("42883", "operator does not exist: %s %s %s", name(l), op, name(r))
	switch {
	case kl == nil && kr == nil && !bits(l) && !bits(r):
		return "", false, nil
	case l == "" || r == "":
		return "", true, nil // a column of another type: the values decide, as before
	case kl != nil || kr != nil:
		if kl != kr {
			return "", true, noOp
		}
		return kl.name, true, nil
	case op == "<<" || op == ">>":
		if !bits(l) || r != "int4" && r != "int2" {
			return "", true, noOp
		}
		return "", true, nil // the bit string's shift (bits.go)
	}
	return "", true, noOp // no arithmetic on bit strings
}

func init() {
	netFuncs["pg_col_optype"] = netFunc{-1, fnColOptype}
}
