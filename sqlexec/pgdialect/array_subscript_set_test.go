package pgdialect

import (
	"errors"
	"testing"
)

// TestArraySubscriptSet checks the SET list rewrite of element
// assignments and its refusals.
func TestArraySubscriptSet(t *testing.T) {
	for in, want := range map[string]string{
		"UPDATE t SET a[2] = 'x' WHERE id = 1":               "UPDATE t SET a = pg_array_set(a, 2, 'x') WHERE id = 1",
		"UPDATE t SET b = 1, a[i + 1] = f(a[1], ','), c = 2": "UPDATE t SET b = 1, a = pg_array_set(a, i + 1, f(a[1], ',')), c = 2",
		"UPDATE t SET a = a || '[1]' WHERE a[1] = 'x'":       "UPDATE t SET a = a || '[1]' WHERE a[1] = 'x'",
		"SELECT a[1] FROM t":                                 "SELECT a[1] FROM t",
		"INSERT INTO t AS q (id, a) VALUES (1, '{k}') ON CONFLICT (id) DO UPDATE SET a[1] = EXCLUDED.a[1]": "INSERT INTO t AS q (id, a) VALUES (1, '{k}') ON CONFLICT (id) DO UPDATE SET a = pg_array_set(q.a, 1, EXCLUDED.a[1])",
	} {
		got, err := arraySubscriptSet(in)
		if err != nil || got != want {
			t.Errorf("arraySubscriptSet(%q) = %q, %v\nwant %q", in, got, err, want)
		}
	}
	for _, in := range []string{"UPDATE t SET a[1:2] = '{p,q}'", "UPDATE t SET m[1][2] = 3"} {
		_, err := arraySubscriptSet(in)
		var e *Error
		if !errors.As(err, &e) || e.Code != "0A000" {
			t.Errorf("arraySubscriptSet(%q): %v, want 0A000", in, err)
		}
	}
}
