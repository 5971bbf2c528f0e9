package pgdialect

import "testing"

// TestSumDistinctTyped: sum(DISTINCT x) of table columns, whose types
// are read at run time; every expected value is PostgreSQL 15's answer
// (also in integration/testdata/diff/22_values).
func TestSumDistinctTyped(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE sdt (id int, r real, d float8, n numeric, i int, iv interval, g int);
INSERT INTO sdt VALUES (1, 1.1, 0.1, 1.50, 1, '1 mon', 1), (2, 2.2, 0.2, 1.5, 1, '30 days', 1), (3, 3.3, 0.7, 2, 2, '1 day', 2), (4, 2.2, 0.1, 2.000, 2, '24 hours', 2), (5, NULL, NULL, NULL, NULL, NULL, 2), (6, 1e7, 1e16, 0.001, 3, '1 year', 1);
`)
	for _, c := range []struct{ q, want string }{
		{`SELECT sum(DISTINCT r)::text FROM sdt WHERE id < 5`, "6.6000004"},
		{`SELECT sum(DISTINCT r)::text FROM sdt`, "1.0000007e+07"},
		{`SELECT sum(DISTINCT d)::text FROM sdt`, "1e+16"},
		{`SELECT sum(DISTINCT n) FROM sdt`, "3.501"},
		{`SELECT sum(DISTINCT n) FROM sdt WHERE id IN (1, 2)`, "1.50"},
		{`SELECT sum(DISTINCT i) FROM sdt`, "6"},
		{`SELECT sum(DISTINCT iv) FROM sdt`, "1 year 1 mon 1 day"},
		{`SELECT (sum(DISTINCT r) + 1)::text, sum(i) FROM sdt`, "10000008"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
