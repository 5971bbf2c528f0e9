package integration

import "testing"

// TestRegexFuncsReplicated: writes computed with the regular-expression,
// jsonb-key and array-search functions (regexfn) are identical on every
// node of the cluster; with RAFTSQL_REFERENCE_URL the same script passes
// against PostgreSQL 15.
func TestRegexFuncsReplicated(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE rf_src (id int PRIMARY KEY, s text, j jsonb, a int[])"},
		{sql: `INSERT INTO rf_src VALUES (1, 'foo123bar45', '{"b": 1, "a": null}', '{1,2,1,NULL}'), (2, 'x-y', '{"k": {"z": null}}', '{}')`},
		{sql: "CREATE TABLE rf_out (id int, part text, m text[], keys text, j jsonb, pos int[], rep int[])"},
		{sql: `INSERT INTO rf_out
SELECT t.id, p, regexp_match(t.s, '([a-z]+)([0-9]*)'), (SELECT string_agg(k, ',') FROM jsonb_object_keys(t.j) AS k),
       jsonb_strip_nulls(t.j), array_positions(t.a, 1), array_replace(t.a, NULL, 0)
FROM rf_src t, regexp_split_to_table(t.s, '[0-9]+|-') AS p`},
		{sql: "UPDATE rf_out SET part = regexp_replace(part, 'a|ar', '_', 'g') WHERE id = 1"},
	})
	// PostgreSQL 15's answer
	want := "1||{foo,123}|a,b|{\"b\": 1}|{1,3}|{1,2,1,0}\n" +
		"1|b_|{foo,123}|a,b|{\"b\": 1}|{1,3}|{1,2,1,0}\n" +
		"1|foo|{foo,123}|a,b|{\"b\": 1}|{1,3}|{1,2,1,0}\n" +
		"2|x|{x,\"\"}|k|{\"k\": {}}|{}|{}\n" +
		"2|y|{x,\"\"}|k|{\"k\": {}}|{}|{}"
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT id, part, m::text, keys, j::text, pos::text, rep::text FROM rf_out ORDER BY id, part", rows: want}})
	}
}
