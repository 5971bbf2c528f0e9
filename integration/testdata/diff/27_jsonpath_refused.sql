CREATE TABLE n27jsonpath_ev (id int PRIMARY KEY, body jsonb);
INSERT INTO n27jsonpath_ev VALUES (1, '{"at": "2024-01-02", "o": {"a": 1, "b": [1, 2]}, "s": "Ab\ncd"}');
-- differs: .datetime() is refused (0A000), PostgreSQL converts the string
SELECT jsonb_path_query(body, '$.at.datetime()') FROM n27jsonpath_ev;
-- differs: .keyvalue() of a nested object is refused (0A000): PostgreSQL's id is the object's byte offset in its jsonb document
SELECT jsonb_path_query(body, '$.o.keyvalue()') FROM n27jsonpath_ev;
SELECT jsonb_path_query(body, '$.keyvalue().key') FROM n27jsonpath_ev;
-- differs: like_regex flag "m" is refused (0A000)
SELECT jsonb_path_query(body, '$.s ? (@ like_regex "^cd" flag "m")') FROM n27jsonpath_ev;
SELECT jsonb_path_query(body, '$.s ? (@ like_regex "b.c" flag "s")'), jsonb_path_query_array(body, '$.s ? (@ like_regex "a" flag "iq")') FROM n27jsonpath_ev;
-- differs: a jsonpath value outside the path functions is refused (0A000 type jsonpath is not supported)
SELECT '$.a'::jsonpath;
-- differs: jsonpath '...' beside @? or @@ is refused (0A000); '...'::jsonpath is taken
SELECT body @? jsonpath '$.o' FROM n27jsonpath_ev;
SELECT body @? '$.o'::jsonpath, body @@ '$.o.a == 1'::jsonpath FROM n27jsonpath_ev;
-- differs: named arguments out of their order (silent before vars) are refused (0A000)
SELECT jsonb_path_query(body, '$.o.b[*]', silent => true, vars => '{}') FROM n27jsonpath_ev;
-- differs-message: the argument types are not named
SELECT jsonb_path_query(body) FROM n27jsonpath_ev;
