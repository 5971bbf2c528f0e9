-- A JSON constructor's parenthesised argument is of its value's type:
-- jsonb_agg((n2 % 1.5)) of a numeric column was an array of JSON strings
-- ["-1.00"] where PostgreSQL's holds numbers, [-1.00], and to_jsonb((b))
-- of a boolean the string "1" (the differential fuzz tester, seed 842618).
CREATE TABLE fz3_jp (id int, n2 numeric(10,2), b bool, ts timestamp, f4 real, i8 int8);
INSERT INTO fz3_jp VALUES (1, -2.50, true, '2000-01-01 00:00:00', 1.1, 3), (2, 0.50, false, '2024-02-29 12:00:00', -0.5, 3), (3, NULL, NULL, NULL, NULL, 7);
SELECT i8, jsonb_agg((n2 % 1.5) ORDER BY (n2 % 1.5)) AS j FROM fz3_jp GROUP BY 1 ORDER BY 1;
SELECT json_agg((n2 + 1) ORDER BY id) AS j, jsonb_object_agg(id, (b)) AS o FROM fz3_jp;
SELECT to_jsonb((n2)) AS a, to_json(((b))) AS b, json_build_object('k', (ts)) AS c, to_jsonb((f4)) AS d, jsonb_build_array((id > 1), (1.10)) AS e FROM fz3_jp ORDER BY id;
SELECT to_jsonb((1.10)) AS a, to_jsonb(((2.500))) AS b, to_jsonb((SELECT 1.50)) AS c;
DROP TABLE fz3_jp;
