package pgdialect

// series_lateral.go: generate_series in FROM after other FROM items with
// arguments that read their columns (FROM t, generate_series(1, t.n) g):
// PostgreSQL calls a function in FROM once per row of the items before it
// (an implicit LATERAL). The series is otherwise a recursive CTE subquery
// (expr.go), and a subquery in FROM cannot see the items beside it in
// SQLite; a table-valued function's arguments can. So the item becomes
// json_each over a correlated scalar subquery that gathers the series
// into a JSON array, json_each(SELECT json_group_array(v) FROM series),
// as unnest(t.a) is json_each over the array: the series' values are
// integers (exact in JSON up to int8's range) or text (numeric, dates,
// timestamps), which JSON carries unchanged; a numeric value gets back
// its collation (exactNumericValue). The references to its column read
// json_each's value (srfColumnRefs), WITH ORDINALITY's json_each's key
// plus one (json_group_array keeps the series' order).

import (
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// seriesLateral reports whether the generate_series FROM item at i (its
// argument list closing at e) follows other FROM items and reads columns.
func (x *tx) seriesLateral(i, e int) bool {
	p := i - 1
	if x.isP(p, ".") {
		p -= 2 // pg_catalog.generate_series
	}
	if x.kw(p, "LATERAL") {
		p--
	}
	return (x.kw(p, "JOIN") || x.isP(p, ",")) && x.readsColumns(i+2, e)
}

// seriesJSONEach rewrites the generate_series FROM item i..end-1 (its
// arguments args, closing at e) to json_each over the gathered series
// (see above): alias ("" when none), its column col and WITH
// ORDINALITY's ord ("" when none).
func (x *tx) seriesJSONEach(i, e, end int, args [][2]int, alias, col, ord string) error {
	// json_each's own columns (id, key, value, type, path ...) would make
	// the table's of those names ambiguous (array_translate.go); the
	// series' column and ordinality keep their names
	x.qualifyEachCols(i, col, ord)
	if alias == "" {
		alias = "generate_series"
	}
	q := quoteIdent(alias)
	g := x.seriesGathered(i, e, args, col)
	rows, static, typed, dt := g.rows, g.static, g.typed, g.dt
	value := func() string { return g.value(q + ".value") }
	if err := x.unnestStars(i, end, alias, col, ord, value()); err != nil { // array_translate.go
		return err
	}
	if x.isP(i-1, ".") {
		x.T(i - 1).set("")
		x.T(i - 2).set("")
	}
	x.wipe(i, end)
	x.T(i).set("json_each(" + rows + ") AS " + q)
	// an operand: an integer compared with a string literal gets its
	// column affinity back (g > '1' compares as numbers); a date/time
	// value of run-time type would compare with a literal as text
	var operand func(bool) (string, error)
	switch {
	case static == pgoid.Int4 || static == pgoid.Int8 || !dt && typed != "":
		operand = func(literal bool) (string, error) {
			if literal {
				return "CAST(" + value() + " AS INTEGER)", nil
			}
			return value(), nil
		}
	case dt && typed != "":
		operand = func(bool) (string, error) {
			return "", unsupported("the column of generate_series() over timestamps of a column's type after other FROM items is supported as a whole select, ORDER BY or GROUP BY item only (cast its start)")
		}
	}
	return x.srfColumnRefs(i, end, srfRefs{alias: alias, col: col, ord: ord, value: value, qualified: true, oid: static, operand: operand})
}

// gathered is a series gathered into a JSON array for json_each
// (seriesGathered): rows the array, static its type when the arguments
// show it, typed the call that types a value at run time ("" when none),
// dt whether it is a date/time series.
type gathered struct {
	rows   string
	static uint32
	typed  string
	dt     bool
}

// value is a json_each value v of the series, typed as the series.
func (g gathered) value(v string) string {
	switch {
	case g.static == pgoid.Numeric:
		return exactNumericValue(v)
	case g.typed != "":
		return fmt.Sprintf(g.typed, v) // calltypes.go
	}
	return v
}

// seriesGathered is the generate_series call i..e (arguments args) as a
// correlated scalar subquery that gathers its values, named col, into a
// JSON array: json_each over it lists the series once per row of the
// FROM items before it.
func (x *tx) seriesGathered(i, e int, args [][2]int, col string) gathered {
	static := uint32(0) // the series' type when the arguments show it
	if r, ok := x.resolved[i]; ok {
		static = r.oid
	}
	a := func(k int) string { return x.text(args[k][0], args[k][1]) }
	for _, r := range args {
		if static == 0 && x.exprOID(r[0], r[1]) == pgoid.Numeric {
			// one numeric argument makes a numeric series, the others
			// read as numeric whatever their type (seriesNumeric)
			static = pgoid.Numeric
			x.typeSpan(i, e+1, static)
		}
	}
	delete(x.dtCols, col)
	_, dt := x.seriesDateTime(args, a, col) // datetime_translate.go
	if st := x.dtCols[col]; st != "" {
		static = dtTypeOIDs[st]
	}
	typed := "" // the call that types a reference at run time
	switch {
	case dt && static == 0:
		// timestamps of a column's type read at run time
		typed = "pg_series_dt(%s, " + a(0) + ")"
	case !dt && static == 0:
		// integers over columns of types read at run time (seriesSubquery
		// refuses another value)
		typed = "pg_series_value(%s, " + a(0) + ", " + a(1) + ")"
	}
	series := x.seriesSubquery(i, args, col)
	return gathered{rows: "(SELECT json_group_array(" + quoteIdent(col) + ") FROM " + series + ")", static: static, typed: typed, dt: dt}
}

// fnSeriesInt is pg_series_int(v): v, an argument of an integer series
// read at run time, when it is an integer or NULL (seriesSubquery).
func fnSeriesInt(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch a[0].(type) {
	case int64, nil:
		return a[0], nil
	}
	return nil, pgErr("0A000", "generate_series() over a value that is not an integer, of a type known only when it runs (a column's, a subquery's, a parameter's), is not supported (cast its arguments)")
}

// fnSeriesDT is pg_series_dt(v, start): v, a value of a date/time series
// after other FROM items; start is there for the reference's description
// (calltypes.go: timestamp or timestamptz as start's type).
func fnSeriesDT(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return a[0], nil
}

// fnSeriesValue is pg_series_value(v, start, stop): v, a value of an
// integer series after other FROM items; start and stop are there for
// the reference's description (calltypes.go: their common type).
func fnSeriesValue(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return a[0], nil
}
