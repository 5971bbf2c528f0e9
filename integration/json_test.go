package integration

// json_test.go: jsonb operators and functions as a client sees them,
// against raftsql and (RAFTSQL_REFERENCE_URL) PostgreSQL 15: identical
// text results and SQLSTATEs.

import "testing"

// jsonE2E: statements in order on one connection, with their text results
// (rows "|", columns ",") or SQLSTATEs.
var jsonE2E = []sqlStep{
	{sql: "CREATE TABLE js (id int PRIMARY KEY, j jsonb, t text)"},
	{sql: `INSERT INTO js VALUES (1, '{"b": [1, 2], "a": 1, "name": "x"}', 'a'), (2, '{"a": 2, "tags": ["red", "blue"]}', 'b'), (3, '[1, "a", {"k": null}]', 'c')`},
	{sql: `SELECT j FROM js WHERE id = 1`, rows: `{"a": 1, "b": [1, 2], "name": "x"}`},
	{sql: `SELECT j->'b', j->>'name', j->'b'->>1, j#>'{b,0}', j#>>'{b,1}' FROM js WHERE id = 1`, rows: `[1, 2],x,2,1,2`},
	{sql: `SELECT j->0, j->-1, j->>1, j->'a' FROM js WHERE id = 3`, rows: `1,{"k": null},a,`},
	{sql: `SELECT id FROM js WHERE j @> '{"a": 1}' ORDER BY id`, rows: "1"},
	{sql: `SELECT id FROM js WHERE '{"tags": ["blue"]}' <@ j ORDER BY id`, rows: "2"},
	{sql: `SELECT id FROM js WHERE j @> '{"tags": ["blue"]}' ORDER BY id`, rows: "2"},
	{sql: `SELECT id FROM js WHERE j ? 'tags' ORDER BY id`, rows: "2"},
	{sql: `SELECT id FROM js WHERE j ?| '{name,tags}' ORDER BY id`, rows: "1|2"},
	{sql: `SELECT id FROM js WHERE j ?& '{a,b}' ORDER BY id`, rows: "1"},
	{sql: `SELECT id FROM js WHERE j ? 'a' ORDER BY id`, rows: "1|2|3"},
	{sql: `SELECT j @> '{"a": 1}', j ? 'zz' FROM js WHERE id = 1`, rows: "t,f"},
	{sql: `SELECT '[1, 2]'::jsonb @> '1', '{"a": {"b": 1, "c": 2}}'::jsonb @> '{"a": {"b": 1}}'`, rows: "t,t"},
	{sql: `UPDATE js SET j = j || '{"c": 3}' WHERE id = 1`},
	{sql: `UPDATE js SET j = j - 'a' WHERE id = 2`},
	{sql: `SELECT j FROM js WHERE id IN (1, 2) ORDER BY id`, rows: `{"a": 1, "b": [1, 2], "c": 3, "name": "x"}|{"tags": ["red", "blue"]}`},
	{sql: `SELECT t || '{"x": 1}' FROM js WHERE id = 1`, rows: `a{"x": 1}`},
	{sql: `SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb, '[1]'::jsonb || '[2, 3]'::jsonb, '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b"]'::jsonb - 0`, rows: `{"a": 1, "b": 2},[1, 2, 3],{"b": 2},["b"]`},
	{sql: `SELECT '{"a": {"b": 1}}'::jsonb #- '{a,b}'`, rows: `{"a": {}}`},
	{sql: `SELECT jsonb_set('{"a": [1, 2]}', '{a,1}', '"x"'), jsonb_set('{"a": 1}', '{b}', '2'), jsonb_set('{"a": 1}', '{b}', '2', false)`, rows: `{"a": [1, "x"]},{"a": 1, "b": 2},{"a": 1}`},
	{sql: `SELECT jsonb_typeof(j), jsonb_typeof(j->'b') FROM js WHERE id = 1`, rows: "object,array"},
	{sql: `SELECT jsonb_array_length(j) FROM js WHERE id = 3`, rows: "3"},
	{sql: `SELECT jsonb_array_length(j) FROM js WHERE id = 1`, code: "22023"},
	{sql: `SELECT jsonb_build_object('a', 1, 'b', 'x', 'c', jsonb_build_array(1, 'two', NULL))`, rows: `{"a": 1, "b": "x", "c": [1, "two", null]}`},
	{sql: `SELECT jsonb_build_object('a')`, code: "22023"},
	{sql: `SELECT to_jsonb('hi'::text), to_jsonb(42), to_jsonb('{"x": 1}'::jsonb)`, rows: `"hi",42,{"x": 1}`},
	{sql: `SELECT jsonb_agg(id ORDER BY id) FROM js`, rows: "[1, 2, 3]"},
	{sql: `SELECT jsonb_agg(t ORDER BY id), jsonb_object_agg(t, id) FROM js`, rows: `["a", "b", "c"],{"a": 1, "b": 2, "c": 3}`},
	{sql: `SELECT jsonb_agg(j->'a' ORDER BY id) FROM js WHERE id < 3`, rows: "[1, null]"},
	{sql: `SELECT jsonb_agg(j ORDER BY id), jsonb_build_object('k', js.j, 't', t) FROM js WHERE id = 3 GROUP BY j, t`, rows: `[[1, "a", {"k": null}]],{"k": [1, "a", {"k": null}], "t": "c"}`},
	{sql: `SELECT to_jsonb(t), to_jsonb(j) FROM js WHERE id = 3`, rows: `"c",[1, "a", {"k": null}]`},
	{sql: `SELECT value FROM jsonb_array_elements('[1, "a", {"b": 2}]')`, rows: `1|"a"|{"b": 2}`},
	{sql: `SELECT value FROM jsonb_array_elements_text('[1, "a", null]')`, rows: `1|a|`},
	{sql: `SELECT key, value FROM jsonb_each('{"b": [1], "a": "x"}') ORDER BY key`, rows: `a,"x"|b,[1]`},
	{sql: `SELECT key, value FROM jsonb_each_text('{"b": [1], "a": "x"}') ORDER BY key`, rows: `a,x|b,[1]`},
	{sql: `SELECT key FROM jsonb_each('{"bb": 1, "a": 2, "c": 3}')`, rows: `a|c|bb`},
	{sql: `SELECT js.id, e.value FROM js, jsonb_array_elements(js.j->'b') e WHERE js.id = 1`, rows: "1,1|1,2"},
	{sql: `SELECT jsonb_pretty('{"a": [1, {"b": 2}]}')`, rows: "{\n    \"a\": [\n        1,\n        {\n            \"b\": 2\n        }\n    ]\n}"},
	{sql: `SELECT '{"a": 1'::jsonb`, code: "22P02"},
	{sql: `SELECT jsonb_typeof('nope')`, code: "22P02"},
	{sql: `SELECT j->'a' FROM js WHERE j->>'name' = 'x'`, rows: "1"},
	{sql: `SELECT j->'c' FROM js WHERE j->>'name' = 'x'`, rows: "3"},
}

func TestJSONE2E(t *testing.T) { runTextScript(t, jsonE2E) }
