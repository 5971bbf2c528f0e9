-- substring(s FROM pattern) with a text pattern: POSIX regular expression
SELECT substring('abc123' FROM '\d+'), substring('abc' FROM 'x'), substring('foobar' FROM 'o(.)b'), substring('x' FROM '(y)|x');
SELECT substring('Thomas' FROM '...$'), substring('Thomas' FROM '^T(.)'), substring(NULL FROM 'a'), substring('a' FROM NULL);
CREATE TABLE n29me_sub (id int PRIMARY KEY, s text);
INSERT INTO n29me_sub VALUES (1, 'order-42'), (2, 'none'), (3, NULL);
SELECT id, substring(s FROM '[0-9]+') AS n, pg_typeof(substring(s FROM '[0-9]+')) FROM n29me_sub ORDER BY id;
SELECT substring('abc' FROM '(');
-- the integer forms stay positions
SELECT substring('hello' FROM 2), substring('hello' FROM 2 FOR 2), substring('hello' FOR 3);
