package pgdialect

import "testing"

// An ORDER BY item that builds an array sorts element by element by the
// element type, as PostgreSQL 15 (whose answers these are): {9} before
// {10}, a prefix before the longer array.
func TestOrderByBuiltArray(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE oa (g int, x int, n numeric, s text)`)
	execAll(t, db, `INSERT INTO oa VALUES (1, 10, 10.5, 'b'), (2, 9, 9.25, 'a'), (3, 100, -1, 'ab'), (3, 1, 2, 'a')`)
	for _, c := range []struct{ q, want string }{
		{"SELECT group_concat(g) FROM (SELECT g FROM oa GROUP BY g ORDER BY array_agg(x ORDER BY x)) s", "3,2,1"},
		{"SELECT group_concat(g) FROM (SELECT g FROM oa GROUP BY g ORDER BY array_agg(x ORDER BY x) DESC) s", "1,2,3"},
		{"SELECT group_concat(g) FROM (SELECT g FROM oa GROUP BY g ORDER BY array_agg(n ORDER BY n)) s", "3,2,1"},
		{"SELECT group_concat(g) FROM (SELECT g FROM oa GROUP BY g ORDER BY array_agg(s ORDER BY s), g) s", "2,3,1"},
		{"SELECT group_concat(x) FROM (SELECT x FROM oa ORDER BY ARRAY[x]) s", "1,9,10,100"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
