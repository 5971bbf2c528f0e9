-- RETURNING items are described and printed like select-list items: a
-- cast names the column after its operand but types it as the cast.
CREATE TABLE rc_t (id serial PRIMARY KEY, b boolean, n integer, x numeric, v varchar(5));
INSERT INTO rc_t (b, n, x, v) VALUES (true, 5, 1.50, 'ab') RETURNING b::text, n::int8, n::numeric, x::text, v::text, id::text, b::int, n::text || 'z', b;
INSERT INTO rc_t (b, n, x, v) VALUES (false, 7, 2.5, 'cd') RETURNING CAST(b AS text), n::varchar, x::float8, rc_t.n::int2, b;
UPDATE rc_t SET n = n + 1 WHERE id = 1 RETURNING b::text, n::text, n::varchar AS q, (n + 1)::text, n + 1 AS b, upper(v) AS v;
DELETE FROM rc_t WHERE id = 2 RETURNING b::text, CAST(n AS text), x::text, id::int8;
SELECT b::text, n::int8, x::text FROM rc_t ORDER BY id;
-- A cast to varchar(n) or char(n) cuts the operand's text: a boolean's is
-- true/false, not SQLite's 1/0.
SELECT b::varchar(3), n::varchar(1), x::varchar(2), b::char(2), CAST(b AS varchar(3)), CAST(n AS char(5)), CAST(x AS varchar(2)), CAST(n + 1 AS varchar(1)), (n > 1)::varchar(3), CAST(1.50 AS text) FROM rc_t;
UPDATE rc_t SET n = n RETURNING b::varchar(3), n::varchar(1), x::varchar(2), b::char(2), CAST(b AS varchar(3)), CAST(n AS char(5)), CAST(x AS varchar(2));
