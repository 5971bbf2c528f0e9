CREATE TABLE pt_w (id int PRIMARY KEY, n int, s text);
CREATE TABLE pt_src (id int PRIMARY KEY, n int);
INSERT INTO pt_src VALUES (1, 10), (2, 20), (3, 30);
-- args: 15
INSERT INTO pt_w (id, n) SELECT id, n FROM pt_src WHERE n > $1;
-- args: 5
INSERT INTO pt_w (id, n) SELECT id + 10, n + $1 FROM pt_src;
-- args: 3
UPDATE pt_w SET n = $1 * 2 WHERE id = 2;
-- args: 100
UPDATE pt_w SET n = n + $1 WHERE n > 20;
-- args: 1
DELETE FROM pt_w WHERE n - $1 < 7;
SELECT * FROM pt_w ORDER BY id;
