-- GROUP BY ROLLUP / CUBE / GROUPING SETS, grouping(), WITH ORDINALITY, json_object_keys
CREATE TABLE gs_sales (region text, product text, yr int, qty int, price numeric(8,2), sold date);
INSERT INTO gs_sales VALUES ('north', 'apple', 2023, 10, 1.50, '2023-01-05'), ('north', 'pear', 2023, 5, 2.25, '2023-02-10'), ('north', 'apple', 2024, 7, 1.75, '2024-03-01'), ('south', 'apple', 2023, 3, 1.50, '2023-06-30'), ('south', 'plum', 2024, 8, 3.00, '2024-07-04'), ('south', NULL, 2024, 2, 0.50, '2024-08-08'), (NULL, 'pear', 2023, 4, 2.00, NULL);
SELECT region, product, sum(qty) FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY 1, 2, 3;
SELECT region, product, sum(qty), grouping(region, product) FROM gs_sales GROUP BY CUBE(region, product) ORDER BY 4, 1, 2;
SELECT region, yr, count(*) FROM gs_sales GROUP BY GROUPING SETS ((region), (yr), ()) ORDER BY 1, 2, 3;
SELECT region, yr, count(*) FROM gs_sales GROUP BY GROUPING SETS (region, yr, ()) ORDER BY 1, 2, 3;
SELECT region, product, yr, sum(qty) FROM gs_sales GROUP BY region, ROLLUP(product, yr) ORDER BY 1, 2, 3, 4;
SELECT region, yr, sum(qty) FROM gs_sales GROUP BY ROLLUP(region), CUBE(yr) ORDER BY 1, 2, 3;
SELECT region, product, count(*) FROM gs_sales GROUP BY ROLLUP((region, product)) ORDER BY 1, 2, 3;
SELECT region, product, yr, count(*) FROM gs_sales GROUP BY GROUPING SETS (ROLLUP(region, product), CUBE(yr)) ORDER BY 1, 2, 3, 4;
SELECT region, count(*) FROM gs_sales GROUP BY GROUPING SETS ((region), (region), ()) ORDER BY 1, 2;
SELECT region, product, count(*) FROM gs_sales GROUP BY ROLLUP(region, product), ROLLUP(region) ORDER BY 1, 2, 3;
SELECT region, product, count(*) FROM gs_sales GROUP BY DISTINCT ROLLUP(region, product), ROLLUP(region) ORDER BY 1, 2, 3;
SELECT count(*), sum(qty) FROM gs_sales GROUP BY ();
SELECT count(*), sum(qty) FROM gs_sales WHERE false GROUP BY ();
SELECT region, sum(qty) FROM gs_sales WHERE false GROUP BY ROLLUP(region);
SELECT region, sum(qty) FROM gs_sales WHERE qty > 4 GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT region FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1;
SELECT region, product, grouping(region), grouping(product), grouping(product, region) FROM gs_sales GROUP BY CUBE(region, product) ORDER BY 1, 2, 3, 4;
SELECT region, grouping(region) FROM gs_sales GROUP BY region ORDER BY 1;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) HAVING sum(qty) > 12 ORDER BY 1, 2;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) HAVING region IS NULL ORDER BY 2;
SELECT region, product, sum(qty) FROM gs_sales GROUP BY CUBE(region, product) HAVING grouping(region, product) IN (1, 2) AND count(*) > 1 ORDER BY 1, 2, 3;
SELECT region, sum(qty) AS total FROM gs_sales GROUP BY ROLLUP(region) ORDER BY total DESC, region;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY grouping(region), region;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 2 DESC LIMIT 2;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY sum(qty) + 1 DESC;
SELECT region, product FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY count(*) DESC, region, product;
SELECT x FROM (SELECT sum(qty) + 1 AS x FROM gs_sales GROUP BY region) q ORDER BY 1;
SELECT region, product, sum(qty) FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY 1, 2 LIMIT 3 OFFSET 2;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(1) ORDER BY 1, 2;
SELECT region AS r, sum(qty) FROM gs_sales GROUP BY ROLLUP(r) ORDER BY 1, 2;
SELECT coalesce(region, 'all') AS region2, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT upper(region) AS ur, sum(qty) FROM gs_sales GROUP BY ROLLUP(upper(region)) ORDER BY 1, 2;
SELECT extract(year FROM sold) AS year, sum(qty) FROM gs_sales GROUP BY ROLLUP(year) ORDER BY 1, 2;
SELECT extract(year FROM sold) AS y, extract(month FROM sold) AS m, sum(qty) FROM gs_sales GROUP BY ROLLUP(1, 2) ORDER BY 1, 2, 3;
SELECT yr, (SELECT max(q.yr) AS yr FROM gs_sales q) AS mx, CAST(yr AS text) AS t, sum(qty) FROM gs_sales GROUP BY ROLLUP(yr) ORDER BY 1, 4;
SELECT date_trunc('month', sold) AS m, count(*) FROM gs_sales GROUP BY ROLLUP(date_trunc('month', sold)) ORDER BY 1, 2;
SELECT region || '/' || product AS rp, count(*) FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY 1, 2;
SELECT gs_sales.region, sum(gs_sales.qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT region, count(DISTINCT product), sum(qty) FILTER (WHERE yr = 2024) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT region, string_agg(product, ',' ORDER BY product), min(sold), max(price) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1;
SELECT region, avg(qty), sum(price) FROM gs_sales GROUP BY CUBE(region) ORDER BY 1, 2;
SELECT yr, sum(price * qty) FROM gs_sales GROUP BY ROLLUP(yr) ORDER BY 1;
SELECT DISTINCT product FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY 1;
SELECT region, product, count(*), grouping(region, product) AS g FROM gs_sales GROUP BY GROUPING SETS ((region, product), (product), ()) ORDER BY g, 1, 2;
-- differs-type: sum() over a CTE column read from a UNION is typed from its values (int8), not as sum(int8) (numeric), as without grouping sets
WITH t AS (SELECT region, yr, sum(qty) AS s FROM gs_sales GROUP BY CUBE(region, yr)) SELECT count(*), sum(s) FROM t;
SELECT * FROM (SELECT region, sum(qty) AS s FROM gs_sales GROUP BY ROLLUP(region)) q WHERE s > 10 ORDER BY 1;
SELECT region, (SELECT count(*) FROM gs_sales g2 WHERE g2.region = gs_sales.region) AS n FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) UNION ALL SELECT 'zzz', 0 ORDER BY 1, 2;
-- differs-type: a UNION's column takes its first arm's type (int4), not the common type (int8), as without grouping sets
SELECT 'zzz', 0 UNION ALL SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT count(*) FROM gs_sales WHERE region IN (SELECT region FROM gs_sales GROUP BY ROLLUP(region));
CREATE VIEW gs_v AS SELECT region, product, sum(qty) AS total, grouping(region, product) AS lvl FROM gs_sales GROUP BY ROLLUP(region, product);
SELECT * FROM gs_v ORDER BY lvl, region, product;
SELECT region, total FROM gs_v WHERE lvl = 1 ORDER BY 1;
CREATE TABLE gs_totals (region text, total bigint, lvl int);
INSERT INTO gs_totals SELECT region, sum(qty), grouping(region) FROM gs_sales GROUP BY ROLLUP(region);
SELECT * FROM gs_totals ORDER BY lvl, region;
BEGIN READ ONLY;
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
COMMIT;
SELECT grouping(region) FROM gs_sales;
SELECT region, grouping(product) FROM gs_sales GROUP BY region;
SELECT region, sum(qty), grouping(qty) FROM gs_sales GROUP BY ROLLUP(region);
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(3);
SELECT region, sum(qty) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 3;
SELECT region, qty, sum(qty) OVER () FROM gs_sales GROUP BY ROLLUP(region), qty ORDER BY 1, 2;
SELECT region, sum(qty), rank() OVER (ORDER BY sum(qty) DESC) FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 3, 1;
-- differs-type: sum() over a column read from a subquery's sum is not typed as sum(int8) (numeric), as without grouping sets
SELECT region, product, sum(qty), sum(sum(qty)) OVER (PARTITION BY region) AS region_total, grouping(region, product) FROM gs_sales GROUP BY ROLLUP(region, product) ORDER BY 1, 2, 3;
SELECT region, round(100.0 * sum(qty) / sum(sum(qty)) OVER (PARTITION BY grouping(region)), 1) AS pct FROM gs_sales GROUP BY ROLLUP(region) ORDER BY 1, 2;
SELECT region, row_number() OVER (PARTITION BY grouping(region) ORDER BY region) FROM gs_sales GROUP BY CUBE(region) ORDER BY 2, 1;
SELECT region FROM gs_sales GROUP BY ROLLUP(region) ORDER BY count(*) OVER (PARTITION BY region IS NULL), region;
-- differs: a named WINDOW over grouping sets is refused (0A000)
SELECT region, sum(qty) OVER w FROM gs_sales GROUP BY ROLLUP(region), qty WINDOW w AS () ORDER BY 1, 2;
SELECT * FROM unnest(ARRAY['a', 'b', 'c']) WITH ORDINALITY AS u(x, n);
-- differs-type: unnest of an int4 array literal is typed int8, as without ORDINALITY
SELECT * FROM unnest(ARRAY[30, 10, 20]) WITH ORDINALITY;
SELECT * FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY AS u;
SELECT u.x, u.n FROM unnest(ARRAY['c', 'a', 'b']) WITH ORDINALITY AS u(x, n) ORDER BY u.x;
SELECT region, p, n FROM (SELECT region, string_to_array(product, 'p') AS a FROM gs_sales WHERE yr = 2023 AND region IS NOT NULL) s, unnest(s.a) WITH ORDINALITY AS u(p, n) ORDER BY 1, 2, 3;
SELECT * FROM regexp_split_to_table('a,b,,c', ',') WITH ORDINALITY AS r(part, i);
SELECT * FROM generate_series(1, 3) WITH ORDINALITY;
SELECT * FROM generate_series(10, 1, -4) WITH ORDINALITY AS g(v, n);
SELECT g.d, g.n FROM generate_series('2024-01-01'::date, '2024-01-03'::date, '1 day') WITH ORDINALITY AS g(d, n) ORDER BY g.n DESC;
-- differs-type: the value column of the jsonb table functions is typed text, as without ORDINALITY
SELECT e.value, e.ordinality FROM jsonb_array_elements('[3, {"a": 1}, "x"]') WITH ORDINALITY AS e;
SELECT e.value, e.ordinality FROM jsonb_array_elements_text('["c", "a"]') WITH ORDINALITY AS e ORDER BY e.value;
-- differs-type: the value column of the jsonb table functions is typed text, as without ORDINALITY
SELECT e.key, e.value, e.ordinality FROM jsonb_each('{"b": 1, "a": 2, "cc": [1]}') WITH ORDINALITY AS e;
SELECT e.key, e.ordinality FROM jsonb_each_text('{"b": 1, "a": 2}') WITH ORDINALITY e ORDER BY e.key;
SELECT * FROM json_object_keys('{"b": 1, "a": 2}') WITH ORDINALITY;
SELECT * FROM jsonb_object_keys('{"b": 1, "a": 2}') WITH ORDINALITY AS k(key, n);
SELECT json_object_keys('{"b": 1, "a": {"x": 2}, "b": [3]}');
SELECT json_object_keys('{}');
SELECT json_object_keys(NULL);
SELECT k FROM json_object_keys('{"z": 1, "y": 2}'::json) AS k;
SELECT json_object_keys('[1, 2]');
SELECT json_object_keys('"s"');
-- differs: ROWS FROM (...) is refused (0A000): SQLite cannot zip the functions' rows
SELECT * FROM ROWS FROM (unnest(ARRAY[1, 2]), unnest(ARRAY['a'])) WITH ORDINALITY;
-- differs: unnest of several arrays is refused (0A000)
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY;
