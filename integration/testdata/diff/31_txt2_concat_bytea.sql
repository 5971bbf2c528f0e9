-- txt2_concat_bytea: concat, concat_ws and format print a bytea argument by
-- its output function (\x hex); SQLite joined its raw bytes ('ax' for
-- concat('a', 'x'::bytea)).
CREATE TABLE txt2_by (id int PRIMARY KEY, b bytea);
INSERT INTO txt2_by VALUES (1, '\x6869'), (2, NULL);
SELECT concat('a', 'x'::bytea) AS a, concat_ws(',', 'a', 'x'::bytea) AS b, format('%s|%L', 'x'::bytea, 'y'::bytea) AS c;
SELECT concat(decode('00ff', 'hex')) AS a, concat(sha256('a')) AS b, concat_ws('/', md5('a')::bytea, 'q') AS c;
SELECT id, concat(b, '!') AS a, concat_ws('-', b, b) AS b, format('%s', b) AS c, b::text || 'z' AS d FROM txt2_by ORDER BY id;
SELECT concat(x) FROM (SELECT b AS x FROM txt2_by) s ORDER BY 1;
WITH c AS (SELECT b FROM txt2_by) SELECT concat(b, 1) FROM c ORDER BY 1;
SELECT concat(CASE WHEN true THEN 'x'::bytea END);
