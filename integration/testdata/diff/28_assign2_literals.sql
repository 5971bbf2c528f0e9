-- PostgreSQL reads a quoted literal of a VALUES list with its column's
-- input function as it parses the statement, value by value, row by row:
-- a literal it refuses before a value of no assignment cast is the error
-- (22P02), a later one is not; the ON CONFLICT DO UPDATE SET list comes
-- after the VALUES. A literal too long for its column's length is 22001
-- only when the statement runs, after the 42804.
CREATE TABLE n28assign2_lt (id int4 PRIMARY KEY, i4 int4, b bool, ia int4[], n numeric(3,1), ch char(3), i2 int2, d date);
INSERT INTO n28assign2_lt VALUES (1, 1, true, '{1}', 1.5, 'a', 1, '2024-01-01');
INSERT INTO n28assign2_lt AS a (id, i4, ia) VALUES (1, 'abc', ARRAY[3]) ON CONFLICT (id) DO UPDATE SET ia = '2020-02-29'::date;
INSERT INTO n28assign2_lt (id, i4, b) VALUES (8, 'abc', 5);
INSERT INTO n28assign2_lt (id, b, i4) VALUES (8, 5, 'abc');
INSERT INTO n28assign2_lt (id, b, i4) VALUES (8, true, 5), (9, 'x', 1), (10, 1, 2);
INSERT INTO n28assign2_lt (id, d, i2) VALUES (5, '2024-13-01', true);
INSERT INTO n28assign2_lt (id, n, i2) VALUES (5, 'x', true);
-- positions
INSERT INTO n28assign2_lt AS a (id, i4, ia) VALUES (1, '5', ARRAY[3]) ON CONFLICT (id) DO UPDATE SET ia = '2020-02-29'::date;
INSERT INTO n28assign2_lt (id, ch, i2) VALUES (5, 'héllo', INTERVAL '1 day');
INSERT INTO n28assign2_lt (id, n, i2) VALUES (5, '12345', true);
INSERT INTO n28assign2_lt AS a (id, b) VALUES (1, true) ON CONFLICT (id) DO UPDATE SET d = greatest(a.ch, a.ch);
INSERT INTO n28assign2_lt AS a (id, b) VALUES (1, true) ON CONFLICT (id) DO UPDATE SET d = coalesce(excluded.n, excluded.i2);
