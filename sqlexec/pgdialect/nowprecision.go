package pgdialect

import (
	"fmt"
	"strconv"
)

// nowPrecisionFuncs round the current date/time keywords' values to a
// precision as the casts to timestamptz(p), timestamp(p), timetz(p) and
// time(p) do: PostgreSQL's CURRENT_TIMESTAMP(p) is the transaction's
// start rounded to p fractional digits (AdjustTimestampForTypmod), the
// same pinned instant (pg_now()) as the keyword alone.
var nowPrecisionFuncs = map[string]string{
	"CURRENT_TIMESTAMP": "pg_in_timestamptz",
	"LOCALTIMESTAMP":    "pg_in_timestamp",
	"CURRENT_TIME":      "pg_in_timetz",
	"LOCALTIME":         "pg_in_time",
}

// nowPrecision translates keyword u at i followed by "(p)" (its text
// already set to the keyword's translation): the grammar's Iconst only,
// else the syntax error PostgreSQL's grammar gives (CURRENT_DATE takes
// none). A precision over 6 is 6, as the casts take it (PostgreSQL warns
// that it was reduced; docs/sql-dialect.md).
func (x *tx) nowPrecision(i int, u string) error {
	fn, ok := nowPrecisionFuncs[u]
	if !ok {
		return x.syntaxErrAt(i + 1)
	}
	p, err := strconv.Atoi(x.T(i + 2).text)
	if x.T(i+2).typ != tNumber || err != nil {
		return x.syntaxErrAt(i + 2)
	}
	e := x.match(i + 1)
	if e != i+3 {
		return x.syntaxErrAt(i + 3)
	}
	p = min(p, 6)
	t := x.T(i)
	t.set(fmt.Sprintf("%s(%s, %d)", fn, t.out, p))
	x.blank(i+1, e+1)
	return nil
}
