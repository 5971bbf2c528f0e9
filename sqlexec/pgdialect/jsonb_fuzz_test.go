package pgdialect

import (
	"database/sql/driver"
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
