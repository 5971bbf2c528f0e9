-- PostgreSQL's 42803 "subquery uses ungrouped column ... from outer query"
-- for a qualified reference to an ungrouped column of a grouped level
-- inside a subquery of its select list, HAVING or ORDER BY.
CREATE TABLE gs_t (id int PRIMARY KEY, g int, v int, w text);
CREATE TABLE gs_u (id int PRIMARY KEY, k int, x int);
INSERT INTO gs_t VALUES (1, 1, 10, 'a'), (2, 1, 20, 'b'), (3, 2, 30, 'c');
INSERT INTO gs_u VALUES (1, 1, 5), (2, 2, 6);
SELECT g, (SELECT gs_t.v) FROM gs_t GROUP BY g;
SELECT o.g, (SELECT max(u.x) FROM gs_u u WHERE u.k = o.g) FROM gs_t o GROUP BY o.g ORDER BY 1;
SELECT o.g, (SELECT max(u.x) FROM gs_u u WHERE u.k = o.v) FROM gs_t o GROUP BY o.g ORDER BY 1;
SELECT o.g FROM gs_t o GROUP BY o.g HAVING EXISTS (SELECT 1 FROM gs_u u WHERE u.x < o.v) ORDER BY 1;
SELECT o.g FROM gs_t o GROUP BY o.g ORDER BY (SELECT count(*) FROM gs_u u WHERE u.k = o.w::int);
SELECT o.id, (SELECT count(*) FROM gs_u u WHERE u.k = o.g) FROM gs_t o GROUP BY o.id ORDER BY 1;
SELECT o.g, (SELECT sum(o.v) FROM gs_u LIMIT 1) FROM gs_t o GROUP BY o.g ORDER BY 1;
SELECT count(*), (SELECT gs_t.w) FROM gs_t;
SELECT o.g, (SELECT max(o2.v) FROM gs_t o2 WHERE o2.g = o.g) FROM gs_t o GROUP BY o.g ORDER BY 1;
SELECT o.g, (SELECT u.x FROM gs_u u WHERE u.id = o.id) FROM gs_t o GROUP BY o.g;
SELECT o.g, count(*) FROM gs_t o WHERE EXISTS (SELECT 1 FROM gs_u u WHERE u.k = o.v) GROUP BY o.g;
SELECT o.g, sum((SELECT u.x FROM gs_u u WHERE u.id = o.id)) FROM gs_t o GROUP BY o.g ORDER BY 1;
