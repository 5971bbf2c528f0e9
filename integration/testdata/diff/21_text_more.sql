-- text_more: booleans typed at run time become text as PostgreSQL's output (t/f in concat and format, true/false in ||); RETURNING subqueries; || with a varchar cast; float4 sums
CREATE TABLE tm_b (id int, paid boolean, r real, name text);
INSERT INTO tm_b VALUES (1, true, 1.1, 'a'), (2, false, 2.2, 'b'), (3, NULL, 3.3, 'c');
CREATE VIEW tm_v AS SELECT id, paid, id > 1 AS big FROM tm_b;
SELECT concat(p) FROM (SELECT paid AS p FROM tm_b) s ORDER BY 1;
SELECT concat_ws(',', p, 'x') FROM (SELECT paid AS p FROM tm_b WHERE id < 3) s ORDER BY 1;
SELECT format('%s', p) FROM (SELECT paid AS p FROM tm_b WHERE id < 3) s ORDER BY 1;
SELECT p || '' FROM (SELECT paid AS p FROM tm_b WHERE id < 3) s ORDER BY 1;
SELECT 'x' || s.p FROM (SELECT paid AS p FROM tm_b WHERE id < 3) s ORDER BY 1;
SELECT concat(b) FROM (SELECT id > 1 AS b FROM tm_b) s ORDER BY 1;
SELECT b || '' FROM (SELECT id > 1 AS b FROM tm_b) s ORDER BY 1;
WITH c AS (SELECT paid FROM tm_b WHERE id < 3) SELECT concat(paid), paid || '', format('%s', paid) FROM c ORDER BY 1;
WITH c AS (SELECT id = 1 AS one FROM tm_b) SELECT concat(one), one || '' FROM c ORDER BY 1;
SELECT concat(CASE WHEN id = 1 THEN paid ELSE false END) FROM tm_b ORDER BY 1;
SELECT (CASE WHEN id = 1 THEN paid ELSE false END) || '' FROM tm_b ORDER BY 1;
SELECT concat(CASE WHEN id = 1 THEN true ELSE false END) FROM tm_b ORDER BY 1;
SELECT concat(paid), concat(big), paid || '', big || '', format('%s', big) FROM tm_v WHERE id < 3 ORDER BY id;
SELECT concat(v.paid) FROM tm_v v WHERE id < 3 ORDER BY 1;
SELECT concat(x) FROM (VALUES (true), (false)) v(x) ORDER BY 1;
SELECT x || '' FROM (VALUES (true), (false)) v(x) ORDER BY 1;
SELECT concat(coalesce(paid, false)) FROM tm_b ORDER BY 1;
SELECT concat(r) FROM (SELECT r FROM tm_b) s ORDER BY 1;
SELECT r || '' FROM (SELECT r FROM tm_b) s ORDER BY 1;
SELECT concat(name), name || '' FROM (SELECT name FROM tm_b) s ORDER BY 1;
SELECT concat(id) FROM (SELECT id FROM tm_b) s ORDER BY 1;
CREATE TABLE tm_r (id int, t text);
-- differs: a RETURNING subquery reading the target table is refused (0A000); SQLite's RETURNING would see the statement's own rows
INSERT INTO tm_r SELECT 1, 'a' WHERE false RETURNING (SELECT count(*) FROM tm_r);
INSERT INTO tm_r VALUES (1, 'a'), (2, 'b') RETURNING (SELECT count(*) FROM tm_b), (SELECT max(id) FROM tm_b), (SELECT sum(id) FROM tm_b);
INSERT INTO tm_r VALUES (3, 'c') RETURNING id::text, id::int8, (SELECT name FROM tm_b WHERE id = 1), (SELECT paid FROM tm_b WHERE id = 1);
UPDATE tm_r SET t = 'z' WHERE id = 3 RETURNING (SELECT count(*) FROM tm_b WHERE paid), id::numeric(5,1), (SELECT avg(id) FROM tm_b);
DELETE FROM tm_r WHERE id = 3 RETURNING (SELECT count(*) > 0 FROM tm_b), (SELECT sum(r) FROM tm_b), t::varchar(2) || 'x';
-- differs: a RETURNING subquery reading the target table is refused (0A000)
UPDATE tm_r SET t = 'y' WHERE id = 0 RETURNING (SELECT count(*) FROM tm_r WHERE t = 'y');
SELECT t || id::varchar(3) FROM tm_r ORDER BY 1;
SELECT 'ab' || 'cdef'::varchar(3);
SELECT 'ab'::varchar(3) || 'cd';
SELECT t::varchar(3) || t::varchar(3) FROM tm_r ORDER BY 1;
SELECT sum(DISTINCT r) FROM tm_b;
SELECT sum(r) FROM (SELECT r FROM tm_b) s;
SELECT sum(x) FROM (VALUES (1.1::real), (2.2::real), (3.3::real)) v(x);
SELECT sum(DISTINCT x) FROM (VALUES (1.1::real), (2.2::real), (2.2::real)) v(x);
WITH c AS (SELECT r FROM tm_b) SELECT sum(r) FROM c;
SELECT sum(r), sum(DISTINCT r) FROM tm_b;
SELECT sum(DISTINCT x) FROM (VALUES (0.1::real), (0.7::real), (0.2::real), (0.7::real), (1e7::real)) v(x);
-- differs: sum(DISTINCT real) of a column of a derived table that is a UNION adds in double precision (its type is not read at run time)
SELECT sum(DISTINCT r) FROM (SELECT r FROM tm_b UNION ALL SELECT r FROM tm_b) s;
SELECT sum(DISTINCT r::real) FROM tm_b;
