package integration

// json_text_test.go: the json (not jsonb) constructors print as
// PostgreSQL 15's json type, and whole-row references (row_to_json(t),
// to_json(t), json_agg(t)) of FROM subqueries: identical text results
// against raftsql and (RAFTSQL_REFERENCE_URL) PostgreSQL.

import "testing"

var jsonTextE2E = []sqlStep{
	{sql: `SELECT json_build_object('a', 1, 'b', 'x', 'c', NULL)`, rows: `{"a" : 1, "b" : "x", "c" : null}`},
	{sql: `SELECT json_build_object('a', json_build_object('b', 2)), json_build_object('a', '{"x":1}'::json)`, rows: `{"a" : {"b" : 2}},{"a" : {"x":1}}`},
	{sql: `SELECT json_build_array(1, 'a', NULL, '{"a":1}'::json, '{"a": 1}'::jsonb)`, rows: `[1, "a", null, {"a":1}, {"a": 1}]`},
	{sql: `SELECT to_json('x'::text), to_json(1), to_json('a"b\c'::text), to_json('{"a":1}'::json), to_jsonb('{"a":1}'::json)`, rows: `"x",1,"a\"b\\c",{"a":1},{"a": 1}`},
	{sql: `SELECT '{"b":1,  "a":2}'::json, '{"b":1,  "a":2}'::jsonb`, rows: `{"b":1,  "a":2},{"a": 2, "b": 1}`},
	{sql: `SELECT json_agg(x) FROM (VALUES (1), (2)) v(x)`, rows: `[1, 2]`},
	{sql: `SELECT json_object_agg(k, v) FROM (SELECT 'a' AS k, 1 AS v UNION ALL SELECT 'b', 2) s`, rows: `{ "a" : 1, "b" : 2 }`},
	{sql: `SELECT json_build_object('a')`, code: "22023"},
	{sql: `SELECT row_to_json(t) FROM (SELECT 1 AS a, 'x' AS b) t`, rows: `{"a":1,"b":"x"}`},
	{sql: `SELECT to_json(t), to_jsonb(t) FROM (SELECT 1 AS a, 'x' AS b) AS t`, rows: `{"a":1,"b":"x"},{"a": 1, "b": "x"}`},
	{sql: `SELECT row_to_json(t) FROM (VALUES (1, 'a"b', NULL)) t(x, y, z)`, rows: `{"x":1,"y":"a\"b","z":null}`},
	{sql: `SELECT row_to_json(s) FROM (SELECT 2 AS c, '{"k": [1,2]}'::jsonb AS j, '{"k":  1}'::json AS k) s`, rows: `{"c":2,"j":{"k": [1, 2]},"k":{"k":  1}}`},
	{sql: `SELECT json_agg(t ORDER BY a DESC) FROM (SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y') t`, rows: "[{\"a\":2,\"b\":\"y\"}, \n {\"a\":1,\"b\":\"x\"}]"},
	{sql: `SELECT jsonb_agg(t) FROM (SELECT 1 AS a, 'x' AS b) t`, rows: `[{"a": 1, "b": "x"}]`},
	{sql: `CREATE TABLE jt (id int PRIMARY KEY, doc json)`},
	{sql: `INSERT INTO jt SELECT 1, json_build_object('n', 1, 'tags', json_build_array('a', 'b'))`},
	{sql: `INSERT INTO jt SELECT 2, row_to_json(r) FROM (SELECT 'x' AS name, 2 AS n) r`},
	{sql: `SELECT doc FROM jt ORDER BY id`, rows: `{"n" : 1, "tags" : ["a", "b"]}|{"name":"x","n":2}`},
}

func TestJSONTextE2E(t *testing.T) { runTextScript(t, jsonTextE2E) }
