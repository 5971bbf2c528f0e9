-- An aggregate given a bare string literal or NULL (type unknown):
-- PostgreSQL cannot pick among sum's, avg's and the bit aggregates'
-- candidates of several type categories (42725 not unique), json_agg and
-- jsonb_agg cannot resolve their polymorphic type (42804), and string_agg
-- has no one-argument form (42883). min and max read it as text, the
-- statistics as double precision.
SELECT min('x'), max(NULL), stddev('1'), var_pop('2'), count('a');
SELECT json_agg('a');
SELECT jsonb_agg(NULL);
-- positions
SELECT sum('1');
SELECT avg('1');
SELECT sum(NULL);
SELECT sum(NULL) FILTER (WHERE true), sum('1'::int);
SELECT bit_and(NULL), count(*) FROM emp;
SELECT bit_or('1');
SELECT bit_xor('1');
SELECT string_agg('a');
SELECT string_agg('a', ',');
