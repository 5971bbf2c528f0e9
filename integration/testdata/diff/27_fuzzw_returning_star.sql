-- fuzzw_returning_star: RETURNING t.* (the target's name or alias) is the
-- target's columns, also in UPDATE ... FROM where RETURNING * adds the
-- FROM tables' columns; SQLite's RETURNING knows no table names and
-- answered XX000 `RETURNING may not use "TABLE.*" wildcards`
-- (returning.go unqualifies t.* as it does t.col; fuzz seed 5000006).
CREATE TABLE n27fuzzw_r (id int4 PRIMARY KEY, i4 int4, t text, ch char(3));
CREATE TABLE n27fuzzw_s (id int4 PRIMARY KEY, k int4);
INSERT INTO n27fuzzw_r VALUES (1, 10, 'a', 'x'), (2, 20, 'b', 'yz'), (3, NULL, NULL, NULL);
INSERT INTO n27fuzzw_s VALUES (1, 5), (2, 7);
UPDATE n27fuzzw_r w SET i4 = s.k FROM n27fuzzw_s s WHERE w.id = s.id AND s.k = 5 RETURNING w.*;
WITH c AS (UPDATE n27fuzzw_r w SET t = w.t || s.k FROM n27fuzzw_s s WHERE w.id = s.id RETURNING w.*) SELECT * FROM c ORDER BY 1;
UPDATE n27fuzzw_r w SET ch = 'long' FROM n27fuzzw_s s WHERE w.id = s.id RETURNING w.*;
DELETE FROM n27fuzzw_r a WHERE a.id = 3 RETURNING a.*;
INSERT INTO n27fuzzw_r AS a VALUES (4, 40, 'd', 'q') RETURNING a.*;
INSERT INTO n27fuzzw_r VALUES (5, 50, 'e', 'r') RETURNING n27fuzzw_r.*;
INSERT INTO n27fuzzw_r AS a VALUES (4, 1, 'z', 'z') ON CONFLICT (id) DO UPDATE SET i4 = a.i4 + excluded.i4 RETURNING a.*;
SELECT * FROM n27fuzzw_r ORDER BY id;
