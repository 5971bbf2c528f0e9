-- A numeric sum or avg over a moving window frame counts the NaNs and
-- infinities apart, as PostgreSQL's state does, so the frame drops them
-- again (the sum stayed NaN after the NaN had left the frame; from
-- PostgreSQL's regression window.sql).
SELECT a, b, SUM(b) OVER(ORDER BY A ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES(1,1::numeric),(2,2),(3,'NaN'),(4,3),(5,4)) t(a,b);
SELECT a, b, AVG(b) OVER(ORDER BY A ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES(1,1::numeric),(2,2),(3,'NaN'),(4,3),(5,4)) t(a,b);
SELECT a, b, SUM(b) OVER(ORDER BY A ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), AVG(b) OVER(ORDER BY A ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES(1,1::numeric),(2,'Infinity'),(3,'-Infinity'),(4,3),(5,4.5)) t(a,b);
SELECT sum(b), avg(b) FROM (VALUES(1,1::numeric),(2,'Infinity'),(3,'-Infinity')) t(a,b);
SELECT sum(b), avg(b) FROM (VALUES(1,1::numeric),(2,'Infinity')) t(a,b);
SELECT sum(b), avg(b) FROM (VALUES(1,1::numeric),(2,'NaN')) t(a,b);
SELECT sum(b), avg(b) FROM (VALUES(1,1.50::numeric),(2,'-Infinity')) t(a,b);
CREATE TABLE e38errs_nn(a int, b numeric);
INSERT INTO e38errs_nn VALUES (1, 1), (2, 'NaN'), (3, 2.5), (4, 'Infinity'), (5, 3);
SELECT a, sum(b) OVER (ORDER BY a ROWS 1 PRECEDING), avg(b) OVER (ORDER BY a ROWS 1 PRECEDING) FROM e38errs_nn;
SELECT sum(b), avg(b), sum(b) FILTER (WHERE a <> 2) FROM e38errs_nn;
