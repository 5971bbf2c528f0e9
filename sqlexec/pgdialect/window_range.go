package pgdialect

// window_range.go: window frames in RANGE mode with an offset
// (RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW). SQLite
// computes such a frame as ORDER BY key minus/plus the offset, which must
// be a number, over a numeric key; PostgreSQL adds the offset to the
// key's value in the key's type. Dates and times are stored as text and
// numeric values as decimal text, so SQLite refused the interval offset
// and framed a numeric key by peers only (a silently wrong sum).
//
// The one ORDER BY key becomes pg_range_key(key, <date/time type>,
// <number type>, mode, scale, offsets...), a number on which SQLite's
// arithmetic is PostgreSQL's, and each offset that number's difference:
//
//   - an interval offset over a date, timestamp or timestamptz key: the
//     key's microseconds since the epoch (a date's midnight), the offset
//     its microseconds (days of 24 hours). An offset with months or years
//     has no fixed length (PostgreSQL adds it by the calendar per row):
//     refused with 0A000. A timestamptz plus days is calendar arithmetic
//     in the session TimeZone (23 or 25 hours across a DST change): the
//     key checks per row that the offset's bounds are the fixed-length
//     ones and refuses (0A000) a row where they are not;
//   - a number offset over an integer, numeric or float key: the key times
//     10^scale, scale the offset's decimal places as written, exact (an
//     integer key with a fractional offset is PostgreSQL's 0A000; a
//     numeric value with more decimal places than the offset, or a float
//     key with a fractional offset, is refused with 0A000: no exact
//     fixed-scale key exists).
//
// The key's type is read at run time (a column's declared type), so a
// type PostgreSQL refuses with the offset's type gets PostgreSQL's 0A000
// from pg_range_key. A negative offset is 22013 and RANGE with an offset
// needs exactly one ORDER BY item (42P20), as PostgreSQL checks.

import (
	"database/sql/driver"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	reRangeIntervalLit = regexp.MustCompile(`(?is)^\s*(?:interval\s*'([^']*)'|'([^']*)'\s*::\s*interval|'([^']*)')\s*$`)
	reRangeNumberLit   = regexp.MustCompile(`^\s*(-?)\s*(\d+)(?:\.(\d*))?\s*$`)
)

// rangeOffset is one offset bound of a frame: tokens s..e-1.
type rangeOffset struct {
	s, e int
	iv   interval
	num  string // the number as written, unsigned
	neg  bool
}

// windowRangeOffsets rewrites every RANGE frame with an offset bound.
func (x *tx) windowRangeOffsets() error {
	if x.catalog {
		return nil
	}
	for i := 0; i < x.n(); i++ {
		if !x.T(i).kw("RANGE") || x.T(i).typ != tIdent {
			continue
		}
		open := -1
		for k := i - 1; k >= 0; k-- {
			if x.isP(k, "(") && x.match(k) > i {
				open = k
				break
			}
		}
		if open < 0 {
			continue
		}
		d := x.depth[i]
		offs, ok := x.rangeBounds(i+1, d)
		if !ok || len(offs) == 0 {
			continue
		}
		ob := -1
		for k := open + 1; k < i; k++ {
			if x.depth[k] == d && x.kw(k, "ORDER", "BY") {
				ob = k
			}
		}
		if ob < 0 && x.T(open+1).typ == tIdent && !x.kw(open+1, "PARTITION") && !x.kw(open+1, "RANGE") {
			return unsupported("RANGE with an offset in a window that copies window %s is not supported", x.T(open+1).text)
		}
		var items [][2]int
		if ob >= 0 {
			items = x.splitTop(ob+2, i)
		}
		if len(items) != 1 {
			return &Error{Code: "42P20", Message: "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column", Position: x.T(open).pos + 1}
		}
		if err := x.rangeRewrite(items[0][0], x.orderExprEnd(items[0][0], items[0][1], d), offs); err != nil {
			return err
		}
	}
	return nil
}

// rangeBounds reads the frame bounds after RANGE (at j, depth d): the
// offsets among them; ok is false when an offset is not a literal this
// file reads (left to SQLite).
func (x *tx) rangeBounds(j, d int) ([]rangeOffset, bool) {
	between := x.kw(j, "BETWEEN")
	if between {
		j++
	}
	var offs []rangeOffset
	for n := 0; n < 2; n++ {
		s := j
		for j < x.n() && x.depth[j] >= d && !(x.depth[j] == d && (x.kw(j, "PRECEDING") || x.kw(j, "FOLLOWING") || x.kw(j, "ROW"))) {
			j++
		}
		if j >= x.n() || x.depth[j] != d {
			return nil, false
		}
		if !x.kw(s, "UNBOUNDED") && !x.kw(s, "CURRENT") {
			if s == j {
				return nil, false
			}
			src := x.orig(s, j)
			o := rangeOffset{s: s, e: j}
			if q := reRangeIntervalLit.FindStringSubmatch(src); q != nil && q[3] != "" && reRangeNumberLit.MatchString(q[3]) {
				src = q[3] // an unknown literal is of the key's type: '1.5' over a numeric key is a number
			}
			if m := reRangeNumberLit.FindStringSubmatch(src); m != nil {
				o.neg, o.num = m[1] == "-", m[2]
				if m[3] != "" {
					o.num += "." + m[3]
				}
			} else if m := reRangeIntervalLit.FindStringSubmatch(src); m != nil {
				iv, err := parseInterval(m[1] + m[2] + m[3])
				if err != nil {
					return nil, false
				}
				o.iv = iv
				o.neg = iv.months < 0 || iv.days < 0 || iv.us < 0
			} else {
				return nil, false
			}
			offs = append(offs, o)
		}
		j++
		if !between || n == 1 {
			break
		}
		if !x.kw(j, "AND") {
			return nil, false
		}
		j++
	}
	return offs, true
}

// rangeRewrite makes the ORDER BY key a..b-1 pg_range_key(...) and each
// offset its number.
func (x *tx) rangeRewrite(a, b int, offs []rangeOffset) error {
	mode, scale := "interval", 0
	var ivs []string
	for _, o := range offs {
		if o.neg {
			return &Error{Code: "22013", Message: "invalid preceding or following size in window function"}
		}
		if o.num != "" {
			mode = "number"
			if p := strings.IndexByte(o.num, '.'); p >= 0 && len(o.num)-p-1 > scale {
				scale = len(o.num) - p - 1
			}
		}
	}
	for _, o := range offs {
		if (o.num != "") != (mode == "number") {
			return unsupported("RANGE with a number and an interval offset in one frame is not supported")
		}
	}
	for _, o := range offs {
		var text string
		if mode == "number" {
			r, _ := new(big.Rat).SetString(o.num)
			r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
			if !r.IsInt() || !r.Num().IsInt64() {
				return unsupported("RANGE offset %s is out of range", o.num)
			}
			text = r.Num().String()
		} else {
			if o.iv.months != 0 {
				return unsupported("RANGE offset with months or years over a date/time ORDER BY is not supported (PostgreSQL adds it by the calendar per row)")
			}
			us, ok := o.iv.fixedMicros()
			if !ok {
				return unsupported("RANGE offset %s is out of range", o.iv.String())
			}
			text = strconv.FormatInt(us, 10)
			ivs = append(ivs, quoteLit(o.iv.String()))
		}
		x.blank(o.s, o.e)
		for k := o.s; k < o.e; k++ { // a cast's rewrite wraps the literal ('1 day'::interval)
			t := x.T(k)
			t.pre, t.suf, t.wpre, t.wsuf = "", "", "", ""
		}
		x.T(o.s).set(text + " ")
	}
	dt, num := x.dtTypeExpr(a, b), x.numTypeExpr(a, b)
	if dt == "" {
		dt = "''"
	}
	if num == "" {
		num = "''"
	}
	args := ", " + dt + ", " + num + ", " + quoteLit(mode) + ", " + strconv.Itoa(scale)
	for _, iv := range ivs {
		args += ", " + iv
	}
	x.T(a).pre = "pg_range_key(" + x.T(a).pre
	x.T(b - 1).suf += args + ")"
	return nil
}

// fixedMicros is the interval's length with days of 24 hours.
func (iv interval) fixedMicros() (int64, bool) {
	const usPerDay = 86400 * usPerSec
	if iv.days > math.MaxInt64/usPerDay || iv.days*usPerDay > math.MaxInt64-iv.us {
		return 0, false
	}
	return iv.days*usPerDay + iv.us, true
}

// rangeKeyTypeNames are PostgreSQL's names of the number types in its
// RANGE offset error.
var rangeKeyTypeNames = map[string]string{"int2": "smallint", "int4": "integer", "int8": "bigint",
	"numeric": "numeric", "float4": "real", "float8": "double precision"}

func rangeTypeErr(keyType, offType string) error {
	name := rangeKeyTypeNames[keyType]
	if name == "" {
		name = dtTypeNames2(keyType)
	}
	return pgErr("0A000", "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s", name, offType)
}

// rangeKeyIn is pg_range_key(v, dttype, numtype, mode, scale, ivs...).
func rangeKeyIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if len(a) < 5 || a[0] == nil {
		return nil, nil
	}
	dt, num, mode := str(a[1]), str(a[2]), str(a[3])
	scale, _ := a[4].(int64)
	if mode == "interval" {
		if dt == "" && num != "" {
			return nil, rangeTypeErr(num, "interval")
		}
		o, err := operand(a[0], dt)
		if err != nil {
			return nil, err
		}
		if o.typ != "date" && !isTS(o.typ) {
			return nil, rangeTypeErr(o.typ, "interval")
		}
		switch o.inf {
		case "infinity":
			return int64(math.MaxInt64), nil
		case "-infinity":
			return int64(math.MinInt64), nil
		}
		if o.typ == "timestamptz" {
			for _, v := range a[5:] {
				iv, err := parseInterval(str(v))
				if err != nil {
					return nil, err
				}
				us, _ := iv.fixedMicros()
				for _, sign := range []int64{1, -1} {
					cal := addIntervalIn(o.t, interval{days: sign * iv.days, us: sign * iv.us}, zone)
					if !cal.Equal(o.t.Add(time.Duration(sign*us) * time.Microsecond)) {
						return nil, pgErr("0A000", "RANGE offset %s over timestamptz %s crosses a change of UTC offset in time zone %s, which is not supported (PostgreSQL adds days by the calendar)", iv.String(), str(a[0]), zone.String())
					}
				}
			}
		}
		return o.t.UnixMicro(), nil
	}
	offType := "integer"
	if scale > 0 {
		offType = "numeric"
	}
	if dt != "" {
		return nil, rangeTypeErr(dt, offType)
	}
	switch v := a[0].(type) {
	case int64:
		if scale > 0 {
			return nil, rangeTypeErr(num, offType)
		}
		return v, nil
	case float64:
		if scale > 0 || num == "numeric" {
			return nil, pgErr("0A000", "RANGE with a fractional offset over a real or double precision ORDER BY is not supported")
		}
		return v, nil
	}
	if num != "numeric" && num != "" {
		return nil, rangeTypeErr(num, offType)
	}
	s := strings.TrimSpace(str(a[0]))
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, pgErr("0A000", "RANGE with offset over the value %q is not supported", s)
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(scale), nil)))
	if !r.IsInt() || !r.Num().IsInt64() {
		return nil, pgErr("0A000", "RANGE offset over the numeric value %s is not supported: write the offset with as many decimal places as the values (1.00 PRECEDING)", s)
	}
	return r.Num().Int64(), nil
}
