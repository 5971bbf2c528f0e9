package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// hostileCase is one statement a careless or hostile client might send.
// want is the SQLSTATE it must fail with ("" = it must succeed); named, if
// set, must appear in the error message (the construct refused).
type hostileCase struct {
	sql, want, named string
}

// hostileBattery holds, for every class of issue 10 (statements that once
// stopped, stalled or split the cluster), statements as a new user would
// write them. Every one leaves the cluster serving; at the end every
// replica holds the same data.
var hostileBattery = []hostileCase{
	// Setup.
	{"CREATE TABLE t (id serial PRIMARY KEY, v TEXT)", "", ""},
	{"CREATE TABLE u (k integer PRIMARY KEY, v integer)", "", ""},
	{"CREATE TABLE p (id integer PRIMARY KEY)", "", ""},
	{"CREATE TABLE ch (id integer PRIMARY KEY, pid integer REFERENCES p (id) ON DELETE CASCADE)", "", ""},
	{"CREATE TABLE trg (x integer)", "", ""},
	{"CREATE TRIGGER trg_rb BEFORE INSERT ON trg WHEN NEW.x < 0 BEGIN SELECT RAISE(ROLLBACK, 'negative x'); END", "", ""},
	{"INSERT INTO u VALUES (1, 0)", "", ""},
	// Connection state: PRAGMA in every spelling, temporary triggers, ATTACH.
	// (Temporary tables and views are the session's own, never logged.)
	{"PRAGMA query_only(1)", "0A000", "query_only"},
	{"PRAGMA query_only = true", "0A000", "query_only"},
	{"PRAGMA main.foreign_keys = 0", "0A000", "foreign_keys"},
	{"PRAGMA recursive_triggers(1)", "0A000", "recursive_triggers"},
	{"PRAGMA defer_foreign_keys = on", "0A000", "defer_foreign_keys"},
	{"PRAGMA case_sensitive_like = 1", "0A000", "case_sensitive_like"},
	{"CREATE TABLE temp.x (a integer)", "", ""},
	{"CREATE TEMP VIEW tv AS SELECT 1", "", ""},
	{`CREATE TRIGGER "temp".tt AFTER INSERT ON t BEGIN SELECT 1; END`, "0A000", "temp"},
	{"ATTACH DATABASE 'other.db' AS other", "0A000", "ATTACH"},
	// Per-connection and per-node values in writes.
	{"INSERT INTO t (v) VALUES (changes())", "0A000", "changes()"},
	{"INSERT INTO t (v) SELECT last_insert_rowid()", "0A000", "last_insert_rowid()"},
	{"UPDATE t SET v = total_changes()", "0A000", "total_changes()"},
	{"INSERT INTO t (v) VALUES (sqlite_version())", "0A000", "sqlite_version()"},
	{"INSERT INTO t (v) VALUES (pg_postmaster_start_time()::text)", "0A000", "pg_postmaster_start_time()"},
	// Text that merely mentions refused things is data.
	{"INSERT INTO t (v) VALUES ('changes(), PRAGMA foreign_keys = 0 and temp.x are just text')", "", ""},
	// Time, time zones and randomness: pinned by the entry.
	{"INSERT INTO t (v) VALUES (datetime('now', 'localtime')), (date('now', 'localtime', 'start of month', 'utc')), (strftime('%H:%M', 'now', 'localtime'))", "", ""},
	{"INSERT INTO t (v) VALUES ('today'::date::text), ('now'::timestamp::text), ('tomorrow'::timestamptz::text), ('yesterday'::date::text)", "", ""},
	{"INSERT INTO t (v) VALUES (random()), (hex(randomblob(8))), (gen_random_uuid()::text), (now()::text), (CURRENT_TIMESTAMP)", "", ""},
	{"INSERT INTO t (rowid, v) VALUES (9223372036854775807, 'max rowid')", "", ""},
	{"INSERT INTO t (v) VALUES ('random rowid 1'), ('random rowid 2'), ('random rowid 3')", "", ""},
	// Unbounded work: the per-entry budget stops it on every node.
	{"INSERT INTO t (v) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c", "54000", "work budget"},
	{"UPDATE t SET v = (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c)", "54000", "work budget"},
	// Errors at apply are results, on every node, whatever they end.
	{"INSERT INTO u VALUES (1, 1)", "23505", ""},
	{"INSERT OR ROLLBACK INTO u VALUES (1, 2)", "23505", ""},
	{"INSERT INTO trg VALUES (1), (-1)", "23000", "negative x"}, // SQLite RAISE: SQLITE_CONSTRAINT_TRIGGER
	{"INSERT INTO ch VALUES (1, 999)", "23503", ""},
	{"INSERT INTO u VALUES (2, 2); INSERT INTO u VALUES (2, 3)", "23505", ""},
	{"INSERT INTO u VALUES (3, 3); SELECT no_such_function(1)", "42883", ""},
	// Internal tables stay internal.
	{"DELETE FROM raftsql_meta", "42501", ""},
}

// The battery through a 3-node cluster of real processes in three time
// zones: after each case the cluster takes a write on a rotating node; at
// the end every replica has the same checksum, and still has after each
// node is restarted in turn and replays its log.
func TestHostileStatementsKeepTheClusterWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	c := startProcClusterInZones(t, "--step-budget", "2000000")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	conns := make([]*pgx.Conn, len(c.nodes))
	for i, p := range c.nodes {
		conns[i] = connect(t, p.url())
	}
	if _, err := conns[0].Exec(ctx, "CREATE TABLE alive_probe (x integer)"); err != nil {
		t.Fatal(err)
	}
	for i, hc := range hostileBattery {
		_, err := conns[i%3].Exec(ctx, hc.sql, pgx.QueryExecModeSimpleProtocol)
		switch {
		case hc.want == "" && err != nil:
			t.Errorf("%s: %v, want success", hc.sql, err)
		case hc.want != "" && pgCode(err) != hc.want:
			t.Errorf("%s: %v, want SQLSTATE %s", hc.sql, err, hc.want)
		case hc.named != "" && (err == nil || !strings.Contains(err.Error(), hc.named)):
			t.Errorf("%s: %v, want the error to name %q", hc.sql, err, hc.named)
		}
		// The cluster still takes writes, within seconds, on every node.
		wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
		_, err = conns[(i+1)%3].Exec(wctx, "INSERT INTO alive_probe VALUES (1)")
		wcancel()
		if err != nil {
			t.Fatalf("after %q the cluster does not take writes: %v", hc.sql, err)
		}
	}
	// Neither statement of a failed multi-statement string is applied.
	var n int
	if err := conns[1].QueryRow(ctx, "SELECT count(*) FROM u WHERE k IN (2, 3)").Scan(&n); err != nil || n != 0 {
		t.Errorf("failed multi-statement strings left %d rows (%v)", n, err)
	}
	if err := conns[2].QueryRow(ctx, "SELECT count(*) FROM trg").Scan(&n); err != nil || n != 0 {
		t.Errorf("a statement whose trigger raised ROLLBACK left %d rows (%v)", n, err)
	}
	procChecksums(t, c)
	for _, p := range c.nodes {
		c.kill(p)
		c.start(p)
		c.leader(20 * time.Second)
		procChecksums(t, c)
	}
}
