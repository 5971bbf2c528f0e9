package pgdialect

import "testing"

func TestGroupingSetsRewrite(t *testing.T) {
	for _, c := range []string{
		"SELECT g, h, sum(v) FROM s GROUP BY ROLLUP(g, h) ORDER BY 1,2",
		"SELECT g, h, sum(v), grouping(g,h) FROM s GROUP BY CUBE(g, h) ORDER BY g, h",
		"SELECT g, h, sum(v) FROM s GROUP BY GROUPING SETS ((g),(h),()) HAVING sum(v) > 2 ORDER BY sum(v) DESC LIMIT 3",
		"SELECT g FROM s GROUP BY ROLLUP(g)",
		"SELECT g, grouping(g) FROM s GROUP BY g",
		"SELECT upper(g) || 'x', count(*) FROM s GROUP BY ROLLUP(upper(g)) ORDER BY 1",
		"WITH c AS (SELECT * FROM s) SELECT * FROM (SELECT g, sum(v) FROM c GROUP BY ROLLUP(g)) q ORDER BY 1",
	} {
		out, err := groupingSets(c)
		t.Logf("%s\n  => %s (%v)", c, out, err)
	}
}
