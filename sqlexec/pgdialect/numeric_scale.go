package pgdialect

// numeric_scale.go: the functions that read or change a numeric's display
// scale, as PostgreSQL 15's numeric_scale / numeric_min_scale /
// numeric_trim_scale.
//
//	scale(x)       the display scale (int4): scale(1.500) is 3; NULL for NaN and infinities
//	min_scale(x)   the smallest scale that keeps the value (int4): min_scale(1.500) is 1
//	trim_scale(x)  x at its min_scale (numeric): trim_scale(1.500) is 1.5
//
// The scale is the decimal literal's as written (1.500 keeps its three
// fraction digits), which is why numeric_calls.go passes decimal literal
// arguments as numeric text. Pure functions of their argument
// (deterministic, on the write allow-list).

import (
	"database/sql/driver"
	"math/big"

	sqlite "modernc.org/sqlite"
)

// minScale is the number of fraction digits left once the trailing zeros go.
func (d *decimal) minScale() int32 {
	if d.kind != numFinite || d.coef.Sign() == 0 {
		return 0
	}
	s := d.scale
	c := new(big.Int).Abs(&d.coef)
	r := new(big.Int)
	for s > 0 {
		q, _ := new(big.Int).QuoRem(c, bigTen, r)
		if r.Sign() != 0 {
			break
		}
		c = q
		s--
	}
	return s
}

// numScaleFn is scale(x) (min false) or min_scale(x) (min true).
func numScaleFn(min bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		d, err := numArg(a[0])
		if err != nil || d.kind != numFinite {
			return nil, err
		}
		if min {
			return int64(d.minScale()), nil
		}
		return int64(d.scale), nil
	}
}

func numTrimScale(x *decimal) (decimal, error) {
	if x.kind == numFinite {
		x.rescale(x.minScale(), true)
	}
	return *x, nil
}
