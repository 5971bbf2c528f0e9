package integration

import "testing"

// TestDropTableNeverDeletesRows: DROP TABLE of a referenced table is
// refused (2BP01) as in PostgreSQL, and DROP ... CASCADE drops the
// dependent constraints and views, never a row of another table (SQLite's
// own DROP TABLE would fire ON DELETE CASCADE and empty the child).
func TestDropTableNeverDeletesRows(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	const hint = "Use DROP ... CASCADE to drop the dependent objects too."
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE parent(id int PRIMARY KEY)"},
		{sql: "CREATE TABLE child(id int PRIMARY KEY, pid int REFERENCES parent(id) ON DELETE CASCADE)"},
		{sql: "INSERT INTO parent VALUES (1), (2)"},
		{sql: "INSERT INTO child VALUES (10, 1), (20, 2)"},
		{sql: "DROP TABLE parent", code: "2BP01",
			detail: "constraint child_pid_fkey on table child depends on table parent", hint: hint},
		{sql: "DROP TABLE parent RESTRICT", code: "2BP01"},
		{sql: "SELECT count(*) FROM parent", rows: "2"},
		{sql: "DROP TABLE parent CASCADE"},
		{sql: "SELECT id, pid FROM child ORDER BY id", rows: "10|1\n20|2"},
		// The constraint is gone: any value may be stored now.
		{sql: "INSERT INTO child VALUES (30, 99)"},
		{sql: "SELECT count(*) FROM child", rows: "3"},

		// A named table-level constraint, without a cascade rule.
		{sql: "CREATE TABLE p2(id int PRIMARY KEY)"},
		{sql: "CREATE TABLE c2(id int, pid int, CONSTRAINT c2_to_p2 FOREIGN KEY (pid) REFERENCES p2(id))"},
		{sql: "INSERT INTO p2 VALUES (1)"},
		{sql: "INSERT INTO c2 VALUES (1, 1)"},
		{sql: "DROP TABLE p2", code: "2BP01",
			detail: "constraint c2_to_p2 on table c2 depends on table p2", hint: hint},
		{sql: "DROP TABLE p2 CASCADE"},
		{sql: "SELECT id, pid FROM c2", rows: "1|1"},

		// Tables dropped together may reference each other.
		{sql: "CREATE TABLE a(id int PRIMARY KEY)"},
		{sql: "CREATE TABLE b(id int PRIMARY KEY, aid int REFERENCES a ON DELETE CASCADE)"},
		{sql: "CREATE TABLE keep(id int PRIMARY KEY, bid int REFERENCES b ON DELETE CASCADE)"},
		{sql: "INSERT INTO a VALUES (1)"},
		{sql: "INSERT INTO b VALUES (1, 1)"},
		{sql: "INSERT INTO keep VALUES (1, 1)"},
		{sql: "DROP TABLE a, b", code: "2BP01",
			detail: "constraint keep_bid_fkey on table keep depends on table b", hint: hint},
		{sql: "DROP TABLE a, b CASCADE"},
		{sql: "SELECT id, bid FROM keep", rows: "1|1"},

		// Views depend on their tables.
		{sql: "CREATE TABLE vt(id int)"},
		{sql: "INSERT INTO vt VALUES (5)"},
		{sql: "CREATE VIEW vv AS SELECT id FROM vt"},
		{sql: "DROP TABLE vt", code: "2BP01", detail: "view vv depends on table vt", hint: hint},
		{sql: "SELECT id FROM vv", rows: "5"},
		{sql: "DROP TABLE vt CASCADE"},
		{sql: "SELECT id FROM vv", code: "42P01"},

		// A self-reference is no dependency on another object.
		{sql: "CREATE TABLE tree(id int PRIMARY KEY, up int REFERENCES tree(id) ON DELETE CASCADE)"},
		{sql: "INSERT INTO tree VALUES (1, NULL), (2, 1)"},
		{sql: "DROP TABLE tree"},
		{sql: "DROP TABLE IF EXISTS tree"},
		{sql: "DROP TABLE tree", code: "42P01"},
	})
	// Every node holds the same rows.
	for _, u := range urls {
		c := connectScript(t, u)
		runScript(t, c, []sqlStep{
			{sql: "SELECT id, pid FROM child ORDER BY id", rows: "10|1\n20|2\n30|99"},
			{sql: "SELECT id, bid FROM keep", rows: "1|1"},
		})
	}
}
