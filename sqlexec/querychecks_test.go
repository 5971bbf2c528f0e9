package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// Scalar subqueries with several rows and ON CONFLICT DO UPDATE hitting a
// row twice are PostgreSQL's 21000 in reads, writes (through the log) and
// transactions, and a failed write stores nothing
// (pgdialect/subquery.go, pgdialect/upsert.go, upsertonce.go).
func TestQueryChecks21000(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, st := range []string{
		"CREATE TABLE t (a numeric(10,2), b int, n text, d date)",
		"CREATE TABLE u (x int, y text)",
		"CREATE TABLE m (k int PRIMARY KEY, v int DEFAULT 7)",
		"INSERT INTO t VALUES (1.5, 1, 'one', '2024-01-01'), (2.5, 2, 'two', '2024-01-02'), (3.5, 2, 'three', NULL)",
		"INSERT INTO u VALUES (1, 'a'), (2, 'b'), (2, 'c')",
		"INSERT INTO m VALUES (1, 1)",
	} {
		mustQ(t, s, st, "")
	}
	for _, c := range []struct{ sql, want string }{
		// one row, none, or several that cannot happen: the value and the
		// column's described type as before (numeric 1700, date 1082)
		{"SELECT u.x, (SELECT t.a FROM t WHERE t.b = u.x) FROM u WHERE u.x = 1", "D[x:23,a:1700] R[1 1.50] C:SELECT 1"},
		{"SELECT (SELECT d FROM t WHERE b = 1), (SELECT d FROM t WHERE b = 7), (SELECT coalesce(n, 'z') FROM t WHERE b = 7)", "D[d:1082,d:1082,coalesce:25] R[2024-01-01 <nil> <nil>] C:SELECT 1"},
		{"SELECT (SELECT a FROM t ORDER BY a DESC LIMIT 1), (SELECT count(*) FROM t), (SELECT a FROM t WHERE b = 1 ORDER BY a)", "D[a:1700,count:20,a:1700] R[3.50 3 1.50] C:SELECT 1"},
		{"SELECT x FROM u WHERE x = (SELECT b FROM t WHERE a = 1.5)", "D[x:23] R[1] C:SELECT 1"},
		// an aggregate the check does not know by name is still one row
		{"SELECT (SELECT json_group_array(b) FROM t)", "D[json_group_array:25] R[[1,2,2]] C:SELECT 1"},
		// several rows: 21000
		{"SELECT u.x, (SELECT t.a FROM t WHERE t.b = u.x) FROM u", "21000"},
		{"SELECT (SELECT a FROM t ORDER BY a)", "21000"},
		{"SELECT x FROM u WHERE x = (SELECT b FROM t)", "21000"},
		{"SELECT coalesce((SELECT b FROM t WHERE b = 2), 0)", "21000"},
		{"UPDATE u SET y = (SELECT n FROM t WHERE b = u.x)", "21000"},
		{"INSERT INTO u VALUES ((SELECT b FROM t), 'q')", "21000"},
		{"INSERT INTO u SELECT (SELECT DISTINCT b FROM t), 'q'", "21000"},
		{"SELECT * FROM u ORDER BY x, y", "D[x:23,y:25] R[1 a] R[2 b] R[2 c] C:SELECT 3"},
		// ON CONFLICT DO UPDATE
		{"INSERT INTO m VALUES (2, 1), (2, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", "21000"},
		{"INSERT INTO m (k, v) VALUES (1, 5), ('1', 6) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", "21000"},
		{"INSERT INTO m (k, v) SELECT b, 9 FROM (VALUES (4), (4)) AS s(b) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", "21000"},
		{"SELECT * FROM m ORDER BY k", "D[k:23,v:23] R[1 1] C:SELECT 1"},
		{"INSERT INTO m (k, v) VALUES (1, 5), (3, 6) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v RETURNING k, v", "D[k:23,v:23] R[1 5] R[3 6] C:INSERT 0 2"},
		{"INSERT INTO m VALUES (1, 8), (1, 9) ON CONFLICT (k) DO NOTHING", "C:INSERT 0 0"},
		{"BEGIN", "C:BEGIN"},
		{"INSERT INTO m VALUES (7, 1), (8, 1) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", "C:INSERT 0 2"},
		{"SELECT (SELECT k FROM m WHERE v = 1)", "21000"},
		{"ROLLBACK", "C:ROLLBACK"},
		{"SELECT * FROM m ORDER BY k", "D[k:23,v:23] R[1 5] R[3 6] C:SELECT 2"},
	} {
		got, err := q(t, s, c.sql)
		if err != nil {
			got = code(err)
			if c.want == "21000" && !strings.Contains(err.Error(), "more than one row returned by a subquery used as an expression") &&
				!strings.Contains(err.Error(), "ON CONFLICT DO UPDATE command cannot affect row a second time") {
				t.Errorf("%s: message %v", c.sql, err)
			}
		} else if c.want == "21000" {
			got = "no error: " + got
		}
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}
	if _, err := q(t, s, "INSERT INTO m VALUES (5, 1), (5, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v"); err == nil || err.(*Error).HintText == "" {
		t.Errorf("no HINT: %v", err)
	}

	// a prepared upsert run again starts with no keys seen
	ps, err := s.Prepare(context.Background(), "INSERT INTO m (k, v) VALUES ($1, 1), ($2, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, args := range [][]any{{int64(10), int64(11)}, {int64(10), int64(11)}, {int64(12), int64(12)}, {int64(12), int64(13)}} {
		w := &rec{}
		err := ps.Execute(context.Background(), args, w)
		if (i == 2) != (code(err) == "21000") || i != 2 && err != nil {
			t.Fatalf("run %d %v: %v %v", i, args, err, w.out)
		}
	}
	mustQ(t, s, "SELECT k, v FROM m WHERE k >= 10 ORDER BY k", "D[k:23,v:23] R[10 1] R[11 2] R[12 1] R[13 2] C:SELECT 4")
}

// DISTINCT ON, EXCEPT/INTERSECT ALL, BETWEEN SYMMETRIC, parenthesised set
// operands and SIMILAR TO in reads, in writes through the log and in a
// transaction; answers as PostgreSQL 15 gives them.
func TestQuerySyntax(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, st := range []string{
		"CREATE TABLE dd (id int, grp text, score int)",
		"INSERT INTO dd VALUES (1, 'a', 10), (2, 'a', 30), (3, 'b', 20), (4, 'b', 20), (5, NULL, 5), (6, 'c', NULL), (7, 'c', 1)",
		"CREATE TABLE ea (x int, y text)",
		"CREATE TABLE eb (x int, y text)",
		"INSERT INTO ea VALUES (1, 'a'), (1, 'a'), (1, 'a'), (2, 'b'), (NULL, 'n'), (NULL, 'n'), (3, 'c')",
		"INSERT INTO eb VALUES (1, 'a'), (2, 'b'), (2, 'b'), (NULL, 'n'), (4, 'd')",
		"CREATE TABLE out (k text, v int)",
	} {
		mustQ(t, s, st, "")
	}
	for _, c := range []struct{ sql, want string }{
		{"SELECT DISTINCT ON (grp) grp, id, score FROM dd ORDER BY grp, score DESC, id", "D[grp:25,id:23,score:23] R[a 2 30] R[b 3 20] R[c 6 <nil>] R[<nil> 5 5] C:SELECT 4"},
		{"SELECT DISTINCT ON (1) grp, id FROM dd ORDER BY 1, id DESC LIMIT 2", "D[grp:25,id:23] R[a 2] R[b 4] C:SELECT 2"},
		{"SELECT DISTINCT ON (g) grp AS g, id FROM dd ORDER BY g DESC, id", "D[g:25,id:23] R[<nil> 5] R[c 6] R[b 3] R[a 1] C:SELECT 4"},
		{"SELECT DISTINCT ON (dd.grp) dd.grp, dd.id FROM dd WHERE id > 1 ORDER BY dd.grp, dd.id", "D[grp:25,id:23] R[a 2] R[b 3] R[c 6] R[<nil> 5] C:SELECT 4"},
		{"SELECT DISTINCT ON (grp) grp, id FROM dd ORDER BY id", "42P10"},
		{"SELECT DISTINCT ON (grp) * FROM dd ORDER BY grp", "0A000"},
		{"SELECT x, y FROM ea EXCEPT ALL SELECT x, y FROM eb ORDER BY 1, 2", "D[x:23,y:25] R[1 a] R[1 a] R[3 c] R[<nil> n] C:SELECT 4"},
		{"SELECT x, y AS why FROM ea INTERSECT ALL SELECT x, y FROM eb ORDER BY x NULLS FIRST", "D[x:23,why:25] R[<nil> n] R[1 a] R[2 b] C:SELECT 3"},
		{"SELECT count(*) FROM (SELECT x FROM ea EXCEPT ALL SELECT x FROM eb) s", "0A000"},
		{"SELECT id FROM dd WHERE id BETWEEN SYMMETRIC 3 AND 1 ORDER BY id", "D[id:23] R[1] R[2] R[3] C:SELECT 3"},
		{"SELECT 5 BETWEEN SYMMETRIC 10 AND 1, 5 NOT BETWEEN SYMMETRIC 10 AND 1, 5 BETWEEN SYMMETRIC NULL AND 1, 5 BETWEEN ASYMMETRIC 10 AND 1", "D[?column?:16,?column?:16,?column?:16,?column?:16] R[true false <nil> false] C:SELECT 1"},
		{"(SELECT id FROM dd ORDER BY id LIMIT 2) UNION ALL (SELECT id FROM dd ORDER BY id DESC LIMIT 1)", "D[id:23] R[1] R[2] R[7] C:SELECT 3"},
		{"(SELECT grp FROM dd WHERE id = 1) UNION (SELECT grp FROM dd WHERE id = 3) ORDER BY 1 DESC", "D[grp:25] R[b] R[a] C:SELECT 2"},
		{"SELECT 'abc' SIMILAR TO 'a%', 'abc' NOT SIMILAR TO '(a|b)%', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'a%c' SIMILAR TO 'a#%c' ESCAPE '#', NULL SIMILAR TO 'a'", "D[?column?:16,?column?:16,?column?:16,?column?:16,?column?:16,?column?:16] R[true false true false true <nil>] C:SELECT 1"},
		{"SELECT 'abc' SIMILAR TO 'a' ESCAPE 'xy'", "22025"},
		// writes through the log
		{"INSERT INTO out SELECT DISTINCT ON (grp) grp, id FROM dd WHERE grp SIMILAR TO '[ab]' ORDER BY grp, id DESC", "C:INSERT 0 2"},
		{"INSERT INTO out (SELECT 'sym', count(*)::int FROM dd WHERE score BETWEEN SYMMETRIC 20 AND 10) UNION ALL (SELECT 'p', 1)", "C:INSERT 0 2"},
		{"DELETE FROM out WHERE k NOT SIMILAR TO '(a|b|sym|p)' RETURNING k", "D[k:25] C:DELETE 0"},
		{"INSERT INTO out (k, v) SELECT DISTINCT ON (grp) 'z' || grp, id FROM dd WHERE grp = 'c' ORDER BY grp, id DESC", "C:INSERT 0 1"},
		{"BEGIN", "C:BEGIN"},
		{"INSERT INTO out SELECT DISTINCT ON (y) y, x FROM ea WHERE x BETWEEN SYMMETRIC 3 AND 2 ORDER BY y, x", "C:INSERT 0 2"},
		{"SELECT x FROM ea INTERSECT ALL SELECT v FROM out ORDER BY 1", "D[x:23] R[1] R[2] R[3] C:SELECT 3"},
		{"COMMIT", "C:COMMIT"},
		{"SELECT k, v FROM out ORDER BY k, v", "D[k:25,v:23] R[a 2] R[b 2] R[b 4] R[c 3] R[p 1] R[sym 3] R[zc 7] C:SELECT 7"},
	} {
		got, err := q(t, s, c.sql)
		if err != nil {
			got = code(err)
		}
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}
}
