-- fuzzw_float_to_text: a float8 expression assigned to a text, varchar
-- or char column is stored as float8out prints it (exponent form only
-- outside [-4, 15)): 1e10::float8 was stored as 1e+10 (types_in.go
-- textValue; fuzz seed 7000460).
CREATE TABLE n27fuzzw_ft (id int4 PRIMARY KEY, t text, vc varchar(20), c char(12));
INSERT INTO n27fuzzw_ft VALUES (1, 1e10::float8, 1e10::float8, -0.0::float8), (2, 1.5::float8, 0.1::float8, 'Infinity'::float8), (3, 1e20::float8, 1e-5::float8, 1e15::float8), (4, 1e14::float8 + 0.5, 123456.789e3::float8, -2.5e-4::float8) RETURNING *;
INSERT INTO n27fuzzw_ft (id, t) SELECT 10 + id, (1e10::float8 - id) FROM n27fuzzw_ft ORDER BY id RETURNING id, t;
UPDATE n27fuzzw_ft SET t = 1e12::float8 * id WHERE id < 3 RETURNING id, t;
INSERT INTO n27fuzzw_ft AS a (id, t) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET t = 3e11::float8 RETURNING a.id, a.t;
SELECT * FROM n27fuzzw_ft ORDER BY id;
