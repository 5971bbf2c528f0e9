package integration

// Serializable means serializable (issue 10): histories that no serial
// order explains end in 40001, written as pgx clients on a 3-node
// cluster. Each also runs against PostgreSQL 15 SERIALIZABLE with
// RAFTSQL_REFERENCE_URL set, where it passes too.

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// run executes sql and returns its SQLSTATE ("" on success).
func run(ctx context.Context, c *pgx.Conn, sql string, args ...any) string {
	_, err := c.Exec(ctx, sql, args...)
	if err != nil && pgCode(err) == "" {
		return "?" + err.Error()
	}
	return pgCode(err)
}

// "INSERT; on unique violation ROLLBACK TO SAVEPOINT and do something
// else": T1 learns that key 1 exists; T2 reads the audit table T1 then
// writes, and deletes key 1. T1 -> T2 (key 1) and T2 -> T1 (audit) form
// a cycle, so both cannot commit: before issue 10 the failed INSERT was
// not validated at COMMIT and both did.
func TestSerializableSavepointErrorValidated(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	t1, t2 := connect(t, urls[1]), connect(t, urls[2])
	mustExec(t, t1, "CREATE TABLE kv (k integer PRIMARY KEY, v text)")
	mustExec(t, t1, "CREATE TABLE audit (note text)")
	mustExec(t, t1, "INSERT INTO kv VALUES (1, 'a')")

	mustExec(t, t1, "BEGIN")
	mustExec(t, t1, "SAVEPOINT s")
	if c := run(ctx, t1, "INSERT INTO kv VALUES (1, 'b')"); c != "23505" && c != "40001" {
		t.Fatalf("insert of an existing key: %s", c)
	}
	mustExec(t, t1, "ROLLBACK TO SAVEPOINT s")

	codes := []string{run(ctx, t2, "BEGIN ISOLATION LEVEL SERIALIZABLE")}
	var n int64
	if err := t2.QueryRow(ctx, "SELECT count(*) FROM audit").Scan(&n); err != nil || n != 0 {
		t.Fatalf("T2 read: %d %v", n, err)
	}
	codes = append(codes, run(ctx, t2, "DELETE FROM kv WHERE k = 1"), run(ctx, t2, "COMMIT"))
	codes = append(codes, run(ctx, t1, "INSERT INTO audit VALUES ('key 1 existed')"), run(ctx, t1, "COMMIT"))
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		// PostgreSQL 15 commits both (measured): its SSI takes no
		// predicate lock for a unique check that failed, so it misses
		// this cycle. raftsql validates every outcome and is stricter.
		t.Logf("reference server: codes %q", codes)
		return
	}
	if !strings.Contains(strings.Join(codes, ","), "40001") {
		t.Fatalf("both transactions committed (codes %q): not serializable", codes)
	}
}

// A transaction whose only write failed: raftsql ran its first read on
// its read view and, once the failed write moved it to the latest state,
// its later read there. If another client changed both tables between
// them, what it saw belongs to no single state, and it must not commit,
// although it has nothing to write.
func TestSerializableDoomedWithoutWrites(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	t1, t2 := connect(t, urls[0]), connect(t, urls[1])
	mustExec(t, t1, "CREATE TABLE a (id integer PRIMARY KEY, v integer)")
	mustExec(t, t1, "CREATE TABLE b (id integer PRIMARY KEY)")
	mustExec(t, t1, "INSERT INTO a VALUES (1, 0)")
	mustExec(t, t1, "INSERT INTO b VALUES (1)")

	mustExec(t, t1, "BEGIN")
	var v int64
	if err := t1.QueryRow(ctx, "SELECT v FROM a WHERE id = 1").Scan(&v); err != nil {
		t.Fatal(err)
	}
	mustExec(t, t1, "SAVEPOINT s")
	if c := run(ctx, t1, "INSERT INTO b VALUES (1)"); c != "23505" {
		t.Fatalf("insert of an existing key: %s", c)
	}
	mustExec(t, t1, "ROLLBACK TO SAVEPOINT s")
	// Another client changes both tables in one transaction.
	mustExec(t, t2, "UPDATE a SET v = 1 WHERE id = 1; DELETE FROM b")
	var bRows int64
	if err := t1.QueryRow(ctx, "SELECT count(*) FROM b").Scan(&bRows); err != nil {
		t.Fatal(err)
	}
	c := run(ctx, t1, "COMMIT")
	consistent := (v == 0 && bRows == 1) || (v == 1 && bRows == 0)
	if c == "" && !consistent {
		t.Fatalf("committed having seen v = %d and %d rows of b: no serial order explains that", v, bRows)
	}
	if c != "" && c != "40001" {
		t.Fatalf("COMMIT: %s", c)
	}
}

// COPY (query) TO STDOUT in a transaction reads like a SELECT: T1 copies
// a out, T2 reads b and updates a, T1 writes b. The cycle (T1 -> T2 on a,
// T2 -> T1 on b) ends in 40001; before issue 10 the copied rows were not
// validated and both committed.
func TestSerializableCopyToValidated(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	t1, t2 := connect(t, urls[2]), connect(t, urls[0])
	mustExec(t, t1, "CREATE TABLE a (id integer PRIMARY KEY, v integer)")
	mustExec(t, t1, "CREATE TABLE b (id integer PRIMARY KEY)")
	mustExec(t, t1, "INSERT INTO a VALUES (1, 0)")

	mustExec(t, t1, "BEGIN ISOLATION LEVEL SERIALIZABLE")
	var out strings.Builder
	if _, err := t1.PgConn().CopyTo(ctx, &out, "COPY (SELECT v FROM a) TO STDOUT"); err != nil || out.String() != "0\n" {
		t.Fatalf("COPY TO: %q %v", out.String(), err)
	}
	codes := []string{run(ctx, t2, "BEGIN ISOLATION LEVEL SERIALIZABLE")}
	var n int64
	if err := t2.QueryRow(ctx, "SELECT count(*) FROM b").Scan(&n); err != nil || n != 0 {
		t.Fatalf("T2 read: %d %v", n, err)
	}
	codes = append(codes, run(ctx, t2, "UPDATE a SET v = 1"), run(ctx, t2, "COMMIT"))
	codes = append(codes, run(ctx, t1, "INSERT INTO b VALUES (1)"), run(ctx, t1, "COMMIT"))
	if !strings.Contains(strings.Join(codes, ","), "40001") {
		t.Fatalf("both transactions committed (codes %q): not serializable", codes)
	}
}

// A query string of several statements is one implicit transaction
// whatever it mixes (reads, writes, DDL, SET, COPY-free here), as in
// PostgreSQL: an error rolls back everything before it, an explicit
// BEGIN ... COMMIT inside it commits what precedes, COMMIT and ROLLBACK
// end the implicit transaction.
func TestMultiStatementAtomic(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a, b := connect(t, urls[0]), connect(t, urls[1])
	mustExec(t, a, "CREATE TABLE m (k integer PRIMARY KEY)")
	rows := func(want string) {
		t.Helper()
		var got *string
		if err := b.QueryRow(ctx, "SELECT string_agg(k::text, ',' ORDER BY k) FROM m").Scan(&got); err != nil {
			t.Fatal(err)
		}
		s := "-"
		if got != nil {
			s = *got
		}
		if s != want {
			t.Fatalf("rows %s, want %s", s, want)
		}
		if txStatus(a) != "I" {
			t.Fatalf("status %s, want I", txStatus(a))
		}
		mustExec(t, a, "DELETE FROM m")
	}
	multi := func(sql string) string {
		_, err := a.PgConn().Exec(ctx, sql).ReadAll()
		return pgCode(err)
	}
	if c := multi("INSERT INTO m VALUES (1); BEGIN; INSERT INTO m VALUES (2); COMMIT; INSERT INTO m VALUES (2)"); c != "23505" {
		t.Fatal(c)
	}
	rows("1,2")
	if c := multi("INSERT INTO m VALUES (1); COMMIT; INSERT INTO m VALUES (1)"); c != "23505" {
		t.Fatal(c)
	}
	rows("1")
	if c := multi("INSERT INTO m VALUES (1); ROLLBACK; INSERT INTO m VALUES (2)"); c != "" {
		t.Fatal(c)
	}
	rows("2")
	if c := multi("SET application_name = 'mixed'; CREATE TABLE m2 (x integer); INSERT INTO m VALUES (3); SELECT count(*) FROM m; INSERT INTO m2 SELECT k FROM m; SELECT * FROM missing_table"); c != "42P01" {
		t.Fatal(c)
	}
	rows("-")
	var app string
	if err := a.QueryRow(ctx, "SHOW application_name").Scan(&app); err != nil || app == "mixed" {
		t.Fatalf("SET not rolled back: %q %v", app, err)
	}
	if c := run(ctx, b, "SELECT * FROM m2"); c != "42P01" {
		t.Fatalf("table created by a failed string exists: %s", c)
	}
	if c := multi("SET application_name = 'mixed'; CREATE TABLE m2 (x integer); INSERT INTO m VALUES (3); SELECT count(*) FROM m; INSERT INTO m2 SELECT k FROM m"); c != "" {
		t.Fatal(c)
	}
	var n int64
	if err := b.QueryRow(ctx, "SELECT count(*) FROM m2").Scan(&n); err != nil || n != 1 {
		t.Fatalf("m2: %d %v", n, err)
	}
	rows("3")
}
