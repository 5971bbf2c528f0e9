package integration

import "testing"

// TestEverydaySyntax: FROM-item column alias lists, UPDATE/DELETE target
// aliases, position(... IN ...), string functions and schema errors, with
// PostgreSQL's results and SQLSTATEs.
func TestEverydaySyntax(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "SELECT b, a FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b) ORDER BY a", rows: "x|1\ny|2"},
		{sql: "SELECT v.n FROM (VALUES (1), (2)) v(n) WHERE v.n > 1", rows: "2"},
		{sql: "SELECT s.k FROM (SELECT 7) s(k)", rows: "7"},
		{sql: "SELECT count(*) FROM generate_series(1, 3) g(i) WHERE i > 1", rows: "2"},
		{sql: "CREATE TABLE items(id int PRIMARY KEY, v text)"},
		{sql: "INSERT INTO items SELECT a, b FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS src(a, b)"},
		{sql: "UPDATE items AS i SET v = 'A' WHERE i.id = 1"},
		{sql: "UPDATE items i SET v = upper(i.v) WHERE i.id = 2"},
		{sql: "DELETE FROM items x WHERE x.id = 3"},
		{sql: "SELECT id, v FROM items ORDER BY id", rows: "1|A\n2|B"},
		{sql: "SELECT position('l' in 'hello'), position('z' IN 'hello'), strpos('hello', 'lo')", rows: "3|0|4"},
		{sql: "SELECT lpad('ab', 5, 'xy'), rpad('ab', 4), lpad('abcdef', 3), repeat('ab', 3), repeat('x', -1), reverse('äbc')", rows: "xyxab|ab  |abc|ababab||cbä"},
		{sql: "SELECT chr(65), ascii('A'), btrim('xxaxx', 'x'), translate('abcab', 'abc', 'x'), starts_with('abc', 'ab')", rows: "A|65|a|xx|true"},
		{sql: "SELECT chr(0)", code: "54000"},
		{sql: "SELECT chr(-1)", code: "22023"},
		{sql: `SELECT regexp_replace('abcabc', '(b)(c)', '[\2\1\&]'), regexp_replace('aAa', 'a', 'x', 'gi'), regexp_replace('aaa', 'a', 'x')`, rows: "a[cbbc]abc|xxx|xaa"},
		{sql: "SELECT regexp_replace('a', 'a', 'b', 'z')", code: "22023"},
		{sql: `SELECT encode('\x00ff41'::bytea, 'hex'), encode('abc'::bytea, 'base64'), encode('\x5c00'::bytea, 'escape')`, rows: `00ff41|YWJj|\\\000`},
		{sql: "SELECT decode('00ff', 'hex') = '\\x00ff'::bytea", rows: "true"},
		{sql: "CREATE TABLE app.t(id int)", code: "3F000"},
		{sql: "CREATE UNIQUE INDEX items_lower_v ON items (lower(v))"},
		{sql: "INSERT INTO items VALUES (9, 'a')", code: "23505"},
	})
}
