-- RETURNING q.* where q is no item of the statement is PostgreSQL's
-- 42P01 "missing FROM-clause entry" (RETURNING old.* / new.* in
-- PostgreSQL 15), not SQLite's internal XX000 "RETURNING may not use
-- "TABLE.*" wildcards"; the target's own t.* and alias.* still work.
-- From PostgreSQL's regression returning.sql.
CREATE TABLE rg_rs (a int, b int);
CREATE TABLE rg_rs2 (a int, c int);
INSERT INTO rg_rs2 VALUES (1, 5);
INSERT INTO rg_rs VALUES (1, 2) RETURNING old.*;
INSERT INTO rg_rs VALUES (1, 2) RETURNING new.*, rg_rs.*;
UPDATE rg_rs SET a = 2 RETURNING zz.*;
DELETE FROM rg_rs RETURNING old.*;
INSERT INTO rg_rs VALUES (1, 2) RETURNING rg_rs.*;
UPDATE rg_rs AS r SET b = 3 RETURNING r.*;
UPDATE rg_rs SET b = 4 FROM rg_rs2 WHERE rg_rs.a = rg_rs2.a RETURNING rg_rs2.*;
SELECT * FROM rg_rs ORDER BY a;
DELETE FROM rg_rs USING rg_rs2 WHERE rg_rs.a = rg_rs2.a RETURNING rg_rs2.*;
DROP TABLE rg_rs, rg_rs2;
