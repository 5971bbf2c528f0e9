-- An array assigned to an array column of another element type: each
-- element takes the elements' assignment cast (numeric and float
-- elements into an integer array round, a bigint past int4's range is
-- 22003, a boolean into a text array is its text); elements of no
-- assignment cast are 42804.
CREATE TABLE n28assign2_at (id int4, ia int4[], i8a int8[], ta text[]);
CREATE TABLE n28assign2_as (id int4, na numeric[], fa float8[], ra real[], ba bool[], ta text[]);
INSERT INTO n28assign2_as VALUES (1, '{1.5,2.5,-2.5}', '{1.5,2.5,-2.5}', '{0.1,2.5}', '{t,f}', '{1}');
INSERT INTO n28assign2_at (id, ia) VALUES (1, ARRAY[1.6::numeric]) RETURNING ia;
INSERT INTO n28assign2_at (id, ia) VALUES (2, ARRAY[1.5::float8, 2.5]) RETURNING ia;
INSERT INTO n28assign2_at (id, ia) VALUES (3, ARRAY[2.5::float4]) RETURNING ia;
INSERT INTO n28assign2_at (id, ia) VALUES (4, '{1.5}'::numeric[]) RETURNING ia;
INSERT INTO n28assign2_at (id, ia) VALUES (5, ARRAY[3000000000::int8]) RETURNING ia;
INSERT INTO n28assign2_at (id, i8a) VALUES (6, ARRAY[2.5::numeric, NULL]) RETURNING i8a;
INSERT INTO n28assign2_at (id, ta) VALUES (7, ARRAY[true, false]) RETURNING ta;
INSERT INTO n28assign2_at (id, ta) VALUES (8, ARRAY[1.5::real]) RETURNING ta;
INSERT INTO n28assign2_at (id, ia, i8a, ta) SELECT id + 10, na, fa, ba FROM n28assign2_as RETURNING *;
UPDATE n28assign2_at a SET ia = s.fa, ta = s.ra FROM n28assign2_as s WHERE a.id = 11 RETURNING a.id, a.ia, a.ta;
-- positions
INSERT INTO n28assign2_at (id, ia) VALUES (9, ARRAY['1'::text]);
INSERT INTO n28assign2_at (id, ia) SELECT id, ta FROM n28assign2_as;
INSERT INTO n28assign2_at (id, ia) SELECT id, ba FROM n28assign2_as;
SELECT * FROM n28assign2_at ORDER BY id;
