-- A column qualified by a name no FROM item has is PostgreSQL's 42P01
-- missing FROM-clause entry for table "zz" (it was 42703 column zz.a does
-- not exist), also EXCLUDED outside an upsert's DO UPDATE; RETURNING
-- excluded.a of an upsert is 42P01 invalid reference to FROM-clause
-- entry; an unknown column of a known item stays 42703.
CREATE TABLE kn_mf (k int PRIMARY KEY, a int, b text);
INSERT INTO kn_mf VALUES (1, 1, 'x');
-- positions
SELECT zz.a FROM kn_mf;
SELECT ZZ.a FROM kn_mf;
UPDATE kn_mf SET a = 1 RETURNING zz.a;
SELECT x.a FROM kn_mf x WHERE zz.b = 'q';
SELECT a FROM kn_mf WHERE EXISTS (SELECT 1 FROM kn_mf i WHERE zz.k = i.k);
DELETE FROM kn_mf WHERE qq.k = 1;
INSERT INTO kn_mf (k, a) VALUES (1, 9) RETURNING excluded.a;
INSERT INTO kn_mf (k, a) VALUES (1, 9) ON CONFLICT (k) DO NOTHING RETURNING excluded.a;
INSERT INTO kn_mf (k, a) VALUES (1, 9) ON CONFLICT (k) DO UPDATE SET a = 1 RETURNING excluded.a;
INSERT INTO kn_mf AS o (k, a) VALUES (1, 9) ON CONFLICT (k) DO UPDATE SET a = o.a + excluded.a RETURNING o.a, excluded.a;
INSERT INTO kn_mf (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET a = excluded.nosuch;
SELECT kn_mf.nosuch FROM kn_mf;
SELECT zz.a FROM kn_mf zz WHERE zz.nosuch = 1;
INSERT INTO kn_mf AS o (k, a) VALUES (1, 9) ON CONFLICT (k) DO UPDATE SET a = o.a + excluded.a RETURNING o.a;
SELECT * FROM kn_mf;
DROP TABLE kn_mf;
