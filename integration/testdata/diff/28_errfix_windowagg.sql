-- errfix_windowagg: DISTINCT or ORDER BY inside an aggregate call used as
-- a window function is 0A000 at the function's name (windowagg_check.go);
-- SQLite answered XX000, and sum(DISTINCT x) OVER () a silent sum.
CREATE TABLE n28errfix_w (id int PRIMARY KEY, t text, g int);
INSERT INTO n28errfix_w VALUES (1, 'b', 1), (2, 'a', 1), (3, 'a', 2);
-- positions
SELECT string_agg(t, ',' ORDER BY t) OVER () FROM n28errfix_w;
SELECT array_agg(t ORDER BY t DESC) OVER (PARTITION BY g) FROM n28errfix_w;
SELECT json_agg(t ORDER BY id) OVER () FROM n28errfix_w;
SELECT jsonb_agg(t ORDER BY id) OVER (ORDER BY id) FROM n28errfix_w;
SELECT max(t ORDER BY id) OVER () FROM n28errfix_w;
SELECT count(DISTINCT t) OVER () FROM n28errfix_w;
SELECT sum(DISTINCT g) OVER () FROM n28errfix_w;
SELECT array_agg(DISTINCT t ORDER BY t) OVER () FROM n28errfix_w;
SELECT id, string_agg(t, ',' ORDER BY t) FILTER (WHERE g = 1) OVER w FROM n28errfix_w WINDOW w AS (ORDER BY id);
SELECT id, count(*) FILTER (WHERE g = 1) OVER (), string_agg(t, ',') OVER (ORDER BY id) FROM n28errfix_w ORDER BY id;
SELECT id, sum(g) OVER (ORDER BY id), string_agg(t, ',' ORDER BY t) FROM n28errfix_w GROUP BY id ORDER BY id;
SELECT array_agg((SELECT t ORDER BY t)) OVER (ORDER BY id) FROM n28errfix_w ORDER BY id;
SELECT string_agg(t, ',' ORDER BY t) FROM n28errfix_w;
SELECT row_number(DISTINCT) OVER () FROM n28errfix_w;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY id) OVER () FROM n28errfix_w;
SELECT count(DISTINCT) FROM n28errfix_w;
