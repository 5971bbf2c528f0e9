package pgdialect

import (
	"database/sql/driver"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// Expected values are PostgreSQL 15's answers.

func TestNumericInput(t *testing.T) {
	cases := []struct {
		in     string
		typmod int64
		want   string // or "ERR:code"
	}{
		{"1.5e3", -1, "1500"},
		{"1e-3", -1, "0.001"},
		{"0.333", int64(numericTypmodOf(10, 2)), "0.33"},
		{"0.335", int64(numericTypmodOf(10, 2)), "0.34"},
		{"-0.335", int64(numericTypmodOf(10, 2)), "-0.34"},
		{"1234.5", int64(numericTypmodOf(5, -1)), "1230"},
		{"  -0.00 ", -1, "0.00"},
		{"-0", int64(numericTypmodOf(5, 2)), "0.00"},
		{"inf", -1, "Infinity"},
		{"-Infinity", -1, "-Infinity"},
		{"nan", int64(numericTypmodOf(3, 1)), "NaN"},
		{".5", -1, "0.5"},
		{"5.", -1, "5"},
		{"+007.10", -1, "7.10"},
		{"99999999.994", int64(numericTypmodOf(10, 2)), "99999999.99"},
		{"99999999.995", int64(numericTypmodOf(10, 2)), "ERR:22003"},
		{"Infinity", int64(numericTypmodOf(10, 2)), "ERR:22003"},
		{"abc", -1, "ERR:22P02"},
		{"1e", -1, "ERR:22P02"},
		{"", -1, "ERR:22P02"},
		{".", -1, "ERR:22P02"},
		{"1e100000", -1, "1" + strings.Repeat("0", 100000)}, // PostgreSQL 15: 131072 digits before the point
		{"1e131072", -1, "ERR:22003"},
		{"1e-16384", -1, "ERR:22003"},
		{"1e-1001", -1, "ERR:0A000"},
		{"1e2147483647", -1, "ERR:22003"},
		{"1e99999999999999999999", -1, "ERR:22003"},
		{"0e200000", -1, "0"},
		{"1e+", -1, "ERR:22P02"},
		{"1 2", -1, "ERR:22P02"},
	}
	for _, c := range cases {
		got, err := fnInNumeric(nil, []driver.Value{c.in, c.typmod})
		if err != nil {
			code, _, _ := ParseSQLStateError(err.Error())
			got = "ERR:" + code
		}
		if got != c.want {
			t.Errorf("pg_in_numeric(%q, %d) = %v, want %s", c.in, c.typmod, got, c.want)
		}
	}
	if got, _ := fnInNumeric(nil, []driver.Value{int64(42), int64(numericTypmodOf(5, 2))}); got != "42.00" {
		t.Errorf("int input: %v", got)
	}
	if got, _ := fnInNumeric(nil, []driver.Value{0.1, nil}); got != "0.1" {
		t.Errorf("float input: %v", got)
	}
}

func TestNumericDivision(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"1", "3", "0.33333333333333333333"},
		{"2", "3", "0.66666666666666666667"},
		{"100", "7", "14.2857142857142857"},
		{"1", "70000", "0.000014285714285714285714"},
		{"12345678", "0.001", "12345678000.00000000"},
		{"0.001", "12345678", "0.0000000000810000066420005446"},
		{"-7", "2", "-3.5000000000000000"},
		{"1.00", "8", "0.12500000000000000000"},
		{"9999", "10000", "0.99990000000000000000"},
		{"10000", "9999", "1.0001000100010001"},
		{"10", "4", "2.5000000000000000"},
	}
	for _, c := range cases {
		a, _ := parseDecimal(c.a)
		b, _ := parseDecimal(c.b)
		var q decimal
		if err := q.div(&a, &b); err != nil || q.String() != c.want {
			t.Errorf("%s / %s = %s (%v), want %s", c.a, c.b, q.String(), err, c.want)
		}
	}
	var q decimal
	a, _ := parseDecimal("1")
	z, _ := parseDecimal("0.00")
	if err := q.div(&a, &z); err == nil || !strings.Contains(err.Error(), "22012") {
		t.Errorf("1/0: %v", err)
	}
}

func aggregate(avg bool, vals ...driver.Value) (driver.Value, error) {
	s := &numSum{avg: avg}
	for _, v := range vals {
		if err := s.Step(nil, []driver.Value{v}); err != nil {
			return nil, err
		}
	}
	return s.WindowValue(nil)
}

func TestNumericAggregates(t *testing.T) {
	cases := []struct {
		avg  bool
		vals []driver.Value
		want driver.Value
	}{
		{false, []driver.Value{"0.10", "0.20"}, "0.30"},
		{false, []driver.Value{"0.10", "0.2", nil}, "0.30"},
		{false, []driver.Value{"NaN", "1"}, "NaN"},
		{false, []driver.Value{int64(1), int64(2)}, int64(3)},
		{false, []driver.Value{1.5, int64(2)}, 3.5},
		{false, []driver.Value{int64(9223372036854775807), int64(1)}, "9223372036854775808"},
		{false, []driver.Value{nil}, nil},
		{false, []driver.Value{}, nil},
		{true, []driver.Value{"1.5", "2.25", "3"}, "2.2500000000000000"},
		{true, []driver.Value{"0.10", "0.20", "0.33"}, "0.21000000000000000000"},
		{true, []driver.Value{int64(1), int64(2)}, "1.5000000000000000"}, // numeric, as PostgreSQL's avg(int)
		{true, []driver.Value{int64(2147483647), int64(2)}, "1073741824.50000000"},
	}
	for _, c := range cases {
		got, err := aggregate(c.avg, c.vals...)
		if err != nil || got != c.want {
			t.Errorf("avg=%v %v = %#v (%v), want %#v", c.avg, c.vals, got, err, c.want)
		}
	}
	if _, err := aggregate(false, "abc"); err == nil {
		t.Errorf("sum('abc') should fail")
	}
	// window inverse: sum over a sliding frame
	s := &numSum{}
	for _, v := range []string{"0.10", "0.20", "0.30"} {
		_ = s.Step(nil, []driver.Value{v})
	}
	_ = s.WindowInverse(nil, []driver.Value{"0.10"})
	if got, _ := s.WindowValue(nil); got != "0.50" {
		t.Errorf("window sum = %v", got)
	}
}

func TestNumericRounding(t *testing.T) {
	call := func(f fn, a ...driver.Value) driver.Value {
		v, err := f(nil, a)
		if err != nil {
			return "ERR:" + err.Error()
		}
		return v
	}
	cases := []struct {
		got, want driver.Value
	}{
		{call(numRound(false), 2.5), 3.0},
		{call(numRound(false), "-2.5", int64(0)), "-3"},
		{call(numRound(false), "1.235", int64(2)), "1.24"},
		{call(numRound(false), int64(5), int64(2)), "5.00"},
		{call(numRound(false), "1234.5", int64(-2)), "1200"},
		{call(numRound(true), "-1.239", int64(2)), "-1.23"},
		{call(numCeilFloor(true), "-1.5"), "-1"},
		{call(numCeilFloor(false), "-1.5"), "-2"},
		{call(numCeilFloor(true), "1.01"), "2"},
		{call(numCeilFloor(false), "3.00"), "3"},
		{call(fnNumAbs, "-1.50"), "1.50"},
		{call(fnNumAbs, int64(-3)), int64(3)},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %#v, want %#v", i, c.got, c.want)
		}
	}
}

func TestNumericCollation(t *testing.T) {
	ordered := []string{"-Infinity", "-10", "-9.5", "-0.001", "0", "0.001", "0.33", "1.5", "9", "10", "1e3", "Infinity", "NaN", "abc", "b"}
	for i := range ordered {
		for j := range ordered {
			want := sign(i - j)
			if got := compareNumericText(ordered[i], ordered[j]); got != want {
				t.Errorf("compare(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	for _, eq := range [][2]string{{"1.5", "1.50"}, {"0", "-0.00"}, {"0.330", "0.33"}, {"007", "7"}, {"1e2", "100.0"}} {
		if c := compareNumericText(eq[0], eq[1]); c != 0 {
			t.Errorf("compare(%q, %q) = %d, want 0", eq[0], eq[1], c)
		}
	}
}

// TestNumericSumMatchesExact cross-checks the fast fixed-point path of
// sum() against exact rational arithmetic, scales and sizes mixed so the
// sum moves between the int64 and big paths.
func TestNumericSumMatchesExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		s := &numSum{}
		exact := new(big.Rat)
		maxScale := 0
		for i := 0; i < 200; i++ {
			digits := 1 + rng.IntN(25)
			var b strings.Builder
			if rng.IntN(3) == 0 {
				b.WriteByte('-')
			}
			for k := 0; k < digits; k++ {
				b.WriteByte(byte('0' + rng.IntN(10)))
			}
			scale := rng.IntN(min(digits, 20))
			txt := b.String()
			if scale > 0 {
				txt = txt[:len(txt)-scale] + "." + txt[len(txt)-scale:]
				if txt[0] == '.' || strings.HasPrefix(txt, "-.") {
					txt = strings.Replace(txt, ".", "0.", 1)
				}
			}
			maxScale = max(maxScale, scale)
			r, _ := new(big.Rat).SetString(txt)
			exact.Add(exact, r)
			if err := s.Step(nil, []driver.Value{txt}); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := s.WindowValue(nil)
		want := exact.FloatString(maxScale)
		if want == "-0" || strings.TrimLeft(want, "-0.") == "" {
			want = strings.TrimPrefix(want, "-")
		}
		if got != want {
			t.Fatalf("round %d: sum = %v, want %s", round, got, want)
		}
	}
}
