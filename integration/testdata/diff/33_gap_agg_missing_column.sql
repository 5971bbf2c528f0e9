-- an aggregate whose argument is a cast of a column that does not exist
-- is PostgreSQL's 42703 (the argument is analysed first), not the 42883
-- of the aggregate's argument type
CREATE TABLE gap_am (id int, b bool, t text);
INSERT INTO gap_am VALUES (1, true, 'x');
SELECT sum(nocol::bool) FROM gap_am;
SELECT avg(CAST(nocol AS date)) FROM gap_am;
SELECT id, sum(gap_am.nope::bool) FROM gap_am GROUP BY id;
SELECT sum(b::bool) FROM gap_am;
SELECT sum(id::bool) FROM gap_am;
SELECT avg(t::date) FROM gap_am WHERE false;
DROP TABLE gap_am;
