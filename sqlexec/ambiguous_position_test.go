package sqlexec

import "testing"

// TestAmbiguousColumnPosition: SQLite's ambiguous column error has no
// place; PostgreSQL's is the reference.
func TestAmbiguousColumnPosition(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	if _, err := q(t, a, "CREATE TABLE amb (j int)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sql string
		pos int
	}{
		{"SELECT j + 1 FROM (SELECT 1 AS j) s, amb", 8},
		{"SELECT 2, j FROM (SELECT 1 AS j) s, amb", 11},
		{"SELECT 1 FROM amb x JOIN amb y ON j = 1", 35},
	} {
		_, err := q(t, a, c.sql)
		if se, ok := err.(*Error); !ok || se.Code != "42702" || se.Pos != c.pos {
			t.Errorf("%s: %#v, want position %d", c.sql, err, c.pos)
		}
	}
}
