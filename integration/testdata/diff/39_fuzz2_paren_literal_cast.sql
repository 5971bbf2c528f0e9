-- A parenthesized literal read by a cast, ('abc')::int4, is read at parse
-- analysis as 'abc'::int4 is: PostgreSQL's 22P02 comes with no row read
-- (WHERE false, an empty group). The search for such literals
-- (pgdialect/planconst.go) saw only the unparenthesized form, so the
-- statement answered no rows (the differential fuzz tester, seed 840004).
CREATE TABLE fz39b_pl (id int, t text);
SELECT ('%b%')::int4 AS c FROM fz39b_pl WHERE false;
SELECT (('12x'))::numeric AS c FROM fz39b_pl;
SELECT id, ('x')::bool FROM fz39b_pl WHERE id > 0;
SELECT ('%b%')::int4 AS c1, count(*) FROM fz39b_pl WHERE NULL::bool GROUP BY 1;
SELECT coalesce(('7'))::int4 + 1 AS c, length(('abc')) AS l FROM fz39b_pl;
INSERT INTO fz39b_pl VALUES (1, '5');
SELECT id, (t)::int4 + ('3')::int4 AS c FROM fz39b_pl;
DROP TABLE fz39b_pl;
