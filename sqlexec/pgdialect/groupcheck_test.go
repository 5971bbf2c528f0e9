package pgdialect

import (
	"strings"
	"testing"
)

// fakeGroupCatalog: s(g, h, v), t(id PRIMARY KEY, name, u UNIQUE), w a view.
type fakeGroupCatalog struct{}

func (fakeGroupCatalog) TableColumns(name string) ([]string, [][]string, bool) {
	switch strings.ToLower(name) {
	case "s":
		return []string{"g", "h", "v"}, nil, true
	case "t":
		return []string{"id", "name", "u"}, [][]string{{"id"}}, true
	case "p":
		return []string{"a", "b", "c"}, [][]string{{"a", "b"}}, true
	case "w":
		return []string{"id", "name"}, nil, true
	}
	return nil, nil, false
}

func (fakeGroupCatalog) Aggregate(name string) bool {
	switch name {
	case "count", "sum", "max", "min", "avg", "row_number", "rank", "string_agg":
		return true
	}
	return false
}

func TestCheckGrouping(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		// refused: the reference and PostgreSQL's name for it
		{"SELECT g, v FROM s GROUP BY g", "v s.v"},
		{"SELECT v, count(*) FROM s", "v s.v"},
		{"SELECT s.g, s.v FROM s GROUP BY s.g", "s.v s.v"},
		{"SELECT x.v FROM s AS x GROUP BY x.g", "x.v x.v"},
		{"SELECT g FROM s GROUP BY g HAVING v > 1", "v s.v"},
		{"SELECT g FROM s GROUP BY g ORDER BY v", "v s.v"},
		{"SELECT name FROM s GROUP BY lower(name)", ""}, // name is no column of s: unsure
		{"SELECT name, count(*) FROM t GROUP BY lower(name)", "name t.name"},
		{"SELECT t.* FROM t GROUP BY t.u", ""}, // * is not read (unsure)
		{"SELECT name FROM t GROUP BY u", "name t.name"},
		{"SELECT a, c FROM p GROUP BY a", "c p.c"},
		{"SELECT g + v FROM s GROUP BY g + h", "g s.g"},
		{"SELECT g, sum(v) OVER () FROM s GROUP BY g", "v s.v"},
		{"SELECT g, row_number() OVER (ORDER BY v) FROM s GROUP BY g", "v s.v"},
		{"SELECT s.g, t.name FROM s JOIN t ON s.g = t.id GROUP BY s.g", "t.name t.name"},
		{"INSERT INTO s SELECT g, v, 1 FROM s GROUP BY g", "v s.v"},
		{"CREATE VIEW vv AS SELECT g, v FROM s GROUP BY g", "v s.v"},
		{"SELECT (SELECT count(*) FROM t), v FROM s GROUP BY g", "v s.v"},
		{"SELECT id FROM w GROUP BY name", "id w.id"},
		// accepted
		{"SELECT g, sum(v) FROM s GROUP BY g", ""},
		{"SELECT g, v FROM s", ""},
		{"SELECT g, v, row_number() OVER (ORDER BY v) FROM s", ""},
		{"SELECT lower(name) FROM t GROUP BY lower(name)", ""},
		{"SELECT upper(lower(t.name)) FROM t GROUP BY lower(name)", ""},
		{"SELECT (g + h) * 2 FROM s GROUP BY g + h", ""},
		{"SELECT g + h FROM s GROUP BY (g + h)", ""},
		{"SELECT g AS k, count(*) FROM s GROUP BY k", ""},
		{"SELECT g, h FROM s GROUP BY 1, 2", ""},
		{"SELECT id, name, u FROM t GROUP BY id", ""},
		{"SELECT t.* FROM t GROUP BY t.id", ""},
		{"SELECT a, b, c FROM p GROUP BY b, a", ""},
		{"SELECT s.g FROM s GROUP BY g", ""},
		{"SELECT g FROM s GROUP BY s.g", ""},
		{"SELECT g, (SELECT max(v) FROM s AS i WHERE i.g = s.g) FROM s GROUP BY g", ""},
		{"SELECT g, (SELECT s.v) FROM s GROUP BY g", "s.v s.v"},                                 // "subquery uses ungrouped column"
		{"SELECT g FROM s GROUP BY g HAVING EXISTS (SELECT 1 FROM s AS i WHERE i.v = s.v)", ""}, // s may be the inner table: left through
		{"SELECT g FROM s AS o GROUP BY g HAVING EXISTS (SELECT 1 FROM s AS i WHERE i.v = o.v)", "o.v o.v"},
		{"SELECT g, (SELECT max(o.v) FROM t) FROM s AS o GROUP BY g", ""}, // the outer query's aggregate
		{"SELECT g, (SELECT o.v FROM t AS o) FROM s AS o GROUP BY g", ""}, // the inner o
		{"SELECT g, (SELECT o.g) FROM s AS o GROUP BY g", ""},
		{"SELECT lower(name), (SELECT t.name) FROM t GROUP BY lower(name)", ""}, // a grouping expression: left through
		{"SELECT count(*), (SELECT s.v) FROM s", "s.v s.v"},
		{"SELECT g, (SELECT v) FROM s GROUP BY g", ""}, // unqualified: left through
		{"SELECT g, sum(sum(v)) OVER () FROM s GROUP BY g", ""},
		{"SELECT g, rank() OVER (ORDER BY sum(v)) FROM s GROUP BY g", ""},
		{"SELECT g FROM s GROUP BY g ORDER BY sum(v)", ""},
		{"SELECT g AS v FROM s GROUP BY g ORDER BY v", ""},
		{"SELECT g FROM s GROUP BY g HAVING sum(v) > 1", ""},
		{"SELECT x, count(*) FROM (SELECT g AS x, v FROM s) AS q GROUP BY x", ""},
		{"WITH s AS (SELECT 1 AS g, 2 AS v) SELECT g, v FROM s GROUP BY g", "v s.v"},
		{"WITH c(a, b) AS (SELECT g, v FROM s) SELECT c.a, b FROM c GROUP BY a", "b c.b"},
		{"WITH c(a) AS (SELECT g, v FROM s) SELECT a, v FROM c GROUP BY a", "v c.v"},
		{"WITH c AS (SELECT g, v FROM s) SELECT a.g, a.v FROM c AS a GROUP BY a.g", "a.v a.v"},
		{"WITH c AS (SELECT * FROM s) SELECT g, v FROM c GROUP BY g", ""}, // columns unknown: left through
		{"WITH c AS (SELECT g, v + 1 FROM s) SELECT g, v FROM c GROUP BY g", ""},
		{"SELECT q.x, q.v FROM (SELECT g AS x, v FROM s) AS q GROUP BY x", "q.v q.v"},
		{"SELECT x, w FROM (SELECT g, v FROM s) AS q(x, w) GROUP BY x", "w q.w"},
		{"SELECT q.x FROM (WITH pgdialect_cols_q(x, w) AS (SELECT g, v FROM s) SELECT * FROM pgdialect_cols_q) q GROUP BY q.w", "q.x q.x"},
		{"SELECT q.g, q.n FROM (SELECT g, count(*) AS n FROM s GROUP BY g) q GROUP BY q.g, q.n", ""},
		{"SELECT q.g, q.v FROM (SELECT g, v, v AS v FROM s) q GROUP BY q.g", ""}, // ambiguous in PostgreSQL: left to it
		{"SELECT q.g, q.v FROM (SELECT g, v FROM s UNION SELECT v, g FROM s) q GROUP BY q.g", "q.v q.v"},
		{"SELECT g, v FROM s NATURAL JOIN t GROUP BY g", "v s.v"}, // no common column
		// NATURAL / USING: the merged column is the left side's (the
		// right's for RIGHT); grouping either side covers it
		{"SELECT g, name FROM s JOIN w USING (g) GROUP BY g", ""}, // w has no g: left through
		{"SELECT id, name, u FROM t JOIN w USING (id) GROUP BY id", ""},
		{"SELECT id, w.name FROM t JOIN w USING (id) GROUP BY id", "w.name w.name"},
		{"SELECT id, count(*) FROM t NATURAL JOIN w GROUP BY u", "id t.id"},
		{"SELECT id, count(*) FROM t RIGHT JOIN w USING (id) GROUP BY u", "id w.id"},
		{"SELECT id, count(*) FROM t FULL JOIN w USING (id) GROUP BY u", ""},
		{"SELECT id, count(*) FROM t JOIN w USING (id) GROUP BY w.id", ""},
		{"SELECT t.id, w.id FROM t JOIN w USING (id) GROUP BY id", ""},
		{"SELECT w.name FROM t JOIN w USING (id) GROUP BY t.id", "w.name w.name"},
		{"SELECT t.name FROM t JOIN w USING (id) GROUP BY w.id", "t.name t.name"},            // w.id is not t's key
		{"SELECT g, count(*) FROM s x JOIN s y USING (g) JOIN s z USING (g) GROUP BY v", ""}, // merged twice: left through
		{"SELECT count(*) FROM s WHERE v > 1", ""},
		{"SELECT g::text, count(*) FROM s GROUP BY g::text", ""},
		{"SELECT CAST(g AS text) FROM s GROUP BY g::text", ""},
		{"SELECT string_agg(name, ',' ORDER BY u) FROM t", ""},
		{"SELECT count(*) FILTER (WHERE v > 1) FROM s", ""},
		{"SELECT g, v FROM s GROUP BY g, v UNION SELECT g, v FROM s ORDER BY v", ""},
		{"SELECT g FROM s GROUP BY g UNION SELECT v FROM s", ""},
		{"SELECT DISTINCT g FROM s GROUP BY g, h", ""},
		{"SELECT 'v', count(*) FROM s", ""},
		{"SELECT max(g, h), v FROM s", ""}, // SQLite's scalar max (the translation's greatest)
	} {
		u, ok := CheckGrouping(c.sql, fakeGroupCatalog{})
		got := ""
		if ok {
			tok := c.sql[u.Off:]
			if i := strings.IndexAny(tok, " ,)"); i >= 0 {
				tok = tok[:i]
			}
			got = tok + " " + u.Name
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.sql, got, c.want)
		}
	}
}
