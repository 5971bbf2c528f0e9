-- lower()/upper() of range columns described as the element type, range
-- arithmetic (+ * -) between range columns described as the range type,
-- and arithmetic on the bounds of date/time ranges as PostgreSQL's
-- date/time operators (upper(d) - lower(d) of a daterange is integer).
CREATE TABLE n26bitsrange2_k (id int, i int4range, b int8range, n numrange, d daterange, t tsrange, z tstzrange, j int4range, e daterange);
INSERT INTO n26bitsrange2_k VALUES
  (1, '[1,5)', '[10,20)', '[1.5,2.25]', '[2024-01-01,2024-01-10)', '[2024-01-01 10:00,2024-01-02 12:30)', '[2024-01-01 10:00+00,2024-01-03 00:00+00)', '[3,8)', '[2024-01-05,2024-02-01)'),
  (2, 'empty', '(,5)', '(0,)', '[2024-02-28,2024-03-02]', '(,2024-05-01)', '[2024-06-01 00:00+02,)', '[10,12)', '[2024-03-01,2024-03-10)'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, lower(i), upper(i), lower(b), upper(b), lower(n), upper(n) FROM n26bitsrange2_k ORDER BY id;
SELECT id, lower(d), upper(d), lower(t), upper(t), lower(z), upper(z) FROM n26bitsrange2_k ORDER BY id;
SET TimeZone = 'America/New_York';
SELECT id, lower(z) AS lz, upper(z) AS uz FROM n26bitsrange2_k ORDER BY id;
RESET TimeZone;
SELECT id, upper(d) - lower(d) AS days, lower(d) + 1 AS next, upper(d) - 1 AS last, upper(t) - lower(t) AS span, upper(z) - lower(z) AS zspan FROM n26bitsrange2_k ORDER BY id;
SELECT id, lower(t) + interval '1 day' AS t1, lower(z) - interval '1 hour' AS z1, lower(d) + interval '2 days' AS d2 FROM n26bitsrange2_k ORDER BY id;
SELECT id, upper(i) - lower(i) AS len, lower(i) + 1 AS l1, upper(b) - lower(b) AS blen, upper(n) - lower(n) AS nlen FROM n26bitsrange2_k ORDER BY id;
SELECT id FROM n26bitsrange2_k WHERE upper(d) - lower(d) > 5 ORDER BY id;
SELECT id, upper(d) - lower(e) AS x, lower(e) - lower(d) AS y FROM n26bitsrange2_k ORDER BY id;
SELECT id, i + j AS u, i * j AS x, d * e AS de, d + e AS du FROM n26bitsrange2_k WHERE id = 1;
SELECT id, i * j AS x, i - j AS m, d - e AS dm FROM n26bitsrange2_k ORDER BY id;
SELECT id, i + j AS u FROM n26bitsrange2_k WHERE id = 2;
SELECT i + b FROM n26bitsrange2_k;
SELECT d * i FROM n26bitsrange2_k;
SELECT q.id, upper(q.d) - lower(q.d) AS days FROM (SELECT id, d FROM n26bitsrange2_k) q ORDER BY 1;
CREATE VIEW n26bitsrange2_kv AS SELECT id, d, i FROM n26bitsrange2_k;
SELECT id, lower(i) AS li, upper(d) - lower(d) AS days FROM n26bitsrange2_kv ORDER BY id;
DROP VIEW n26bitsrange2_kv;
DROP TABLE n26bitsrange2_k;
