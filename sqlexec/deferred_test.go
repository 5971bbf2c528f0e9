package sqlexec

import (
	"context"
	"testing"
)

// failsWith runs sql and checks its error's SQLSTATE, message and DETAIL
// (PostgreSQL 15's, checked against it).
func failsWith(t *testing.T, s *Session, sql, code, msg, detail string) {
	t.Helper()
	_, err := q(t, s, sql)
	e, ok := err.(*Error)
	if !ok || e.Code != code || msg != "" && e.Message != msg || detail != "" && e.DetailText != detail {
		t.Fatalf("%s: got %#v, want %s %q %q", sql, err, code, msg, detail)
	}
}

func TestDeferredForeignKeys(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TABLE p (id int PRIMARY KEY)",
		"CREATE TABLE c1 (id int PRIMARY KEY, pid int REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)",
		"CREATE TABLE c2 (id int PRIMARY KEY, pid int, CONSTRAINT c2_fk FOREIGN KEY (pid) REFERENCES p(id) DEFERRABLE)",
		"CREATE TABLE c4 (id int PRIMARY KEY, pid int REFERENCES p NOT DEFERRABLE)",
	} {
		mustQ(t, s, sql, "")
	}
	mustQ(t, s, "SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE contype = 'f' ORDER BY conname",
		"D[conname:19,condeferrable:16,condeferred:16] R[c1_pid_fkey true true] R[c2_fk true false] R[c4_pid_fkey false false] C:SELECT 3")
	mustQ(t, s, "SELECT constraint_name, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE constraint_name = 'c1_pid_fkey'", "")

	const c1Msg = `insert or update on table "c1" violates foreign key constraint "c1_pid_fkey"`
	// autocommit: checked at the statement's end (its implicit COMMIT)
	failsWith(t, s, "INSERT INTO c1 VALUES (1, 99)", "23503", c1Msg, `Key (pid)=(99) is not present in table "p".`)
	// a transaction: the parent may come later
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO c1 VALUES (1, 99)", "C:INSERT 0 1")
	mustQ(t, s, "INSERT INTO p VALUES (99)", "C:INSERT 0 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	// a violation left at COMMIT fails it, and nothing is stored
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO c1 VALUES (2, 98)", "C:INSERT 0 1")
	mustQ(t, s, "INSERT INTO p VALUES (100)", "C:INSERT 0 1")
	failsWith(t, s, "COMMIT", "23503", c1Msg, `Key (pid)=(98) is not present in table "p".`)
	mustQ(t, s, "SELECT count(*) FROM c1", "D[count:20] R[1] C:SELECT 1")
	mustQ(t, s, "SELECT count(*) FROM p", "D[count:20] R[1] C:SELECT 1")
	// the referenced side
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "DELETE FROM p", "C:DELETE 1")
	failsWith(t, s, "COMMIT", "23503", `update or delete on table "p" violates foreign key constraint "c1_pid_fkey" on table "c1"`,
		`Key (id)=(99) is still referenced from table "c1".`)
	// DEFERRABLE INITIALLY IMMEDIATE: at the statement, unless deferred
	mustQ(t, s, "BEGIN", "")
	failsWith(t, s, "INSERT INTO c2 VALUES (1, 97)", "23503", `insert or update on table "c2" violates foreign key constraint "c2_fk"`, "")
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET CONSTRAINTS ALL DEFERRED", "C:SET CONSTRAINTS")
	mustQ(t, s, "INSERT INTO c2 VALUES (1, 97)", "C:INSERT 0 1")
	mustQ(t, s, "INSERT INTO p VALUES (97)", "C:INSERT 0 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	// IMMEDIATE checks what is pending now
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET CONSTRAINTS c2_fk DEFERRED", "C:SET CONSTRAINTS")
	mustQ(t, s, "INSERT INTO c2 VALUES (2, 96)", "C:INSERT 0 1")
	failsWith(t, s, "SET CONSTRAINTS c2_fk IMMEDIATE", "23503", `insert or update on table "c2" violates foreign key constraint "c2_fk"`,
		`Key (pid)=(96) is not present in table "p".`)
	mustQ(t, s, "ROLLBACK", "")
	// ALL IMMEDIATE: INITIALLY DEFERRED keys are checked at each statement
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET CONSTRAINTS ALL IMMEDIATE", "C:SET CONSTRAINTS")
	mustQ(t, s, "SAVEPOINT a", "")
	failsWith(t, s, "INSERT INTO c1 VALUES (3, 95)", "23503", c1Msg, `Key (pid)=(95) is not present in table "p".`)
	mustQ(t, s, "ROLLBACK TO a", "")
	mustQ(t, s, "INSERT INTO c1 VALUES (3, 97)", "C:INSERT 0 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SELECT id, pid FROM c1 ORDER BY id", "D[id:23,pid:23] R[1 99] R[3 97] C:SELECT 2")
	// SET CONSTRAINTS is undone by ROLLBACK TO, as in PostgreSQL
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SAVEPOINT s", "")
	mustQ(t, s, "SET CONSTRAINTS ALL DEFERRED", "C:SET CONSTRAINTS")
	mustQ(t, s, "ROLLBACK TO s", "")
	failsWith(t, s, "INSERT INTO c2 VALUES (30, 5000)", "23503", "", `Key (pid)=(5000) is not present in table "p".`)
	mustQ(t, s, "ROLLBACK", "")
	// names
	mustQ(t, s, "BEGIN", "")
	failsWith(t, s, "SET CONSTRAINTS c4_pid_fkey DEFERRED", "42809", `constraint "c4_pid_fkey" is not deferrable`, "")
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "BEGIN", "")
	failsWith(t, s, "SET CONSTRAINTS p_pkey DEFERRED", "42809", `constraint "p_pkey" is not deferrable`, "")
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET CONSTRAINTS p_pkey, c4_pid_fkey IMMEDIATE", "C:SET CONSTRAINTS") // as PostgreSQL
	mustQ(t, s, "ROLLBACK", "")
	failsWith(t, s, "SET CONSTRAINTS nosuch DEFERRED", "42704", `constraint "nosuch" does not exist`, "")
	mustQ(t, s, "SET CONSTRAINTS ALL DEFERRED", "N:25P01 C:SET CONSTRAINTS")
	// a query string is one implicit transaction, SET CONSTRAINTS included
	mustQ(t, s, "SET CONSTRAINTS ALL DEFERRED; INSERT INTO c2 VALUES (5, 94); INSERT INTO p VALUES (94)", "")
	failsWith(t, s, "INSERT INTO c1 VALUES (6, 93); SELECT 1", "23503", c1Msg, "")
	// a READ ONLY transaction may set them; one that writes nothing
	// needs no log entry
	n := f.proposed.Load()
	mustQ(t, s, "BEGIN READ ONLY", "")
	mustQ(t, s, "SET CONSTRAINTS ALL DEFERRED", "C:SET CONSTRAINTS")
	mustQ(t, s, "SELECT count(*) FROM c2", "D[count:20] R[2] C:SELECT 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	if f.proposed.Load() != n {
		t.Error("a transaction that wrote nothing proposed an entry")
	}

	// Every entry is checked at its own end: the log applied in one batch
	// (a failed entry followed by the one that would have fixed it) gives
	// the same database.
	want, _, _ := e.DB().Checksum(context.Background())
	for _, batch := range []int{1, 3, len(f.log)} {
		db := openTest(t, t.TempDir())
		applyLog(t, db, f.log, batch)
		got, _, _ := db.Checksum(context.Background())
		db.Close()
		if got != want {
			t.Fatalf("batches of %d: the replica diverged", batch)
		}
	}
}

// An entry that leaves a deferred violation fails even when the next
// entry of its batch repairs it.
func TestDeferredCheckedPerEntry(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE p (id int PRIMARY KEY)", "")
	mustQ(t, s, "CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p INITIALLY DEFERRED)", "")
	failsWith(t, s, "INSERT INTO c VALUES (1, 7)", "23503", "", "")
	mustQ(t, s, "INSERT INTO p VALUES (7)", "C:INSERT 0 1")
	db := openTest(t, t.TempDir())
	defer db.Close()
	res := applyLog(t, db, f.log, len(f.log))
	if res[2].Err == nil || code(res[2].Err) != "23503" {
		t.Fatalf("batched: entry 3 got %v, want 23503", res[2].Err)
	}
	if res[3].Err != nil {
		t.Fatalf("batched: entry 4 got %v", res[3].Err)
	}
	want, _, _ := e.DB().Checksum(context.Background())
	if got, _, _ := db.Checksum(context.Background()); got != want {
		t.Fatal("batched replica diverged")
	}
}
