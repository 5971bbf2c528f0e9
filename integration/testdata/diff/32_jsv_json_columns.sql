-- ->, ->>, #> and #>> over a bare json or jsonb column: the column's
-- declared type (read from the schema at run time) decides json's text as
-- written or jsonb's form, and whether a scalar is a one-element array
CREATE TABLE jsv_jc (id int PRIMARY KEY, j jsonb, t json);
INSERT INTO jsv_jc VALUES (1, '{"a": [1, 2], "n": 1.50, "o": {"x" :1}}', '{"a" : [1,2], "n":1.50, "o": {"x" :1}, "n": 2.0}'), (2, '[1, {"b":  2}]', '[1, {"b":  2}]'), (3, '"s"', '"s"'), (4, '5', '5'), (5, NULL, NULL);
SELECT id, t -> 'a', t -> 'o', t ->> 'o', t ->> 'n', t -> 1, t ->> -1 FROM jsv_jc ORDER BY id;
SELECT id, t #> '{a}', t #> '{1,b}', t #>> '{o}', t #> '{}' FROM jsv_jc ORDER BY id;
SELECT id, j -> 0, j ->> 0, j -> -1, t -> 0, t ->> -1 FROM jsv_jc ORDER BY id;
SELECT x.t -> 'o', x.j -> 'o', x.t -> 'a' -> 1 FROM jsv_jc x WHERE x.id = 1;
UPDATE jsv_jc SET j = t -> 'o' WHERE id = 1;
SELECT id, j FROM jsv_jc WHERE id = 1;
DROP TABLE jsv_jc;
