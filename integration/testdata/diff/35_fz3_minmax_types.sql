-- greatest/least over columns described as PostgreSQL's common type:
-- of an int2 column and date - date (integer) int4, where it was int8;
-- of two columns of one array type that array type, where it was text.
CREATE TABLE fz3_mm (id int4 PRIMARY KEY, i2 int2, d date, ta text[], ia int4[]);
INSERT INTO fz3_mm VALUES (1, 2, '2024-01-15', '{b,a}', '{3}'), (2, NULL, '2024-03-01', '{a}', '{1,2}'), (3, 400, NULL, NULL, NULL);
SELECT id, greatest(i2, d - DATE '2024-01-01') AS c1, least(i2, ('2020-02-29'::date - make_date(2020, 1, 24))) AS c2 FROM fz3_mm ORDER BY id;
SELECT id, least(ta, ta) AS c1, greatest(ia, ia) AS c2 FROM fz3_mm ORDER BY id;
DROP TABLE fz3_mm;
