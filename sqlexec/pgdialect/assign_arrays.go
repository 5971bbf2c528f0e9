package pgdialect

// assign_arrays.go: an array assigned to an array column of another
// element type. PostgreSQL converts each element by the elements'
// assignment cast (array_coerce): numeric and float elements assigned to
// an integer array round (ARRAY[1.6::numeric] into an int4[] is {2}), a
// bigint element past int4's range is 22003 "integer out of range", a
// boolean element assigned to a text array is its text (true). pg_in_col
// read the array's text with the column's element input function
// instead (22P02 for 1.6; a boolean array's 1 stored as "1"). InColAt
// converts here when the statement shows the value's type
// (assignFromType).

import (
	"database/sql/driver"
	"strconv"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
)

// arrayAssign converts array v of type from element by element to the
// elements of array type decl by their assignment casts, ok=false when
// the types are not arrays of such elements (the column's input function
// reads the value then).
func arrayAssign(v driver.Value, from uint32, decl string) (out driver.Value, ok bool, err error) {
	to, _ := DeclTypeOID(decl)
	fe, te := pgoid.ElemOf(from), pgoid.ElemOf(to)
	if v == nil || fe == 0 || te == 0 || fe == te {
		return nil, false, nil
	}
	_, toInt := intTypes[TypeName(te)]
	toStr := te == pgoid.Text || te == pgoid.Varchar || te == pgoid.Bpchar
	var conv func(s string) (string, error)
	switch {
	case toInt && numericRank[fe] > 0:
		typ := TypeName(te)
		conv = func(s string) (string, error) {
			var r driver.Value
			if fe == pgoid.Float4 || fe == pgoid.Float8 {
				f, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return s, nil // not a number: the input function's error
				}
				r, err = fnFloatInt(nil, []driver.Value{f, typ}) // rounds half to even
				if err != nil {
					return "", err
				}
			} else if r, err = fnNumInt(nil, []driver.Value{s, typ}); err != nil { // half away from zero
				return "", err
			}
			return str(r), nil
		}
	case toStr && fe == pgoid.Bool:
		conv = func(s string) (string, error) {
			switch s {
			case "1", "t", "true":
				return "true", nil
			case "0", "f", "false":
				return "false", nil
			}
			return s, nil
		}
	case toStr && fe == pgoid.Float4:
		conv = func(s string) (string, error) {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return s, nil
			}
			return pgwire.FormatFloat(f, 32), nil // float4out: 0.1, not its double
		}
	default:
		return nil, false, nil
	}
	elems, err := parseArrayValue(v)
	if err != nil {
		return nil, false, nil // not an array's text: the input function's error
	}
	for k, e := range elems {
		if e.Null {
			continue
		}
		if elems[k].Val, err = conv(e.Val); err != nil {
			return nil, true, err
		}
	}
	return pgarray.Format(elems), true, nil
}
