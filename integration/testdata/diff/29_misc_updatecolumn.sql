-- UPDATE ... SET of a column the table does not have: PostgreSQL names
-- the relation (transformUpdateTargetList) and points at the target; a
-- name the statement also reads is the plain undefined column.
CREATE TABLE n29misc_up (i int, Mixed text);
-- positions
UPDATE n29misc_up SET nosuch = 1;
UPDATE n29misc_up SET i = 1, "NoSuch" = 2;
UPDATE n29misc_up SET NOSUCH = 1 WHERE i = 1;
UPDATE n29misc_up SET (i, b) = (1, 2);
UPDATE n29misc_up SET i = 2 WHERE abc = 1;
UPDATE n29misc_up SET i = 1 RETURNING nosuch;
UPDATE n29misc_up SET i = a;
UPDATE n29misc_up SET mixed = 'x';
DROP TABLE n29misc_up;
