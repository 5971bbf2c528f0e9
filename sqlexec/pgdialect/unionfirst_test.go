package pgdialect

import "testing"

// TestUnionKeepsFirst: of equal numerics of different scales a UNION
// keeps the first arm's (PostgreSQL 15's answers); UNION ALL, INTERSECT
// and a mix with UNION ALL are left to SQLite.
func TestUnionKeepsFirst(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE uf (id int, n numeric);
INSERT INTO uf VALUES (1, 1.5), (2, 1.50), (3, 2);
`)
	for _, c := range []struct{ q, want string }{
		{`SELECT 1.50 UNION SELECT 1.5`, "1.50"},
		{`SELECT 1.5 UNION SELECT 1.50`, "1.5"},
		{`SELECT 1.500 UNION SELECT n FROM uf ORDER BY 1 LIMIT 1`, "1.500"},
		{`SELECT n FROM uf UNION SELECT 1.500 ORDER BY 1 LIMIT 1`, "1.5"},
		{`WITH c AS (SELECT n FROM uf) SELECT n FROM c UNION DISTINCT SELECT 1.5000 ORDER BY 1 LIMIT 1`, "1.5"},
		{`SELECT * FROM (SELECT 1.50 AS x UNION SELECT 1.5) s`, "1.50"},
		{`SELECT * FROM (SELECT 1.5 AS x UNION SELECT 1.50) s`, "1.5"},
		{`WITH c AS (SELECT 1.50 AS x UNION SELECT 1.5) SELECT * FROM c`, "1.50"},
		{`SELECT (SELECT 1.50 UNION SELECT 1.5)`, "1.50"},
		{`SELECT x FROM (SELECT n AS x FROM uf UNION SELECT 2.0) s ORDER BY x LIMIT 1`, "1.5"},
		{`WITH RECURSIVE r(k) AS (SELECT 1 UNION SELECT k + 1 FROM r WHERE k < 3) SELECT sum(k) FROM r`, "6"},
		{`SELECT * FROM (WITH RECURSIVE r(k) AS (SELECT 1 UNION SELECT k + 1 FROM r WHERE k < 3) SELECT sum(k) FROM r) s`, "6"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for q, wrapped := range map[string]bool{
		`SELECT 1 UNION SELECT 2`:                         true,
		`SELECT 1 UNION ALL SELECT 2`:                     false,
		`SELECT 1 INTERSECT SELECT 2`:                     false,
		`SELECT 1 UNION SELECT 2 UNION ALL SELECT 3`:      false,
		`SELECT * FROM (SELECT 1 UNION SELECT 2) s`:       false,
		`SELECT 1 AS a UNION SELECT 2 ORDER BY a LIMIT 1`: true,
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		if got := UnionKeepsFirst(st.Exec[0]); got != wrapped {
			t.Errorf("%s: UnionKeepsFirst(%q) = %v, want %v", q, st.Exec[0], got, wrapped)
		}
		if arms := CompoundArms(st.Exec[0]); wrapped && len(arms) != 2 {
			t.Errorf("%s: CompoundArms = %q, want the two arms", q, arms)
		}
	}
}

// TestSelectDistinctStar: the * of SELECT DISTINCT * is no operator.
func TestSelectDistinctStar(t *testing.T) {
	st, err := Translate(`SELECT DISTINCT * FROM t`)
	if err != nil || st.Exec[0] != `SELECT DISTINCT * FROM t` {
		t.Fatalf("Translate = %v, %v", st, err)
	}
}
