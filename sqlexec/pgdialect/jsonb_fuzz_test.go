package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// FuzzJSONB: no input makes a jsonb function panic, and every error it
// returns carries a PostgreSQL SQLSTATE (never an internal error).
func FuzzJSONB(f *testing.F) {
	for _, s := range []string{`{"a": 1, "b": [1, 2, {"c": null}]}`, `[1, "a", {"k": null}]`, `"x"`, `1e400`, `{a,b}`, `{}`,
		`[]`, `{b,0}`, `{"a":`, `{"\u0000": 1}`, `-1`, `{"a": {"b": [true, false]}}`, `{a,"b,c"}`, `0`} {
		f.Add(s, s, int64(0))
	}
	f.Fuzz(func(t *testing.T, a, b string, n int64) {
		vals := []driver.Value{a, b, n, nil, float64(n) / 3, []byte(a)}
		for name, d := range jsonbFuncs {
			for _, x := range vals {
				for _, y := range vals {
					args := []driver.Value{x, y, n, x}
					if d.n >= 0 {
						args = args[:d.n]
					}
					if _, err := d.f(nil, args); err != nil {
						if _, _, ok := ParseSQLStateError(err.Error()); !ok {
							t.Fatalf("%s(%q): error without SQLSTATE: %v", name, args, err)
						}
					}
				}
			}
		}
		for _, obj := range []bool{false, true} {
			g := &jsonbAgg{object: obj}
			for _, x := range vals {
				_ = g.Step(nil, []driver.Value{x, b})
			}
			_, _ = g.WindowValue(nil)
		}
	})
}

// jsonb numbers are numeric: numbers past numeric's limits are refused as
// PostgreSQL 15 refuses them (found by FuzzJSONB: 1e999999999 would have
// taken a gigabyte), a scale past 1000 as this implementation does
// (parseDecimalCode).
func TestJSONBNumberExponent(t *testing.T) {
	for in, want := range map[string]string{
		`1.5e-3`:               `0.0015`,
		`[2E+2, -0]`:           `[200, 0]`,
		`{"a": 1e3}`:           `{"a": 1000}`,
		`1e1000`:               "1" + strings.Repeat("0", 1000),
		`1e-1000`:              "0." + strings.Repeat("0", 999) + "1",
		`1e1001`:               "1" + strings.Repeat("0", 1001),
		`[1, 1e-1001]`:         "0A000",
		`{"a": [1e999999999]}`: "22003",
		`1e131072`:             "22003",
		`1e-16384`:             "22003",
		`1.5e`:                 "22P02",
	} {
		got, err := jsonIn(in, true)
		if err != nil {
			if code, _, _ := ParseSQLStateError(err.Error()); code != want {
				t.Errorf("%s: %v, want %s", in, err, want)
			}
			continue
		}
		if got != want {
			t.Errorf("%s: %.40v, want %.40v", in, got, want)
		}
	}
}
