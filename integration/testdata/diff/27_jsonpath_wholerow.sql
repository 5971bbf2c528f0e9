CREATE TABLE n27jsonpath_row (id int PRIMARY KEY, body jsonb, n numeric(6,2), ok boolean, ts timestamp, tags text[], t text, r real, dt date);
INSERT INTO n27jsonpath_row VALUES (1, '{"items": [{"k": "a"}], "x": null}', 2.50, true, '2024-01-02 03:04:05.5', '{x,y}', 'hi', 1.5, '2024-02-29'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT to_jsonb(d) - 'id' AS doc FROM n27jsonpath_row d ORDER BY id;
SELECT to_jsonb(d) - 'body' - 'tags' FROM n27jsonpath_row d ORDER BY id;
SELECT to_jsonb(d) ->> 'ts' AS ts, to_jsonb(d) -> 'n' AS n, to_json(d) ->> 'ok' AS ok FROM n27jsonpath_row d ORDER BY id;
SELECT to_jsonb(d) @> '{"ok": true}' AS okrow, to_jsonb(d) ? 'tags' AS hastags FROM n27jsonpath_row d ORDER BY id;
SELECT to_jsonb(d), to_json(d) FROM n27jsonpath_row d ORDER BY id;
SELECT to_jsonb(n27jsonpath_row) - 'body' FROM n27jsonpath_row ORDER BY id;
SELECT jsonb_build_object('row', d, 'id', d.id) FROM n27jsonpath_row d ORDER BY id;
SELECT json_build_array(d, d.t) FROM n27jsonpath_row d ORDER BY id;
SELECT jsonb_build_array(d) -> 0 -> 'tags' FROM n27jsonpath_row d ORDER BY id;
SELECT jsonb_path_query_array(to_jsonb(d), '$.* ? (@.type() == "number")') FROM n27jsonpath_row d ORDER BY id;
SELECT jsonb_agg(to_jsonb(d) - 'body' ORDER BY id) FROM n27jsonpath_row d;
SELECT (to_jsonb(d) - 'id') = (to_jsonb(d) - 'id') AS same FROM n27jsonpath_row d ORDER BY id;
CREATE TABLE n27jsonpath_same (id int PRIMARY KEY, s text);
INSERT INTO n27jsonpath_same VALUES (1, 'col');
-- differs: a column named like the table's alias is refused (0A000) where PostgreSQL reads the column
SELECT to_jsonb(s) FROM n27jsonpath_same s;
SELECT to_jsonb(d) || '{"extra": 1}' AS merged, jsonb_build_object('a', 1) || jsonb_build_object('b', d.id) AS ab FROM n27jsonpath_row d ORDER BY id;
