-- SQLite's errors that reached clients as XX000
CREATE TABLE n29me_err (id int PRIMARY KEY, v int);
INSERT INTO n29me_err VALUES (1, 10), (2, 20);
SELECT ntile(0) OVER (ORDER BY id) FROM n29me_err;
SELECT ntile(-3) OVER (ORDER BY id) FROM n29me_err;
SELECT nth_value(v, 0) OVER (ORDER BY id) FROM n29me_err;
SELECT ntile(2) OVER (ORDER BY id), nth_value(v, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM n29me_err ORDER BY id;
-- differs: raftsql refuses HAVING in a query with neither GROUP BY nor an aggregate (0A000)
SELECT 1 FROM n29me_err HAVING 1 > 0;
SELECT count(*) FROM n29me_err HAVING count(*) > 1;
