-- txt2_like_escape: a LIKE pattern that ends in its escape character is
-- 22025 only when the match reads that escape against a character of the
-- text (PostgreSQL's MatchText); with the text used up it is no match
-- (it was 22025 whenever the pattern ended so).
SELECT 'abc' LIKE 'abc\' AS a, '' LIKE '\' AS b, '' LIKE '%\' AS c, 'ab' LIKE 'abc\' AS d, 'abc' ILIKE 'ABC\' AS e, 'abc' LIKE 'x\' AS f, 'abc' LIKE 'abc#' ESCAPE '#' AS g, 'abc' NOT LIKE 'abc\' AS h;
SELECT 'abcd' LIKE 'abc\';
SELECT 'abc' LIKE 'a%\';
SELECT 'abcd' LIKE 'abc#' ESCAPE '#';
CREATE TABLE txt2_lk (id int PRIMARY KEY, s text);
INSERT INTO txt2_lk VALUES (1, 'ab'), (2, 'abc');
SELECT id FROM txt2_lk WHERE s LIKE 'ab\' ORDER BY id;
SELECT id FROM txt2_lk WHERE s LIKE 'a_\' ORDER BY id;
