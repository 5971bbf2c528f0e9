package pgdialect

import "testing"

func TestSequenceRelation(t *testing.T) {
	row := "(SELECT q.last AS last_value, CAST(0 AS int8) AS log_cnt, q.called AS is_called FROM pgd_seqs q WHERE q.name = 's')"
	for _, c := range []struct{ in, want string }{
		{"SELECT * FROM s", "SELECT * FROM " + row + " AS s"},
		{"SELECT last_value FROM public.s WHERE is_called", "SELECT last_value FROM " + row + " AS s WHERE is_called"},
		{"SELECT x.is_called FROM s x", "SELECT x.is_called FROM " + row + " x"},
		{"SELECT 1 FROM t JOIN s AS q ON true, s", "SELECT 1 FROM t JOIN " + row + " AS q ON true, " + row + " AS s"},
		{"SELECT s FROM t", ""},    // a column named s
		{"SELECT * FROM s(1)", ""}, // a function
	} {
		got, ok := SequenceRelation(c.in, "s")
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestChangesRelation(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"INSERT INTO s VALUES (1)", true},
		{"UPDATE ONLY public.s SET last_value = 1", true},
		{"DELETE FROM s", true},
		{"WITH d AS (DELETE FROM s RETURNING 1) SELECT * FROM d", true},
		{"INSERT INTO t SELECT last_value FROM s", false},
		{"SELECT * FROM s FOR UPDATE", false},
	} {
		if got := ChangesRelation(c.in, "s"); got != c.want {
			t.Errorf("%s: %v, want %v", c.in, got, c.want)
		}
	}
}
