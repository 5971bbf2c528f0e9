-- txt2_regex_ops: ~, ~*, !~ and !~* read PostgreSQL's ARE as the regexp_*
-- functions do (they used RE2's syntax: . did not match a newline, \m and
-- lookahead were XX000), and refuse with 0A000 what RE2 cannot reproduce.
SELECT E'a\nb' ~ 'a.b' AS a, E'a\nb' ~ 'a[^x]b' AS b, 'x1' ~ '\d' AS c, 'ab' ~ '^(a|ab)$' AS d, E'a\vb' ~ 'a\sb' AS e;
SELECT 'abc' ~ 'B' AS a, 'abc' ~* 'B' AS b, 'abc' !~ 'B' AS c, 'abc' !~* 'B' AS d, NULL ~ 'a' AS e, 'a' ~* NULL AS f;
-- ARE's director prefixes and embedded options
SELECT 'ABC' ~ '(?i)abc' AS a, 'ABC' ~ '***:abc' AS b, 'a.c' ~ '***=.' AS c, 'abc' ~ '***=.' AS d, 'A.' ~* '***=a.' AS e, 'A' ~ '***:(?i)a' AS f, 'a' ~ '(?q)' AS g;
SELECT 'a' ~ '***?a';
SELECT 'a' ~ '***xa';
SELECT 'a' ~ '(?z)a';
SELECT 'a' ~ '(?i';
SELECT 'a' ~ 'b|(?i)a';
SELECT 'ab' ~ '(?)ab';
SELECT 'a' ~ '(';
-- \y and \Y: word boundaries (ASCII text)
SELECT 'word' ~ '\yw' AS a, 'aword' ~ '\yw' AS b, 'a_b' ~ 'a\Yb' AS c, 'hello world' ~ '\yworld\y' AS d;
-- refused: PostgreSQL answers, RE2 cannot give the same answer
-- differs: \m and \M (word start/end) have no RE2 form: 0A000
SELECT 'hello world' ~ '\mworld\M';
-- differs: [[:<:]] is \m: 0A000
SELECT 'hello world' ~ '[[:<:]]world';
-- differs: back-references: 0A000
SELECT 'abab' ~ '(ab)\1';
-- differs: lookahead: 0A000
SELECT 'foobar' ~ 'foo(?=bar)';
-- differs: non-greedy quantifiers: 0A000
SELECT 'aaa' ~ 'a+?';
-- flag i (~*) with an ASCII pattern on any text: exact but for ſ and K,
-- which RE2 folds to s and k (PostgreSQL does not): refused
SELECT 'éA' ~* 'a' AS a, 'éA' ~* '[a-z]' AS b, 'é' ~* '[^a-z]' AS c, 'Kelvin' ~* 'kel' AS d, 'ÉtéA' !~* 'T' AS e, regexp_replace('ÉtéA', 'T', 'x', 'gi') AS f;
-- differs: flag i with a pattern outside ASCII: 0A000 (PostgreSQL folds by the locale)
SELECT 'É' ~* 'é';
-- differs: RE2 folds ſ to s: 0A000
SELECT 'ſ' ~* 's';
-- in a table, a WHERE clause and a CHECK constraint
CREATE TABLE txt2_rx (id int PRIMARY KEY, s text CHECK (s ~* '^[a-z]'));
INSERT INTO txt2_rx VALUES (1, E'Line\nnext'), (2, 'abc'), (3, 'x1y');
INSERT INTO txt2_rx VALUES (4, '1abc');
SELECT id FROM txt2_rx WHERE s ~ 'e.n' ORDER BY id;
SELECT id, s ~ '\d' AS digit, s !~* 'ABC' AS nabc FROM txt2_rx ORDER BY id;
-- flags x (expanded syntax) and its combinations with q
SELECT regexp_match('aaa', 'a{ 2 }', 'x') AS a, regexp_match('ab', E'a # comment\nb', 'x') AS b, regexp_match('a b', '(?x) a [ ] b') AS c, regexp_match('a bc', 'a\ bc', 'x') AS d, regexp_match('a#c', 'a[#]c', 'x') AS e;
SELECT regexp_match('a b', 'a b', 'qs') AS a, regexp_match('a b', 'a b', 'xqt') AS b, regexp_match('a b', '(?x)a b', 'q') AS c, regexp_match('a b', '(?qx)a b') AS d, regexp_match('a b', '***=a b', 'n') AS e, regexp_match('A B', '(?qi)a b') AS f;
SELECT regexp_match('a b', 'a b', 'qx');
SELECT regexp_match('a b', 'a b', 'nq');
SELECT regexp_match('ab', '( ?:a)b', 'x');
SELECT regexp_match(E'a\nb', '(?s)a.b', 'n') AS a, regexp_match(E'a\nb', '(?n)a.b', 's') AS b, regexp_match(E'a\nb', '(?p)^b') AS c, regexp_match(E'a\nb', '(?w)^b') AS d, regexp_match('ABC', '(?c)b', 'i') AS e, regexp_match('ABC', '(?i)b', 'c') AS f;
SELECT regexp_replace('abc', '(?i)B', 'X') AS a, regexp_replace('a.c', '***=.', 'X') AS b, regexp_replace('a b c', ' ', '', 'gx') AS c;
