package pgdialect

import (
	"strings"
	"testing"
)

// TestSubscriptable: a subscript follows a column, a parameter or a
// parenthesised expression only (42601 at the [ otherwise, as
// PostgreSQL's grammar); (e)[1] is named as e.
func TestSubscriptable(t *testing.T) {
	for _, q := range []string{"SELECT ARRAY[1,2][1]", "SELECT ARRAY(SELECT 1)[1]", "SELECT string_to_array('a,b', ',')[1]",
		"SELECT max(a)[1] FROM t", "SELECT 'abc'[1]"} {
		_, err := Translate(q)
		if e, ok := err.(*Error); !ok || e.Code != "42601" {
			t.Errorf("%s: %v, want 42601", q, err)
		}
	}
	for q, name := range map[string]string{"SELECT (ARRAY[1,2])[1]": "array", "SELECT (a)[1] FROM t": "a", "SELECT t.a[1] FROM t": "a",
		"SELECT (max(a))[1] FROM t": "max", "SELECT $1[1]": "?column?"} {
		st, err := Translate(q)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if want := `AS "` + name + `"`; !strings.Contains(st.Exec[0], want) {
			t.Errorf("%s: %s, want %s", q, st.Exec[0], want)
		}
	}
}
