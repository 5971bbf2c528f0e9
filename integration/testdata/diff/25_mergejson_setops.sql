-- mergejson_setops: the json comparison check after types3 (xml, money)
-- and smallgaps (jsonb min/max, set operations arm by arm) were merged:
-- one typed-columns map, each check asking for its types. A set
-- operation matches each column's types left to right: xml, json and
-- jsonb are one category (42846 could not convert between them), money
-- and the numbers another (42846), any other pair with xml, json or
-- money 42804; xml and json then need equality (42883).
CREATE TABLE n25mj_t (id int PRIMARY KEY, x xml, j json, b jsonb, m money, t text);
INSERT INTO n25mj_t VALUES (1, '<a/>', '{"a":1}', '{"a":1}', '1.50', 'x'), (2, NULL, NULL, NULL, NULL, NULL);
SELECT x FROM n25mj_t UNION ALL SELECT j FROM n25mj_t;
SELECT j FROM n25mj_t UNION ALL SELECT x FROM n25mj_t;
SELECT x FROM n25mj_t UNION ALL SELECT b FROM n25mj_t;
SELECT b FROM n25mj_t UNION ALL SELECT x FROM n25mj_t;
SELECT x FROM n25mj_t UNION ALL SELECT t FROM n25mj_t;
SELECT x FROM n25mj_t UNION ALL SELECT id FROM n25mj_t;
SELECT x FROM n25mj_t UNION SELECT '<b/>';
SELECT '<b/>' UNION SELECT x FROM n25mj_t;
-- differs: ORDER BY a set operation's ordinal of xml is not refused (the check reads the ordinal in one arm's select list only)
SELECT x FROM n25mj_t UNION ALL SELECT '<b/>' ORDER BY 1;
SELECT '<b/>'::xml UNION ALL SELECT 1;
SELECT '<b/>'::xml UNION ALL SELECT '{}'::json;
SELECT '<b/>'::xml INTERSECT SELECT '<b/>'::xml;
SELECT m FROM n25mj_t UNION ALL SELECT 1;
SELECT 1 UNION ALL SELECT m FROM n25mj_t;
SELECT m FROM n25mj_t UNION ALL SELECT 1.5;
SELECT 1 UNION ALL SELECT 2.5 UNION ALL SELECT m FROM n25mj_t;
SELECT m FROM n25mj_t UNION ALL SELECT t FROM n25mj_t;
-- differs: a literal in a set operation beside a money column keeps its text, not money's output ($2.00)
SELECT m FROM n25mj_t UNION SELECT '2' ORDER BY 1;
SELECT m FROM n25mj_t UNION SELECT m FROM n25mj_t ORDER BY 1;
SELECT '1'::money UNION ALL SELECT 2;
SELECT b FROM n25mj_t UNION SELECT b FROM n25mj_t ORDER BY 1;
-- min/max and ordering through the merged map
SELECT min(b) FROM n25mj_t;
SELECT max(x) FROM n25mj_t;
SELECT min(m), max(m) FROM n25mj_t;
SELECT x AS o FROM n25mj_t ORDER BY o;
SELECT m AS o FROM n25mj_t ORDER BY o;
SELECT b AS o FROM n25mj_t ORDER BY o;
SELECT id FROM (SELECT id, x, b FROM n25mj_t) s ORDER BY x;
SELECT max(b) FROM (SELECT b FROM n25mj_t) s;
WITH c AS (SELECT m FROM n25mj_t) SELECT id FROM n25mj_t, c WHERE c.m < 5;
