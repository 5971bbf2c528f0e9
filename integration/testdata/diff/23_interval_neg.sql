-- interval_neg: unary minus of an interval column (it failed with 22P02,
-- read as a number, because a column's arithmetic type is known only
-- for numbers); numeric and integer columns beside it.
CREATE TABLE ivn_t (id int, iv interval, n numeric, i int);
INSERT INTO ivn_t VALUES (1, '1 day 02:00:00', 1.5, 3), (2, '-3 mons 4 days', -2, -4), (3, NULL, NULL, NULL), (4, '00:00:01.5', 0, 0), (5, '1 year 2 mons -3 days 04:05:06.789', 7, 8);
SELECT id, -iv, -n, -i FROM ivn_t ORDER BY id;
SELECT -(iv) FROM ivn_t WHERE id = 1;
SELECT id FROM ivn_t WHERE -iv < interval '0' ORDER BY id;
SELECT id, - iv AS neg FROM ivn_t ORDER BY neg, id;
SELECT id, -iv + iv FROM ivn_t ORDER BY id;
