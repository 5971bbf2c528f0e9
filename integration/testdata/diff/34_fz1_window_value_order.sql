-- ORDER BY a window call whose value is its argument's (first_value,
-- last_value, nth_value, lag, lead) of a numeric, interval or jsonb
-- column orders by value: SQLite's window result carries no collation,
-- so numeric text sorted as text (-0.5 before -2.5).
CREATE TABLE fz1_wv (id int PRIMARY KEY, n numeric, n2 numeric(10,2), iv interval, j jsonb, t text);
INSERT INTO fz1_wv VALUES (1, 0, 0.00, '1 mon -1 day', '{"a": 1}', ''), (2, -2.5, -2.50, '-2 hours', '{"a": "x"}', 'Hello'), (3, 12345.678, 99999999.99, '1 year', '[1, 2]', 'abc'), (4, 0.5, 0.50, '00:00:00', '{}', 'a%b'), (5, 1.5, 1.50, '-1 mon 1 day', 'null', '42'), (6, NULL, NULL, NULL, NULL, NULL), (7, -0.5, -0.50, '36 hours', '"s"', 'x'), (8, 100, 100.00, '1 day', '2', 'ABC');
SELECT id, first_value(n) OVER (ORDER BY id RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS c FROM fz1_wv ORDER BY 2 NULLS FIRST, 1;
SELECT id, lag(n) OVER (ORDER BY id) AS c2, last_value(n) OVER (PARTITION BY id) AS c3 FROM fz1_wv ORDER BY 2 NULLS FIRST, 1;
SELECT id, last_value(n) OVER (PARTITION BY id) AS c3 FROM fz1_wv ORDER BY c3 DESC, 1;
SELECT id, lead(n2, 1, 5.5) OVER (ORDER BY id) AS c FROM fz1_wv ORDER BY c, 1;
SELECT id, nth_value(n, 1) OVER (PARTITION BY id) AS c FROM fz1_wv ORDER BY 2, 1;
SELECT id FROM fz1_wv ORDER BY lag(n) OVER (ORDER BY id) DESC, id;
SELECT id, lag(iv) OVER (ORDER BY id) AS c FROM fz1_wv ORDER BY c, 1;
SELECT id, lag(j) OVER (ORDER BY id) AS c FROM fz1_wv ORDER BY c, 1;
SELECT id, first_value(t) OVER (PARTITION BY id) AS c FROM fz1_wv ORDER BY c, 1;
DROP TABLE fz1_wv;
