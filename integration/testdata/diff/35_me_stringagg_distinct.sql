-- string_agg(DISTINCT x, delim) with a delimiter other than ',' was
-- refused (0A000): SQLite's DISTINCT aggregates take one argument.
CREATE TABLE me_sa (id int PRIMARY KEY, g text, v text, n int);
INSERT INTO me_sa VALUES (1, 'a', 'x', 1), (2, 'a', 'y', 2), (3, 'a', 'x', 3), (4, 'b', NULL, 4), (5, 'b', 'q"uo\te', 5), (6, 'b', 'a/b', 6), (7, 'c', NULL, 7), (8, 'a', '10', 8), (9, 'a', '9', 9), (10, 'b', 'é', 10);
SELECT g, string_agg(DISTINCT v, '/' ORDER BY v) FROM me_sa GROUP BY g ORDER BY g;
SELECT g, string_agg(DISTINCT v, ' | ' ORDER BY v DESC) FROM me_sa GROUP BY g ORDER BY g;
SELECT g, string_agg(DISTINCT v, '; ') FROM me_sa GROUP BY g ORDER BY g;
SELECT string_agg(DISTINCT v, E'\n' ORDER BY v) FROM me_sa WHERE g = 'a';
SELECT string_agg(DISTINCT v, '-') FROM me_sa WHERE false;
SELECT string_agg(DISTINCT v, '-') FROM me_sa WHERE g = 'c';
SELECT g, string_agg(DISTINCT v, '') FILTER (WHERE n > 1) FROM me_sa GROUP BY g ORDER BY g;
SELECT g, string_agg(DISTINCT v, ',' ORDER BY v), string_agg(DISTINCT v, '+' ORDER BY v) FROM me_sa GROUP BY g ORDER BY g;
SELECT string_agg(DISTINCT g || ':' || coalesce(v, '-'), '/' ORDER BY g || ':' || coalesce(v, '-')) FROM me_sa;
SELECT g, string_agg(DISTINCT v, '/' ORDER BY n) FROM me_sa GROUP BY g;
DROP TABLE me_sa;
