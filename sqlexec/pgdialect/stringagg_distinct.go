package pgdialect

// stringagg_distinct.go: string_agg(DISTINCT x, delim [ORDER BY x]) with
// any delimiter. SQLite's DISTINCT aggregates take one argument, so
// group_concat(DISTINCT x, '/') is refused; with the default ','
// separator the delimiter can go (strsyntax.go). Another delimiter: the
// distinct values are gathered by json_group_array(DISTINCT x [ORDER BY
// x]), which takes one argument, and pg_string_agg_json joins them,
// skipping NULLs as string_agg does: NULL when none is left (no rows, or
// only NULLs).

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// stringAggDistinct rewrites the string_agg call at i (closing at e) whose
// second argument starts with the delimiter at d (a string literal); the
// ORDER BY after it stays inside the gathering call.
func (x *tx) stringAggDistinct(i, e, d int) {
	s, _ := unquoteString(x.T(d)) // E'\n' as well as '/'
	x.T(i).set("pg_string_agg_json(json_group_array")
	x.blank(d-1, d+1) // ", delim"
	// after a FILTER clause, which belongs to the gathering aggregate
	end := e
	if x.kw(e+1, "FILTER") && x.isP(e+2, "(") {
		end = x.match(e + 2)
	}
	x.T(end).suf += ", " + sqliteLit(s) + ")"
}

// fnStringAggJSON is pg_string_agg_json(values, delim): the JSON array's
// non-NULL elements joined by delim, NULL when there are none.
func fnStringAggJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	var vals []any
	d := json.NewDecoder(strings.NewReader(str(a[0])))
	d.UseNumber()
	if err := d.Decode(&vals); err != nil {
		return nil, fmt.Errorf("pg_string_agg_json: %w", err)
	}
	var b strings.Builder
	n := 0
	for _, v := range vals {
		if v == nil {
			continue
		}
		if n > 0 && a[1] != nil {
			b.WriteString(str(a[1]))
		}
		fmt.Fprint(&b, v) // a string, or a json.Number's own text
		n++
	}
	if n == 0 {
		return nil, nil
	}
	return b.String(), nil
}
