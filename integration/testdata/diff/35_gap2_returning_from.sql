-- RETURNING of UPDATE ... FROM and DELETE ... USING reads the FROM
-- (USING) items as PostgreSQL's does: RETURNING * was the target's
-- columns only (a different answer: fewer columns), and s.col, s.* or an
-- unqualified column of a FROM item were an unknown column. Each such
-- item now reads the row the target row was joined with
-- (pgdialect/returning_from.go).
CREATE TABLE gap2_acc (id int PRIMARY KEY, owner text, balance numeric(10,2), note text);
CREATE TABLE gap2_tr (tid int PRIMARY KEY, acct int, amount numeric(10,2), memo text);
CREATE TABLE gap2_own (owner text, city text);
INSERT INTO gap2_acc VALUES (1, 'ann', 100, NULL), (2, 'bob', 50, 'x'), (3, 'cy', 10, NULL), (4, 'dee', 0, NULL);
INSERT INTO gap2_tr VALUES (10, 1, 25.5, 'rent'), (11, 2, 60, 'car'), (12, 3, 5, 'tea');
INSERT INTO gap2_own VALUES ('ann', 'Oslo'), ('bob', 'Rome'), ('cy', 'Lima');
UPDATE gap2_acc a SET balance = a.balance - t.amount FROM gap2_tr t WHERE t.acct = a.id AND t.tid = 10 RETURNING *;
UPDATE gap2_acc SET note = gap2_tr.memo FROM gap2_tr WHERE gap2_tr.acct = gap2_acc.id AND gap2_tr.tid = 12 RETURNING *;
UPDATE gap2_acc a SET balance = a.balance - t.amount FROM gap2_tr t WHERE t.acct = a.id AND a.balance >= t.amount RETURNING a.id, a.balance, t.tid, t.amount AS taken, memo;
UPDATE gap2_acc a SET note = 'seen' FROM gap2_tr t WHERE t.acct = a.id RETURNING t.*, a.note;
UPDATE gap2_acc a SET note = t.memo || '!' FROM gap2_tr t WHERE t.acct = a.id AND t.amount > 10 RETURNING a.id, t.amount * 2, upper(t.memo) m, t.memo || '/' || a.note AS both;
UPDATE gap2_acc AS a SET note = o.city FROM gap2_own o JOIN gap2_tr t ON t.memo = 'car' AND o.city <> '' WHERE o.owner = a.owner AND t.tid = 11 RETURNING a.id, o.city, t.tid, city;
UPDATE gap2_acc a SET note = 'n' FROM gap2_own o WHERE o.owner = a.owner AND a.id = 3 RETURNING a.*, o.*;
UPDATE gap2_acc a SET owner = upper(a.owner) FROM gap2_own o WHERE o.owner = a.owner AND o.city = 'Lima' RETURNING a.owner, o.owner AS was;
UPDATE gap2_acc a SET note = 'z' FROM gap2_own o WHERE o.owner = a.owner AND a.id = 2 RETURNING owner;
UPDATE gap2_acc a SET note = 'z' FROM gap2_own o WHERE o.owner = a.owner AND a.id = 2 RETURNING (SELECT count(*) FROM gap2_tr t2 WHERE t2.acct = a.id) AS n, o.city;
UPDATE gap2_acc a SET note = 'q' FROM gap2_tr t WHERE t.acct = a.id AND false RETURNING *;
-- differs: a FROM item that reads the target table is refused (0A000): the row read again would be the updated one
UPDATE gap2_acc a SET note = 'p' FROM gap2_acc b WHERE b.id = a.id + 1 AND a.id > 100 RETURNING a.id, b.owner;
SELECT * FROM gap2_acc ORDER BY id;
DELETE FROM gap2_tr t USING gap2_acc a WHERE a.id = t.acct AND a.owner = 'bob' RETURNING *;
DELETE FROM gap2_tr t USING gap2_acc a, gap2_own o WHERE a.id = t.acct AND o.owner = a.owner RETURNING t.tid, a.balance, o.city, city;
INSERT INTO gap2_tr VALUES (13, 4, 1, 'a'), (14, 4, 2, 'b');
-- differs: a row that joins several FROM rows is refused (0A000): which one PostgreSQL read cannot be told
UPDATE gap2_acc a SET note = 'm' FROM gap2_tr t WHERE t.acct = a.id RETURNING a.id, t.tid;
UPDATE gap2_acc a SET note = 'm' FROM gap2_tr t WHERE t.acct = a.id RETURNING a.id;
DELETE FROM gap2_acc a USING gap2_tr t WHERE t.acct = a.id RETURNING a.id, a.note;
SELECT * FROM gap2_acc ORDER BY id;
DROP TABLE gap2_acc, gap2_tr, gap2_own;
