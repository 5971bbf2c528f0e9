-- setopfix_intervalunion: a set operation whose first operand is an
-- interval constant deduplicates and orders its intervals by value
-- (interval_cmp: 1 day = 24 hours, 30 days = 1 mon), as an interval
-- column does, not as text.
CREATE TABLE n26setopfix_i (id int PRIMARY KEY, iv interval, j jsonb);
INSERT INTO n26setopfix_i VALUES (1, '25 hours', '1.5'), (2, '1 mon', '[2]'), (3, '29 days', '{"a": 1}'), (4, '23:00:00', '10'), (5, NULL, NULL), (6, '-1 day', '"x"');
SELECT interval '1 day' UNION SELECT iv FROM n26setopfix_i ORDER BY 1;
SELECT iv FROM n26setopfix_i UNION SELECT interval '1 day' ORDER BY 1;
SELECT interval '1 day' AS x UNION ALL SELECT iv FROM n26setopfix_i ORDER BY 1 DESC;
SELECT '2 days'::interval UNION SELECT iv FROM n26setopfix_i ORDER BY 1;
SELECT interval '1 day' AS x, 1 AS k UNION SELECT iv, id FROM n26setopfix_i WHERE id < 3 ORDER BY 1, 2;
SELECT interval '1 day' INTERSECT SELECT iv FROM n26setopfix_i;
SELECT interval '30 days' EXCEPT SELECT iv FROM n26setopfix_i;
SELECT interval '24 hours' UNION SELECT interval '1 day';
SELECT interval '1 day' UNION SELECT iv FROM n26setopfix_i WHERE id = 1 UNION SELECT interval '24 hours' ORDER BY 1;
SELECT '9'::jsonb UNION SELECT j FROM n26setopfix_i ORDER BY 1;
