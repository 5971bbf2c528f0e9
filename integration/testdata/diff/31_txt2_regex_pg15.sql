-- txt2_regex_pg15: PostgreSQL 15's regular-expression functions with a
-- start position and an occurrence (they were 42883): regexp_replace's
-- 4- to 6-argument forms, regexp_count, regexp_instr, regexp_substr,
-- regexp_like; positions in characters.
SELECT regexp_replace('abcabcabc', 'b', 'X', 4) AS a, regexp_replace('abcabcabc', 'b', 'X', 1, 2) AS b, regexp_replace('abcabcabc', 'B', 'X', 1, 0, 'i') AS c, regexp_replace('abcabcabc', 'b', 'X', 1, 2, 'g') AS d, regexp_replace('abcabcabc', 'b', 'X', 3, 0) AS e;
SELECT regexp_replace('abc', 'b', 'X', 10) AS a, regexp_replace('abc', 'b', 'X', 4) AS b, regexp_replace('abc', '', 'X', 4, 0) AS c, regexp_replace('abc', 'x*', '-', 2, 0) AS d, regexp_replace('héllo', 'l', 'L', 4) AS e, regexp_replace('abc', '^a', 'X', 2) AS f, regexp_replace('abc', 'b', 'X', 1, 5) AS g;
SELECT regexp_replace('abc', '(b)', '[\1\&]', 1, 1) AS a, regexp_replace('abc', 'b', 'X', NULL) AS b, regexp_replace('abc', 'b', 'X', 1, NULL, 'g') AS c;
SELECT regexp_replace('abc', 'b', 'X', 0);
SELECT regexp_replace('abc', 'b', 'X', 1, -1);
SELECT regexp_replace('abc', 'b', 'X', '1');
SELECT regexp_count('ABCABCAXYaxy', 'A.') AS a, regexp_count('ABCABCAXYaxy', 'A.', 1, 'i') AS b, regexp_count('abc', '') AS c, regexp_count('abc', '', 4) AS d, regexp_count('abc', '', 5) AS e, regexp_count('héllo', 'l', 4) AS f, regexp_count(NULL, 'a') AS g;
SELECT regexp_count('abc', 'b', 0);
SELECT regexp_count('abc', 'b', 1, 'g');
SELECT regexp_instr('ABCDEFGHI', '(c..)(...)', 1, 1, 0, 'i', 2) AS a, regexp_instr('ABCDEF', 'c(.)(..)', 1, 1, 0, 'i') AS b, regexp_instr('ABCDEF', 'c(.)(..)', 1, 1, 1, 'i') AS c, regexp_instr('abcabc', 'b', 1, 2) AS d, regexp_instr('abcabc', 'b', 1, 3) AS e, regexp_instr('abc', 'b', 1, 1, 0, '', 1) AS f, regexp_instr('abc', 'b', 1, 1, 0, '', 2) AS g, regexp_instr('abc', '(x)?b', 1, 1, 0, '', 1) AS h, regexp_instr('héllo', 'l', 1, 2, 1) AS i;
SELECT regexp_instr('abc', 'b', 1, 0);
SELECT regexp_instr('abc', 'b', 1, 1, 2);
SELECT regexp_instr('abc', 'b', 1, 1, 0, '', -1);
SELECT regexp_substr('ABCDEFGHI', 'c..', 1, 1, 'i') AS a, regexp_substr('ABCDEFGHI', '(c..)(...)', 1, 1, 'i', 2) AS b, regexp_substr('abcabc', 'b.', 3) AS c, regexp_substr('abc', 'x') AS d, regexp_substr('abc', '(x)?b', 1, 1, '', 1) AS e, regexp_substr('abc', 'b', 1, 1, '', 1) AS f, regexp_substr('abc', 'b', 1, 1, '', 2) AS g, regexp_substr('héllo', 'l.', 1, 1) AS h;
SELECT regexp_substr('abc', 'b', 1, 1, 'g');
SELECT regexp_like('Hello World', 'world$', 'i') AS a, regexp_like('Hello World', 'world$') AS b, regexp_like(NULL, 'a') AS c, regexp_like('a', 'a', NULL) AS d;
SELECT regexp_like('a', 'a', 'g');
SELECT regexp_match('abc', 'b', 'g');
CREATE TABLE txt2_r15 (id int PRIMARY KEY, s text, n int);
INSERT INTO txt2_r15 VALUES (1, 'a1b22c333', 1), (2, 'xyz', 2), (3, NULL, 1), (4, 'é1é2', 2);
SELECT id, regexp_count(s, '\d+') AS cnt, regexp_instr(s, '\d+', 1, n) AS pos, regexp_substr(s, '\d+', 1, n) AS sub, regexp_like(s, '^[a-z]') AS lk, regexp_replace(s, '\d', '#', 1, n) AS rep FROM txt2_r15 ORDER BY id;
SELECT id FROM txt2_r15 WHERE regexp_like(s, 'Z', 'i') OR regexp_like(s, '2$', 'i') ORDER BY id;
UPDATE txt2_r15 SET s = regexp_replace(s, '\d+', '<\&>', 2, 0) WHERE id = 1 RETURNING s;
-- differs: \y searched from inside the text (the second search of a count) is refused: 0A000
SELECT regexp_count('ab ab', '\yab');
