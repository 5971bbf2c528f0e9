package integration

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	_ "modernc.org/sqlite" // the tamper hook writes a replica's file directly

	"github.com/raftsql/raftsql"
)

// waitUntil polls cond until it holds or 30s pass (a generous bound for a
// loaded machine: the conditions are counted in checks, not in time).
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	waitUntilFor(t, 30*time.Second, what, cond)
}

// TestVerifyHealthyClusterAgrees: periodic checks under writes never raise
// a false alarm and walk the whole database.
func TestVerifyHealthyClusterAgrees(t *testing.T) {
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.VerifyInterval = 20 * time.Millisecond
		cfg.VerifyRows = 16
	})
	lead := c.waitLeader(10 * time.Second)
	ctx := context.Background()
	conn := connect(t, c.url(lead))
	if _, err := conn.Exec(ctx, "CREATE TABLE t(id int PRIMARY KEY, v text)"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		if _, err := conn.Exec(ctx, "INSERT INTO t VALUES ($1, $2)", i, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	for i, n := range c.nodes {
		// A pass is this node's sampling; agreement needs a majority's
		// reports of the same check, which may arrive later.
		waitUntil(t, fmt.Sprintf("node %d completes a pass and a check is decided", i), func() bool {
			st := n.VerifyStatus()
			return st.Passes >= 1 && st.LastAgreed > 0
		})
	}
	for _, n := range c.nodes {
		st := n.VerifyStatus()
		if st.Diverged != "" || len(st.Peers) != 0 || st.LastAgreed == 0 {
			t.Fatalf("%s: %s", n.Name(), st)
		}
	}

	// Idle: once a pass saw no write, the leader stops proposing checks
	// (the log of an idle cluster must not grow forever); a write resumes
	// them.
	leader := c.nodes[c.waitLeader(10*time.Second)]
	waitUntil(t, "the leader finds the cluster idle", func() bool { return leader.VerifyStatus().Idle })
	bases := make([]uint64, len(c.nodes))
	for i, n := range c.nodes {
		bases[i] = n.VerifyStatus().Passes
	}
	if _, err := connect(t, c.url(lead)).Exec(ctx, "UPDATE t SET v = 'again' WHERE id = 7"); err != nil {
		t.Fatal(err)
	}
	for i, n := range c.nodes {
		waitUntil(t, fmt.Sprintf("node %d completes a pass after the write", i), func() bool {
			return n.VerifyStatus().Passes > bases[i]
		})
	}

	// A restarted node takes part again (its earlier checks are not
	// replayed: their state is gone).
	c.stop(1)
	c.start(1)
	if _, err := connect(t, c.url(c.waitLeader(10*time.Second))).Exec(ctx, "UPDATE t SET v = 'restart' WHERE id = 8"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the restarted node agrees with a check", func() bool {
		st := c.nodes[1].VerifyStatus()
		return st.LastAgreed > 0 && st.Diverged == ""
	})
}

// TestVerifyDetectsTamperedReplica alters one replica's SQLite file behind
// the log's back (the leader's, so hand-off is exercised too) and drives
// checks one at a time: the divergence is found within the documented
// bound of ceil(rows/VerifyRows)+1 checks, the replica says so and refuses
// queries, it stays marked across a restart, and the others keep serving.
func TestVerifyDetectsTamperedReplica(t *testing.T) {
	const rows, perCheck = 200, 32
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.VerifyInterval = -1 // checks only on demand: counted exactly
		cfg.VerifyRows = perCheck
		// What an operator sees with self-repair off (forensics); the
		// repair itself: TestDivergedReplicaRepairsItself.
		cfg.NoSelfRepair = true
	})
	lead := c.waitLeader(10 * time.Second)
	ctx := context.Background()
	conn := connect(t, c.url(lead))
	for _, q := range []string{
		"CREATE TABLE t(id int PRIMARY KEY, v text)",
		fmt.Sprintf("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, %d) g", rows),
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	healthy := []int{(lead + 1) % 3, (lead + 2) % 3}
	driver := c.nodes[healthy[0]]

	// check drives one check and waits until every node sampled and
	// decided it (a decision needs only a majority's reports; the next
	// check starts where the proposer's own sample stopped).
	check := func() {
		t.Helper()
		before := make([]uint64, 3)
		sampled := make([]uint64, 3)
		for i, n := range c.nodes {
			st := n.VerifyStatus()
			before[i], sampled[i] = st.LastDecided, st.Sampled
		}
		if err := driver.Verify(ctx); err != nil {
			t.Fatal(err)
		}
		for i, n := range c.nodes {
			waitUntil(t, fmt.Sprintf("%s decides the check", n.Name()), func() bool {
				st := n.VerifyStatus()
				return st.LastDecided > before[i] && st.Sampled > sampled[i]
			})
		}
	}
	// A few healthy checks first: no false alarm.
	for i := 0; i < 3; i++ {
		check()
	}
	for _, n := range c.nodes {
		if st := n.VerifyStatus(); st.Diverged != "" || st.LastAgreed == 0 {
			t.Fatalf("before tampering, %s: %s", n.Name(), st)
		}
	}

	// The tamper hook: a second SQLite connection to the running node's
	// file (WAL mode allows it), bypassing the log.
	bad := c.nodes[lead]
	tamper, err := sql.Open("sqlite", "file:"+filepath.Join(c.dir, bad.Name(), "db.sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	if res, err := tamper.Exec("UPDATE t SET v = 'tampered' WHERE id = 150"); err != nil {
		t.Fatal(err)
	} else if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("tamper hook changed %d rows", n)
	}
	tamper.Close()

	bound := (rows+perCheck-1)/perCheck + 1
	checks := 0
	for bad.VerifyStatus().Diverged == "" {
		if checks == bound {
			t.Fatalf("divergence not detected within %d checks: %s", bound, bad.VerifyStatus())
		}
		check()
		checks++
	}
	t.Logf("divergence detected after %d checks (bound %d): %s", checks, bound, bad.VerifyStatus())

	// The others name the diverged replica once its report reaches them (a
	// check is decided by a majority's reports: the two healthy ones may
	// decide before the diverged node's report arrives).
	for _, i := range healthy {
		n := c.nodes[i]
		waitUntil(t, n.Name()+" names the diverged replica", func() bool {
			st := n.VerifyStatus()
			if st.Diverged != "" {
				t.Fatalf("%s: %s", n.Name(), st)
			}
			return st.Peers[bad.Name()] != 0
		})
	}
	// The diverged node says so, refuses queries, and leads no more.
	show, err := showSetting(ctx, c.url(lead), "raftsql.verification")
	if err != nil || !strings.HasPrefix(show, "diverged:") {
		t.Fatalf("SHOW raftsql.verification on the diverged node: %q, %v", show, err)
	}
	badConn := connect(t, c.url(lead))
	for _, q := range []string{"SELECT count(*) FROM t", "INSERT INTO t VALUES (1000, 'x')"} {
		_, err := badConn.Exec(ctx, q)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "XX001" {
			t.Fatalf("%s on the diverged node: %v, want XX001", q, err)
		}
	}
	waitUntil(t, "leadership leaves the diverged node", func() bool {
		l := c.nodes[healthy[0]].Leader()
		return l != 0 && l != bad.ID()
	})
	// The others still serve reads and writes.
	good := connect(t, c.url(healthy[1]))
	if _, err := good.Exec(ctx, "INSERT INTO t VALUES (1001, 'after')"); err != nil {
		t.Fatal(err)
	}
	var v string
	if err := good.QueryRow(ctx, "SELECT v FROM t WHERE id = 150").Scan(&v); err != nil || v != "v150" {
		t.Fatalf("healthy read: %q, %v", v, err)
	}

	// The mark survives a restart.
	c.stop(lead)
	c.start(lead)
	if st := c.nodes[lead].VerifyStatus(); st.Diverged == "" {
		t.Fatalf("after restart: %s", st)
	}
	_, err = connectQuiet(ctx, c.url(lead), "SELECT 1")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "XX001" {
		t.Fatalf("read on the restarted diverged node: %v, want XX001", err)
	}
}

// connectQuiet runs one statement on a new connection and returns its
// error.
func connectQuiet(ctx context.Context, url, q string) (pgconn.CommandTag, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	defer conn.Close(ctx)
	return conn.Exec(ctx, q)
}
