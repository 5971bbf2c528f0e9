-- nullif of a greatest/least of numeric columns and a number: the nullif
-- rewrite copied greatest's text before greatest's own rewrite, which then
-- landed outside the copies (42601 syntax error at or near "3"; the
-- differential fuzz tester; pgdialect/numeric_runtimecmp.go).
CREATE TABLE me_nm (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int4, f8 float8);
INSERT INTO me_nm VALUES (1, 0, 0.00, 0, 0), (2, -2.5, -2.50, -7, -0.5), (3, 2.5, 2.50, 3, 1e300), (4, 0.5, 0.50, 10, 0.5), (5, NULL, NULL, NULL, NULL);
SELECT id, mod(nullif(greatest(n, n), 2.5), 3), abs(nullif(greatest(n, 1), 2.5)), nullif(least(n2, 0), 0) FROM me_nm ORDER BY id;
SELECT id, nullif(greatest(i4, 0), 3) + 1, nullif(least(f8, 2), 0.5) FROM me_nm ORDER BY id;
SELECT count(*) FROM me_nm WHERE nullif(least(n, n2), -2.5) IS NULL;
DROP TABLE me_nm;
