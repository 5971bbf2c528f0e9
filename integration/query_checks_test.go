package integration

import "testing"

const upsertHint = "Ensure that no rows proposed for insertion within the same command have duplicate constrained values."

// TestQueryChecksAndSyntax: answers PostgreSQL 15 gives and SQLite would
// get silently wrong (a scalar subquery with several rows, ON CONFLICT DO
// UPDATE hitting a row twice: 21000, nothing stored) and everyday syntax
// (DISTINCT ON, EXCEPT/INTERSECT ALL, BETWEEN SYMMETRIC, parenthesised
// set operands, SIMILAR TO), in reads, in writes through the log and in
// a transaction; every node holds the same rows afterwards. Passes against
// a real PostgreSQL 15 too (RAFTSQL_REFERENCE_URL).
func TestQueryChecksAndSyntax(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE qc_t (id int PRIMARY KEY, grp text, score int, amt numeric(10,2))"},
		{sql: "INSERT INTO qc_t VALUES (1, 'a', 10, 1.50), (2, 'a', 30, 2.50), (3, 'b', 20, 3.50), (4, 'b', 20, 4.50), (5, NULL, 5, 5.50), (6, 'c', NULL, 6.50), (7, 'c', 1, 7.50)"},
		{sql: "CREATE TABLE qc_kv (k int PRIMARY KEY, v int)"},
		{sql: "INSERT INTO qc_kv VALUES (1, 1)"},
		{sql: "CREATE TABLE qc_out (k text, v int)"},
		// scalar subqueries
		{sql: "SELECT (SELECT amt FROM qc_t WHERE id = 1)::text, (SELECT amt FROM qc_t WHERE id = 99)::text, (SELECT grp FROM qc_t WHERE score = 30)", rows: "1.50|<nil>|a"},
		{sql: "SELECT (SELECT amt FROM qc_t WHERE grp = 'a')", code: "21000"},
		{sql: "SELECT id FROM qc_t WHERE score = (SELECT score FROM qc_t WHERE grp = 'b') ORDER BY id", code: "21000"},
		{sql: "SELECT id, (SELECT k FROM qc_kv WHERE k = qc_t.id) FROM qc_t WHERE id < 3 ORDER BY id", rows: "1|1\n2|<nil>"},
		{sql: "UPDATE qc_kv SET v = (SELECT id FROM qc_t WHERE grp = 'c')", code: "21000"},
		{sql: "INSERT INTO qc_kv VALUES (9, (SELECT score FROM qc_t WHERE grp = 'a'))", code: "21000"},
		// ON CONFLICT DO UPDATE hitting one row twice
		{sql: "INSERT INTO qc_kv VALUES (2, 1), (2, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", code: "21000", hint: upsertHint},
		{sql: "INSERT INTO qc_kv (k, v) VALUES (1, 5), (1, 6) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", code: "21000"},
		{sql: "INSERT INTO qc_kv (k, v) VALUES (1, 5), (3, 6) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v RETURNING k, v", rows: "1|5\n3|6"},
		{sql: "SELECT k, v FROM qc_kv ORDER BY k", rows: "1|5\n3|6"},
		// syntax
		{sql: "SELECT DISTINCT ON (grp) grp, id, score FROM qc_t ORDER BY grp, score DESC, id", rows: "a|2|30\nb|3|20\nc|6|<nil>\n<nil>|5|5"},
		{sql: "SELECT DISTINCT ON (grp) grp, id FROM qc_t ORDER BY id", code: "42P10"},
		{sql: "SELECT grp FROM qc_t EXCEPT ALL SELECT 'a' ORDER BY 1", rows: "a\nb\nb\nc\nc\n<nil>"},
		{sql: "SELECT grp FROM qc_t INTERSECT ALL SELECT grp FROM qc_t WHERE id > 3 ORDER BY 1", rows: "b\nc\nc\n<nil>"},
		{sql: "SELECT id FROM qc_t WHERE score BETWEEN SYMMETRIC 20 AND 10 ORDER BY id", rows: "1\n3\n4"},
		{sql: "(SELECT id FROM qc_t ORDER BY id LIMIT 2) UNION ALL (SELECT id FROM qc_t ORDER BY id DESC LIMIT 1)", rows: "1\n2\n7"},
		{sql: "SELECT id FROM qc_t WHERE grp SIMILAR TO '(a|c)' AND grp NOT SIMILAR TO 'c%' ORDER BY id", rows: "1\n2"},
		// writes through the log, in and out of a transaction
		{sql: "INSERT INTO qc_out SELECT DISTINCT ON (grp) grp, id FROM qc_t WHERE grp SIMILAR TO '[ab]' ORDER BY grp, id DESC"},
		{sql: "BEGIN"},
		{sql: "INSERT INTO qc_out (SELECT 'sym', count(*)::int FROM qc_t WHERE score BETWEEN SYMMETRIC 30 AND 20) UNION ALL (SELECT 'p', 1)"},
		{sql: "SELECT (SELECT v FROM qc_out WHERE k = 'b')", rows: "4"},
		{sql: "INSERT INTO qc_kv VALUES (4, 1), (4, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", code: "21000"},
		{sql: "ROLLBACK"},
		{sql: "BEGIN"},
		{sql: "INSERT INTO qc_out (SELECT 'sym', count(*)::int FROM qc_t WHERE score BETWEEN SYMMETRIC 30 AND 20) UNION ALL (SELECT 'p', 1)"},
		{sql: "COMMIT"},
	})
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{
			{sql: "SELECT k, v FROM qc_out ORDER BY k", rows: "a|2\nb|4\np|1\nsym|3"},
			{sql: "SELECT k, v FROM qc_kv ORDER BY k", rows: "1|5\n3|6"},
		})
	}
}
