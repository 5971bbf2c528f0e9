-- The JSON aggregates over a moving window frame (rows leave the frame):
-- the same values as PostgreSQL's, like string_agg and array_agg.
SELECT i, json_agg(i) OVER w AS j, jsonb_agg(i) OVER w AS jb, string_agg(i::text, ',') OVER w AS s, array_agg(i) OVER w AS a FROM generate_series(1, 5) i WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY i;
SELECT i, jsonb_object_agg(i, i * 2) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS o, json_object_agg(i, i * 2) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS jo FROM generate_series(1, 4) i ORDER BY i;
CREATE TABLE n29misc_wj (g int, k text, v int);
INSERT INTO n29misc_wj VALUES (1, 'a', 1), (1, 'b', 2), (1, 'a', 3), (1, 'c', NULL), (2, 'x', 5), (2, 'y', 6);
-- partitions, a later duplicate key wins, NULL values, frames ahead and empty
SELECT g, v, jsonb_object_agg(k, v) OVER (PARTITION BY g ORDER BY v NULLS LAST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS o FROM n29misc_wj ORDER BY g, v NULLS LAST;
SELECT g, v, json_agg(v) OVER (PARTITION BY g ORDER BY v NULLS LAST ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS j, jsonb_agg(k) OVER (PARTITION BY g ORDER BY v NULLS LAST ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS jb FROM n29misc_wj ORDER BY g, v NULLS LAST;
SELECT v, json_agg(row_to_json(n29misc_wj)) OVER (ORDER BY v NULLS LAST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM n29misc_wj WHERE g = 1 ORDER BY v NULLS LAST;
SELECT g, jsonb_agg(v) AS all_v, json_object_agg(k, v) AS o FROM n29misc_wj GROUP BY g ORDER BY g;
DROP TABLE n29misc_wj;
