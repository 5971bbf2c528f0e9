package pgdialect

import "testing"

func TestReadsRelation(t *testing.T) {
	for _, c := range []struct {
		sql, name string
		want      bool
	}{
		{`CREATE VIEW v AS SELECT status FROM orders`, "status", false},
		{`CREATE VIEW v AS SELECT status FROM orders`, "orders", true},
		{`CREATE VIEW v AS SELECT 1 AS one`, "one", false},
		{`CREATE VIEW v AS SELECT o.id FROM orders o, "Customer" c WHERE o.c = c.id`, "customer", true},
		{`CREATE VIEW v AS SELECT * FROM main.t`, "t", true},
		{`CREATE VIEW v AS SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id)`, "c", true},
		{`CREATE VIEW v AS SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id)`, "id", false},
		{`CREATE VIEW v AS SELECT * FROM (SELECT x FROM inner_t) s WHERE s.x > 0`, "inner_t", true},
		{`CREATE VIEW v AS SELECT * FROM (SELECT x FROM inner_t) s WHERE s.x > 0`, "s", false},
		{`CREATE VIEW v AS SELECT a.x, (SELECT max(y) FROM b) FROM a, c AS cc`, "c", true},
		{`CREATE VIEW v AS SELECT a.x, (SELECT max(y) FROM b) FROM a, c AS cc`, "b", true},
		{`CREATE VIEW v AS SELECT a.x, (SELECT max(y) FROM b) FROM a, c AS cc`, "cc", false},
		{`CREATE VIEW v AS SELECT count(*) AS n FROM t GROUP BY k ORDER BY n`, "k", false},
		{`CREATE VIEW v AS SELECT x FROM a UNION SELECT x FROM b2`, "b2", true},
		{`CREATE VIEW v(a, b) AS SELECT t.a, t.b FROM t`, "t", true},
		{`CREATE VIEW v AS SELECT * FROM t WHERE t.k IN (SELECT k FROM u)`, "u", true},
		{`CREATE VIEW v AS SELECT * FROM t WHERE t.k IN (SELECT k FROM u)`, "k", false},
	} {
		if got := ReadsRelation(c.sql, c.name); got != c.want {
			t.Errorf("ReadsRelation(%q, %q) = %v, want %v", c.sql, c.name, got, c.want)
		}
	}
}
