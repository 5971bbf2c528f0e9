package pgdialect

import (
	"fmt"
	"testing"
)

// TestConflictRefs pins which names of an ON CONFLICT DO UPDATE are
// listed as unqualified (the session refuses those the target has as
// ambiguous) and their positions.
func TestConflictRefs(t *testing.T) {
	cases := []struct{ in, want string }{
		{"INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET a = b", "t [{b 60}]"},
		{"INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET a = a + 1 WHERE c RETURNING d", "t [{a 60} {c 72}]"},
		{"INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET (a, b) = (excluded.a, \"B\")", "t [{B 78}]"},
		// qualified names, keywords, casts, typed literals, extract's
		// field, collations and nested queries are not listed
		{"INSERT INTO t AS x VALUES (1) ON CONFLICT (k) DO UPDATE SET a = excluded.a || x.a, " +
			"y = extract(year FROM excluded.d)::double precision, d = excluded.d + interval '1 day', " +
			"v = CAST(excluded.v AS character varying(3)) COLLATE \"C\", w = (SELECT max(w) FROM s WHERE k = 1), " +
			"z = CASE WHEN excluded.z IS NOT NULL AND x.z NOT LIKE 'a%' THEN true ELSE NULL END WHERE x.a IS DISTINCT FROM excluded.a", "<nil>"},
		{"INSERT INTO t VALUES (1) ON CONFLICT (k) DO NOTHING", "<nil>"},
		{"WITH c AS (SELECT 1) INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET a = b", "t [{b 81}]"},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		got := "<nil>"
		if r := st.ConflictRefs; r != nil {
			got = fmt.Sprintf("%s %v", r.Table, r.Names)
		}
		if got != c.want {
			t.Errorf("Translate(%q).ConflictRefs = %s, want %s", c.in, got, c.want)
		}
	}
}
