-- dtsub_greatest: greatest and least over an interval column compare by
-- value, also beside a quoted literal ('2 days' and '1 mon' compared as
-- their text, '2 days' was the larger), and are described as interval;
-- over number and text columns they are unchanged.
CREATE TABLE n27dtsub_g (id int PRIMARY KEY, iv interval, iv2 interval, i int, j int, s text, s2 text, n numeric);
INSERT INTO n27dtsub_g VALUES (1, '2 days', '1 mon', 9, 10, '9', '10', 9.5), (2, '1 mon', NULL, NULL, 3, 'b', 'a', NULL), (3, '-1 day', '23:00', 2, 2, NULL, NULL, 1), (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE n27dtsub_ge (id int PRIMARY KEY, iv interval, iv2 interval);
SELECT id, greatest(iv, iv2) AS g, least(iv, iv2) AS l FROM n27dtsub_g ORDER BY id;
SELECT id, greatest(iv, '3 days') AS g, least(iv, '3 days') AS l FROM n27dtsub_g ORDER BY id;
-- differs-type: greatest of a quoted literal and two columns is described text (the literal's type is the columns', not probed), "Differences from PostgreSQL"
SELECT id, greatest('25 hours', iv, iv2) AS m FROM n27dtsub_g ORDER BY id;
SELECT id FROM n27dtsub_g ORDER BY greatest(iv, iv2) DESC, id;
SELECT max(greatest(iv, iv2)) AS a, min(least(iv, iv2)) AS b FROM n27dtsub_g;
SELECT id FROM n27dtsub_g WHERE greatest(iv, iv2) > interval '29 days' ORDER BY id;
SELECT id, greatest(i, j) AS a, least(s, s2) AS b, greatest(n, i) AS c, greatest(s, 'a') AS e, least(i, 5) AS f FROM n27dtsub_g ORDER BY id;
SELECT greatest(iv, iv2) AS g, least(iv, '1 day') AS l FROM n27dtsub_ge;
