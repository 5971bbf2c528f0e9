package integration

import "testing"

// TestLikeAndCaseMapping: LIKE is case-sensitive with backslash as the
// default escape, ILIKE folds case, upper/lower/initcap map every Unicode
// letter, as in PostgreSQL; in reads and in writes (where they run on
// every node).
func TestLikeAndCaseMapping(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "SELECT 'ABC' LIKE 'abc', 'ABC' ILIKE 'abc', 'abc' LIKE 'a%', 'abc' NOT LIKE 'A%', 'abc' NOT ILIKE 'A%'", rows: "false|true|true|true|false"},
		{sql: "SELECT 'ÄBC' ILIKE 'äbc', 'Äbc' LIKE 'ä%', 'straße' ILIKE 'STRA_E'", rows: "true|false|true"},
		{sql: `SELECT 'a_b' LIKE 'a\_b', 'axb' LIKE 'a\_b', 'a%c' LIKE 'a#%c' ESCAPE '#', 'abc' LIKE 'a%c' ESCAPE ''`, rows: "true|false|true|true"},
		{sql: `SELECT 'abc' LIKE 'ab\'`, code: "22025"},
		{sql: "SELECT NULL LIKE 'a', 'a' ILIKE NULL", rows: "<nil>|<nil>"},
		{sql: "SELECT 'Ab' ~~ 'a%', 'Ab' ~~* 'a%', 'Ab' !~~ 'a%', 'Ab' !~~* 'a%'", rows: "false|true|true|false"},
		{sql: "SELECT upper('äöü straße'), lower('ÄÖÜ ÉCOLE'), initcap('hello wORLD foo-bar 3d élan')", rows: "ÄÖÜ STRAßE|äöü école|Hello World Foo-Bar 3d Élan"},
		{sql: "CREATE TABLE names(id int PRIMARY KEY, n text)"},
		{sql: "INSERT INTO names VALUES (1, 'Foo'), (2, 'foo'), (3, 'FÖÖ')"},
		{sql: "SELECT id FROM names WHERE n LIKE 'f%' ORDER BY id", rows: "2"},
		{sql: "SELECT id FROM names WHERE n ILIKE 'f%' ORDER BY id", rows: "1\n2\n3"},
		{sql: "UPDATE names SET n = lower(n) WHERE n ILIKE 'fö%'"},
		{sql: "DELETE FROM names WHERE n LIKE 'F%'"},
		{sql: "SELECT id, n FROM names ORDER BY id", rows: "2|foo\n3|föö"},
	})
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT id, n FROM names ORDER BY id", rows: "2|foo\n3|föö"}})
	}
}
