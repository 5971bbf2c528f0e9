-- RETURNING with scalar subqueries, aggregates in subqueries and casts; || over varchar casts (text)
CREATE TABLE dr_src (id int, paid boolean, r real, name text, amt numeric(8,2));
INSERT INTO dr_src VALUES (1, true, 1.5, 'a', 2.50);
CREATE TABLE dr_t (id int, t text);
INSERT INTO dr_t VALUES (1, 'a') RETURNING (SELECT count(*) FROM dr_src);
INSERT INTO dr_t VALUES (2, 'b') RETURNING (SELECT max(id) FROM dr_src), (SELECT sum(id) FROM dr_src), (SELECT avg(amt) FROM dr_src);
INSERT INTO dr_t VALUES (3, 'c') RETURNING (SELECT name FROM dr_src LIMIT 1), (SELECT paid FROM dr_src LIMIT 1), (SELECT r FROM dr_src LIMIT 1), (SELECT amt FROM dr_src LIMIT 1);
UPDATE dr_t SET t = 'z' WHERE id = 3 RETURNING id::text, id::int8, id::numeric(5,1), t::varchar(4), (SELECT count(*) > 0 FROM dr_src);
DELETE FROM dr_t WHERE id = 3 RETURNING (SELECT sum(r) FROM dr_src), t || id::varchar(3), t::varchar(2) || 'x';
SELECT t || id::varchar(3), 'ab' || 'cdef'::varchar(3), 'ab'::varchar(3) || 'cd', t::varchar(3) || t::varchar(3) FROM dr_t;
