-- Assignment to an array element in SET (UPDATE t SET tags[2] = 'x',
-- ON CONFLICT DO UPDATE SET a[1] = ...) was a syntax error; PostgreSQL
-- replaces the element or enlarges the array with NULLs.
CREATE TABLE me_as (id int PRIMARY KEY, tags text[], nums int[], flags bool[], amts numeric(5,2)[]);
INSERT INTO me_as VALUES (1, '{a,b}', '{1,2}', '{t}', '{1.50}'), (2, NULL, NULL, NULL, NULL), (3, '{}', '{}', '{}', '{}');
UPDATE me_as SET tags[2] = 'second' WHERE id = 1 RETURNING tags;
UPDATE me_as SET tags[4] = 'fourth', nums[1] = nums[1] + 10 WHERE id = 1 RETURNING tags, nums;
UPDATE me_as SET nums[3] = 7 WHERE id = 1 RETURNING nums;
UPDATE me_as SET nums[2] = 'abc' WHERE id = 1;
-- differs-message: the element's range error names the value
UPDATE me_as SET nums[2] = 5000000000 WHERE id = 1;
UPDATE me_as SET amts[1] = 2.345 WHERE id = 1 RETURNING amts;
UPDATE me_as SET flags[2] = false WHERE id = 1 RETURNING flags;
UPDATE me_as SET tags[1] = 'x' WHERE id = 2 RETURNING tags;
UPDATE me_as SET tags[1] = 'y' WHERE id = 3 RETURNING tags;
UPDATE me_as SET tags[NULL] = 'z' WHERE id = 1;
UPDATE me_as SET tags[1] = NULL WHERE id = 1 RETURNING tags;
UPDATE me_as SET tags[1] = 'a,b "q"' WHERE id = 1 RETURNING tags, tags[1];
UPDATE me_as AS m SET tags[2] = upper(m.tags[2]) WHERE m.id = 1 RETURNING tags;
UPDATE me_as SET nums[1 + 1] = nums[1] * 2, tags[array_length(tags, 1)] = 'last' WHERE id = 1 RETURNING nums, tags;
INSERT INTO me_as (id, tags) VALUES (1, '{k}') ON CONFLICT (id) DO UPDATE SET tags[1] = EXCLUDED.tags[1] RETURNING tags;
INSERT INTO me_as AS t (id, nums) VALUES (3, '{9}') ON CONFLICT (id) DO UPDATE SET nums[1] = EXCLUDED.nums[1] + 1 RETURNING t.nums;
SELECT id, tags, nums, flags, amts FROM me_as ORDER BY id;
DROP TABLE me_as;
