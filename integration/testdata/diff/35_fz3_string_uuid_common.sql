-- nullif(varchar, x) is text (varchar compares with text's =, whose left
-- side's type nullif returns); greatest/least of text and varchar columns
-- is the first argument's type (each casts implicitly to the other), of
-- uuid columns uuid: they were described varchar, text, text.
CREATE TABLE fz3_su (id int PRIMARY KEY, t text, vc varchar(10), u uuid, j jsonb);
INSERT INTO fz3_su VALUES (1, 'abc', 'abd', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '["x"]'), (2, 'Hello', 'hello', '00000000-0000-0000-0000-000000000000', '{}'), (3, NULL, NULL, NULL, NULL);
SELECT nullif(a.vc, 'abd') AS c1 FROM fz3_su a ORDER BY a.id;
SELECT nullif(a.vc, a.t) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT a.id, lag(nullif(a.vc, a.t)) OVER (ORDER BY a.id) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT least(a.vc, a.t) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT greatest(a.vc, a.t, a.t) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT least(a.t, a.vc, a.vc) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT greatest(a.u, a.u) AS c1 FROM fz3_su a ORDER BY a.id;
SELECT least(a.u, a.u, a.u) AS c1 FROM fz3_su a ORDER BY a.id;
DROP TABLE fz3_su;
