-- Functions applications use (regexfn): regexp_match, regexp_matches,
-- regexp_split_to_array/_to_table, jsonb_object_keys, jsonb/json_strip_nulls,
-- array_positions, array_replace, array_ndims.
CREATE TABLE fm_t (id int PRIMARY KEY, s text, j jsonb, a int[]);
INSERT INTO fm_t VALUES
 (1, 'foo123bar45', '{"b": 1, "a": null, "aa": {"x": null, "y": [1, null]}}', '{1,2,1,NULL,3}'),
 (2, 'Hello World', '{"k": "v"}', '{}'),
 (3, NULL, NULL, NULL);
SELECT regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'x');
SELECT regexp_match('ABC', 'b', 'i'), regexp_match('ABC', 'b'), regexp_match(NULL, 'b'), regexp_match('abc', NULL);
SELECT regexp_match('abc', 'b', 'g');
SELECT regexp_match('abc', '(a)|(z)'), regexp_match('a.c', 'a.c', 'q'), regexp_match('axc', 'a.c', 'q');
SELECT regexp_match('abcd', 'a|ab|abc'), regexp_match('xabcabc', '(abc)+'), regexp_match(E'a\nb', 'a.b'), regexp_match(E'a\nb', 'a.b', 'n');
SELECT regexp_match(E'x\nab', '^ab', 'n'), regexp_match(E'x\nab', '^ab'), regexp_match('x y', '\s'), regexp_match('a1', '\d');
SELECT id, regexp_match(s, '[0-9]+') FROM fm_t ORDER BY id;
-- differs: refused (0A000): back-references are not in RE2
SELECT regexp_match('abab', '(a)b\1');
-- differs: refused (0A000): lookahead is not in RE2
SELECT regexp_match('abc', 'a(?=b)');
-- differs: refused (0A000): ARE's non-greedy quantifiers set the whole expression's greediness, RE2's each its own
SELECT regexp_match('abc', 'a.*?c');
SELECT regexp_match('abc', 'b', 'z');
SELECT regexp_match('abc', '(');
SELECT regexp_matches('foo123bar45', '[0-9]+', 'g');
SELECT regexp_matches('foo123bar45', '([a-z]+)([0-9]+)', 'g');
SELECT regexp_matches('abc', 'b*', 'g');
SELECT regexp_matches('abc', 'x');
SELECT id, regexp_matches(s, '[0-9]+', 'g') FROM fm_t ORDER BY id;
SELECT m FROM regexp_matches('a1b2c3', '[a-z]([0-9])', 'g') AS m;
SELECT * FROM regexp_matches('a1b2', '[0-9]', 'g');
SELECT regexp_split_to_array('hello world  foo', '\s+'), regexp_split_to_array('abc', ''), regexp_split_to_array('', ','), regexp_split_to_array(NULL, ',');
SELECT regexp_split_to_array('hello world', '\s*'), regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('aXbxc', 'x', 'i');
SELECT regexp_split_to_array('abc', 'b', 'g');
SELECT regexp_split_to_table('the quick  fox', '\s+');
SELECT * FROM regexp_split_to_table('a-b-c', '-') AS p;
SELECT x FROM regexp_split_to_table('a-b-c', '-') AS x ORDER BY x DESC;
SELECT id, regexp_split_to_table(s, '[0-9]+') FROM fm_t ORDER BY id;
SELECT jsonb_object_keys('{"b": 1, "a": 2, "aa": 3}');
SELECT * FROM jsonb_object_keys('{"b": 1, "a": 2}');
SELECT id, jsonb_object_keys(j) FROM fm_t ORDER BY id;
SELECT jsonb_object_keys('[1, 2]');
SELECT jsonb_object_keys('3');
SELECT jsonb_strip_nulls(j) FROM fm_t ORDER BY id;
SELECT jsonb_strip_nulls('[null, {"a": null}]'), jsonb_strip_nulls('null'), jsonb_strip_nulls(NULL);
SELECT json_strip_nulls('{"b": 1, "a": null, "b": {"z": null, "c": [null, "é\n"]}}'), json_strip_nulls('[1, null]'), json_strip_nulls(NULL);
SELECT array_positions(ARRAY[1, 2, 1, NULL, 1], 1), array_positions(ARRAY[1, NULL, NULL], NULL), array_positions(ARRAY['a', 'b'], 'z'), array_positions(NULL::int[], 1);
SELECT id, array_positions(a, 1), array_replace(a, 1, 9), array_replace(a, NULL, 0), array_ndims(a) FROM fm_t ORDER BY id;
SELECT array_replace(ARRAY['a', 'b', 'a'], 'a', 'z'), array_replace(ARRAY[1.5, 2.0], 2, 7.25), array_ndims(ARRAY[1]), array_ndims('{}'::int[]), array_ndims(NULL::text[]);
SELECT array_replace(ARRAY[1, 2], 2, NULL);
SELECT t.id, p FROM fm_t t, regexp_split_to_table(t.s, '[0-9]+') AS p ORDER BY t.id, p;
SELECT fm_t.id, k FROM fm_t, jsonb_object_keys(fm_t.j) k ORDER BY 1, 2;
SELECT t.id, m[1] FROM fm_t t, regexp_matches(t.s, '([a-z]+)', 'gi') m ORDER BY 1, 2;
SELECT regexp_matches('a-b', '\w') AS w, 1 AS one;
SELECT regexp_replace('abc', 'b*', 'X', 'g'), regexp_replace('abcd', 'a|ab', 'X'), regexp_replace('Hello World', '(o)', '[\1]', 'g'), regexp_replace('aaa', '^a', 'X', 'g');
-- differs: refused (0A000): back-references are not in RE2
SELECT regexp_replace('aa', '(a)\1', 'X');
SELECT regexp_match('x{300}', '\{300}'), regexp_match('x{3}', 'x\{3}'), regexp_match('a]b', '[]x]'), regexp_match(E'a\nb', 'a[^x]b', 'n');
SELECT regexp_match('a', 'a{2,1}');
SELECT regexp_match('a', 'a{256}');
CREATE TABLE fm_w (v text, m text[], n int[]);
INSERT INTO fm_w (v) SELECT p FROM regexp_split_to_table('x,y,z', ',') AS p;
INSERT INTO fm_w (v, m, n) SELECT k, regexp_match(k, '(a)(a)?'), array_positions(ARRAY[1, 2, 1], 1) FROM jsonb_object_keys('{"aa": 1, "b": 2}') AS k;
UPDATE fm_t SET j = jsonb_strip_nulls(j), a = array_replace(a, 1, 7), s = regexp_replace(s, '[0-9]+', '#', 'g') WHERE id = 1 RETURNING id, s, j, a;
SELECT v, m, n FROM fm_w ORDER BY v;
SELECT regexp_match('a_ b', '[[:word:]]+'), regexp_match('ab9', '[[:digit:][:upper:]]'), regexp_match(E'a\tb', 'a[[:blank:]]b');
SELECT regexp_match('ab', '[[:foo:]]');
SELECT regexp_match('ab', '[z-a]');
