-- num2_parenliteral: a parenthesised decimal constant is numeric as a bare
-- one is: (1.50) keeps its scale, (-0.0) is numeric's zero (numeric has
-- no negative zero), so cast to float8 or real it is 0, not -0.
SELECT (-1.50), (1.50), (-0.5), ((-0.0)), (-0.00), (+0.0), (1e3), ((2.500)) AS x;
SELECT (-1.50)::float8, (-0.0)::text, (-0.0)::numeric, ((1.50))::numeric, (1e400)::numeric(1000, 0) IS NOT NULL;
SELECT (-0.0)::real, (-0.0)::float4, (-0)::float8, (-0.0e0)::float8, CAST((-0.0) AS double precision), CAST(((-0.0)) AS real);
SELECT -0.0, -0.0::float8, (-0.0::numeric)::float8, -0.00 + 0, -0.0 * 1;
SELECT (1e400)::float8;
SELECT pg_typeof((1.50)), pg_typeof((-0.0)::float8);
