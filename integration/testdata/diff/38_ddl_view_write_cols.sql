-- Writing through views: column lists given and implied, renames in the
-- view's header, expressions and aliases in the view, RETURNING items
-- named as PostgreSQL names them, a view column's DEFAULT in UPDATE
-- (NULL: a view column has no default), upserts, UPDATE ... FROM, and
-- the base columns a view does not show (42703) (pgdialect/view_write.go).
CREATE TABLE ddl_wb (id serial primary key, name text not null, score int default 0, created date default '2024-01-01', gen int GENERATED ALWAYS AS (score * 10) STORED);
CREATE VIEW ddl_wv (ident, nm, sc) AS SELECT id, name, score FROM ddl_wb WHERE score >= 0;
CREATE VIEW ddl_ws AS SELECT * FROM ddl_wb;
CREATE VIEW ddl_wx AS SELECT t.id, upper(t.name) AS uname, t.name, t.score * 2 AS dbl, gen FROM public.ddl_wb AS t WHERE t.name <> 'hidden' ORDER BY t.id;
INSERT INTO ddl_wv VALUES (DEFAULT, 'a', 1) RETURNING *;
INSERT INTO ddl_wv (nm) VALUES ('b') RETURNING ident, nm, sc + 1, sc::text, upper(nm), nm AS alias_nm;
INSERT INTO ddl_ws (name, score) VALUES ('c', 3) RETURNING *;
INSERT INTO ddl_ws (name, score) SELECT nm || '2', sc FROM ddl_wv WHERE ident = 1 RETURNING id, name;
INSERT INTO ddl_wx (name) VALUES ('hidden') RETURNING *;
INSERT INTO ddl_wx (name) VALUES ('d') RETURNING ddl_wx.*;
INSERT INTO ddl_wx (name, score) VALUES ('hidden', 5) RETURNING *;
UPDATE ddl_wx SET name = 'e' WHERE uname = 'D' RETURNING uname, dbl;
UPDATE ddl_wx AS w SET name = w.name || '+' WHERE w.uname IN ('A', 'HIDDEN') RETURNING w.id, w.dbl, gen;
UPDATE ddl_wv SET sc = -1 WHERE nm = 'b' RETURNING *;
UPDATE ddl_wv SET sc = 5 WHERE nm = 'b' RETURNING *;
UPDATE ddl_ws SET score = 9 WHERE id = 3 RETURNING *;
UPDATE ddl_ws SET gen = DEFAULT, score = 9 WHERE id = 3 RETURNING *;
UPDATE ddl_ws SET score = DEFAULT WHERE id = 3 RETURNING *;
UPDATE ddl_ws SET (score, created) = (DEFAULT, '2025-01-01') WHERE id = 3 RETURNING *;
SELECT * FROM ddl_wb ORDER BY id;
DELETE FROM ddl_wv WHERE ident IN (SELECT id FROM ddl_wb WHERE name = 'a') RETURNING *;
DELETE FROM ddl_wx WHERE id > 100;
UPDATE ddl_wv SET sc = sc + 1;
DELETE FROM ddl_wx WHERE id = 1 RETURNING id, uname;
DELETE FROM ddl_wx WHERE uname <> 'B';
SELECT * FROM ddl_wb ORDER BY id;
UPDATE ddl_wx SET uname = 'x';
UPDATE ddl_wx SET dbl = 1;
UPDATE ddl_wv SET score = 1;
UPDATE ddl_wv SET sc = 1 WHERE score = 1;
UPDATE ddl_wv SET sc = ddl_wv.score;
DELETE FROM ddl_wv w WHERE w.score = 2;
INSERT INTO ddl_wv (ident, score) VALUES (1, 2);
INSERT INTO ddl_wv (ident) VALUES (1) RETURNING score;
INSERT INTO ddl_wv VALUES (60, 'w', 1, 2);
CREATE TABLE ddl_wo (id int, tag text);
INSERT INTO ddl_wo VALUES (1, 'x');
INSERT INTO ddl_wv (nm, sc) VALUES ('p', 8);
UPDATE ddl_wv SET nm = ddl_wo.tag FROM ddl_wo WHERE ddl_wv.sc = 8 RETURNING ddl_wv.*, ddl_wo.tag;
INSERT INTO ddl_wv (ident, nm) VALUES (100, 'q') ON CONFLICT (ident) DO UPDATE SET nm = excluded.nm || '!' RETURNING *;
INSERT INTO ddl_wv (ident, nm) VALUES (100, 'q') ON CONFLICT (ident) DO UPDATE SET nm = excluded.nm || '!' RETURNING *;
INSERT INTO ddl_wv (ident, nm) VALUES (100, 'z') ON CONFLICT DO NOTHING RETURNING *;
SELECT * FROM ddl_wb ORDER BY id;
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_name LIKE 'ddl_w%' ORDER BY 1;
SELECT table_name, is_updatable, is_insertable_into, check_option FROM information_schema.views WHERE table_name LIKE 'ddl_w%' ORDER BY 1;
DROP VIEW ddl_wv, ddl_ws, ddl_wx;
DROP TABLE ddl_wb, ddl_wo;
