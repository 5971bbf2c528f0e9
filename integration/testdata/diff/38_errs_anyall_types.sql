-- x op ANY/SOME/ALL (array) needs an operator between x's type and the
-- element type: PostgreSQL's 42883 at parse analysis where the types are
-- of different categories (SQLite compared the stored values and
-- answered). A quoted literal takes the other side's type.
SELECT 1 = ANY(ARRAY['1','2']);
SELECT 1 < ANY(ARRAY['1','2']);
SELECT 1 <> ALL(ARRAY['1','2']);
SELECT 1 = ANY(ARRAY['1'::text]);
SELECT 'a'::text = ANY(ARRAY[1,2]);
SELECT true = ANY(ARRAY[1,2]);
SELECT 1 = ANY(ARRAY[true]);
SELECT '2020-01-01'::date = ANY(ARRAY[1]);
SELECT '1'::money = ANY(ARRAY[1]);
SELECT 1 = ANY('{1,2}'), '1' = ANY(ARRAY[1,2]), 1 = ANY(ARRAY[1.5, 1]), 1::float8 = ANY(ARRAY[1::numeric]);
SELECT 'a'::varchar = ANY(ARRAY['a'::text]), 'a'::name = ANY(ARRAY['a']), '01:00'::time = ANY(ARRAY['1 hour'::interval]);
CREATE TABLE e38errs_aa (i int, t text, ta text[], ia int[], n numeric, d date);
INSERT INTO e38errs_aa VALUES (1, '1', '{1}', '{1}', 1, '2020-01-01');
-- columns: their declared types, read when the statement runs
SELECT i = ANY(ta) FROM e38errs_aa;
SELECT i <> ALL(ta) FROM e38errs_aa;
SELECT t = ANY(ia) FROM e38errs_aa;
SELECT d = ANY(ia) FROM e38errs_aa;
SELECT 1 = ANY(ta) FROM e38errs_aa;
SELECT i = ANY(ARRAY['1']) FROM e38errs_aa;
SELECT d = ANY(ARRAY['2020-01-01']) FROM e38errs_aa;
SELECT i = ANY(ia), n = ANY(ia), t = ANY(ta), '1' = ANY(ta), 1.0 = ANY(ia) FROM e38errs_aa;
SELECT i FROM e38errs_aa WHERE i = ANY(ia) AND t = ANY(ARRAY['1', 'x']);
