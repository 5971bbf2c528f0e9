package pgdialect

import "testing"

// TestMentionsAggregate: the fast test before the aggregate argument check
// finds a call of a checked aggregate in any case and spacing, no other
// name, and allocates nothing (it runs for every statement compiled).
func TestMentionsAggregate(t *testing.T) {
	for q, want := range map[string]bool{
		"SELECT SUM(x) FROM t":           true,
		"select Max (x) from t":          true,
		"SELECT pg_sum_typed(x, 1)":      true,
		"SELECT bool_or(b) FROM t":       true,
		"INSERT INTO t VALUES (1)":       false,
		"SELECT mysum(x)":                false,
		"SELECT xmax(1)":                 false,
		"SELECT 1 FROM mm_max_t (":       false,
		"SELECT count(*), lower(t) FROM": false,
	} {
		if got := MentionsAggregate(q); got != want {
			t.Errorf("MentionsAggregate(%q) = %v, want %v", q, got, want)
		}
	}
	if a := testing.AllocsPerRun(100, func() { MentionsAggregate("INSERT INTO t (a, B) VALUES (1, 2)") }); a != 0 {
		t.Errorf("MentionsAggregate allocates %v times", a)
	}
}
