package sqlexec

import "testing"

// TestRegressInputs: statements from PostgreSQL's own regression suite
// (src/test/regress/sql) that once crashed a connection or answered an
// internal XX000 here, with the SQLSTATE PostgreSQL 15 gives them.
func TestRegressInputs(t *testing.T) {
	runEdgeCases(t, []edgeCase{
		// groupingsets.sql: EXPLAIN of a select list with an aggregate
		// past the fourth column typed EXPLAIN QUERY PLAN's four
		// columns by the SELECT's list and panicked.
		{"CREATE TABLE rg_g1 (a int, b int, v int)", "", ""},
		{"EXPLAIN SELECT a, b, a + b, b, sum(v), count(*), max(v) FROM rg_g1 GROUP BY a, b", "", ""},
		{"EXPLAIN (COSTS OFF) SELECT a, b, a, b, b, max(v) + 1 FROM rg_g1 GROUP BY a, b", "", ""},
		// union.sql: EXPLAIN of an empty select list sent the plan's
		// rows without their column (XX000 "EXPLAIN QUERY PLAN
		// returned 0 columns")
		{"EXPLAIN SELECT FROM rg_g1", "", "SCAN"},
		{"EXPLAIN SELECT FROM rg_g1 INTERSECT SELECT FROM rg_g1", "", ""},
		{"SELECT 1", "", "R[1]"},
		// join.sql: USING a column one side lacks, beside a subquery
		// (SQLite's "cannot join using column" was XX000)
		{"SELECT * FROM rg_g1 JOIN (SELECT 1 AS z) q USING (z)", "42703", ""},
		{"SELECT * FROM (rg_g1 x JOIN rg_g1 y USING (a)) j JOIN rg_g1 USING (nosuch)", "42703", ""},
		// window.sql: ROWS/GROUPS offsets other than a non-negative
		// literal were SQLite's XX000
		{"SELECT sum(v) OVER (ORDER BY a ROWS BETWEEN -1 PRECEDING AND 1 FOLLOWING) FROM rg_g1", "22013", ""},
		{"SELECT sum(v) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND -1 FOLLOWING) FROM rg_g1", "22013", ""},
		{"SELECT sum(v) OVER (ORDER BY a GROUPS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM rg_g1", "22004", ""},
		{"SELECT sum(v) OVER (ORDER BY a ROWS BETWEEN a PRECEDING AND CURRENT ROW) FROM rg_g1", "42P10", ""},
		{"SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1+1 PRECEDING AND CURRENT ROW) FROM generate_series(1, 3) x", "", "R[6]"},
	})
}
