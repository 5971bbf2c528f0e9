-- types2_name: name as PostgreSQL 15's namein: text cut to 63 bytes at a
-- character boundary, on cast and on every input path; compared bytewise.
SELECT repeat('a', 70)::name, length(repeat('a', 70)::name), length(repeat('é', 40)::name), octet_length(repeat('é', 40)::name);
SELECT 'abc'::name, ''::name, 'abc '::name || 'x', 'b'::name > 'a'::name;
CREATE TABLE n25n_t (id int, n name);
INSERT INTO n25n_t VALUES (1, repeat('b', 64)), (2, 'abc'), (3, 'Zed'), (4, 'abc '), (5, NULL), (6, repeat('é', 40));
INSERT INTO n25n_t SELECT 7, repeat('c', 100);
INSERT INTO n25n_t VALUES (9, '007'), (10, '1.50');
UPDATE n25n_t SET n = repeat('d', 65) WHERE id = 3;
SELECT id, n, length(n), octet_length(n) FROM n25n_t ORDER BY n, id;
SELECT id FROM n25n_t WHERE n = repeat('c', 63) OR n = 'abc' ORDER BY id;
SELECT n || 'x', n < 'b' FROM n25n_t ORDER BY id;
CREATE UNIQUE INDEX n25n_u ON n25n_t (n);
INSERT INTO n25n_t VALUES (8, repeat('b', 70));
INSERT INTO n25n_t VALUES (11, '007');
SELECT count(*) FROM n25n_t;
