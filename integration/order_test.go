package integration

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// orderSetup: an enum whose labels were added BEFORE/AFTER others and
// array columns, with plain and unique indexes on both.
var orderSetup = []sqlStep{
	{sql: "CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy')"},
	{sql: "CREATE TABLE fp (id int PRIMARY KEY, f feeling, xs int[], ts text[], ns numeric[])"},
	{sql: "CREATE INDEX fp_f ON fp (f)"},
	{sql: "CREATE INDEX fp_xs ON fp (xs)"},
	{sql: "INSERT INTO fp VALUES (1, 'happy', '{10}', '{b}', '{1.5}'), (2, 'sad', '{9}', '{a,b}', '{10}'), (3, 'ok', '{9,1}', '{a}', '{2}'), (4, NULL, '{9,NULL}', '{a,NULL}', NULL)"},
	{sql: "ALTER TYPE feeling ADD VALUE 'meh' BEFORE 'ok'"},
	{sql: "ALTER TYPE feeling ADD VALUE 'awful' BEFORE 'sad'"},
	{sql: "ALTER TYPE feeling ADD VALUE 'ecstatic' AFTER 'happy'"},
	{sql: "INSERT INTO fp VALUES (5, 'meh', '{}', '{}', '{-1}'), (6, 'awful', '{-3,5}', '{c}', '{10.0,1}'), (7, 'ecstatic', NULL, NULL, '{}')"},
	{sql: "CREATE TABLE fu (f feeling UNIQUE, xs int[] UNIQUE)"},
	{sql: "INSERT INTO fu VALUES ('ok', '{1,2}'), ('meh', '{2}')"},
	{sql: "INSERT INTO fu VALUES ('ok', '{3}')", code: "23505"},
	{sql: "INSERT INTO fu VALUES ('sad', '{2}')", code: "23505"},
}

// orderQueries are answered identically by PostgreSQL 15 and by every
// node of a cluster.
var orderQueries = []sqlStep{
	{sql: "SELECT id, f FROM fp WHERE f IS NOT NULL ORDER BY f", rows: "6|awful\n2|sad\n5|meh\n3|ok\n1|happy\n7|ecstatic"},
	{sql: "SELECT id FROM fp ORDER BY f DESC NULLS LAST, id", rows: "7\n1\n3\n5\n2\n6\n4"},
	{sql: "SELECT min(f), max(f) FROM fp", rows: "awful|ecstatic"},
	{sql: "SELECT id FROM fp WHERE f > 'sad' AND f <= 'happy' ORDER BY id", rows: "1\n3\n5"},
	{sql: "SELECT id FROM fp WHERE f BETWEEN 'meh' AND 'happy' ORDER BY id", rows: "1\n3\n5"},
	{sql: "SELECT id FROM fp WHERE f < 'nosuch'", code: "22P02"},
	{sql: "SELECT f, count(*) FROM fp GROUP BY f ORDER BY f NULLS FIRST LIMIT 3", rows: "<nil>|1\nawful|1\nsad|1"},
	{sql: "SELECT DISTINCT f FROM fp WHERE f < 'ok' ORDER BY f", rows: "awful\nsad\nmeh"},
	{sql: "SELECT id, row_number() OVER (ORDER BY f) FROM fp WHERE f IS NOT NULL ORDER BY id", rows: "1|5\n2|2\n3|4\n5|3\n6|1\n7|6"},
	{sql: "SELECT f FROM fu ORDER BY f", rows: "meh\nok"},
	{sql: "SELECT id FROM fp WHERE xs IS NOT NULL ORDER BY xs, id", rows: "5\n6\n2\n3\n4\n1"},
	{sql: "SELECT id FROM fp WHERE ts IS NOT NULL ORDER BY ts DESC, id", rows: "6\n1\n4\n2\n3\n5"},
	{sql: "SELECT id FROM fp WHERE ns IS NOT NULL ORDER BY ns, id", rows: "7\n5\n1\n3\n2\n6"},
	{sql: "SELECT min(xs), max(xs) FROM fp", rows: "[]|[10]"},
	{sql: "SELECT id FROM fp WHERE xs > '{9,1}' ORDER BY id", rows: "1\n4"},
	{sql: "SELECT id FROM fp WHERE xs = '{9}'", rows: "2"},
	{sql: "SELECT xs FROM fu ORDER BY xs DESC", rows: "[2]\n[1 2]"},
	{sql: "SELECT id FROM fp WHERE f > 'meh'::feeling ORDER BY f", rows: "3\n1\n7"},
	{sql: "SELECT id FROM fp WHERE f < CAST('sad' AS feeling)", rows: "6"},
	{sql: "SELECT 'happy'::feeling < 'sad'::feeling, 'ok'::feeling", rows: "false|ok"},
	{sql: "SELECT 'nah'::feeling", code: "22P02"},
	{sql: "SELECT 'x'::nosuchtype", code: "42704"},
}

// TestEnumArrayOrder: enum values order by declaration and arrays element
// by element in ORDER BY, comparisons, BETWEEN, min/max, GROUP BY,
// DISTINCT, windows and unique indexes, as PostgreSQL 15 answers
// (RAFTSQL_REFERENCE_URL), on every node of a cluster alike; SQLite's
// integrity check of the enum and array indexes passes on every node.
func TestEnumArrayOrder(t *testing.T) {
	urls, c := e2eCluster(t)
	runScript(t, connectScript(t, urls[0]), orderSetup)
	if c != nil {
		waitAllApplied(t, c, c.nodes[c.waitLeader(10*time.Second)].AppliedIndex(), 20*time.Second)
	}
	for _, u := range urls {
		conn := connectScript(t, u)
		runScript(t, conn, orderQueries)
		if c != nil {
			runScript(t, conn, []sqlStep{{sql: "PRAGMA integrity_check", rows: "ok"}})
		}
	}
}

// After a follower installs a snapshot taken after ADD VALUE, and after it
// restarts, it orders as the leader; replica checksums and the periodic
// replica verification agree.
func TestEnumArrayOrderSnapshotRestart(t *testing.T) {
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.LogTailEntries = 5
		cfg.VerifyInterval = 20 * time.Millisecond
		cfg.VerifyRows = 16
	})
	lead := c.waitLeader(10 * time.Second)
	runScript(t, connectScript(t, c.url(lead)), orderSetup[:5])
	f := c.follower(lead)
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	c.stop(f)
	runScript(t, connectScript(t, c.url(lead)), orderSetup[5:])
	execSQL(t, c.url(lead), "CREATE TABLE fill (i int)")
	for i := 0; i < 10; i++ { // push the setup out of every log tail
		execSQL(t, c.url(lead), fmt.Sprintf("INSERT INTO fill VALUES (%d)", i))
	}
	// Every running node compacts its log past the stopped follower's
	// position, so whichever leads when it returns (an election under
	// load) must send it a snapshot.
	for i := range c.nodes {
		if i != f {
			execSQL(t, c.url(i), "CHECKPOINT")
		}
	}
	c.start(f)
	waitUntil(t, "the restarted follower installs a snapshot", func() bool {
		return c.nodes[f].SnapshotStatus().Installed > 0
	})
	check := func(what string) {
		t.Helper()
		waitAllApplied(t, c, c.nodes[c.waitLeader(10*time.Second)].AppliedIndex(), 20*time.Second)
		conn := connectScript(t, c.url(f))
		defer conn.Close(context.Background())
		runScript(t, conn, append(orderQueries[:9:9], sqlStep{sql: "PRAGMA integrity_check", rows: "ok"}))
		if t.Failed() {
			t.Fatalf("follower after %s", what)
		}
	}
	check("the snapshot install")
	// a label added after the install, then a restart of the follower
	execSQL(t, c.url(lead), "ALTER TYPE feeling ADD VALUE 'calm' AFTER 'meh'", "INSERT INTO fu VALUES ('calm', NULL), ('happy', '{0}')")
	c.stop(f)
	c.start(f)
	check("the restart")
	runScript(t, connectScript(t, c.url(f)), []sqlStep{{sql: "SELECT f FROM fu WHERE f IS NOT NULL ORDER BY f", rows: "meh\ncalm\nok\nhappy"}})
	checkChecksums(t, c)
	passes := c.nodes[f].VerifyStatus().Passes
	// a write resumes the checks an idle cluster stops proposing
	execSQL(t, c.url(c.waitLeader(10*time.Second)), "INSERT INTO fill VALUES (-1)")
	waitUntil(t, "the follower completes a verification pass", func() bool {
		return c.nodes[f].VerifyStatus().Passes > passes
	})
	for _, n := range c.nodes {
		if st := n.VerifyStatus(); st.Diverged != "" {
			t.Fatalf("%s: %s", n.Name(), st)
		}
	}
}
