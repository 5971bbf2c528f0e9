package pgdialect

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Row values as aggregate arguments: count(DISTINCT (a, b)) and
// count(DISTINCT ROW(a, b)). SQLite has no row values outside
// comparisons, so the row becomes pg_row_key(a, b): a text that is equal
// for two rows exactly when their fields are pairwise the same SQLite
// values (NULL fields equal each other, as PostgreSQL's DISTINCT treats
// them). A row is never NULL itself, so count((a, b)) counts every row, as
// in PostgreSQL. Deterministic: allowed in writes. Difference: numerics
// of one unconstrained column that differ only in trailing zeros (1.5,
// 1.50) are distinct here.

// countRow rewrites count([DISTINCT] (a, b, ...)) / count([DISTINCT]
// ROW(a, ...)) at i (the name count).
func (x *tx) countRow(i int) {
	e := x.match(i + 1)
	k := i + 2
	if x.kw(k, "DISTINCT") || x.kw(k, "ALL") {
		k++
	}
	if x.kw(k, "ROW") && x.isP(k+1, "(") && x.match(k+1) == e-1 {
		x.T(k).set("pg_row_key")
		return
	}
	if !x.isP(k, "(") || x.match(k) != e-1 || len(x.splitTop(k+1, e-1)) < 2 {
		return
	}
	x.T(k).set("pg_row_key(")
}

func fnRowKey(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	var b strings.Builder
	for _, v := range a {
		switch v := v.(type) {
		case nil:
			b.WriteString("N;")
		case int64:
			b.WriteString("i" + strconv.FormatInt(v, 10) + ";")
		case float64:
			if v == 0 {
				v = 0 // -0 = 0, as float8 equality
			} else if math.IsNaN(v) {
				v = math.NaN() // one NaN: PostgreSQL's NaN equals NaN
			}
			b.WriteString("f" + strconv.FormatUint(math.Float64bits(v), 16) + ";")
		case []byte:
			b.WriteString("b" + strconv.Itoa(len(v)) + ":" + string(v))
		default:
			s := str(v)
			b.WriteString("s" + strconv.Itoa(len(s)) + ":" + s)
		}
	}
	return b.String(), nil
}

func init() {
	quoteFuncs["pg_row_key"] = struct {
		n int32
		f fn
	}{-1, fnRowKey}
}
