-- srf_record: json[b]_to_record and json[b]_to_recordset in FROM with a
-- column definition list: each key's value read as populate_record reads
-- it (a json/jsonb column the value, any other its text through the
-- type's input), names and types from the list, PostgreSQL's errors
-- (issue 11).
CREATE TABLE n25srf_r (id int PRIMARY KEY, tags text[], ia int[]);
INSERT INTO n25srf_r VALUES (1, '{a,b}', '{1,2,3}'), (2, '{}', '{4}'), (3, NULL, NULL);
SELECT * FROM jsonb_to_recordset('[{"a":1,"b":"x"},{"a":2}]') AS x(a int, b text);
SELECT * FROM jsonb_to_record('{"a":1,"b":"x"}') AS x(a int, b text);
SELECT * FROM json_to_recordset('[{"a":1,"b":"x"},{"a":2}]') AS x(a int, b text);
SELECT * FROM json_to_record('{"a":1,"b":"x"}') AS x(a int, b text);
SELECT * FROM jsonb_to_recordset('[1]') AS x(a int);
SELECT * FROM jsonb_to_record('[1]') AS x(a int);
SELECT * FROM jsonb_to_record('1') AS x(a int);
SELECT * FROM jsonb_to_recordset('{"a":1}') AS x(a int);
SELECT * FROM json_to_recordset('{}') AS x(a int);
SELECT * FROM json_to_recordset('[1]') AS x(a int);
SELECT * FROM jsonb_to_record('{"a":1.5}') AS x(a int);
SELECT * FROM jsonb_to_record('{"a":"x","b":{"c":[1, 2]},"d":true,"e":null, "f": 1.50}') AS x(a text, b text, d text, e text, f text, g text);
SELECT * FROM jsonb_to_record('{"b":{"c":[1,2]},"d":true, "f": 1.50}') AS x(b jsonb, d bool, f numeric, g json);
SELECT * FROM json_to_record('{"b":{"c" : [1,2]},"f": 1.50, "a": "q"}') AS x(b json, f numeric, a text);
SELECT * FROM jsonb_to_recordset(NULL) AS x(a int);
SELECT * FROM jsonb_to_record(NULL) AS x(a int);
SELECT * FROM jsonb_to_recordset('[{"a":"2024-01-02"}]') AS x(a date);
SELECT * FROM jsonb_to_record('{"a":"1"}') AS x;
-- differs: a length modifier in the column definition list is 0A000 (PostgreSQL checks it: 22001)
SELECT * FROM jsonb_to_record('{"a":"abc"}') AS x(a varchar(2));
SELECT * FROM jsonb_to_record('{"A":1, "a":2}') AS x("A" int);
SELECT * FROM json_to_record('{"a":1,"a":2}') AS x(a int);
SELECT * FROM json_to_record('{"a":null}') AS x(a json);
SELECT * FROM jsonb_to_record('{"a":"x"}') AS x(a jsonb);
SELECT x.b, x.a + 1 FROM jsonb_to_recordset('[{"a":1,"b":"x"},{"a":2}]') AS x(a int, b text) WHERE x.a > 0 ORDER BY x.a DESC;
SELECT * FROM jsonb_to_recordset('[{"a":1,"b":"x"},{"a":2}]'::jsonb) x(a int, b text);
SELECT * FROM jsonb_to_recordset('[{"n":"1.50"}]') AS x(n numeric(5,1));
SELECT sum(a) FROM jsonb_to_recordset('[{"a":1},{"a":2}]') AS x(a int);
-- differs: after other FROM items (reading them) it is 0A000
SELECT * FROM n25srf_r, jsonb_to_record('{"a":1}') AS x(a int) ORDER BY 1;
INSERT INTO n25srf_r (id, tags) SELECT a, ARRAY[b] FROM jsonb_to_recordset('[{"a":10,"b":"p"},{"a":11,"b":"q"}]') AS x(a int, b text) RETURNING id, tags;
SELECT * FROM jsonb_to_recordset('[{"a":true,"t":"2024-01-02 03:04:05"}]') AS x(a bool, t timestamp, z bigint);
SELECT * FROM jsonb_to_recordset('[{"a":"yes"}]') AS x(a int);
SELECT * FROM jsonb_to_record('{}') x(a int, a text);
SELECT * FROM jsonb_to_record('{}') AS x(a nosuchtype);
SELECT * FROM jsonb_to_record('{}') AS x(a);
