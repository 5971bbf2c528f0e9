-- JSON of a CASE (coalesce, greatest, least, nullif) whose values include
-- a column: its type shows only at run time, so to_jsonb, jsonb_agg and
-- the other constructors wrote it as SQLite holds it (["2.50", "1"], 1
-- for true); now its values' types are resolved to their common type
-- when the statement runs (pgdialect/json_branch_type.go).
CREATE TABLE arr_jc (id int PRIMARY KEY, n int, nu numeric(6,2), f float8, r real, b boolean, t text, ts timestamp, tz timestamptz, j jsonb);
INSERT INTO arr_jc VALUES (1, 10, 2.50, 1.5, 1.1, true, 'a', '2024-01-02 03:04:05', '2024-01-02 03:04:05+00', '{"a": 1}'), (2, NULL, NULL, NULL, NULL, false, 'b', NULL, NULL, '[1, 2]');
SET TIME ZONE 'UTC';
SELECT jsonb_agg(CASE WHEN b THEN nu ELSE 1 END ORDER BY id), json_agg(CASE WHEN id = 1 THEN nu END ORDER BY id) FROM arr_jc;
SELECT to_jsonb(CASE WHEN id = 1 THEN nu ELSE nu END), to_json(CASE id WHEN 1 THEN b END), to_jsonb(CASE WHEN id = 1 THEN b ELSE b END) FROM arr_jc ORDER BY id;
SELECT to_jsonb(CASE WHEN id = 1 THEN f ELSE 1 END), to_json(CASE WHEN id = 1 THEN r END), to_jsonb(CASE WHEN id = 1 THEN nu ELSE r END) FROM arr_jc ORDER BY id;
SELECT to_jsonb(CASE WHEN id = 1 THEN ts END), to_jsonb(CASE WHEN id = 1 THEN tz END), to_jsonb(CASE WHEN id = 1 THEN j END) FROM arr_jc ORDER BY id;
SELECT jsonb_agg(CASE WHEN id = 1 THEN j ELSE '[]' END ORDER BY id), json_agg(CASE WHEN b THEN b ELSE NOT b END ORDER BY id) FROM arr_jc;
SELECT jsonb_build_object('x', CASE WHEN b THEN nu ELSE 0 END, 'y', CASE WHEN b THEN b ELSE false END), json_build_array(CASE id WHEN 1 THEN b END) FROM arr_jc ORDER BY id;
SELECT to_jsonb(coalesce(nu, n)), to_jsonb(greatest(nu, 2)), to_jsonb(nullif(nu, 1)), to_jsonb(coalesce(b, id > 1)) FROM arr_jc ORDER BY id;
SELECT jsonb_agg(CASE WHEN id = 1 THEN CASE WHEN b THEN nu END END ORDER BY id) FROM arr_jc;
SELECT to_jsonb(CASE WHEN id = 1 THEN t ELSE 'y' END), to_jsonb(CASE WHEN id = 1 THEN n ELSE id END) FROM arr_jc ORDER BY id;
SELECT json_agg(s.v ORDER BY s.id) FROM (SELECT id, CASE WHEN b THEN nu END AS v FROM arr_jc) s;
RESET TIME ZONE;
DROP TABLE arr_jc;
