-- array_agg (and min/max) of a text-returning call or of ->> is described
-- text[] (text): left, right, ltrim, rtrim, split_part, concat_ws,
-- to_char, quote_ident, quote_literal, j ->> k and j #>> path, where
-- array_agg of them was described text.
CREATE TABLE fz3_tc (id int PRIMARY KEY, t text, vc varchar(10), ts timestamp, j jsonb, b bool);
INSERT INTO fz3_tc VALUES (1, 'héllo wörld', 'ab', '2024-02-29 12:00', '{"a": 1, "b": [1, 2]}', true), (2, ' x ', '', '2000-01-01', '{"c": null}', false), (3, NULL, NULL, NULL, NULL, NULL);
SELECT left(t, 2) AS c1, right(t, 2) AS c2, split_part(t, ' ', 1) AS c3, concat_ws(',', vc, b) AS c4, to_char(ts, 'YYYY') AS c5 FROM fz3_tc ORDER BY id;
SELECT array_agg(left(t, 1) ORDER BY id) AS c1, array_agg(right(t, 1) ORDER BY id) AS c2, array_agg(ltrim(t) ORDER BY id) AS c3, array_agg(rtrim(t) ORDER BY id) AS c4, array_agg(split_part(t, ' ', 1) ORDER BY id) AS c5 FROM fz3_tc;
SELECT array_agg(concat_ws(NULL, vc, b) ORDER BY id) AS c1, array_agg(to_char(ts, 'YYYY-MM') ORDER BY id) AS c2, array_agg(quote_ident(vc) ORDER BY id) AS c3, array_agg(quote_literal(t) ORDER BY id) AS c4 FROM fz3_tc;
SELECT array_agg(j ->> 'a' ORDER BY id) AS c1, array_agg(j #>> '{b,0}' ORDER BY id) AS c2, max(j ->> 'a') AS c3, array_agg(left(t, 2) ORDER BY id) FILTER (WHERE b) AS c4 FROM fz3_tc;
DROP TABLE fz3_tc;
