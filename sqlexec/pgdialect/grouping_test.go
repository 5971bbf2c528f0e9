package pgdialect

import (
	"errors"
	"testing"
)

func TestGroupingSetsRewrite(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT g, h, sum(v) FROM s GROUP BY ROLLUP(g, h) ORDER BY 1,2",
			"SELECT g AS g, h AS h, sum(v) AS sum FROM s GROUP BY g, h UNION ALL SELECT g AS g, NULL AS h, sum(v) AS sum FROM s GROUP BY g UNION ALL SELECT NULL AS g, NULL AS h, sum(v) AS sum FROM s ORDER BY 1 , 2 "},
		// grouping(): the arm's bitmask, the first argument the high bit
		{"SELECT g, grouping(g, h), grouping(h) FROM s GROUP BY CUBE(g, h)",
			"SELECT g AS g, 0 AS \"grouping\", 0 AS \"grouping\" FROM s GROUP BY g, h UNION ALL SELECT g AS g, 1 AS \"grouping\", 1 AS \"grouping\" FROM s GROUP BY g UNION ALL SELECT NULL AS g, 2 AS \"grouping\", 0 AS \"grouping\" FROM s GROUP BY h UNION ALL SELECT NULL AS g, 3 AS \"grouping\", 1 AS \"grouping\" FROM (SELECT count(*) AS pg_gs_n FROM s) AS pg_gs_one"},
		// the first set lacks h: a typing arm first; HAVING per arm
		{"SELECT g, h, count(*) FROM s GROUP BY GROUPING SETS ((g), (h)) HAVING count(*) > 1",
			"SELECT g AS g, h AS h, count(*) AS count FROM s WHERE false GROUP BY g, h UNION ALL SELECT g AS g, NULL AS h, count(*) AS count FROM s GROUP BY g HAVING count(*) > 1 UNION ALL SELECT NULL AS g, h AS h, count(*) AS count FROM s GROUP BY h HAVING count(*) > 1"},
		// the empty set without an aggregate stays one row
		{"SELECT g FROM s WHERE v > 0 GROUP BY ROLLUP(g)",
			"SELECT g AS g FROM s WHERE v > 0 GROUP BY g UNION ALL SELECT NULL AS g FROM (SELECT count(*) AS pg_gs_n FROM s WHERE v > 0) AS pg_gs_one"},
		// aggregate arguments keep the column; the longer expression wins
		{"SELECT upper(g) || 'x', max(g) FROM s GROUP BY ROLLUP(upper(g))",
			"SELECT upper(g) || 'x' AS \"?column?\", max(g) AS max FROM s GROUP BY upper(g) UNION ALL SELECT NULL || 'x' AS \"?column?\", max(g) AS max FROM s"},
		// GROUP BY a, ROLLUP(b): the cross product; positions and aliases
		{"SELECT g AS k, h, sum(v) FROM s GROUP BY 1, ROLLUP(h) ORDER BY k, 2 DESC LIMIT 3",
			"SELECT g AS k, h AS h, sum(v) AS sum FROM s GROUP BY g, h UNION ALL SELECT g AS k, NULL AS h, sum(v) AS sum FROM s GROUP BY g ORDER BY 1 , 2 DESC LIMIT 3"},
		// an ORDER BY expression that is no output column: hidden, wrapped
		{"SELECT g, sum(v) FROM s GROUP BY ROLLUP(g) ORDER BY count(*)",
			"SELECT pg_gs_1 AS g, pg_gs_2 AS sum FROM (SELECT g AS pg_gs_1, sum(v) AS pg_gs_2, count(*) AS pg_gs_o1 FROM s GROUP BY g UNION ALL SELECT NULL AS pg_gs_1, sum(v) AS pg_gs_2, count(*) AS pg_gs_o1 FROM s) AS pg_gs ORDER BY pg_gs_o1 "},
		// DISTINCT: the arms are joined by UNION
		{"SELECT DISTINCT h FROM s GROUP BY ROLLUP(g, h)",
			"SELECT h AS h FROM s GROUP BY g, h UNION SELECT NULL AS h FROM s GROUP BY g UNION SELECT NULL AS h FROM (SELECT count(*) AS pg_gs_n FROM s) AS pg_gs_one"},
		// a later arm of a set operation is wrapped; the ORDER BY is the set operation's
		{"SELECT 'z', 0 UNION ALL SELECT g, sum(v) FROM s GROUP BY ROLLUP(g) ORDER BY 1",
			"SELECT 'z', 0 UNION ALL SELECT * FROM (SELECT g AS g, sum(v) AS sum FROM s GROUP BY g UNION ALL SELECT NULL AS g, sum(v) AS sum FROM s) AS pg_gs ORDER BY 1"},
		// a subquery level; the outer level is untouched
		{"SELECT count(*) FROM (SELECT g, sum(v) FROM s GROUP BY ROLLUP(g)) q",
			"SELECT count(*) FROM (SELECT g AS g, sum(v) AS sum FROM s GROUP BY g UNION ALL SELECT NULL AS g, sum(v) AS sum FROM s ) q"},
		// GROUP BY DISTINCT drops repeated sets
		{"SELECT g, count(*) FROM s GROUP BY DISTINCT ROLLUP(g), ROLLUP(g)",
			"SELECT g AS g, count(*) AS count FROM s GROUP BY g UNION ALL SELECT NULL AS g, count(*) AS count FROM s"},
		// qualified and unqualified spellings are one grouping expression
		{"SELECT s.g, count(*) FROM s GROUP BY ROLLUP(g)",
			"SELECT s.g AS g, count(*) AS count FROM s GROUP BY g UNION ALL SELECT NULL AS g, count(*) AS count FROM s"},
		// window functions run over all arms: the arms compute the
		// aggregates and grouping expressions they read
		{"SELECT g, rank() OVER (ORDER BY sum(v)), sum(sum(v)) OVER (PARTITION BY grouping(g)) FROM s GROUP BY ROLLUP(g) ORDER BY 2",
			"SELECT pg_gs_f1 AS g, rank() OVER (ORDER BY pg_gs_f2) AS rank, sum(pg_gs_f2) OVER (PARTITION BY pg_gs_f3) AS sum FROM (SELECT g AS pg_gs_f1, sum(v) AS pg_gs_f2, 0 AS pg_gs_f3 FROM s GROUP BY g UNION ALL SELECT NULL AS pg_gs_f1, sum(v) AS pg_gs_f2, 1 AS pg_gs_f3 FROM s) AS pg_gs ORDER BY 2 "},
		{"SELECT g FROM s GROUP BY g", "SELECT g FROM s GROUP BY g"},
	} {
		got, err := groupingSets(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

func TestGroupingSetsErrors(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"SELECT grouping(g) FROM s", "42803"},
		{"SELECT g, grouping(h) FROM s GROUP BY g", "42803"},
		{"SELECT g, grouping(v) FROM s GROUP BY ROLLUP(g)", "42803"},
		{"SELECT g FROM s GROUP BY ROLLUP(2)", "42P10"},
		{"SELECT g FROM s GROUP BY ROLLUP(g) ORDER BY 2", "42P10"},
		{"SELECT DISTINCT g FROM s GROUP BY ROLLUP(g) ORDER BY count(*)", "42P10"},
		{"SELECT g, sum(v) OVER w FROM s GROUP BY ROLLUP(g) WINDOW w AS ()", "0A000"},
		{"SELECT * FROM s GROUP BY ROLLUP(g)", "0A000"},
		{"SELECT DISTINCT ON (g) g FROM s GROUP BY ROLLUP(g)", "0A000"},
		{"SELECT count(*) FROM s GROUP BY CUBE(a,b,c,d,e,f,g,h,i,j,k,l,m)", "54000"},
	} {
		_, err := groupingSets(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.in, err, c.code)
		}
	}
}
