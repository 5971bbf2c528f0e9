package pgdialect

// range_funcs.go: the SQL side of the range types (range.go): their input
// functions (enforce.go's rangeIn family) and casts, the pg_range
// collation that orders range columns as PostgreSQL's range_cmp does, the
// constructors (int4range(a, b[, '[]']) ...), the functions lower, upper,
// isempty, lower_inc, upper_inc, lower_inf, upper_inf, range_merge, and
// the operators' function pg_range_op (range_translate.go). All are pure
// functions of their arguments (deterministic, on the write allow-list),
// registered with the driver for every connection.
//
// A range is stored as its output text, whose text order is not
// PostgreSQL's ('[10,20)' before '[9,10)' as text), so range columns are
// declared COLLATE pg_range, as inet's are pg_inet (type_collations.go),
// and a cast to a range type carries it. The collation needs no kind: the
// stored bounds of one column are all of one element type, compared as
// that type orders them (compareElems).

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgrange"
	sqlite "modernc.org/sqlite"
)

// RangeCollation is the collation of range columns and casts.
const RangeCollation = "pg_range"

// compareRangeText is the pg_range collation: range_cmp of the parsed
// values; texts that are no range sort after every range.
func compareRangeText(a, b string) int {
	return compareParsed(a, b, pgrange.Parse, compareRanges) // type_collations.go
}

// rangeIn is the range family of input functions (enforce.go; UTC:
// enforce.go's inValueAt and the connections' ZonedFunctions pass the
// session zone).
var rangeIn = func() map[string]fn {
	in := map[string]fn{}
	for _, k := range rangeKinds {
		in["pg_in_"+k.name] = inWrap(utcFn(rangeCast(k)))
	}
	return in
}()

// rangeInKind is the range kind of an input function's name, nil for
// any other.
func rangeInKind(name string) *rangeKind {
	if t, ok := strings.CutPrefix(name, "pg_in_"); ok {
		return rangeKindNamed(t)
	}
	return nil
}

// zonedFn is a function of its arguments and the session zone.
type zonedFn = func(a []driver.Value, zone *time.Location) (driver.Value, error)

// utcFn is f in UTC, for the process-wide registrations.
func utcFn(f zonedFn) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return f(a, time.UTC) }
}

// rangeCast is the input function of kind k (pg_cast_int4range(v),
// pg_in_int4range(v, typmod)): text to its canonical output text; a
// number is 42846 as PostgreSQL's cast of one is.
func rangeCast(k *rangeKind) zonedFn {
	return func(a []driver.Value, zone *time.Location) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		s, err := netText(a[0], k.name) // inet_funcs.go: 42846 for a number
		if err != nil {
			return nil, err
		}
		r, err := parseRange(k, s, zone)
		if err != nil {
			return nil, err
		}
		return pgrange.Format(r), nil
	}
}

// rangeConstructor is int4range(lo, hi[, flags]) ...: NULL bounds are
// infinite, flags '[)' by default.
func rangeConstructor(k *rangeKind) zonedFn {
	return func(a []driver.Value, zone *time.Location) (driver.Value, error) {
		if len(a) != 2 && len(a) != 3 {
			return nil, pgErr("42883", "function %s() with %d arguments does not exist", k.name, len(a))
		}
		flags := "[)"
		if len(a) == 3 {
			if a[2] == nil {
				return nil, pgErr("22000", "range constructor flags argument must not be null")
			}
			flags = str(a[2])
			if len(flags) != 2 || flags[0] != '[' && flags[0] != '(' || flags[1] != ']' && flags[1] != ')' {
				return nil, pgErr("42601", "invalid range bound flags%s%s", hintMarker, `Valid values are "[]", "[)", "(]", and "()".`)
			}
		}
		lo := rbound{inf: a[0] == nil, inc: flags[0] == '[', lower: true}
		hi := rbound{inf: a[1] == nil, inc: flags[1] == ']'}
		var err error
		if !lo.inf {
			if lo.val, err = k.elemIn(valueText(a[0]), zone); err != nil { // array.go
				return nil, err
			}
		}
		if !hi.inf {
			if hi.val, err = k.elemIn(valueText(a[1]), zone); err != nil {
				return nil, err
			}
		}
		r, err := makeRange(k, lo, hi)
		if err != nil {
			return nil, err
		}
		return pgrange.Format(r), nil
	}
}

// rangeArg reads a range argument: with a kind (the argument's type, a
// column's declared type read at run time) by the kind's input function,
// so a literal in another spelling is canonicalised; without one, the
// stored text's syntax alone (a stored value is canonical already).
func rangeArg(v driver.Value, k *rangeKind, zone *time.Location) (pgrange.Range, error) {
	switch v.(type) {
	case int64, float64:
		return pgrange.Range{}, pgErr("42883", "operator does not exist: a range and a number")
	}
	if k != nil {
		return parseRange(k, str(v), zone)
	}
	return parseRangeSyntax(str(v))
}

// rangeFn adapts a function of one range (strict: NULL gives NULL).
func rangeFn(f func(pgrange.Range) driver.Value) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		r, err := rangeArg(a[0], nil, nil)
		if err != nil {
			return nil, err
		}
		return f(r), nil
	}
}

// rangeBoundFn is pg_range_lower(r, type) / pg_range_upper: the bound as
// the element type's value (NULL when empty or infinite), type being the
// range's type name or a column's declared type (NULL: read from the text).
// A type that is no range's is lower()/upper() of text, so a column whose
// declared type the translation could not see keeps text's answer; with
// no type (NULL: a FROM subquery's or a CTE's column, which has none to
// read) a value that is no range's text is text's too (it was 22P02
// malformed range literal; found by the differential fuzz tester).
func rangeBoundFn(upper bool) fn {
	textFn := likeFuncs["lower"].f // like.go
	if upper {
		textFn = likeFuncs["upper"].f
	}
	return func(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		k := rangeKindNamed(str(a[1]))
		if k == nil && a[1] != nil {
			return textFn(ctx, a[:1])
		}
		r, err := rangeArg(a[0], nil, nil)
		if err != nil && a[1] == nil {
			return textFn(ctx, a[:1])
		}
		if err != nil {
			return nil, err
		}
		v, inf := r.Lower, r.LowerInf
		if upper {
			v, inf = r.Upper, r.UpperInf
		}
		if r.Empty || inf {
			return nil, nil
		}
		if k == nil {
			return v, nil
		}
		return k.elemValue(v), nil
	}
}

func fnRangeMerge(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	r1, err := rangeArg(a[0], nil, nil)
	if err != nil {
		return nil, err
	}
	r2, err := rangeArg(a[1], nil, nil)
	if err != nil {
		return nil, err
	}
	r, err := rangeUnion(nil, r1, r2, false)
	if err != nil {
		return nil, err
	}
	return pgrange.Format(r), nil
}

// rangeBoolOps are the boolean operators on ranges (the element forms of
// @> and <@ in rangeOpElem).
var rangeBoolOps = map[string]func(a, b pgrange.Range) bool{
	"@>": rangeContains, "<@": func(a, b pgrange.Range) bool { return rangeContains(b, a) },
	"&&": rangeOverlaps, "<<": rangeBefore, ">>": func(a, b pgrange.Range) bool { return rangeBefore(b, a) },
	"&<": rangeOverleft, "&>": rangeOverright, "-|-": rangeAdjacent,
}

// rangeSetOps are + (union), * (intersection) and - (difference).
var rangeSetOps = map[string]func(k *rangeKind, a, b pgrange.Range) (pgrange.Range, error){
	"+": func(k *rangeKind, a, b pgrange.Range) (pgrange.Range, error) { return rangeUnion(k, a, b, true) },
	"*": rangeIntersect, "-": rangeMinus,
}

// fnRangeOp is pg_range_op(op, a, b, ta, tb): the range operator op of a
// and b, ta and tb each operand's type (a type name the statement shows,
// 'unknown' for a string literal, a column's declared type read at run
// time, or NULL). The range's kind is the operand's that is a range; a
// string of unknown type is a range of that kind, as PostgreSQL resolves
// an unknown literal beside a range ('[1,5)'::int4range @> '[2,3]'); @>
// and <@ take an element on the other side.
func fnRangeOp(a []driver.Value, zone *time.Location) (driver.Value, error) {
	op := str(a[0])
	if a[1] == nil || a[2] == nil {
		return nil, nil
	}
	ka, kb := rangeKindNamed(str(a[3])), rangeKindNamed(str(a[4]))
	k := ka
	if k == nil {
		k = kb
	}
	if k == nil && !(isRangeText(a[1]) && isRangeText(a[2])) {
		return nil, pgErr("42883", "operator does not exist: %s %s %s", argTypeName(a[3]), op, argTypeName(a[4]))
	}
	if k == nil {
		// two stored ranges whose types no hint names (a CHECK added by
		// ALTER TABLE): canonical already, compared without a kind
		return rangeValuesOp(op, a[1], a[2])
	}
	isElem := func(v, t driver.Value, kt *rangeKind) bool {
		if kt != nil {
			return false
		}
		switch v.(type) {
		case int64, float64:
			return true
		}
		return t != nil && str(t) != "unknown" && str(t) != "text"
	}
	if op == "@>" && isElem(a[2], a[4], kb) || op == "<@" && isElem(a[1], a[3], ka) {
		rv, ev := a[1], a[2]
		if op == "<@" {
			rv, ev = a[2], a[1]
		}
		r, err := rangeArg(rv, k, zone)
		if err != nil {
			return nil, err
		}
		e, err := k.elemIn(valueText(ev), zone)
		if err != nil {
			return nil, err
		}
		return int64(btoi(rangeContainsElem(r, e))), nil
	}
	r1, err := rangeArg(a[1], k, zone)
	if err != nil {
		return nil, err
	}
	r2, err := rangeArg(a[2], k, zone)
	if err != nil {
		return nil, err
	}
	if f := rangeBoolOps[op]; f != nil {
		return int64(btoi(f(r1, r2))), nil
	}
	if f := rangeSetOps[op]; f != nil {
		r, err := f(k, r1, r2)
		if err != nil {
			return nil, err
		}
		return pgrange.Format(r), nil
	}
	return nil, pgErr("42883", "operator does not exist: %s %s %s", k.name, op, k.name)
}

// rangeArithValues is x + y, x - y or x * y of operands whose types the
// statement does not show (two range columns) when both are range texts:
// ok is false otherwise. Stored values are canonical, and union,
// intersection and difference of canonical ranges are canonical, so no
// kind is needed.
func rangeArithValues(op byte, x, y driver.Value) (driver.Value, bool, error) {
	if !isRangeText(x) || !isRangeText(y) {
		return nil, false, nil
	}
	v, err := rangeValuesOp(string(op), x, y)
	return v, true, err
}

// isRangeText reports whether v is a range's text.
func isRangeText(v driver.Value) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	_, err := pgrange.Parse(s)
	return err == nil
}

// rangeValuesOp is the operator op of two range texts, without a kind.
func rangeValuesOp(op string, x, y driver.Value) (driver.Value, error) {
	r1, err := rangeArg(x, nil, nil)
	if err != nil {
		return nil, err
	}
	r2, err := rangeArg(y, nil, nil)
	if err != nil {
		return nil, err
	}
	if f := rangeBoolOps[op]; f != nil {
		return int64(btoi(f(r1, r2))), nil
	}
	r, err := rangeSetOps[op](nil, r1, r2)
	if err != nil {
		return nil, err
	}
	return pgrange.Format(r), nil
}

// tstzRangeText is text(tstzrange): the bounds as timestamptz::text
// prints them in the session zone (pgcast.go's textIn); ok false for a
// value that is no range.
func tstzRangeText(v driver.Value, zone *time.Location) (string, bool) {
	r, err := pgrange.Parse(str(v))
	if err != nil {
		return "", false
	}
	for _, b := range []struct {
		inf bool
		val *string
	}{{r.LowerInf, &r.Lower}, {r.UpperInf, &r.Upper}} {
		if r.Empty || b.inf {
			continue
		}
		t, err := textIn([]driver.Value{*b.val, "timestamptz"}, zone)
		if err != nil {
			return "", false
		}
		*b.val = str(t)
	}
	return pgrange.Format(r), true
}

// argTypeName names an operand's type hint in an error.
func argTypeName(t driver.Value) string {
	if t == nil {
		return "unknown"
	}
	return str(t)
}

// rangeOrFallbacks are the functions the other passes give @>, <@, &&, <<
// and >> between operands whose types the statement does not show
// (jsonb_translate.go, array_translate.go, inet_translate.go): pg_range_or
// calls them when neither operand is a range.
var rangeOrFallbacks = map[string]fn{}

// fnRangeOr is pg_range_or(op, a, b, ta, tb, fallback): pg_range_op when
// ta or tb (a column's declared type read at run time) is a range type,
// else the function fallback of a and b, what the statement meant
// before range types (a jsonb column's @>, an array column's &&).
func fnRangeOr(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if rangeKindNamed(str(a[3])) != nil || rangeKindNamed(str(a[4])) != nil {
		return fnRangeOp(a[:5], zone)
	}
	f := rangeOrFallbacks[str(a[5])]
	if f == nil {
		return nil, pgErr("42883", "operator does not exist: %s %s %s", argTypeName(a[3]), str(a[0]), argTypeName(a[4]))
	}
	if str(a[0]) == "<@" && str(a[5]) == "pg_jsonb_contains" {
		return f(nil, []driver.Value{a[2], a[1]})
	}
	return f(nil, a[1:3])
}

// rangeFuncs are the functions on ranges.
var rangeFuncs = map[string]netFunc{
	"isempty":        {1, rangeFn(func(r pgrange.Range) driver.Value { return int64(btoi(r.Empty)) })},
	"lower_inc":      {1, rangeFn(func(r pgrange.Range) driver.Value { return int64(btoi(!r.Empty && r.LowerInc)) })},
	"upper_inc":      {1, rangeFn(func(r pgrange.Range) driver.Value { return int64(btoi(!r.Empty && r.UpperInc)) })},
	"lower_inf":      {1, rangeFn(func(r pgrange.Range) driver.Value { return int64(btoi(!r.Empty && r.LowerInf)) })},
	"upper_inf":      {1, rangeFn(func(r pgrange.Range) driver.Value { return int64(btoi(!r.Empty && r.UpperInf)) })},
	"range_merge":    {2, fnRangeMerge},
	"pg_range_lower": {2, rangeBoundFn(false)},
	"pg_range_upper": {2, rangeBoundFn(true)},
}

// rangeZoned are the range functions that read a bound's text (a
// tstzrange's, in the session zone): added to ZonedFunctions.
func rangeZoned() []ZonedFunc {
	out := []ZonedFunc{{"pg_range_op", 5, fnRangeOp}, {"pg_range_or", 6, fnRangeOr}}
	for _, k := range rangeKinds {
		// a constructor takes 2 or 3 arguments: the driver registers one
		// arity per name
		out = append(out, ZonedFunc{k.name, -1, rangeConstructor(k)}, ZonedFunc{"pg_cast_" + k.name, 1, rangeCast(k)},
			ZonedFunc{"pg_in_" + k.name, 2, rangeCast(k)})
	}
	return out
}

func registerRangeFuncs() error {
	rangeOrFallbacks["pg_jsonb_contains"] = fnJSONBContains
	rangeOrFallbacks["pg_array_overlap"] = fnArrayOverlap
	for _, f := range []string{"pg_net_overlap", "pg_net_contained", "pg_net_contains", "pg_net_shift_contained", "pg_net_shift_contains"} {
		rangeOrFallbacks[f] = netFuncs[f].f
	}
	reg := func(name string, n int32, f fn) error {
		if err := sqlite.RegisterDeterministicScalarFunction(name, n, f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
		return nil
	}
	for name, d := range rangeFuncs {
		if err := reg(name, d.n, d.f); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	for _, f := range []string{"isempty", "lower_inc", "upper_inc", "lower_inf", "upper_inf"} {
		funcResultOIDs[f] = pgoid.Bool
	}
	for _, k := range rangeKinds {
		funcResultOIDs[k.name] = k.oid
	}
}
