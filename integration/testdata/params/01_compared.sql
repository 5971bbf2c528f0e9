CREATE TABLE pt_hv (id int PRIMARY KEY, g text, n int, b int8, x numeric(10,2), f float8, s text, ts timestamp);
INSERT INTO pt_hv VALUES (1, 'a', 1, 10, 1.50, 0.5, 'hello', '2024-01-15 10:30:00'), (2, 'a', 2, 20, 2.25, 1.5, 'world', '2024-02-20 08:00:00'), (3, 'b', 3, 30, 3.00, 2.5, 'raft', '2024-03-01 00:00:00'), (4, 'c', 4, 40, NULL, NULL, NULL, NULL), (5, 'c', 5, 50, 5.75, 4.5, 'sql', '2024-03-05 12:00:00');
CREATE TABLE pt_o (id int PRIMARY KEY, hv_id int, qty int);
INSERT INTO pt_o VALUES (1, 1, 3), (2, 1, 1), (3, 2, 5), (4, 3, 2);
-- args: 1
SELECT g FROM pt_hv GROUP BY g HAVING count(*) > $1 ORDER BY g;
-- args: 1
SELECT g FROM pt_hv GROUP BY g HAVING $1 < count(*) ORDER BY g;
-- args: 5
SELECT g FROM pt_hv GROUP BY g HAVING sum(n) >= $1 ORDER BY g;
-- args: 25
SELECT g FROM pt_hv GROUP BY g HAVING sum(b) > $1 ORDER BY g;
-- args: 3.5
SELECT g FROM pt_hv GROUP BY g HAVING sum(x) > $1 ORDER BY g;
-- args: 2
SELECT g FROM pt_hv GROUP BY g HAVING avg(n) > $1 ORDER BY g;
-- args: 2
SELECT g FROM pt_hv GROUP BY g HAVING max(n) > $1 ORDER BY g;
-- args: 1.0
SELECT g FROM pt_hv GROUP BY g HAVING min(f) > $1 ORDER BY g;
-- args: 2024-02-01
SELECT g FROM pt_hv GROUP BY g HAVING max(ts) > $1 ORDER BY g;
-- args: 4
SELECT id FROM pt_hv WHERE length(s) > $1 ORDER BY id;
-- args: 10
SELECT id FROM pt_hv WHERE n * 2 + 1 > $1 ORDER BY id;
-- args: 25
SELECT id FROM pt_hv WHERE b + n > $1 ORDER BY id;
-- args: 2
SELECT id FROM pt_hv WHERE abs(n) > $1 ORDER BY id;
-- args: 2
SELECT id FROM pt_hv WHERE n::int8 > $1 ORDER BY id;
-- args: 2
SELECT id FROM pt_hv WHERE $1::int < n ORDER BY id;
-- args: 2
SELECT id FROM pt_hv WHERE n > $1::int ORDER BY id;
-- args: 3
SELECT id FROM (SELECT id, n * 2 AS m FROM pt_hv) q WHERE q.m > $1 ORDER BY id;
-- args: 3
WITH c AS (SELECT g, count(*) AS k FROM pt_hv GROUP BY g) SELECT g FROM c WHERE k >= $1 - 1 ORDER BY g;
-- args: 2
SELECT h.id FROM pt_hv h JOIN pt_o o ON o.hv_id = h.id AND o.qty > $1 ORDER BY h.id;
-- args: 2 | 4
SELECT id FROM pt_hv WHERE n BETWEEN $1 AND $2 ORDER BY id;
-- args: 3
SELECT id FROM pt_hv WHERE $1 BETWEEN n AND n + 1 ORDER BY id;
-- args: 1 | 3
SELECT id FROM pt_hv WHERE n IN ($1, $2) ORDER BY id;
-- args: 2 | 1
SELECT id FROM pt_hv ORDER BY id LIMIT $1 OFFSET $2;
-- args: 9
SELECT id, CASE WHEN n > 2 THEN $1 ELSE n END FROM pt_hv ORDER BY id;
-- args: 0
SELECT id, coalesce(x, $1) FROM pt_hv ORDER BY id;
-- args: 2 | 3
SELECT substr(s, $1, $2) FROM pt_hv ORDER BY id;
-- args: 2
SELECT left(s, $1) FROM pt_hv ORDER BY id;
-- args: month
SELECT date_trunc($1, ts) FROM pt_hv ORDER BY id;
-- args: 41
SELECT $1::int + 1;
-- args: 41
SELECT $1 + 1;
-- args: 3
SELECT count(*) > $1 FROM pt_hv;
-- args: hi
SELECT $1;
-- args: 2
SELECT id FROM pt_hv WHERE n - $1 > 1 ORDER BY id;
-- args: 2
SELECT id FROM pt_hv WHERE (SELECT count(*) FROM pt_o WHERE hv_id = pt_hv.id) >= $1 ORDER BY id;
-- args: 1
SELECT id FROM pt_hv WHERE $1 = 1 ORDER BY id;
