-- A malformed array literal's error carries PostgreSQL's DETAIL (what
-- the array parser met), at the literal.
-- positions
SELECT '{1,2'::int[];
SELECT '{1,2'::text[];
SELECT '1,2}'::int[];
SELECT '1,2}'::text[];
SELECT '{1,2}x'::int[];
SELECT '{1,2}x'::text[];
SELECT '{1,,2}'::int[];
SELECT '{1,,2}'::text[];
SELECT '{,1}'::int[];
SELECT '{,1}'::text[];
SELECT '{1,}'::int[];
SELECT '{1,}'::text[];
SELECT '{"a}'::int[];
SELECT '{"a}'::text[];
SELECT '{a"b}'::int[];
SELECT '{a"b}'::text[];
SELECT '{}}'::int[];
SELECT '{}}'::text[];
SELECT '{'::int[];
SELECT '{'::text[];
CREATE TABLE n28detail_arr (id int, a int[], t text[]);
INSERT INTO n28detail_arr VALUES (1, '{1,2', '{}');
INSERT INTO n28detail_arr (t, a) VALUES ('{a}', '{1}'), ('{b', '{2}');
UPDATE n28detail_arr SET a = '{1,,2}';
