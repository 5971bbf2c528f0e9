package integration

import "testing"

// TestJSONTypedReplicated: the JSON constructors print typed columns
// (boolean, numeric, timestamp(tz), arrays, nested json) and a table's
// whole row as PostgreSQL 15 does, and interval columns order by value
// (RAFTSQL_REFERENCE_URL runs the same script against PostgreSQL); writes
// that build JSON, one in an interactive transaction, go through the log
// and are identical on every node of a 3-node cluster.
func TestJSONTypedReplicated(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	const row1 = `{"id":1,"ok":true,"amt":2.50,"at":"2024-01-02T03:04:05.123+00:00","tags":["a","b c"],"meta":{"k": [1, 2]},"wait":"1 mon"}`
	runScript(t, conn, []sqlStep{
		{sql: "SET TimeZone = 'UTC'"},
		{sql: "CREATE TABLE jx_t (id int PRIMARY KEY, ok boolean, amt numeric(10,2), at timestamptz, tags text[], meta jsonb, wait interval)"},
		{sql: "CREATE INDEX jx_t_wait ON jx_t (wait)"},
		{sql: `INSERT INTO jx_t VALUES (1, true, 2.50, '2024-01-02 03:04:05.123+00', '{a,"b c"}', '{"k": [1, 2]}', '1 mon'),
			(2, false, -0.10, NULL, '{}', NULL, '3 days'), (3, NULL, NULL, NULL, NULL, NULL, '25:00:00')`},
		{sql: "SELECT json_build_object('ok', ok, 'amt', amt, 'at', at, 'tags', tags, 'big', amt > 1)::text FROM jx_t WHERE id = 1",
			rows: `{"ok" : true, "amt" : 2.50, "at" : "2024-01-02T03:04:05.123+00:00", "tags" : ["a","b c"], "big" : true}`},
		{sql: "SELECT jsonb_agg(amt ORDER BY id)::text, json_agg(ok ORDER BY id)::text FROM jx_t", rows: "[2.50, -0.10, null]|[true, false, null]"},
		{sql: "SELECT row_to_json(t)::text FROM jx_t t WHERE id = 1", rows: row1},
		{sql: "SELECT id FROM jx_t ORDER BY wait", rows: "3\n2\n1"},
		{sql: "SELECT max(wait)::text, min(wait)::text FROM jx_t", rows: "1 mon|25:00:00"},
		{sql: "SELECT id FROM jx_t WHERE wait > '2 days' ORDER BY wait DESC", rows: "1\n2"},
		{sql: "CREATE TABLE jx_doc (id int PRIMARY KEY, doc jsonb, row text)"},
		{sql: "INSERT INTO jx_doc SELECT id, jsonb_build_object('ok', ok, 'amt', amt, 'at', at), row_to_json(t)::text FROM jx_t t WHERE id < 3"},
		{sql: "BEGIN"},
		{sql: "SET TimeZone = 'America/New_York'"}, // not SET LOCAL: its zone does not reach the committed write (a separate bug)
		{sql: "INSERT INTO jx_doc SELECT 10 + id, to_jsonb(t), json_build_object('at', at)::text FROM jx_t t WHERE id = 1"},
		{sql: "COMMIT"},
	})
	// PostgreSQL 15.18's answer
	want := `1|{"at": "2024-01-02T03:04:05.123+00:00", "ok": true, "amt": 2.50}|` + row1 + "\n" +
		`2|{"at": null, "ok": false, "amt": -0.10}|{"id":2,"ok":false,"amt":-0.10,"at":null,"tags":[],"meta":null,"wait":"3 days"}` + "\n" +
		`11|{"at": "2024-01-01T22:04:05.123-05:00", "id": 1, "ok": true, "amt": 2.50, "meta": {"k": [1, 2]}, "tags": ["a", "b c"], "wait": "1 mon"}|{"at" : "2024-01-01T22:04:05.123-05:00"}`
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT id, doc::text, row FROM jx_doc ORDER BY id", rows: want}})
	}
}
