-- mod() has no double precision or real overload in PostgreSQL: 42883 at
-- the call, with the argument types; the integer and numeric ones work.
CREATE TABLE n29misc_md (f float8, r real, n numeric, i int);
INSERT INTO n29misc_md VALUES (7.5, 7.5, 7.5, 7);
SELECT mod(7, 2) AS a, mod(7.5, 2) AS b, mod(-7, 3) AS c, mod(n, 2) AS d, mod(i, 4) AS e, mod(7::bigint, 3::smallint) AS f FROM n29misc_md;
-- the operator over a column typed at run time: its error has no position
SELECT f % 2 FROM n29misc_md;
-- positions
SELECT mod(1.5::float8, 2);
SELECT mod(1.5::float8, 2::float8);
SELECT 1 + mod(2, 1.5::float8);
SELECT mod(f, 2) FROM n29misc_md;
SELECT mod(r, i) FROM n29misc_md;
SELECT mod(n, f) FROM n29misc_md;
DROP TABLE n29misc_md;
