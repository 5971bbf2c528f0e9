package sqlexec

import "testing"

// TestTableSQLKeptAnswers: pg_table_sql's kept answers (tablesql.go) follow
// every way a table's definition changes under a connection, so a write is
// always converted to the column types it has now: DDL in the same
// transaction, DDL a rolled-back savepoint undid (after which a later DDL
// reuses the schema version number the undone one had), another session's
// committed DDL, and a temporary table that hides a permanent one.
func TestTableSQLKeptAnswers(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE tsk (a int, b text)", "")
	mustQ(t, s, "INSERT INTO tsk VALUES (1, 'x')", "")
	wantCode(t, s, "INSERT INTO tsk VALUES ('one', 'x')", "22P02")

	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SAVEPOINT s", "")
	mustQ(t, s, "ALTER TABLE tsk ADD COLUMN c text", "")
	mustQ(t, s, "INSERT INTO tsk VALUES (2, 'x', 'two')", "")
	mustQ(t, s, "ROLLBACK TO s", "")
	mustQ(t, s, "ALTER TABLE tsk ADD COLUMN c int", "")
	mustQ(t, s, "SAVEPOINT e", "")
	wantCode(t, s, "INSERT INTO tsk VALUES (2, 'x', 'thr' || 'ee')", "42804")
	mustQ(t, s, "ROLLBACK TO e", "")
	mustQ(t, s, "INSERT INTO tsk VALUES (2, 'y')", "")
	mustQ(t, s, "INSERT INTO tsk VALUES (3, 'x', 3)", "")
	mustQ(t, s, "COMMIT", "")
	mustQ(t, s, "SELECT count(*) FROM tsk", "D[count:20] R[3] C:SELECT 1")

	other := newSess(t, e)
	mustQ(t, other, "ALTER TABLE tsk ALTER COLUMN a TYPE text", "")
	mustQ(t, s, "INSERT INTO tsk VALUES ('four', 'x', 4)", "")
	mustQ(t, other, "ALTER TABLE tsk ALTER COLUMN c TYPE int2", "")
	wantCode(t, s, "INSERT INTO tsk VALUES ('five', 'x', 100000)", "22003")

	mustQ(t, s, "CREATE TEMP TABLE tsk (a int)", "")
	wantCode(t, s, "INSERT INTO tsk VALUES ('six')", "22P02")
	mustQ(t, s, "DROP TABLE tsk", "")
	mustQ(t, s, "INSERT INTO tsk VALUES ('seven', 'x', 7)", "")
	mustQ(t, s, "SELECT a FROM tsk ORDER BY a", "D[a:25] R[1] R[2] R[3] R[four] R[seven] C:SELECT 5")
}

// TestRelSQLKeptAnswers: pg_rel_sql's kept answers, the create text the
// run-time types of columns are read from (colTypeQuery), follow a view
// replaced with columns of other types and a table altered, so the
// arithmetic over them is always of their types now.
func TestRelSQLKeptAnswers(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE rsk (id int PRIMARY KEY, n numeric(6,2), d date)", "")
	mustQ(t, s, "INSERT INTO rsk VALUES (1, 1.25, '2024-01-31')", "")
	mustQ(t, s, "CREATE VIEW rskv AS SELECT n AS x FROM rsk", "")
	mustQ(t, s, "SELECT x + 1 AS y FROM rskv", "D[y:1700] R[2.25] C:SELECT 1")
	mustQ(t, s, "CREATE OR REPLACE VIEW rskv AS SELECT n AS x, d AS e FROM rsk", "")
	mustQ(t, s, "SELECT e + 1 AS f FROM rskv", "D[f:1082] R[2024-02-01] C:SELECT 1")
	mustQ(t, s, "DROP VIEW rskv", "")
	mustQ(t, s, "CREATE VIEW rskv AS SELECT d AS x FROM rsk", "")
	mustQ(t, s, "SELECT x + 1 AS y FROM rskv", "D[y:1082] R[2024-02-01] C:SELECT 1")
	mustQ(t, s, "UPDATE rsk SET n = n + 1.005 RETURNING n", "D[n:1700] R[2.26] C:UPDATE 1")
	mustQ(t, s, "ALTER TABLE rsk ALTER COLUMN n TYPE float8", "")
	mustQ(t, s, "UPDATE rsk SET n = n + 1.5 RETURNING n", "D[n:701] R[3.76] C:UPDATE 1")
}
