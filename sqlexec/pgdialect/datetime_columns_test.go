package pgdialect

import "testing"

// TestColumnPlusMinus checks + and - with a bare column operand, whose
// type only the schema knows: a date/time column does date/time
// arithmetic, a number column PostgreSQL's checked arithmetic
// (datetime_columns.go and arith.go together), in results, comparisons,
// BETWEEN, IN and ORDER BY.
func TestColumnPlusMinus(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE cm (id int PRIMARY KEY, a int, b bigint, n numeric(10,2), d date, d2 date, ts timestamp);
INSERT INTO cm VALUES (1, 2147483647, 9223372036854775807, 12.34, '2024-01-31', '2024-01-01', '2024-02-28 10:00:00'),
  (2, -7, -2, 0.10, '2024-03-01', '2024-02-01', '2024-12-31 23:00:00')`)
	run := func(q string) string { return queryOneNoFatal(t, db, q) }
	for _, c := range []struct{ q, want string }{
		{"SELECT d + 1 FROM cm WHERE id = 1", "2024-02-01"},
		{"SELECT d - 1 FROM cm WHERE id = 2", "2024-02-29"},
		{"SELECT 2 + d FROM cm WHERE id = 1", "2024-02-02"},
		{"SELECT d - d2 FROM cm WHERE id = 2", "29"},
		{"SELECT ts + '1 day' FROM cm WHERE id = 1", "2024-02-29 10:00:00"},
		{"SELECT a - 1 FROM cm WHERE id = 1", "2147483646"},
		{"SELECT b + 1 FROM cm WHERE id = 1", "ERR 22003"},
		{"SELECT n + 0.01 FROM cm WHERE id = 2", "0.11"},
		{"SELECT a + 0.5 FROM cm WHERE id = 2", "-6.5"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 BETWEEN -7 AND -6)", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 > -7)", "2"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 < 1.5)", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE n - 0.05 IN (0.05, 1))", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE d + 1 > '2024-02-01')", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE d + 1 >= '2024-02-01')", "2"},
		{"SELECT (SELECT count(*) FROM cm WHERE d - 1 BETWEEN '2024-01-01' AND '2024-02-01')", "1"},
		{"SELECT (SELECT id FROM cm ORDER BY a + 0.5 LIMIT 1)", "2"},
		{"SELECT (SELECT id FROM cm ORDER BY d + 1 DESC LIMIT 1)", "2"},
	} {
		if got := arithOne(t, c.q, run); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
