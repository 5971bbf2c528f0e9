-- A function's jsonb result compares and orders as jsonb, as a jsonb
-- column does: an array with more elements after one with fewer, numbers
-- by value, 1.50 equal to 1.5. Ordered as its text, ORDER BY jsonb_agg(i)
-- put [null] first and jsonb_build_array(10) before
-- jsonb_build_array(7) (pgdialect/jsonb_call_order.go; the differential
-- fuzz tester, seed 821017).
CREATE TABLE fz38_jo (id int, g int, i int4, n numeric, t text);
INSERT INTO fz38_jo VALUES (1, 1, 10, 1.50, 'b'), (2, 1, -7, 2, 'a'), (3, 2, 7, 1.5, NULL), (4, 3, NULL, 100, 'c'), (5, 2, 3, -0.5, 'b'), (6, 1, 100, NULL, 'z');
SELECT g, jsonb_agg(i ORDER BY i) AS c FROM fz38_jo GROUP BY g ORDER BY 2 DESC;
SELECT g, jsonb_agg(i ORDER BY i) FILTER (WHERE id > 1) AS c FROM fz38_jo GROUP BY g ORDER BY 2, 1;
SELECT id, jsonb_build_array(i) AS c FROM fz38_jo ORDER BY 2 DESC, 1;
SELECT id, to_jsonb(n) AS c FROM fz38_jo ORDER BY 2, 1;
SELECT DISTINCT to_jsonb(n) AS c FROM fz38_jo WHERE n IS NOT NULL ORDER BY 1;
SELECT id, jsonb_build_object('k', n) = '{"k": 1.5}' AS eq, jsonb_build_object('k', n) > '{"k": 3}' AS gt, jsonb_build_array(i)::text || 'x' AS s FROM fz38_jo ORDER BY id;
SELECT id, jsonb_agg(i) OVER (ORDER BY id) AS c FROM fz38_jo ORDER BY 2, 1;
SELECT jsonb_build_object('k', n) AS c, count(*) FROM fz38_jo GROUP BY 1 ORDER BY 1;
DROP TABLE fz38_jo;
