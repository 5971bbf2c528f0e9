-- a quoted literal against an array column in op ANY/ALL is read with
-- the column's element type before any row (22P02 on an empty table)
CREATE TABLE fetch_arr (id int, ia int[], ta text[], ba bool[]);
-- positions
SELECT * FROM fetch_arr WHERE 'x' = ANY (ia);
SELECT * FROM fetch_arr e WHERE 'x' < ALL (e.ia);
SELECT * FROM fetch_arr WHERE id = 1 AND 'x' <> ALL (ia);
SELECT * FROM fetch_arr WHERE 'maybe' = ANY (ba);
UPDATE fetch_arr SET id = 1 WHERE 'y' = ANY (ia);
DELETE FROM fetch_arr WHERE '1.5' = ANY (ia);
INSERT INTO fetch_arr VALUES (1, '{1,2}', '{a}', '{t}');
SELECT id FROM fetch_arr WHERE 'x' = ANY (ia);
