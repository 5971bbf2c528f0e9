package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Statements a careless or hostile client might send to split replicas:
// each is refused before it is proposed (0A000 naming the construct) or
// pinned so that every replica stores the same thing; the cluster keeps
// taking writes and the checksums match.
func TestSplitReplicaClassesRefusedOrPinned(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(t, c.url(1))
	mustExec(t, conn, "CREATE TABLE t (id serial PRIMARY KEY, v TEXT)")
	mustExec(t, conn, "CREATE TABLE d (id serial PRIMARY KEY, a date, b timestamp, c timestamptz, e text)")

	refused := []struct{ sql, names string }{
		{"PRAGMA foreign_keys = off", "PRAGMA foreign_keys"},
		{"PRAGMA foreign_keys(0)", "PRAGMA foreign_keys"},
		{"PRAGMA main.recursive_triggers = 0", "PRAGMA main.recursive_triggers"},
		{"PRAGMA ignore_check_constraints(1)", "ignore_check_constraints"},
		{"PRAGMA case_sensitive_like(1)", "case_sensitive_like"},
		{"PRAGMA reverse_unordered_selects = 1", "reverse_unordered_selects"},
		{"INSERT INTO t (v) VALUES (last_insert_rowid())", "last_insert_rowid()"},
		{"INSERT INTO t (v) VALUES (changes())", "changes()"},
		{"UPDATE t SET v = total_changes()", "total_changes()"},
		{"INSERT INTO t (v) VALUES (sqlite_version())", "sqlite_version()"},
		{"INSERT INTO t (v) VALUES (pg_backend_pid())", "pg_backend_pid()"},
		{"INSERT INTO t (v) VALUES (pg_postmaster_start_time())", "pg_postmaster_start_time()"},
	}
	for i, r := range refused {
		_, err := conn.Exec(ctx, r.sql, pgx.QueryExecModeSimpleProtocol)
		if pgCode(err) != "0A000" || !strings.Contains(err.Error(), r.names) {
			t.Errorf("%s: %v, want 0A000 naming %s", r.sql, err, r.names)
		}
		// The cluster still takes writes, on every node.
		w := connect(t, c.url(i%3))
		mustExec(t, w, "INSERT INTO t (v) VALUES ('after refusal')")
	}
	// Temporary objects are the session's own, on its node: created,
	// never replicated (another node's session does not see them).
	for _, sql := range []string{"CREATE TABLE temp.x (a int)", "CREATE VIEW temp.v AS SELECT 1", "CREATE TEMP TABLE y (a int)"} {
		if _, err := conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Errorf("%s: %v", sql, err)
		}
	}
	mustExec(t, conn, "INSERT INTO y VALUES (1)")
	other := connect(t, c.url(2))
	for _, name := range []string{"x", "v", "y"} {
		if _, err := other.Exec(ctx, "SELECT * FROM "+name, pgx.QueryExecModeSimpleProtocol); pgCode(err) != "42P01" {
			t.Errorf("temporary %s seen from another node: %v, want 42P01", name, err)
		}
	}
	// In a transaction: a read-only one is never logged, so it may read
	// node-local values; once it writes, its statements are replicated
	// and the refusal is the statement's (0A000, not a retryable 40001).
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ver string
	if err := tx.QueryRow(ctx, "SELECT sqlite_version()").Scan(&ver); err != nil {
		t.Fatalf("read-only transaction reading sqlite_version(): %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatalf("commit read-only transaction: %v", err)
	}
	for _, stmts := range [][]string{
		{"SELECT changes()", "INSERT INTO t (v) VALUES ('x')"},
		{"INSERT INTO t (v) VALUES ('x')", "SELECT total_changes()"},
		{"INSERT INTO t (v) VALUES ('x')", "PRAGMA foreign_keys(0)"},
		{"INSERT INTO t (v) VALUES ('x')", "CREATE TABLE temp.z (a int)"},
	} {
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, err = tx.Exec(ctx, stmts[0])
		if err == nil {
			_, err = tx.Exec(ctx, stmts[1])
		}
		if pgCode(err) != "0A000" {
			t.Errorf("transaction %q: %v, want 0A000", stmts, err)
		}
		_ = tx.Rollback(ctx)
	}

	// Strings that merely mention refused things are data.
	mustExec(t, conn, "INSERT INTO t (v) VALUES ('random() is fine as text, so are changes() and PRAGMA x = 1')")

	// Date/time literals are the entry's time, the same on every node;
	// 'now' is a time, not the text "now".
	for i := 0; i < 3; i++ {
		w := connect(t, c.url(i))
		mustExec(t, w, "INSERT INTO d (a, b, c, e) VALUES ('today'::date, 'now'::timestamp, 'tomorrow'::timestamptz, datetime('now', 'localtime'))")
		tx, err := w.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO d (a, b, e) VALUES ('yesterday'::date, 'today'::timestamp, date('now', 'utc'))"); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var nowText int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM d WHERE CAST(b AS text) LIKE 'now%'").Scan(&nowText); err != nil || nowText != 0 {
		t.Errorf("'now'::timestamp stored as text: %d %v", nowText, err)
	}
	// SQLite's random rowid once the largest is taken comes from the entry
	// (the hidden rowid beside t's serial key).
	mustExec(t, conn, "INSERT INTO t (rowid, v) VALUES (9223372036854775807, 'max')")
	for i := 0; i < 3; i++ {
		mustExec(t, connect(t, c.url(i)), "INSERT INTO t (v) VALUES ('after max')")
	}
	checkChecksums(t, c)
}

// Nodes in different time zones apply date/time literals, 'localtime'
// modifiers and random rowids identically, and still agree after each
// restarts and replays its log.
func TestTimeZonesDoNotSplitReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	c := startProcClusterInZones(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	conn := connect(t, c.leader(20*time.Second).url())
	for _, s := range []string{
		"CREATE TABLE z (id serial PRIMARY KEY, a text, b text, c text, d date, e timestamp, f text)",
		"INSERT INTO z (a, b, c, d, e, f) VALUES (datetime('now', 'localtime'), date('now', 'localtime', 'start of day', 'utc'), strftime('%H', 'now', 'localtime'), 'today'::date, 'now'::timestamp, time('12:00', 'utc'))",
		"INSERT INTO z (rowid, a) VALUES (9223372036854775807, 'max')",
		"INSERT INTO z (a) VALUES ('random rowid 1'), ('random rowid 2')",
	} {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	procChecksums(t, c)
	for _, p := range c.nodes {
		c.kill(p)
		c.start(p)
		c.leader(20 * time.Second)
		procChecksums(t, c)
	}
}

// startProcClusterInZones starts three `raftsql serve` processes (with
// extra flags) in three time zones far apart, one of them at a
// quarter-hour offset, and waits for a leader.
func startProcClusterInZones(t *testing.T, extra ...string) *procCluster {
	t.Helper()
	c := startProcClusterArgs(t, 3, extra...)
	for i, tz := range []string{"America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"} {
		p := c.nodes[i]
		c.kill(p)
		p.env = []string{"TZ=" + tz}
		c.start(p)
	}
	c.leader(20 * time.Second)
	return c
}
