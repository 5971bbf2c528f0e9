-- greatest/least of octet_length or bit_length of a column: the call
-- became pg_bits_length(x, x's type, octets), the type and octets
-- spliced onto its closing parenthesis, which the greatest/least rewrite
-- left on the blanked argument tokens, so least(octet_length(t), 3)
-- returned two more columns, the type's read and 1 (the differential
-- fuzz tester, seed 842690).
CREATE TABLE fz3_mo (id int, t text, vc varchar(10), n numeric);
INSERT INTO fz3_mo VALUES (1, '', '', 0), (2, 'Hello', 'hello', 12.5), (3, 'héllo', 'ünï', -1), (4, NULL, NULL, NULL);
SELECT least(octet_length(t), 3) AS c1, vc AS c2 FROM fz3_mo ORDER BY id;
SELECT greatest(bit_length(t), 1), least(3, octet_length(vc)) AS l FROM fz3_mo ORDER BY id;
SELECT greatest(n, octet_length(t)) AS g FROM fz3_mo ORDER BY id;
SELECT id FROM fz3_mo WHERE least(octet_length(t), 6) > 5 ORDER BY id;
DROP TABLE fz3_mo;
