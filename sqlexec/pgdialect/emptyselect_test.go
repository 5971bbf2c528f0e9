package pgdialect

import (
	"strings"
	"testing"
)

// TestEmptySelectList checks SELECT without select items: a NULL item for
// SQLite, NoColumns when the statement's result has none, and the rows
// PostgreSQL 15 returns (counted here by their NULL column).
func TestEmptySelectList(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct {
		q       string
		noCols  bool
		rows    int
		refused bool
	}{
		{q: "SELECT", noCols: true, rows: 1},
		{q: "SELECT;", noCols: true, rows: 1},
		{q: "SELECT WHERE true", noCols: true, rows: 1},
		{q: "SELECT WHERE false", noCols: true, rows: 0},
		{q: "SELECT FROM generate_series(1, 3)", noCols: true, rows: 3},
		{q: "SELECT FROM (VALUES (1), (2)) v(x) WHERE x > 1", noCols: true, rows: 1},
		{q: "SELECT EXISTS (SELECT FROM (VALUES (1)) v(x) WHERE x = 1)", rows: 1},
		{q: "SELECT 1 UNION SELECT FROM generate_series(1, 2)", refused: true},
	} {
		st, err := Translate(c.q)
		if c.refused {
			if err == nil && len(st.Exec) == 1 {
				if _, err := db.Exec(st.Exec[0]); err == nil {
					t.Errorf("%s: no error", c.q)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if st.NoColumns != c.noCols {
			t.Errorf("%s: NoColumns %v, want %v", c.q, st.NoColumns, c.noCols)
		}
		out := strings.Split(strings.TrimSuffix(runPG(db, c.q), "\n"), "\n")
		if len(out)-1 != c.rows || strings.HasPrefix(out[0], "ERROR") {
			t.Errorf("%s: %q, want %d rows", c.q, out, c.rows)
		}
	}
}
