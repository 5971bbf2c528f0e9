package integration

import "testing"

// TestBadNamesNeverCrash: names that do not exist, including empty and
// qualified ones after a column was dropped, give PostgreSQL's error with
// the caret on the name (in characters), never an internal error or a
// closed connection.
func TestBadNamesNeverCrash(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE d(a int, b int, c text)"},
		{sql: "INSERT INTO d VALUES (1, 2, 'x')"},
		{sql: "ALTER TABLE d DROP COLUMN b"},
		{sql: "SELECT nosuch FROM d", code: "42703", pos: 8},
		{sql: "SELECT b FROM d", code: "42703", pos: 8},
		{sql: "SELECT a, d.nosuch FROM d", code: "42703", pos: 11},
		{sql: `SELECT d."" FROM d`, code: "42601", pos: 10},
		{sql: `SELECT "" FROM d`, code: "42601", pos: 8},
		{sql: `SELECT 'äöü', nosuch FROM d`, code: "42703", pos: 15},
		{sql: `SELECT 'äöü' FROM d WHERE`, code: "42601"},
		{sql: "SELECT a, c FROM d", rows: "1|x"},
	})
}
