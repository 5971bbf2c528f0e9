CREATE TABLE pt_t (id int PRIMARY KEY, s text, ts timestamp, n int);
INSERT INTO pt_t VALUES (1, 'Apple', '2024-01-15 10:30:00', 7), (2, 'pear', '2023-02-20 08:00:00', 12);
-- args: apple
SELECT id FROM pt_t WHERE lower(s) = $1;
-- args: APPLE
SELECT id FROM pt_t WHERE upper(s) = $1;
-- args: Apple!
SELECT id FROM pt_t WHERE s || '!' = $1;
-- args: 2024
SELECT id FROM pt_t WHERE to_char(ts, 'YYYY') = $1;
-- args: 2024
SELECT id FROM pt_t WHERE extract(year from ts) = $1;
-- args: pear
SELECT id FROM (SELECT id, s FROM pt_t) q WHERE q.s = $1;
SELECT id FROM (SELECT id, s FROM pt_t) q WHERE q.s = 'pear';
-- args: pear
SELECT id FROM pt_t WHERE coalesce(s, '') = $1;
-- args: 10
SELECT id FROM (SELECT id, n + 1 AS m FROM pt_t) q WHERE q.m > $1;
-- args: 10
SELECT id FROM pt_t t WHERE EXISTS (SELECT 1 FROM pt_t u WHERE u.id = t.id AND u.n + 0 > $1);
-- args: 5
SELECT id FROM pt_t WHERE length(s) = $1;
-- args: 2024-01-15
SELECT id FROM pt_t WHERE ts::date = $1;
-- args: 10
SELECT id FROM pt_t WHERE greatest(n, 0) > $1;
