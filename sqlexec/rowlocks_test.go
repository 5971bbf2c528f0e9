package sqlexec

import "testing"

// Row-locking clauses (FOR UPDATE / SHARE, NOWAIT, SKIP LOCKED) take no
// lock: a transaction that read with one is validated at COMMIT like a
// writing one, so two transactions that "locked" the same row cannot
// both commit (docs/sql-dialect.md "Row locks").
func TestRowLocks(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE TABLE jobs(id int PRIMARY KEY, state text)", "")
	mustQ(t, a, "INSERT INTO jobs VALUES (1, 'new'), (2, 'new'), (3, 'new')", "")
	const take = "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"

	// Two workers take the same job in transactions: SKIP LOCKED does not
	// skip, and the second COMMIT fails with 40001 (retry takes job 2).
	mustQ(t, a, "BEGIN", "C:BEGIN")
	mustQ(t, b, "BEGIN", "C:BEGIN")
	mustQ(t, a, take, "D[id:23] R[1] C:SELECT 1")
	mustQ(t, b, take, "D[id:23] R[1] C:SELECT 1")
	mustQ(t, a, "UPDATE jobs SET state = 'a' WHERE id = 1", "C:UPDATE 1")
	mustQ(t, b, "UPDATE jobs SET state = 'b' WHERE id = 1", "C:UPDATE 1")
	mustQ(t, a, "COMMIT", "C:COMMIT")
	if _, err := q(t, b, "COMMIT"); code(err) != CodeSerialization {
		t.Fatalf("second worker's COMMIT: %v, want 40001", err)
	}
	mustQ(t, b, "BEGIN", "C:BEGIN")
	mustQ(t, b, take, "D[id:23] R[2] C:SELECT 1")
	mustQ(t, b, "UPDATE jobs SET state = 'b' WHERE id = 2", "C:UPDATE 1")
	mustQ(t, b, "COMMIT", "C:COMMIT")

	// A transaction that only read FOR UPDATE: a concurrent change of the
	// row before its COMMIT fails it; without one it commits.
	mustQ(t, a, "BEGIN", "C:BEGIN")
	mustQ(t, a, "SELECT state FROM jobs WHERE id = 3 FOR NO KEY UPDATE NOWAIT", "D[state:25] R[new] C:SELECT 1")
	mustQ(t, b, "UPDATE jobs SET state = 'b' WHERE id = 3", "C:UPDATE 1")
	if _, err := q(t, a, "COMMIT"); code(err) != CodeSerialization {
		t.Fatalf("locked read after a concurrent update: %v, want 40001", err)
	}
	mustQ(t, a, "BEGIN", "C:BEGIN")
	mustQ(t, a, "SELECT state FROM jobs WHERE id = 3 FOR SHARE", "D[state:25] R[b] C:SELECT 1")
	mustQ(t, a, "COMMIT", "C:COMMIT")

	// The one-statement queue is exact: writes are serialized by the log.
	mustQ(t, a, "UPDATE jobs SET state = 'new' WHERE id IN (2, 3)", "C:UPDATE 2")
	mustQ(t, a, "UPDATE jobs SET state = 'x' WHERE id = (SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id", "D[id:23] R[2] C:UPDATE 1")
	mustQ(t, b, "WITH j AS (SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) UPDATE jobs SET state = 'y' FROM j WHERE jobs.id = j.id RETURNING jobs.id", "D[id:23] R[3] C:UPDATE 1")

	// PostgreSQL refuses locking reads in a read-only transaction.
	for _, c := range []string{"FOR UPDATE", "FOR SHARE", "FOR NO KEY UPDATE", "FOR KEY SHARE"} {
		mustQ(t, a, "BEGIN READ ONLY", "C:BEGIN")
		_, err := q(t, a, "SELECT * FROM jobs "+c)
		if code(err) != CodeReadOnlyTransaction || err.Error() != "cannot execute SELECT "+c+" in a read-only transaction" {
			t.Errorf("%s in a read-only transaction: %v", c, err)
		}
		mustQ(t, a, "ROLLBACK", "C:ROLLBACK")
	}
}
