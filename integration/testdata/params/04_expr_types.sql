-- Parameters typed as PostgreSQL 15 types them (issue 11): beside ||,
-- in UPDATE ... FROM and DELETE ... USING, and one no context types.
CREATE TABLE pe_t (id int PRIMARY KEY, s text, n int);
CREATE TABLE pe_u (id int PRIMARY KEY, k int, v text);
INSERT INTO pe_t VALUES (1, 'Apple', 7), (2, 'pear', 12), (3, NULL, NULL);
INSERT INTO pe_u VALUES (1, 10, 'x'), (2, 20, 'y');
-- args: !
SELECT id, $1 || s FROM pe_t ORDER BY id;
-- args: !
SELECT id, s || $1 FROM pe_t ORDER BY id;
-- args: ! | Apple!
SELECT id FROM pe_t WHERE s || $1 = $2;
-- args: Ap | ple
SELECT id FROM pe_t WHERE s = $1 || $2;
-- args: x
SELECT $1;
-- args: x
SELECT id FROM pe_t WHERE $1 IS NULL ORDER BY id;
-- args: 5
SELECT id FROM pe_t WHERE n > $1 OR $1 IS NULL ORDER BY id;
-- args: x
SELECT id FROM pe_t WHERE $1 IS NOT NULL AND id = 1;
-- args: 2
SELECT id FROM pe_t WHERE $1::int IS NULL OR id = $1::int;
-- args: changed | 10
UPDATE pe_t SET s = $1 FROM pe_u WHERE pe_t.id = pe_u.id AND pe_u.k = $2;
-- args: 5 | y
UPDATE pe_t SET n = pe_u.k + $1 FROM pe_u WHERE pe_t.id = pe_u.id AND pe_u.v = $2;
-- args: 3 | y
UPDATE pe_t SET n = $1 FROM pe_u WHERE pe_t.id = pe_u.id AND pe_u.v = $2 RETURNING pe_t.id, n;
SELECT * FROM pe_t ORDER BY id;
-- args: 20
DELETE FROM pe_t USING pe_u WHERE pe_t.id = pe_u.id AND pe_u.k = $1;
-- args: x
DELETE FROM pe_t USING pe_u WHERE pe_t.id = pe_u.id AND pe_u.v = $1 RETURNING pe_t.id;
SELECT * FROM pe_t ORDER BY id;
DROP TABLE pe_u;
DROP TABLE pe_t;
