-- fuzz5_splitpart: split_part with an empty delimiter has one field, the
-- whole string (differential fuzz tester: it split between characters).
SELECT split_part('hello', '', 1) AS a, split_part('hello', '', -1) AS b, split_part('hello', '', 2) AS c, split_part('hello', '', -2) AS d;
SELECT split_part('', '', 1) AS a, split_part('', 'x', 1) AS b, split_part('a b c', ' ', -1) AS c, split_part('héllo wörld', 'l', -2) AS d;
CREATE TABLE n28fuzz5_sp (id int PRIMARY KEY, t text);
INSERT INTO n28fuzz5_sp VALUES (1, 'héllo wörld'), (2, ''), (3, NULL), (4, 'a,b');
SELECT id, split_part(t, '', 1) AS a, split_part(t, '', -1) AS b, split_part(t, '', 3) AS c FROM n28fuzz5_sp ORDER BY id;
