-- fuzz3_text_collation: to_char, concat and concat_ws return text that
-- compares by bytes even when an argument is numeric or date/time
-- arithmetic of columns (whose pg_numeric collation SQLite's function
-- result took: to_char(d + iv, 'HH24:MI:SS') BETWEEN '%b%' AND 'z' was
-- false; found by the differential fuzz tester, seed 900210).
CREATE TABLE n26fuzz3_tc (id int PRIMARY KEY, d date, iv interval, n numeric);
INSERT INTO n26fuzz3_tc VALUES (1, '2024-02-29', '1 mon -1 day', 0), (2, '2000-01-01', '-2 hours', -2.5), (3, 'infinity', '36 hours', 12345.678), (4, NULL, NULL, NULL);
SELECT id, to_char(d + iv, 'HH24:MI:SS') BETWEEN '%b%' AND 'ünï' FROM n26fuzz3_tc ORDER BY id;
SELECT id, concat(n * 2, '') BETWEEN '%' AND 'z', concat_ws('-', n * 2, iv) > '%' FROM n26fuzz3_tc ORDER BY id;
SELECT id, concat(n * 2, 'x') AS c FROM n26fuzz3_tc ORDER BY c, id;
SELECT id FROM n26fuzz3_tc WHERE to_char(d + iv, 'YYYY') >= '%' ORDER BY id;
