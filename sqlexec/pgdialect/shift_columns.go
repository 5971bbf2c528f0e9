package pgdialect

// shift_columns.go: << and >> between two columns, whose types the
// statement does not show. PostgreSQL has three such operators: the
// integer shifts (int4 << int4 is int4, wrapping at 32 bits), a range's
// "strictly left/right of" (boolean) and a bit string's shift. The
// translator has no schema, so bitwise.go's pg_bit_shl(a, b, type) gets
// as its type argument
//
//	(SELECT pg_shift_type('<<', <a's declared type>, <b's>, <integer type>))
//
// an uncorrelated scalar subquery that SQLite evaluates once per
// execution: the result depends only on the schema, identical on every
// node at that log position, so the decision is deterministic and never
// taken from the values. pg_shift_type names the range type (bitOpFn then
// compares the ranges), refuses the pairs PostgreSQL has no operator for
// (42883), and otherwise gives the integer result type pg_arith_type
// computed ("" where that is unknown: inet's containment and a bit
// string's shift, which bitOpFn tells by the values). The result column is
// described from the operands' declared types (bitwiseLeafResult).

import (
	"database/sql/driver"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// shiftColumnsType is the type argument of pg_bit_shl / pg_bit_shr for
// the shift at i between the bare columns ls..i-1 and i+1..re-1 whose
// integer result type is rtype (runtimeArithType), "" when a column's
// declared type cannot be read.
func (x *tx) shiftColumnsType(i, ls, re int, rtype string) string {
	_, _, lcol := x.bareColumn(ls, i)
	_, _, rcol := x.bareColumn(i+1, re)
	if !lcol || !rcol || rtype == "" {
		return ""
	}
	ta, tb := x.textHint(ls, i), x.textHint(i+1, re) // pgcast.go
	if ta == "NULL" || tb == "NULL" {
		return ""
	}
	return "(SELECT pg_shift_type(" + quoteLit(x.T(i).text) + ", " + ta + ", " + tb + ", " + rtype + "))"
}

// fnShiftType is pg_shift_type(op, ta, tb, rtype): the type argument of
// op between columns declared ta and tb (see the file comment).
func fnShiftType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	op, ta, tb := str(a[0]), str(a[1]), str(a[2])
	ka, kb := rangeKindNamed(ta), rangeKindNamed(tb)
	la, _ := DeclTypeOID(ta)
	lb, _ := DeclTypeOID(tb)
	noOp := func() error {
		return pgErr("42883", "operator does not exist: %s %s %s", FormatType(la, -1), op, FormatType(lb, -1))
	}
	switch {
	case ka != nil || kb != nil:
		if ka != kb {
			return nil, noOp()
		}
		return ka.name, nil
	case la == pgoid.Bit || la == pgoid.Varbit || lb == pgoid.Bit || lb == pgoid.Varbit:
		if la != pgoid.Bit && la != pgoid.Varbit || lb != pgoid.Int4 && lb != pgoid.Int2 {
			return nil, noOp()
		}
		return "", nil // the bit string's shift (bits.go)
	}
	return a[3], nil
}

func init() {
	netFuncs["pg_shift_type"] = netFunc{4, fnShiftType}
}
