package sqlexec

import (
	"testing"
)

// A view's expression columns keep their PostgreSQL types inside the
// statements that read the view (viewdecls.go): JSON, arithmetic, date
// and interval math, casts, views of views (answers from PostgreSQL 15).
func TestViewExpressionColumnTypes(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE vd_t (id int PRIMARY KEY, amount numeric(10,2), created timestamptz, dd date, iv interval, doc jsonb)", "")
	mustQ(t, s, `INSERT INTO vd_t VALUES (1, 10.50, '2024-01-02 03:04:05+00', '2024-02-29', '1 day 2 hours', '{"k": {"x": 1}}')`, "")
	mustQ(t, s, "CREATE VIEW vd_v AS SELECT id, amount * 2 AS dbl, created + interval '1 day' AS due, dd + 1 AS d1, iv * 2 AS iv2, doc -> 'k' AS k FROM vd_t", "")
	mustQ(t, s, "CREATE VIEW vd_vv AS SELECT id, dbl + 1 AS dbl1, d1 FROM vd_v", "")
	for _, c := range []struct{ sql, want string }{
		{"SELECT to_json(dbl), json_build_object('d', dbl, 'k', k) FROM vd_v",
			`D[to_json:114,json_build_object:114] R[21.00 {"d" : 21.00, "k" : {"x": 1}}] C:SELECT 1`},
		{"SELECT to_json(due), due + interval '1 day' AS n FROM vd_v",
			`D[to_json:114,n:1184] R["2024-01-03T03:04:05+00:00" 2024-01-04 03:04:05+00] C:SELECT 1`},
		{"SELECT d1 - 1 AS a, d1 + 7 AS b, k ->> 'x' AS x FROM vd_v",
			`D[a:1082,b:1082,x:25] R[2024-02-29 2024-03-08 1] C:SELECT 1`},
		{"SELECT dbl + 1 AS a FROM vd_v",
			`D[a:1700] R[22.00] C:SELECT 1`},
		{"SELECT dbl1, to_json(dbl1) AS j, d1 - 1 AS d FROM vd_vv",
			`D[dbl1:1700,j:114,d:1082] R[22.00 22.00 2024-02-29] C:SELECT 1`},
	} {
		if got, err := q(t, s, c.sql); err != nil || got != c.want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", c.sql, got, err, c.want)
		}
	}
}
