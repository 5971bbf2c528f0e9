-- From PostgreSQL's regression window.sql: a GROUPS frame needs ORDER BY
-- (42P20; SQLite framed each partition as one group), a WINDOW clause
-- may define a name once (42P20; SQLite took the last definition), and
-- count() is 42809 (SQLite counted the rows).
CREATE TABLE e38errs_wt (f1 int, f2 int8);
INSERT INTO e38errs_wt VALUES (1,1),(1,2),(2,2);
select f1, sum(f1) over (partition by f1 groups between 1 preceding and 1 following) from e38errs_wt where f1 = f2;
select f1, sum(f1) over (partition by f1 order by f2 groups between 1 preceding and 1 following) from e38errs_wt where f1 = f2;
select f1, sum(f1) over (w groups between 1 preceding and 1 following) from e38errs_wt window w as (order by f2) order by f1, f2;
select f1, sum(f1) over w from e38errs_wt window w as (groups between 1 preceding and 1 following);
SELECT count(*) OVER w FROM e38errs_wt WINDOW w AS (ORDER BY f1), w AS (ORDER BY f1);
SELECT count(*) OVER w, sum(f1) OVER W2 FROM e38errs_wt WINDOW w AS (ORDER BY f1), w2 AS (ORDER BY f2) ORDER BY 1, 2;
SELECT count() OVER () FROM e38errs_wt;
SELECT count() FROM e38errs_wt;
SELECT count(*), count(f1), count(DISTINCT f1) FROM e38errs_wt;
