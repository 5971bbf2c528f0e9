-- A jsonb or json value, or a json path operator's result (-> is jsonb
-- or json, ->> and #>> text), assigned to a column of another type with
-- no assignment cast is 42804 as in PostgreSQL, in UPDATE SET, INSERT
-- ... SELECT, VALUES and ON CONFLICT DO UPDATE (issue 11); assignable
-- ones still write.
CREATE TABLE n29btw_a (id int PRIMARY KEY, i int, t text, n numeric, b bool, d date, j jsonb, v varchar(10), js json);
INSERT INTO n29btw_a VALUES (1, 1, 'x', 1, true, '2024-01-01', '{"a": 5, "s": "hi", "p": {"q": 7}}', 'v', '{"a": 1}');
UPDATE n29btw_a SET i = j;
UPDATE n29btw_a SET i = j -> 'a';
UPDATE n29btw_a SET i = j ->> 'a';
UPDATE n29btw_a SET n = j ->> 'a';
UPDATE n29btw_a SET b = j -> 'a';
UPDATE n29btw_a SET d = j ->> 's';
UPDATE n29btw_a SET i = j #>> '{p,q}';
UPDATE n29btw_a SET n = j #> '{p,q}';
UPDATE n29btw_a SET i = j -> 'p' ->> 'q';
UPDATE n29btw_a SET i = js -> 'a';
UPDATE n29btw_a SET i = js ->> 'a';
UPDATE n29btw_a SET js = j ->> 'a';
UPDATE n29btw_a SET i = j ->> 'a' || '0';
UPDATE n29btw_a SET i = (j ->> 'a')::int, n = (j -> 'p' ->> 'q')::numeric, t = j ->> 's', v = j ->> 's';
UPDATE n29btw_a SET j = j -> 'p', t = js -> 'a', js = js -> 'a';
SELECT id, i, t, n, v, j, js FROM n29btw_a ORDER BY id;
INSERT INTO n29btw_a (id, i) SELECT 2, j FROM n29btw_a;
INSERT INTO n29btw_a (id, i) SELECT 2, j ->> 'q' FROM n29btw_a;
INSERT INTO n29btw_a (id, n) SELECT 2, j -> 'q' FROM n29btw_a;
INSERT INTO n29btw_a (id, i) VALUES (2, '5'::jsonb ->> 0);
INSERT INTO n29btw_a (id, i) VALUES (2, (SELECT j -> 'q' FROM n29btw_a));
INSERT INTO n29btw_a (id, i) WITH c AS (SELECT j FROM n29btw_a) SELECT 2, j ->> 'q' FROM c;
INSERT INTO n29btw_a (id, i) SELECT 2, s.x ->> 'q' FROM (SELECT j AS x FROM n29btw_a) s;
INSERT INTO n29btw_a (id, i) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET i = excluded.j ->> 'q';
INSERT INTO n29btw_a (id, t, j) SELECT 3, j ->> 'q', j -> 'q' FROM n29btw_a;
INSERT INTO n29btw_a (id, i) VALUES (4, '5'::jsonb ->> 0 IS NULL);
SELECT id, i, t, j FROM n29btw_a ORDER BY id;
DROP TABLE n29btw_a;
