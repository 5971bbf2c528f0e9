package integration

import (
	"context"
	"testing"
)

// TestAddDropConstraint: ALTER TABLE ADD CONSTRAINT CHECK / FOREIGN KEY
// checks the existing rows and then every write; DROP CONSTRAINT removes
// one, as in PostgreSQL 15 (RAFTSQL_REFERENCE_URL runs the same steps
// against it); every node ends with the same rows.
func TestAddDropConstraint(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	runScript(t, a, []sqlStep{
		{sql: "CREATE TABLE p (id int PRIMARY KEY, code text)"},
		{sql: "CREATE TABLE c (id int PRIMARY KEY, pid int, qty int)"},
		{sql: "INSERT INTO p VALUES (1, 'a')"},
		{sql: "INSERT INTO c VALUES (1, 1, 5), (2, 2, -1)"},
		{sql: "ALTER TABLE c ADD CHECK (qty > 0)", code: "23514"},
		{sql: "ALTER TABLE c ADD CONSTRAINT qty_pos CHECK (qty > 0)", code: "23514"},
		{sql: "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE", code: "23503"},
		{sql: "DELETE FROM c WHERE id = 2"},
		{sql: "ALTER TABLE c ADD CHECK (qty > 0)"},
		{sql: "INSERT INTO c VALUES (3, 1, 0)", code: "23514"},
		{sql: "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE"},
		{sql: "INSERT INTO c VALUES (4, 9, 1)", code: "23503"},
		{sql: "ALTER TABLE c ADD CONSTRAINT c_p2 FOREIGN KEY (pid) REFERENCES nosuch (id)", code: "42P01"},
		{sql: "SELECT conname FROM pg_constraint WHERE conrelid = 'c'::regclass ORDER BY 1", rows: "c_p\nc_pkey\nc_qty_check"},
		{sql: "ALTER TABLE c DROP CONSTRAINT c_qty_check"},
		{sql: "INSERT INTO c VALUES (5, 1, 0)"},
		{sql: "ALTER TABLE c DROP CONSTRAINT nosuch", code: "42704"},
		{sql: "ALTER TABLE c DROP CONSTRAINT IF EXISTS nosuch"},
		{sql: "DELETE FROM p WHERE id = 1"},
		{sql: "SELECT count(*) FROM c", rows: "0"},
		{sql: "ALTER TABLE c DROP CONSTRAINT c_p"},
		{sql: "INSERT INTO c VALUES (6, 9, 1)"},
		{sql: "ALTER TABLE c ADD CHECK (qty > 0 AND pid > 0) NOT VALID"},
		{sql: "SELECT conname FROM pg_constraint WHERE conrelid = 'c'::regclass ORDER BY 1", rows: "c_check\nc_pkey"},
		{sql: "INSERT INTO c VALUES (7, 0, 1)", code: "23514"},
		{sql: "ALTER TABLE c ADD CONSTRAINT c_check CHECK (qty < 100)", code: "42710"},
		// A primary key added by ALTER TABLE, referenced without columns.
		{sql: "CREATE TABLE branches (bid int NOT NULL, name text)"},
		{sql: "ALTER TABLE branches ADD PRIMARY KEY (bid)"},
		{sql: "INSERT INTO branches VALUES (1, 'x')"},
		{sql: "CREATE TABLE tellers (tid int, bid int)"},
		{sql: "INSERT INTO tellers VALUES (1, 1)"},
		{sql: "ALTER TABLE tellers ADD CONSTRAINT tellers_bid_fkey FOREIGN KEY (bid) REFERENCES branches"},
		{sql: "INSERT INTO tellers VALUES (2, 2)", code: "23503"},
		{sql: "INSERT INTO tellers VALUES (2, 1)"},
	})
	for _, u := range urls {
		c := connectScript(t, u)
		runScript(t, c, []sqlStep{{sql: "SELECT id, pid, qty FROM c ORDER BY id", rows: "6|9|1"}})
		c.Close(context.Background())
	}
}
