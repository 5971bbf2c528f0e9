package integration

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// Cursors (DECLARE / FETCH / MOVE / CLOSE) as PostgreSQL 15 answers them;
// with RAFTSQL_REFERENCE_URL the same steps run against PostgreSQL.
func TestCursors(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[1])
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE cur_t (id int PRIMARY KEY, v text)"},
		{sql: "INSERT INTO cur_t SELECT g, 'v' || g FROM generate_series(1, 5) g"},
		{sql: "DECLARE c CURSOR FOR SELECT * FROM cur_t", code: "25P01"},
		{sql: "BEGIN"},
		{sql: "DECLARE c CURSOR FOR SELECT * FROM cur_t ORDER BY id"},
		{sql: "DECLARE c CURSOR FOR SELECT 1", code: "42P03"},
		{sql: "ROLLBACK"},
		{sql: "BEGIN"},
		{sql: "DECLARE c CURSOR FOR SELECT * FROM cur_t ORDER BY id"},
		{sql: "FETCH c", rows: "1|v1"},
		{sql: "FETCH 2 FROM c", rows: "2|v2\n3|v3"},
		{sql: "FETCH PRIOR FROM c", rows: "2|v2"},
		{sql: "FETCH 0 FROM c", rows: "2|v2"},
		{sql: "FETCH RELATIVE 0 FROM c", rows: "2|v2"},
		{sql: "FETCH ALL IN c", rows: "3|v3\n4|v4\n5|v5"},
		{sql: "FETCH NEXT c", rows: ""},
		{sql: "MOVE BACKWARD 2 IN c"},
		{sql: "FETCH NEXT FROM c", rows: "5|v5"},
		{sql: "FETCH ABSOLUTE 2 FROM c", rows: "2|v2"},
		{sql: "FETCH ABSOLUTE -2 FROM c", rows: "4|v4"},
		{sql: "FETCH LAST FROM c", rows: "5|v5"},
		{sql: "FETCH FIRST FROM c", rows: "1|v1"},
		{sql: "FETCH RELATIVE 3 FROM c", rows: "4|v4"},
		{sql: "FETCH BACKWARD 2 FROM c", rows: "3|v3\n2|v2"},
		{sql: "FETCH FORWARD -1 FROM c", rows: "1|v1"},
		{sql: "FETCH BACKWARD ALL FROM c", rows: ""},
		{sql: "FETCH FORWARD 1 FROM c", rows: "1|v1"},
		{sql: "CLOSE c"},
		{sql: "CLOSE c", code: "34000"},
		{sql: "ROLLBACK"},
		{sql: "BEGIN"},
		{sql: "DECLARE d NO SCROLL CURSOR FOR SELECT * FROM cur_t ORDER BY id"},
		{sql: "FETCH FORWARD 2 d", rows: "1|v1\n2|v2"},
		{sql: "FETCH RELATIVE 2 d", rows: "4|v4"},
		{sql: "FETCH ABSOLUTE 1 d", code: "55000", hint: "Declare it with SCROLL option to enable backward scan."},
		{sql: "ROLLBACK"},
		{sql: "BEGIN"},
		{sql: "DECLARE z CURSOR FOR INSERT INTO cur_t VALUES (9, 'x') RETURNING *", code: "42601"},
		{sql: "ROLLBACK"},
		{sql: "BEGIN"},
		{sql: "DECLARE w CURSOR FOR WITH q AS (DELETE FROM cur_t WHERE id = 1 RETURNING *) SELECT * FROM q", code: "0A000"},
		{sql: "ROLLBACK"},
		// WITH HOLD: outlives the commit, not a rollback.
		{sql: "BEGIN"},
		{sql: "DECLARE h CURSOR WITH HOLD FOR SELECT * FROM cur_t ORDER BY id"},
		{sql: "DECLARE nh CURSOR FOR SELECT 1"},
		{sql: "COMMIT"},
		{sql: "FETCH 2 FROM h", rows: "1|v1\n2|v2"},
		{sql: "FETCH nh", code: "34000"},
		{sql: "BEGIN"},
		{sql: "DECLARE h2 CURSOR WITH HOLD FOR SELECT 1"},
		{sql: "ROLLBACK"},
		{sql: "FETCH h2", code: "34000"},
		{sql: "FETCH h", rows: "3|v3"},
		{sql: "CLOSE ALL"},
		{sql: "FETCH h", code: "34000"},
		// Outside a transaction only WITH HOLD; it sees the data as of DECLARE.
		{sql: "DECLARE h3 CURSOR WITH HOLD FOR SELECT id FROM cur_t WHERE id > 3 ORDER BY id"},
		{sql: "DELETE FROM cur_t WHERE id = 5"},
		{sql: "FETCH ALL FROM h3", rows: "4\n5"},
		{sql: "CLOSE h3"},
		// A cursor declared after the transaction's own write sees it.
		{sql: "BEGIN"},
		{sql: "INSERT INTO cur_t VALUES (6, 'v6')"},
		{sql: "DECLARE s CURSOR FOR SELECT id FROM cur_t WHERE id > 3 ORDER BY id"},
		{sql: "FETCH ALL FROM s", rows: "4\n6"},
		{sql: "COMMIT"},
		{sql: "FETCH s", code: "34000"},
		{sql: "SELECT count(*) FROM cur_t", rows: "5"},
	})
}

// FETCH through the extended protocol (pgx prepares it and describes its
// rows from the cursor), also after a cursor was declared with parameters.
func TestCursorExtendedProtocol(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	if _, err := conn.Exec(ctx, "CREATE TABLE cur_x (id int8 PRIMARY KEY, v text, n numeric(6,2))"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO cur_x SELECT g, 'v' || g, g / 4.0 FROM generate_series(1, 250) g"); err != nil {
		t.Fatal(err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "DECLARE big CURSOR FOR SELECT id, v, n FROM cur_x WHERE id > $1 ORDER BY id", int64(10)); err != nil {
		t.Fatal(err)
	}
	var got []int64
	for {
		rows, err := tx.Query(ctx, "FETCH 100 FROM big")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id int64
			var v, num string
			if err := rows.Scan(&id, &v, &num); err != nil {
				t.Fatal(err)
			}
			got = append(got, id)
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if tag := rows.CommandTag().String(); !strings.HasPrefix(tag, "FETCH ") {
			t.Fatalf("command tag %q", tag)
		}
		if n == 0 {
			break
		}
	}
	if len(got) != 240 || got[0] != 11 || got[239] != 250 {
		t.Fatalf("fetched %d rows (%v ... )", len(got), got[:min(3, len(got))])
	}
	var id int64
	var v, num string
	if err := tx.QueryRow(ctx, "FETCH ABSOLUTE 1 FROM big").Scan(&id, &v, &num); err != nil || id != 11 || v != "v11" || num != "2.75" {
		t.Fatalf("FETCH ABSOLUTE 1: %d, %v", id, err)
	}
	if _, err := tx.Exec(ctx, "CLOSE big"); err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(ctx, "FETCH 1 FROM big")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "34000" {
		t.Fatalf("FETCH from a closed cursor: %v", err)
	}
}

// What a transaction read through a cursor is validated at COMMIT like
// any other read: a write that changed it meanwhile fails the COMMIT with
// 40001 (raftsql's optimistic validation; PostgreSQL's SSI needs a cycle,
// so this part runs only against raftsql).
func TestCursorReadsValidated(t *testing.T) {
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		t.Skip("raftsql's validation is stricter than PostgreSQL's SSI here")
	}
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, b := connectScript(t, urls[0]), connectScript(t, urls[2])
	for _, q := range []string{"CREATE TABLE cur_v (id int PRIMARY KEY, bal int)", "INSERT INTO cur_v VALUES (1, 100), (2, 100)"} {
		if _, err := a.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "DECLARE r CURSOR FOR SELECT bal FROM cur_v ORDER BY id"); err != nil {
		t.Fatal(err)
	}
	var bal int
	if err := tx.QueryRow(ctx, "FETCH 1 FROM r").Scan(&bal); err != nil || bal != 100 {
		t.Fatalf("FETCH: %d, %v", bal, err)
	}
	if _, err := b.Exec(ctx, "UPDATE cur_v SET bal = 0 WHERE id = 2"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "UPDATE cur_v SET bal = bal - 10 WHERE id = 1"); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "40001" {
			return // refused at the first write: also right
		}
		t.Fatal(err)
	}
	err = tx.Commit(ctx)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "40001" {
		t.Fatalf("COMMIT after the cursor's rows changed: %v, want 40001", err)
	}
}

// psql's FETCH_COUNT pages a query through a cursor.
func TestCursorPsqlFetchCount(t *testing.T) {
	bin := needTool(t, "psql")
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	if _, err := conn.Exec(context.Background(), "CREATE TABLE cur_p AS SELECT g AS id FROM generate_series(1, 7) g"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cfg, err := pgconn.ParseConfig(urls[0])
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, bin, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-v", "FETCH_COUNT=3",
		"-h", cfg.Host, "-p", strconv.Itoa(int(cfg.Port)), "-U", cfg.User, "-d", cfg.Database,
		"-c", "SELECT id FROM cur_p ORDER BY id")
	cmd.Env = append(os.Environ(), "PGPASSWORD="+cfg.Password)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("psql: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "1\n2\n3\n4\n5\n6\n7" {
		t.Fatalf("psql with FETCH_COUNT=3:\n%s", out)
	}
}
