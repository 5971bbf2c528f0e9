package integration

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestDeferredPgDumpRoundTrip: pg_dump writes deferrable foreign keys as
// ALTER TABLE ... ADD CONSTRAINT ... DEFERRABLE [INITIALLY DEFERRED]
// after the data; the dump of raftsql (tables that reference each other,
// rows committed in one transaction) restores into PostgreSQL 15 and into
// raftsql with the same constraints (names, deferrability, definitions)
// and rows, and the restored keys are deferred as before. Skipped without
// PostgreSQL 15's binaries.
func TestDeferredPgDumpRoundTrip(t *testing.T) {
	bin := pgBinDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	src := startMemCluster(t, 1)
	src.waitLeader(10 * time.Second)
	conn := connect(t, src.url(0))
	for _, s := range []string{
		"CREATE TABLE dd_a (id int PRIMARY KEY, b_id int)",
		"CREATE TABLE dd_b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES dd_a DEFERRABLE INITIALLY DEFERRED, c_id int)",
		"ALTER TABLE dd_a ADD CONSTRAINT dd_a_b FOREIGN KEY (b_id) REFERENCES dd_b DEFERRABLE INITIALLY DEFERRED",
		"CREATE TABLE dd_c (id int PRIMARY KEY, a_id int, b_id int REFERENCES dd_b NOT DEFERRABLE, CONSTRAINT dd_c_a FOREIGN KEY (a_id) REFERENCES dd_a DEFERRABLE)",
		"BEGIN",
		"INSERT INTO dd_a VALUES (1, 1), (2, 2)",
		"INSERT INTO dd_b VALUES (1, 2, NULL), (2, 1, NULL)",
		"INSERT INTO dd_c VALUES (1, 1, 2)",
		"COMMIT",
	} {
		mustExec(t, conn, s)
	}
	tool := func(name string, args ...string) []byte {
		t.Helper()
		cmd := exec.CommandContext(ctx, filepath.Join(bin, name), args...)
		cmd.Env = append(cmd.Environ(), "PGSSLMODE=disable", "PGCONNECT_TIMEOUT=10")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || strings.Contains(stderr.String(), "ERROR") {
			t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
		}
		return out
	}
	dump := tool("pg_dump", "-d", src.url(0))
	if !bytes.Contains(dump, []byte("REFERENCES public.dd_b(id) DEFERRABLE INITIALLY DEFERRED;")) {
		t.Fatalf("the dump lacks the deferred key:\n%s", dump)
	}
	file := writeTemp(t, "dump.sql", dump)
	ref := startRealPostgres(t, bin)
	tool("psql", "-X", "-q", "-d", ref+"/postgres", "-c", "CREATE DATABASE restored")
	tool("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", ref+"/restored", "-f", file)
	dst := startMemCluster(t, 1)
	dst.waitLeader(10 * time.Second)
	tool("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst.url(0), "-f", file)

	state := func(url string) string {
		c := connect(t, url)
		var b strings.Builder
		for _, q := range []string{
			"SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' ORDER BY conname",
			"SELECT id, b_id FROM dd_a ORDER BY id", "SELECT id, a_id FROM dd_b ORDER BY id", "SELECT id, a_id, b_id FROM dd_c ORDER BY id",
		} {
			rows, err := c.Query(ctx, q, pgx.QueryExecModeSimpleProtocol)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			for rows.Next() {
				v, err := rows.Values()
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, v...)
			}
			if err := rows.Err(); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		// the restored keys are still deferred: a dangling row fails at COMMIT only
		tx, err := c.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO dd_a VALUES (9, 9)"); err != nil {
			t.Fatalf("%s: deferred insert: %v", url, err)
		}
		if err := tx.Commit(ctx); pgCode(err) != "23503" {
			t.Fatalf("%s: COMMIT with a dangling row: %v, want 23503", url, err)
		}
		return b.String()
	}
	want := state(src.url(0))
	t.Logf("source:\n%s", want)
	for _, dst := range []struct{ name, url string }{{"PostgreSQL", ref + "/restored?sslmode=disable"}, {"raftsql", dst.url(0)}} {
		if got := state(dst.url); got != want {
			t.Errorf("%s differs from the source:\n got %s\nwant %s", dst.name, got, want)
		}
	}
}
