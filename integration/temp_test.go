package integration

// Temporary tables through pgx (extended protocol): the session's own,
// joined with replicated tables, invisible to other sessions, dropped at
// session end. Runs against PostgreSQL too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestTempTables(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	setup := connect(t, urls[0])
	mustExec(t, setup, "CREATE TABLE tt_items (id int PRIMARY KEY, name text)")
	mustExec(t, setup, "INSERT INTO tt_items VALUES (1, 'one'), (2, 'two'), (3, 'three')")

	conn := connect(t, urls[1])
	mustExec(t, conn, "CREATE TEMP TABLE picks (id int, note text)")
	for _, p := range []struct {
		id   int
		note string
	}{{1, "a"}, {3, "c"}} {
		if _, err := conn.Exec(ctx, "INSERT INTO picks VALUES ($1, $2)", p.id, p.note); err != nil {
			t.Fatalf("insert into temp table: %v", err)
		}
	}
	if _, err := conn.Exec(ctx, "INSERT INTO picks SELECT id, name FROM tt_items WHERE id = $1", 2); err != nil {
		t.Fatalf("insert from a replicated table: %v", err)
	}
	rows, err := conn.Query(ctx, "SELECT p.id, i.name, p.note FROM picks p JOIN tt_items i ON i.id = p.id WHERE p.id >= $1 ORDER BY p.id", 1)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID         int32
		Name, Note string
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[row])
	if err != nil || len(got) != 3 || got[1] != (row{2, "two", "two"}) {
		t.Fatalf("join: %v %v", got, err)
	}
	// another session (another node) does not see it
	other := connect(t, urls[2])
	if _, err := other.Exec(ctx, "SELECT * FROM picks"); pgCode(err) != "42P01" {
		t.Fatalf("other session: %v, want 42P01", err)
	}
	mustExec(t, conn, "CREATE TEMP TABLE scratch (x int) ON COMMIT DELETE ROWS")
	mustExec(t, conn, "INSERT INTO scratch VALUES (1)")
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM scratch").Scan(&n); err != nil || n != 0 {
		t.Fatalf("ON COMMIT DELETE ROWS: %d %v", n, err)
	}
	mustExec(t, conn, "DROP TABLE picks")
	if _, err := conn.Exec(ctx, "SELECT * FROM picks"); pgCode(err) != "42P01" {
		t.Fatalf("after DROP: %v", err)
	}
	// session end drops them
	mustExec(t, conn, "CREATE TEMP VIEW v AS SELECT 1 AS one")
	conn.Close(ctx)
	again := connect(t, urls[1])
	if _, err := again.Exec(ctx, "SELECT * FROM v"); pgCode(err) != "42P01" {
		t.Fatalf("after session end: %v, want 42P01", err)
	}
}
