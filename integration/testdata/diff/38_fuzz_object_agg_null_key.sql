-- json_object_agg and jsonb_object_agg refuse a NULL key with
-- PostgreSQL 15's SQLSTATE, 22023 (invalid_parameter_value); it was
-- 22004 (the differential fuzz tester, seed 821043).
CREATE TABLE fz38_ok (id int, k int, v text);
INSERT INTO fz38_ok VALUES (1, 1, 'a'), (2, NULL, 'b'), (3, 3, NULL);
SELECT jsonb_object_agg(k::text, v ORDER BY id) FROM fz38_ok WHERE id <> 2;
SELECT jsonb_object_agg(k::text, v ORDER BY id) FROM fz38_ok;
SELECT json_object_agg(k, v ORDER BY id) FROM fz38_ok;
SELECT id % 2 AS g, jsonb_object_agg(k, v) FROM fz38_ok GROUP BY 1 ORDER BY 1;
DROP TABLE fz38_ok;
