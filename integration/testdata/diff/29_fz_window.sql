-- fz_window: string_agg as a window function over a moving frame keeps
-- each value's delimiter: SQLite's group_concat, once the rows it removed
-- left its text empty, wrote the next value without one (A, A,, b, c
-- where PostgreSQL answers A, A,, ,b, b,c; found by the differential fuzz
-- tester, issue 11).
CREATE TABLE n29fz_w (id int PRIMARY KEY, g int, v text, d text);
INSERT INTO n29fz_w VALUES (1, 1, 'A', '+'), (2, 1, '', '*'), (3, 2, 'b', NULL), (4, 2, 'c', '/'), (5, 1, NULL, '.'), (6, 2, 'e', '|'), (7, 1, '', ',');
SELECT id, string_agg(v, ',') OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n29fz_w ORDER BY id;
SELECT id, string_agg(v, '-') OVER (ORDER BY id), string_agg(v, ';') OVER () FROM n29fz_w ORDER BY id;
SELECT id, string_agg(v, d) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM n29fz_w ORDER BY id;
SELECT id, string_agg(v, ',') OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n29fz_w ORDER BY id;
SELECT id, string_agg(v, ',') FILTER (WHERE id <> 3) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM n29fz_w ORDER BY id;
SELECT id, string_agg(v, '|') OVER (ORDER BY g, id GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM n29fz_w ORDER BY id;
SELECT g, string_agg(v, ',' ORDER BY id) FROM n29fz_w GROUP BY g ORDER BY g;
