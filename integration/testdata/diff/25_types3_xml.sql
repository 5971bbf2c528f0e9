-- types3_xml: xml has no equality and no ordering operator in
-- PostgreSQL 15: an xml column (or cast) compared, sorted, grouped,
-- DISTINCT, in a UNION, given to min/max or indexed is refused (42883,
-- 42704 for the index), where SQLite would compare the texts. An xml
-- value cast to text compares as text; IS NULL and UNION ALL need no
-- operator.
CREATE TABLE n25xc_t (id int PRIMARY KEY, x xml);
INSERT INTO n25xc_t VALUES (1, '<a/>'), (2, '<b>t</b>'), (3, NULL);
SELECT id, x FROM n25xc_t ORDER BY id;
SELECT id FROM n25xc_t WHERE x::text = '<a/>';
SELECT id FROM n25xc_t WHERE x IS NULL;
SELECT x FROM n25xc_t UNION ALL SELECT x FROM n25xc_t ORDER BY 1;
CREATE INDEX n25xc_i ON n25xc_t (x);
CREATE UNIQUE INDEX n25xc_u ON n25xc_t (id, x DESC);
CREATE INDEX n25xc_e ON n25xc_t ((x IS NULL));
-- positions
SELECT x FROM n25xc_t ORDER BY x;
SELECT id FROM n25xc_t ORDER BY x DESC NULLS LAST;
SELECT id FROM n25xc_t WHERE x = '<a/>';
SELECT id FROM n25xc_t WHERE x = x;
SELECT id FROM n25xc_t WHERE x = '<a/>'::xml;
SELECT id FROM n25xc_t WHERE x <> '<a/>';
SELECT id FROM n25xc_t WHERE x IN ('<a/>', '<b/>');
SELECT id FROM n25xc_t WHERE x BETWEEN '<a/>' AND '<b/>';
SELECT DISTINCT x FROM n25xc_t;
SELECT x, count(*) FROM n25xc_t GROUP BY x;
SELECT x FROM n25xc_t UNION SELECT x FROM n25xc_t;
SELECT min(x) FROM n25xc_t;
SELECT max(x) FROM n25xc_t;
SELECT count(DISTINCT x) FROM n25xc_t;
SELECT a.id FROM n25xc_t a JOIN n25xc_t b ON a.x = b.x;
SELECT id FROM (SELECT id, x FROM n25xc_t) s WHERE x = '<a/>';
WITH c AS (SELECT x FROM n25xc_t) SELECT x FROM c ORDER BY x;
SELECT '<a/>'::xml = '<a/>';
SELECT DISTINCT '<a/>'::xml;
SELECT max('<a/>'::xml);
SELECT 1 ORDER BY '<a/>'::xml;
SELECT nullif('<a/>'::xml, '<a/>');
