-- A quoted literal on the left of op ANY/SOME/ALL (array) is of the
-- array's element type, as PostgreSQL's parse analysis coerces the
-- unknown literal: '1' = ANY (ARRAY[1]) is true (it compared as text),
-- 'a' = ANY (ARRAY[1]) is 22P02. The array's type is the statement's
-- (ARRAY[...], a cast) or an array column's declared type.
CREATE TABLE n29any_t (id int PRIMARY KEY, ia int[], ta text[], na numeric[], ba bool[], da date[], va varchar(5)[]);
INSERT INTO n29any_t VALUES (1, '{1,2,3}', '{a,b}', '{1.5,2}', '{t}', '{2024-01-01}', '{x}'), (2, '{10,20}', '{10,9}', NULL, '{f,NULL}', '{2024-02-01,2024-03-01}', '{10}'), (3, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT '1' = ANY (ARRAY[1]);
SELECT '1' < ANY (ARRAY[2]);
SELECT '01' = ANY (ARRAY[1]);
SELECT ' 2' = ANY (ARRAY[1, 2]);
SELECT '01' <> ALL (ARRAY[1]);
SELECT '3' < ALL (ARRAY[10, 20]);
SELECT '2' = SOME (ARRAY[2, NULL]);
SELECT '2' = ANY ('{1,2}'::int[]);
SELECT '1.50' = ANY ('{1.5}'::numeric[]);
SELECT '2' = ANY (ARRAY['1', '2']);
SELECT '10' < ANY (ARRAY['9']);
SELECT '1' = ANY ('{1}');
SELECT '10' < ALL ('{9,NULL}');
SELECT 'yes' = ANY (ARRAY[true]);
SELECT '2024-1-1' = ANY (ARRAY[date '2024-01-01']);
SELECT '2024-01-01 00:00' = ANY (ARRAY[date '2024-01-01']);
SELECT id FROM n29any_t WHERE '2' = ANY (ia) ORDER BY id;
SELECT id FROM n29any_t WHERE '02' = ANY (ia) ORDER BY id;
SELECT id FROM n29any_t WHERE '5' < ANY (ia) ORDER BY id;
SELECT id FROM n29any_t WHERE '9' < ALL (ia) ORDER BY id;
SELECT id FROM n29any_t WHERE '1.50' = ANY (na) ORDER BY id;
SELECT id FROM n29any_t WHERE '2.0' <= ANY (na) ORDER BY id;
SELECT id FROM n29any_t WHERE 'true' = ANY (ba) ORDER BY id;
SELECT id FROM n29any_t WHERE 'off' = ANY (ba) ORDER BY id;
SELECT id, 'f' <> ALL (ba) FROM n29any_t ORDER BY id;
SELECT id FROM n29any_t WHERE '2024-2-1' = ANY (da) ORDER BY id;
SELECT id FROM n29any_t WHERE '20240115' < ANY (da) ORDER BY id;
SELECT id, '2' = ANY (ia), '2' <> ALL (ia) FROM n29any_t ORDER BY id;
UPDATE n29any_t SET ta = '{changed}' WHERE '20' = ANY (ia);
SELECT id, ta FROM n29any_t ORDER BY id;
-- an array column's literal is read at run time, per row: its error has
-- no position (and a statement that reads no row has none)
SELECT id FROM n29any_t WHERE 'x' = ANY (ia) ORDER BY id;
SELECT id FROM n29any_t WHERE '2024-13-01' > ANY (da) ORDER BY id;
-- positions
SELECT 'a' = ANY (ARRAY[1]);
SELECT 'a' < ALL (ARRAY[1]);
SELECT 'x' = ANY ('{1}'::int[]);
SELECT 'maybe' = ANY (ARRAY[true]);
SELECT '2024-13-01' = ANY (ARRAY[date '2024-01-01']);
