-- ROWS and GROUPS frame offsets: PostgreSQL coerces the offset to bigint
-- and evaluates it once (a constant expression: 1+1, 1.5 rounds to 2,
-- '2'), refuses a column reference (42P10), a negative offset (22013) and
-- NULL (22004). SQLite took only a literal there: every other form
-- (the translation's checked arithmetic, a cast) and a negative one was
-- its internal XX000 "frame starting offset must be a non-negative
-- integer".
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1+1 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND -1 FOLLOWING) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN '1' PRECEDING AND '1' FOLLOWING) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 3/2 PRECEDING AND (2 * 1)::int FOLLOWING) FROM generate_series(1,5) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CAST('2' AS bigint) PRECEDING AND 2.5 FOLLOWING) FROM generate_series(1,5) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS 1 PRECEDING), sum(x) OVER (ORDER BY x ROWS -1 PRECEDING) FROM generate_series(1,5) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS 1 PRECEDING EXCLUDE CURRENT ROW) FROM generate_series(1,5) x;
SELECT x, sum(x) OVER w FROM generate_series(1,5) x WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND -2 FOLLOWING);
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN x PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1/0 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 9223372036854775808 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN "x" PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
PREPARE e38errs_wp(int) AS SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN $1 PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
EXECUTE e38errs_wp(1);
EXECUTE e38errs_wp(-1);
DEALLOCATE e38errs_wp;
-- differs: a frame offset that calls a function or reads a subquery is 0A000 (SQLite takes only constants there)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN (SELECT 1) PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
