-- ivcmp_interval: a comparison of a conditional (coalesce, nullif, CASE,
-- greatest) over an interval column compares interval values, as
-- PostgreSQL's interval_cmp does ('1 day' = '24 hours', '1 mon' =
-- '30 days'), not the stored texts (jsonb_conditional.go's
-- compareCollations gives it the pg_interval collation).
SET timezone = 'UTC';
CREATE TABLE n28ivcmp_iv (id int PRIMARY KEY, iv interval, iv2 interval);
INSERT INTO n28ivcmp_iv VALUES (1, '1 day', '2 hours'), (2, '24 hours', NULL), (3, '1 mon', '1 day'), (4, '30 days', NULL), (5, '-1 hour', '3 days'), (6, NULL, '25 hours');
SELECT id FROM n28ivcmp_iv WHERE coalesce(iv, '1 sec') < '1 hour' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE CASE WHEN id > 1 THEN iv END = '24 hours' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE CASE WHEN id > 0 THEN iv END = '1 day' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE (CASE WHEN id > 0 THEN iv END) >= '1 mon' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE nullif(iv, '1 day') > '2 days' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE coalesce(iv, iv2) > '23 hours' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE coalesce(iv2, iv) < '1 day' ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE '1 day' = coalesce(iv, '0') ORDER BY id;
SELECT id FROM n28ivcmp_iv WHERE coalesce(iv, '0') <> '30 days' ORDER BY id;
SELECT id, coalesce(iv, '1 sec') < '1 hour' AS lt FROM n28ivcmp_iv ORDER BY id;
SELECT id, coalesce(iv, '0') FROM n28ivcmp_iv ORDER BY coalesce(iv, '0'), id;
