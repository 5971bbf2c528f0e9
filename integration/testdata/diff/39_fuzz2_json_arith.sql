-- A JSON constructor's argument that is arithmetic over columns takes the
-- JSON of the result's type: numeric arithmetic is a JSON number, not a
-- string ("-1.5"), and a timestamp from date/time arithmetic prints in
-- ISO form ("2024-03-28T12:00:00", not with a space). The type is known
-- at run time from the operands' declared types (pgdialect/json_typed.go;
-- the differential fuzz tester, seeds 840361 and 840411).
CREATE TABLE fz39b_ja (id int, i4 int4, n numeric, n2 numeric(10,2), f4 real, d date, ts timestamp, iv interval);
INSERT INTO fz39b_ja VALUES (1, 7, -2.5, 1.50, 0.5, '2024-02-29', '2024-02-29 12:00:00', '1 mon -1 day'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (3, -1, 12345.678, 99.99, 3.5, '2000-01-01', '1999-12-31 23:59:59.5', '-2 hours');
SELECT id, to_jsonb(n + 1) AS a, to_jsonb(n2 * 2) AS b, to_jsonb(n % -2) AS c, to_jsonb(i4 * 2) AS d, to_jsonb(f4 * 2) AS e FROM fz39b_ja ORDER BY id;
SELECT id, jsonb_build_object('a', n2 * 2, 'b', n % 2) AS o, jsonb_build_array(n + 1, iv * 2) AS a, json_build_array(n - i4) AS j FROM fz39b_ja ORDER BY id;
SELECT id, to_jsonb(ts + iv) AS a, to_jsonb(d + 1) AS b, to_jsonb(ts + CASE WHEN id > 1 THEN iv ELSE iv END) AS c, to_json(d - 1) AS e, to_jsonb(ts - ts) AS f FROM fz39b_ja ORDER BY id;
SELECT jsonb_agg(n % -2 ORDER BY id) AS a, jsonb_agg(n2 + 0 ORDER BY id) AS b, jsonb_object_agg(id, ts + iv ORDER BY id) AS c FROM fz39b_ja;
DROP TABLE fz39b_ja;
