-- x [NOT] LIKE / ILIKE ANY|SOME|ALL (array or subquery) and the operators
-- ~~ !~~ ~~* !~~* ~ !~ ~* !~* before ANY/ALL: PostgreSQL's subquery operators
-- (the translation read ANY (...) as a call of a function any: 42883, and
-- ALL as a syntax error).
SELECT 'x' LIKE ANY (ARRAY['a%','x%']), 'x' LIKE ALL (ARRAY['a%','x%']), 'X' ILIKE ALL (ARRAY['x%','%']), 'x' NOT LIKE ALL (ARRAY['a%','b%']), 'x' NOT ILIKE ANY (ARRAY['X%','b%']);
SELECT 'x' LIKE ANY (ARRAY[]::text[]), 'x' LIKE ALL (ARRAY[]::text[]), 'x' LIKE ANY (ARRAY['a%',NULL]), 'x' LIKE ANY (ARRAY['x%',NULL]), NULL LIKE ANY (ARRAY['x%']), 'x' LIKE ANY (NULL::text[]);
SELECT 'x' ~~ ANY (ARRAY['a%','x%']), 'x' !~~ ALL (ARRAY['a%','x%']), 'X' ~~* SOME (ARRAY['x']), 'X' !~~* ANY (ARRAY['x']);
SELECT 'x' ~ ANY (ARRAY['a','x']), 'x' !~ ALL (ARRAY['a','x']), 'X' ~* ANY (ARRAY['x']), 'X' !~* ANY (ARRAY['x']);
SELECT 'X' LIKE ANY (ARRAY['x%']), 'a%c' LIKE ANY (ARRAY['a\%c']), 'abc' LIKE ANY (ARRAY['a\%c']), 'a_c' LIKE ALL ('{a_c,a\\_c}');
SELECT 'x' LIKE ANY ('{a%,x%}'), 'x' LIKE ANY ('{a%,x%}'::text[]);
CREATE TABLE e38errs_lk(id int, t text, pats text[]);
INSERT INTO e38errs_lk VALUES (1,'apple','{a%,b%}'), (2,'Berry','{a%,b%}'), (3,NULL,'{a%}'), (4,'cherry',NULL), (5, 'date', '{}');
SELECT id, t LIKE ANY (pats), t ILIKE ANY (pats), t NOT LIKE ALL (pats), t NOT ILIKE ALL(pats) FROM e38errs_lk ORDER BY id;
SELECT id FROM e38errs_lk WHERE t LIKE ANY (ARRAY['%rr%', 'a%']) ORDER BY id;
SELECT id FROM e38errs_lk WHERE t ILIKE ALL (ARRAY['%R%', 'b%']) ORDER BY id;
SELECT id FROM e38errs_lk WHERE NOT t LIKE ANY (ARRAY['%rr%', 'a%']) ORDER BY id;
SELECT id, t LIKE ANY (SELECT unnest(pats) FROM e38errs_lk WHERE id = 1) FROM e38errs_lk ORDER BY id;
SELECT id, t LIKE ANY (SELECT p FROM (VALUES ('a%'), (NULL)) v(p)) FROM e38errs_lk ORDER BY id;
SELECT 'x' LIKE ANY (ARRAY['x']) AND true, NOT 'x' LIKE ALL (ARRAY['y']);
SELECT lower(t) LIKE ANY (ARRAY['b%']) FROM e38errs_lk ORDER BY id;
SELECT t || 'z' LIKE ANY (ARRAY['%z']) FROM e38errs_lk ORDER BY id;
SELECT 1 LIKE ANY (ARRAY['1']);
SELECT 'x' LIKE ANY (ARRAY[1]);
SELECT 'x' LIKE ANY (SELECT 'x');
PREPARE e38errs_lp(text[]) AS SELECT 'x' LIKE ANY ($1);
EXECUTE e38errs_lp('{x%}');
DEALLOCATE e38errs_lp;
