-- RETURNING (xmax = 0) of INSERT ... ON CONFLICT DO UPDATE tells the rows
-- it inserted from those it updated (pgdialect/upsert_xmax.go,
-- sqlexec/upsertxmax.go); xmax was 42703.
CREATE TABLE me_xm (id int PRIMARY KEY, k text UNIQUE, n int NOT NULL DEFAULT 0);
INSERT INTO me_xm (id, k) VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET n = me_xm.n + 1 RETURNING id, n, (xmax = 0) AS inserted;
INSERT INTO me_xm (id, k) VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET n = me_xm.n + 1 RETURNING id, n, (xmax = 0) AS inserted;
INSERT INTO me_xm (id, k) VALUES (1, 'a'), (2, 'b'), (3, 'c') ON CONFLICT (k) DO UPDATE SET n = me_xm.n + 10 RETURNING id, n, xmax = 0 AS inserted, xmax <> 0 AS updated;
INSERT INTO me_xm AS t (id, k) VALUES (2, 'b'), (4, 'd') ON CONFLICT (k) DO UPDATE SET n = t.n + 100, id = excluded.id RETURNING t.id, t.n, t.xmax::text = '0' AS inserted;
INSERT INTO me_xm (id, k) VALUES (5, 'e') RETURNING id, xmax = 0;
INSERT INTO me_xm (id, k) VALUES (5, 'e') ON CONFLICT DO NOTHING RETURNING id, xmax = 0;
INSERT INTO me_xm (id, k) VALUES (3, 'c') ON CONFLICT (k) DO UPDATE SET n = 0 WHERE me_xm.n > 1000 RETURNING id, xmax = 0;
SELECT * FROM me_xm ORDER BY id;
DROP TABLE me_xm;
