-- A char(n) column as an element of an array printed as a result column
-- keeps its padding (ARRAY[c] and array_agg(c) of a char(3) 'ab' were
-- {ab}; PostgreSQL's {"ab "}), where the array is char(n)'s (its first
-- typed element is); ARRAY[] of text, varchar and char(n) columns is of
-- the first one's type (described text where PostgreSQL's is bpchar[] or
-- varchar[]).
CREATE TABLE kn_ba (id int PRIMARY KEY, c char(3), v varchar(10), t text);
INSERT INTO kn_ba VALUES (1, 'ab', 'vv', 'tt'), (2, 'x', 'w ', NULL), (3, NULL, NULL, 'q');
SELECT id, ARRAY[c] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[c, t] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[t, c] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[c, v] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[v, c] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[v, t] FROM kn_ba ORDER BY id;
SELECT id, ARRAY[c, 'z'] AS a FROM kn_ba ORDER BY id;
SELECT array_agg(c ORDER BY id) FROM kn_ba;
SELECT array_agg(DISTINCT c) FROM kn_ba;
SELECT id, (ARRAY[c])[1] || '|' FROM kn_ba ORDER BY id;
SELECT id, ARRAY[c] = ARRAY['ab'::char(3)] FROM kn_ba ORDER BY id;
SELECT id, array_length(ARRAY[c, c], 1) FROM kn_ba ORDER BY id;
SELECT u || '|' FROM kn_ba, unnest(ARRAY[c]) u WHERE id = 1;
DROP TABLE kn_ba;
