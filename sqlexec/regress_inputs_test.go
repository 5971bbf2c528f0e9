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
	})
}
