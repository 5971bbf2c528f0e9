-- ->> and #>> are text, whatever their operand: (doc ->> 'n')::int reads
-- the text with the integer's input, so '3.5' is 22P02 as in PostgreSQL.
-- Their value was of no known type when the cast was chosen, and a
-- number in text was rounded as numeric::int rounds (3.5 became 4, and
-- WHERE (doc->>'n')::int > 3 answered rows PostgreSQL refuses;
-- pgdialect/aliases.go jsonTextGet, castsource.go).
CREATE TABLE tf_jt (id int, doc jsonb, j json);
INSERT INTO tf_jt VALUES (1, '{"n": 5, "a": {"b": "7"}, "s": "12"}', '{"n": 5}'), (2, '{"n": 3.5, "a": {"b": "x"}, "s": " 8 "}', '{"n": 2.5}');
SELECT id, (doc->>'n')::int FROM tf_jt WHERE id = 1;
SELECT id, (doc->>'n')::int FROM tf_jt ORDER BY id;
SELECT id FROM tf_jt WHERE (doc->>'n')::int > 4 ORDER BY 1;
SELECT ('{"n":3.5}'::jsonb->>'n')::int;
SELECT ('{"n":3.5}'::jsonb->>'n')::int8;
SELECT ('{"n":"42"}'::jsonb->>'n')::int2, ('{"n":42}'::jsonb->>'n')::int;
SELECT id, (doc#>>'{a,b}')::int FROM tf_jt WHERE id = 1;
SELECT id, (doc#>>'{a,b}')::int FROM tf_jt ORDER BY id;
SELECT id, (doc->'a'->>'b')::int4 FROM tf_jt WHERE id = 1;
SELECT id, (doc->>'s')::int, (doc->>'s')::bigint FROM tf_jt ORDER BY id;
SELECT id, (j->>'n')::int FROM tf_jt ORDER BY id;
SELECT id, (doc->'n')::int, (doc->>'n')::numeric::int, (doc->>'n')::float8::int FROM tf_jt ORDER BY id;
SELECT sum((doc->>'n')::numeric), max((doc->>'s')::int) FROM tf_jt;
DROP TABLE tf_jt;
