-- errfix_distincton: a typed literal right after DISTINCT ON's list is a
-- literal, not an operand after a parenthesis (expr.go endsOperand).
CREATE TABLE n28errfix_d (id int PRIMARY KEY, t text);
INSERT INTO n28errfix_d VALUES (1, 'a'), (2, 'a'), (3, 'b');
SELECT DISTINCT ON (DATE 'infinity') DATE 'infinity' AS c, id FROM n28errfix_d ORDER BY DATE 'infinity', id;
SELECT DISTINCT ON (t) DATE '2020-01-02' AS c, INTERVAL '1 day' AS i, t, id FROM n28errfix_d ORDER BY t, id DESC;
SELECT DISTINCT ON (t) TIMESTAMP '2020-01-01 10:00' AS c, t FROM n28errfix_d ORDER BY t;
SELECT DISTINCT ON (t) int '5' AS five, t FROM n28errfix_d ORDER BY t;
