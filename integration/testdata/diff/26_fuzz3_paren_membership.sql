-- fuzz3_paren_membership: parenthesised arithmetic of unknown static
-- type tested with BETWEEN or IN compares by value, as without the
-- parentheses: its numeric text ordered after every bound
-- ((i8 * (0.1 / 2147483647)) BETWEEN -0.5 AND 1.25 was false; found by the
-- differential fuzz tester, seed 1300499).
CREATE TABLE n26fuzz3_m (id int PRIMARY KEY, i8 int8, n numeric);
INSERT INTO n26fuzz3_m VALUES (1, 0, 0), (2, 3, 2.5), (3, -7, 0.5), (4, NULL, NULL);
SELECT id, (i8 * (0.1 / 2147483647)) BETWEEN -0.5 AND 1.25 FROM n26fuzz3_m ORDER BY id;
SELECT id, (n * 2) NOT BETWEEN -0.5 AND 1.25, ((n * 2)) IN (0, 1, 5), (i8 - 1) IN (-1, 2) FROM n26fuzz3_m ORDER BY id;
SELECT id FROM n26fuzz3_m WHERE (i8 * 0.5) BETWEEN -4 AND 1.5 ORDER BY id;
