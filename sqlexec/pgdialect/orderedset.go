package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire/pgarray"
	sqlite "modernc.org/sqlite"
)

// Ordered-set aggregates: percentile_cont(f), percentile_disc(f) and
// mode() WITHIN GROUP (ORDER BY x [ASC|DESC]) [FILTER (WHERE ...)].
//
// SQLite has no WITHIN GROUP, but its aggregates take ORDER BY among
// their arguments, so the translator writes
//
//	percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC)
//	  -> pg_percentile_cont(x, 0.5, 1 ORDER BY x DESC NULLS FIRST)
//
// and the aggregate receives the values already in PostgreSQL's order:
// SQLite sorts them with the column's collation (numeric by value through
// pg_numeric, dates and timestamps as their canonical text), the NULL
// placement written out as for any ORDER BY (orderby.go). Intervals, whose
// text does not sort by value, are sorted again by value here (the last
// argument: 1 for DESC). The value comes
// first so the result is typed like an aggregate of it (aggitems.go:
// percentile_disc and mode have x's type, percentile_cont float8 or
// interval). All three are deterministic (they see the same rows in the
// same order on every node) and allowed in writes. As in PostgreSQL they
// are not window functions (OVER -> 0A000). The hypothetical-set
// aggregates (rank(x) WITHIN GROUP ...) are counts (hypothetical.go).

// withinGroup rewrites the ordered-set aggregate call whose WITHIN is at i.
func (x *tx) withinGroup(i int) error {
	q := i - 1 // the call's ")"
	p := -1
	for k := q - 1; k >= 0; k-- {
		if x.isP(k, "(") && x.match(k) == q {
			p = k
			break
		}
	}
	g := i + 2
	if p < 1 || !x.isP(g, "(") || !x.kw(g+1, "ORDER", "BY") {
		return x.syntaxErrAt(i)
	}
	ge := x.match(g)
	name := strings.ToLower(x.T(p - 1).identName())
	direct := x.splitTop(p+1, q)
	if p+1 == q {
		direct = nil
	}
	sorts := x.splitTop(g+3, ge)
	switch name {
	case "percentile_cont", "percentile_disc", "mode":
	case "rank", "dense_rank", "percent_rank", "cume_dist":
		// the ones hypotheticalSets could not write (hypothetical.go)
		if x.kw(ge+1, "OVER") {
			return &Error{Code: "0A000", Message: "OVER is not supported for ordered-set aggregate " + name, Position: x.charPos(p - 1)}
		}
		return unsupported("hypothetical-set aggregates (%s(...) WITHIN GROUP) of several keys (dense_rank) or of a direct argument count unlike the ORDER BY's are not supported", name)
	default:
		return &Error{Code: "42883", Message: fmt.Sprintf("function %s does not exist", name), Position: x.charPos(p - 1)}
	}
	want := 1
	if name == "mode" {
		want = 0
	}
	if len(direct) != want || len(sorts) != 1 || g+3 >= ge {
		return &Error{Code: "42883", Message: fmt.Sprintf("function %s with %d direct and %d aggregated arguments does not exist", name, len(direct), len(sorts)),
			Position: x.charPos(p - 1)}
	}
	if x.kw(ge+1, "OVER") {
		return &Error{Code: "0A000", Message: "OVER is not supported for ordered-set aggregate " + name, Position: x.charPos(p - 1)}
	}
	// The sort expression ends before its ASC/DESC/NULLS/USING.
	se := ge
	for k := g + 3; k < ge; k++ {
		if x.depth[k] == x.depth[g+3] && (x.kw(k, "ASC") || x.kw(k, "DESC") || x.kw(k, "NULLS") || x.kw(k, "USING")) {
			se = k
			break
		}
	}
	if x.kw(se, "USING") {
		return unsupported("ORDER BY ... USING is not supported")
	}
	val := x.text(g+3, se)
	desc := "0"
	if x.kw(se, "DESC") {
		desc = "1"
	}
	fn := "pg_" + name
	if want == 1 && x.arrayArg(direct[0][0], direct[0][1]) {
		fn += "_multi" // typed as an array (aggitems.go)
	}
	x.T(p - 1).set(fn)
	if want == 1 {
		val += ", "
	}
	x.T(p).set("(" + val)
	x.T(q).set(", " + desc + " ORDER BY ")
	x.blank(i, g+3)
	return nil
}

// arrayArg reports a direct argument that is lexically an array:
// ARRAY[...], '{...}', or a cast to an array type.
func (x *tx) arrayArg(a, b int) bool {
	if x.T(a).kw("ARRAY") || x.T(a).typ == tString && strings.HasPrefix(x.T(a).text, "'{") {
		return true
	}
	return b-a >= 2 && x.isP(b-1, "]") && x.isP(b-2, "[")
}

// orderedSetAggs are registered as aggregates only (no window use).
var orderedSetAggs = map[string]struct {
	n  int32
	mk func() sqlite.AggregateFunction
}{
	"pg_percentile_cont":       {3, func() sqlite.AggregateFunction { return &osAgg{kind: "percentile_cont"} }},
	"pg_percentile_disc":       {3, func() sqlite.AggregateFunction { return &osAgg{kind: "percentile_disc"} }},
	"pg_percentile_cont_multi": {3, func() sqlite.AggregateFunction { return &osAgg{kind: "percentile_cont"} }},
	"pg_percentile_disc_multi": {3, func() sqlite.AggregateFunction { return &osAgg{kind: "percentile_disc"} }},
	"pg_mode":                  {2, func() sqlite.AggregateFunction { return &osAgg{kind: "mode"} }},
}

func registerOrderedSetAggs() error {
	for name, d := range orderedSetAggs {
		mk := d.mk
		impl := &sqlite.FunctionImpl{NArgs: d.n, Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return mk(), nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// osAgg keeps the group's non-NULL values in the order SQLite sorted them.
type osAgg struct {
	kind    string
	frac    driver.Value // the direct argument, read from the first row
	fracSet bool
	desc    bool
	vals    []driver.Value
}

func (a *osAgg) Step(_ *sqlite.FunctionContext, v []driver.Value) error {
	if !a.fracSet {
		a.desc = truthy(v[len(v)-1])
		if len(v) > 2 {
			a.frac = v[1]
		}
		a.fracSet = true
	}
	if v[0] != nil {
		a.vals = append(a.vals, v[0])
	}
	return nil
}

func (a *osAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return pgErr("0A000", "OVER is not supported for ordered-set aggregate %s", a.kind)
}

func (a *osAgg) Final(*sqlite.FunctionContext) {}

func (a *osAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	a.sortIntervals()
	if a.kind == "mode" {
		return modeOf(a.vals), nil
	}
	if !a.fracSet || a.frac == nil {
		return nil, nil
	}
	if s, isStr := a.frac.(string); isStr && strings.HasPrefix(strings.TrimSpace(s), "{") {
		return a.multi(s) // percentile_cont(ARRAY[...]): an array of fractions
	}
	f, ok := toFloat(a.frac)
	if !ok {
		return nil, invalidInput("double precision", a.frac)
	}
	if err := checkFraction(f); err != nil || len(a.vals) == 0 {
		return nil, err
	}
	return a.percentile(f)
}

func checkFraction(f float64) error {
	if f < 0 || f > 1 || math.IsNaN(f) {
		return pgErr("22003", "percentile value %s is not between 0 and 1", strconv.FormatFloat(f, 'g', 6, 64))
	}
	return nil
}

// percentile is the result for fraction f over the (non-empty) values.
func (a *osAgg) percentile(f float64) (driver.Value, error) {
	n := len(a.vals)
	if a.kind == "percentile_disc" {
		row := int(math.Ceil(f * float64(n))) // 1-based; 0 is the first row
		return a.vals[max(row, 1)-1], nil
	}
	pos := f * float64(n-1)
	lo, hi := int(math.Floor(pos)), int(math.Ceil(pos))
	return lerp(a.vals[lo], a.vals[hi], pos-float64(lo), lo == hi)
}

// multi is the array of results for an array of fractions (a NULL
// fraction gives a NULL element), NULL for an empty group.
func (a *osAgg) multi(arr string) (driver.Value, error) {
	fracs, err := pgarray.Parse(arr)
	if err != nil {
		return nil, arrayErr(err)
	}
	out := make([]pgarray.Elem, len(fracs))
	for k, e := range fracs {
		if e.Null {
			out[k] = pgarray.Elem{Null: true}
			continue
		}
		f, ok := toFloat(e.Val)
		if !ok {
			return nil, invalidInput("double precision", e.Val)
		}
		if err := checkFraction(f); err != nil {
			return nil, err
		}
		if len(a.vals) == 0 {
			continue
		}
		v, err := a.percentile(f)
		if err != nil {
			return nil, err
		}
		out[k] = valueElem(v)
	}
	if len(a.vals) == 0 {
		return nil, nil
	}
	return pgarray.Format(out), nil
}

// sortIntervals orders interval values by value (SQLite sorted their
// text); other values are left in SQLite's order.
func (a *osAgg) sortIntervals() {
	if len(a.vals) < 2 {
		return
	}
	if _, ok := toFloat(a.vals[0]); ok {
		return
	}
	keys := make(map[int]float64, len(a.vals))
	for k, v := range a.vals {
		s, isStr := v.(string)
		if !isStr {
			return
		}
		iv, err := parseInterval(s)
		if err != nil {
			return
		}
		keys[k] = iv.cmpKey()
	}
	idx := make([]int, len(a.vals))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(p, q int) bool {
		if a.desc {
			return keys[idx[p]] > keys[idx[q]]
		}
		return keys[idx[p]] < keys[idx[q]]
	})
	sorted := make([]driver.Value, len(a.vals))
	for k, j := range idx {
		sorted[k] = a.vals[j]
	}
	a.vals = sorted
}

// lerp is percentile_cont's interpolation between two values (float8, or
// interval when the values are intervals), as PostgreSQL's float8_lerp
// and interval_lerp: lo + (hi - lo) * pct.
func lerp(lo, hi driver.Value, pct float64, same bool) (driver.Value, error) {
	flo, ok1 := toFloat(lo)
	fhi, ok2 := toFloat(hi)
	if ok1 && ok2 {
		if same {
			return flo, nil
		}
		r := flo + (fhi-flo)*pct
		if math.IsNaN(r) {
			// between -Infinity and a number, or two infinities:
			// PostgreSQL's NaN, refused (float8nan.go)
			return nil, errFloatNaN("double precision")
		}
		return r, nil
	}
	ilo, err1 := parseInterval(str(lo))
	ihi, err2 := parseInterval(str(hi))
	if err1 != nil || err2 != nil {
		return nil, pgErr("42883", "function percentile_cont(double precision, %s) does not exist", sqliteTypeName(lo))
	}
	if same {
		return ilo.String(), nil
	}
	d, ok := ihi.add(ilo.neg()).mul(pct)
	if !ok {
		return nil, pgErr("22008", "interval out of range")
	}
	return ilo.add(d).String(), nil
}

// toFloat converts a number (integer, float, or numeric text) to float64.
func toFloat(v driver.Value) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	case string, []byte:
		d, ok := parseDecimal(str(v))
		if !ok {
			return 0, false
		}
		return d.float(), true
	}
	return 0, false
}

// modeOf is the most frequent value of sorted vals; of equally frequent
// ones the first in sort order, as PostgreSQL's mode_final (it replaces
// the candidate only on a strictly larger count).
func modeOf(vals []driver.Value) driver.Value {
	var best driver.Value
	bestN, run := 0, 0
	for k, v := range vals {
		if k > 0 && sameValue(v, vals[k-1]) {
			run++
		} else {
			run = 1
		}
		if run > bestN {
			best, bestN = v, run
		}
	}
	return best
}

func sameValue(a, b driver.Value) bool {
	switch a := a.(type) {
	case []byte:
		bb, ok := b.([]byte)
		return ok && string(a) == string(bb)
	}
	return a == b
}
