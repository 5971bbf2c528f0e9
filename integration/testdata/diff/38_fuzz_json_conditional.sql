-- greatest, least, coalesce and nullif over constants the statement
-- types are written to JSON by their type: to_jsonb(greatest(1, 0.1)) is
-- the number 1, not the string "1" (pgdialect/json_conditional_type.go;
-- the differential fuzz tester, seed 822179).
CREATE TABLE fz38_jn (id int, n numeric, t text);
INSERT INTO fz38_jn VALUES (1, 1.5, 'a'), (2, NULL, NULL), (3, -2, 'z');
SELECT to_jsonb(greatest(1, 0.1)) AS a, to_jsonb(least(2.50, 3)) AS b, to_jsonb(coalesce(1.5, 2)) AS c, to_jsonb(nullif(2.5, 1)) AS d;
SELECT jsonb_build_array(greatest(1, 2.5), coalesce(1, 2), greatest('a', 'b'), coalesce(true, false), nullif(1.50, 0)) AS c;
SELECT json_build_object('k', coalesce(1.10, 2), 'm', least(7, 3)) AS c;
SELECT id, jsonb_build_object('g', greatest(n, 0), 'c', coalesce(n, 0.5), 't', coalesce(t, 'x')) AS c FROM fz38_jn ORDER BY id;
SELECT jsonb_agg(greatest(1, 0.1) ORDER BY id) AS c FROM fz38_jn;
DROP TABLE fz38_jn;
