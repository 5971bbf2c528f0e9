package integration

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// Self-repair: a replica whose SQLite state cannot be trusted (diverged,
// or a damaged file) sets its database aside and rebuilds a correct state
// with no operator; the leader's side is never affected.

// damagedCopies lists the damaged databases a node set aside.
func damagedCopies(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "db.sqlite.damaged-*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range m {
		if !isSidecar(p) {
			out = append(out, p)
		}
	}
	return out
}

func isSidecar(p string) bool {
	for _, suf := range []string{"-wal", "-shm", "-journal"} {
		if len(p) > len(suf) && p[len(p)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// (a) A replica's database is changed behind the log's back: the checks
// find it diverged, and it repairs itself from a healthy peer's snapshot,
// with no operator; every checksum matches again and the healthy nodes
// stop listing it as diverged. (c) The healthy side (the leader, when the
// bad replica is a follower) is never affected. A diverged leader hands
// leadership away, then repairs the same way.
// With a compacted log, the bad replica's own snapshots (made from its bad
// state) are dropped once the repair recorded the healthy one.
func TestDivergedReplicaRepairsItself(t *testing.T) {
	for _, tc := range []struct {
		name            string
		leader, compact bool
	}{{"follower", false, false}, {"leader", true, false}, {"follower, compacted log", false, true}} {
		t.Run(tc.name, func(t *testing.T) { testDivergedRepair(t, tc.leader, tc.compact) })
	}
}

func testDivergedRepair(t *testing.T, tamperLeader, compact bool) {
	const rows, perCheck = 200, 32
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.VerifyInterval = -1 // checks only on demand
		cfg.VerifyRows = perCheck
		if compact {
			cfg.SnapshotEntries = 4 // every few checks
			cfg.LogTailEntries = 2
		}
	})
	lead := c.waitLeader(10 * time.Second)
	ctx := context.Background()
	execSQL(t, c.url(lead),
		"CREATE TABLE t(id int PRIMARY KEY, v text)",
		fmt.Sprintf("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, %d) g", rows))
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	b := c.follower(lead)
	if tamperLeader {
		b = lead
	}
	bad := c.nodes[b]
	var healthy []*raftsql.Node
	for i, n := range c.nodes {
		if i != b {
			healthy = append(healthy, n)
		}
	}
	driver := healthy[0]
	var ownNewest uint64
	if compact {
		for i := 0; i < 12; i++ { // a few snapshots on every node
			execSQL(t, c.url(lead), fmt.Sprintf("INSERT INTO t VALUES (%d, 'more')", 500+i))
		}
		waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
		own := snapshotIndexes(t, c, bad)
		if len(own) < 2 {
			t.Fatalf("%s holds snapshots %v, want two", bad.Name(), own)
		}
		ownNewest = own[len(own)-1]
	}

	tamper, err := sql.Open("sqlite", "file:"+filepath.Join(c.dir, bad.Name(), "db.sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tamper.Exec("UPDATE t SET v = 'tampered' WHERE id = 150"); err != nil {
		t.Fatal(err)
	}
	tamper.Close()

	// Drive checks, decided by the two healthy nodes, until the bad one
	// is found (within the detection bound) or already repairing.
	check := func() {
		t.Helper()
		before := make([]raftsql.VerifyStatus, len(healthy))
		for i, n := range healthy {
			before[i] = n.VerifyStatus()
		}
		if err := driver.Verify(ctx); err != nil {
			t.Fatal(err)
		}
		for i, n := range healthy {
			waitUntil(t, n.Name()+" samples and decides the check", func() bool {
				st := n.VerifyStatus()
				return st.LastDecided > before[i].LastDecided && st.Sampled > before[i].Sampled
			})
		}
	}
	bound := (rows+perCheck-1)/perCheck + 1
	for checks := 0; bad.VerifyStatus().Diverged == "" && bad.Repairs() == 0; checks++ {
		if checks > bound {
			t.Fatalf("divergence not detected within %d checks: %s", bound, bad.VerifyStatus())
		}
		check()
	}
	waitUntil(t, "the diverged replica repairs itself", func() bool {
		return bad.Repairs() > 0 && bad.VerifyStatus().Diverged == ""
	})
	if _, err := os.Stat(filepath.Join(c.dir, bad.Name(), "DIVERGED")); !os.IsNotExist(err) {
		t.Fatalf("the DIVERGED mark is still there after the repair: %v", err)
	}
	if got := damagedCopies(t, filepath.Join(c.dir, bad.Name())); len(got) != 1 {
		t.Fatalf("damaged copies kept: %v, want one", got)
	}
	if compact {
		// Its own snapshots up to its newest one before the damage are
		// older than the healthy image (the checks that found the damage
		// were applied after them): gone.
		for _, idx := range snapshotIndexes(t, c, bad) {
			if idx <= ownNewest {
				t.Fatalf("a snapshot of the bad state remains at %d (its newest before the damage: %d)", idx, ownNewest)
			}
		}
	}
	if tamperLeader {
		waitUntil(t, "leadership leaves the diverged node", func() bool {
			l := driver.Leader()
			return l != 0 && l != bad.ID()
		})
	}

	// It serves again, with the cluster's data, and agrees at the next
	// check; the healthy nodes stop listing it.
	lead = c.waitLeader(20 * time.Second)
	execSQL(t, c.url(lead), "INSERT INTO t VALUES (1001, 'after')")
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	var v string
	if err := connect(t, c.url(b)).QueryRow(ctx, "SELECT v FROM t WHERE id = 150").Scan(&v); err != nil || v != "v150" {
		t.Fatalf("read on the repaired replica: %q, %v", v, err)
	}
	checkChecksums(t, c)
	check()
	waitUntil(t, "the healthy nodes see the repaired replica agree", func() bool {
		for _, n := range healthy {
			if n.VerifyStatus().Peers[bad.Name()] != 0 {
				return false
			}
		}
		return bad.VerifyStatus().LastAgreed > 0
	})

	// (c) The healthy side: never diverged, never repaired or replaced.
	for _, n := range healthy {
		if st := n.VerifyStatus(); st.Diverged != "" || n.Repairs() != 0 || n.SnapshotStatus().Installed != 0 {
			t.Fatalf("%s was affected: %s, repairs %d, installs %d", n.Name(), st, n.Repairs(), n.SnapshotStatus().Installed)
		}
	}
}

// snapshotIndexes lists the indexes of n's stored snapshots, ascending.
func snapshotIndexes(t *testing.T, c *memCluster, n *raftsql.Node) []uint64 {
	t.Helper()
	snaps, err := filepath.Glob(filepath.Join(c.dir, n.Name(), "snapshots", "*.snap"))
	if err != nil {
		t.Fatal(err)
	}
	var out []uint64
	for _, p := range snaps { // names sort by index
		var term, idx uint64
		if _, err := fmt.Sscanf(filepath.Base(p), "%020d-%020d.snap", &term, &idx); err != nil {
			t.Fatalf("snapshot file %s: %v", p, err)
		}
		out = append(out, idx)
	}
	return out
}

// (b) A stopped follower's database file is overwritten with garbage: at
// restart it sets the file aside (db.sqlite.damaged-<index>), rebuilds its
// state (here: the whole log is retained, so by replay; with a compacted
// log: from its newest snapshot) and serves with matching checksums.
func TestDamagedDatabaseFileRepairedAtStart(t *testing.T) {
	for _, tc := range []struct {
		name    string
		garbage func(t *testing.T, path string) // damages the file
	}{
		{"pages", func(t *testing.T, path string) { overwrite(t, path, 4096, 3*4096) }},
		{"header", func(t *testing.T, path string) { overwrite(t, path, 0, 100) }},
		{"last pages", func(t *testing.T, path string) {
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			overwrite(t, path, st.Size()-3*4096, 2*4096)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, lead, f := clusterWithRows(t, 2000)
			c.stop(f)
			dir := filepath.Join(c.dir, c.members[f].Name)
			path := filepath.Join(dir, "db.sqlite")
			checkpointWAL(t, path)
			tc.garbage(t, path)

			writeRows(t, c.url(lead), 10_000, 50, 10, "while-down")
			c.start(f)
			expectRepaired(t, c, lead, f, 2050)
			if st := c.nodes[lead].SnapshotStatus(); st.Installed != 0 || c.nodes[lead].Repairs() != 0 {
				t.Fatalf("the leader was affected: %+v", st)
			}
		})
	}
}

// checkpointWAL folds a stopped node's WAL into its database file, so the
// damage below hits the data.
func checkpointWAL(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

// overwrite writes n bytes of garbage at off in the file at path.
func overwrite(t *testing.T, path string, off, n int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + 13)
	}
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
}

// A running follower's file is damaged under it (its schema record is
// overwritten behind SQLite's back): its next apply meets SQLITE_CORRUPT.
// It used to stop with advice to restart that looped; now it repairs
// itself from a peer's snapshot and applies on.
func TestDamageFoundAtApplyRepairsOnline(t *testing.T) {
	c, lead, f := clusterWithRows(t, 500)
	bad := c.nodes[f]

	tamper, err := sql.Open("sqlite", "file:"+filepath.Join(c.dir, bad.Name(), "db.sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	var ver int
	if err := tamper.QueryRow("PRAGMA schema_version").Scan(&ver); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_master SET sql = 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT' WHERE name = 't'",
		fmt.Sprintf("PRAGMA schema_version = %d", ver+1),
	} {
		if _, err := tamper.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	tamper.Close()

	writeRows(t, c.url(lead), 1000, 50, 10, "after")
	waitUntil(t, "the follower repairs itself", func() bool { return bad.Repairs() > 0 })
	if err := bad.Err(); err != nil {
		t.Fatalf("the follower stopped: %v", err)
	}
	expectRepaired(t, c, lead, f, 550)
}

// clusterWithRows starts three nodes with rows rows in t(id, v), applied
// everywhere; it returns the cluster, the leader and a follower.
func clusterWithRows(t *testing.T, rows int) (c *memCluster, lead, f int) {
	t.Helper()
	c = startMemCluster(t, 3)
	lead = c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	writeRows(t, c.url(lead), 0, rows, 100, "row")
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	return c, lead, c.follower(lead)
}

// expectRepaired checks a repaired follower f: it kept one damaged copy,
// catches up, holds rows rows in t, and every checksum matches.
func expectRepaired(t *testing.T, c *memCluster, lead, f, rows int) {
	t.Helper()
	if got := damagedCopies(t, filepath.Join(c.dir, c.members[f].Name)); len(got) != 1 {
		t.Fatalf("damaged copies kept: %v, want one", got)
	}
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	var n int
	if err := connect(t, c.url(f)).QueryRow(context.Background(), "SELECT count(*) FROM t").Scan(&n); err != nil || n != rows {
		t.Fatalf("count on the repaired follower: %d, %v; want %d", n, err, rows)
	}
	checkChecksums(t, c)
}

// The crash points of an online repair, reproduced at rest: a crash
// before the swap leaves the bad state and the DIVERGED mark on disk, and
// the restarted node repairs at once; a crash after the swap and before
// the mark is removed leaves a good state with the mark, and it repairs
// once more, harmlessly. Either way it ends serving the cluster's data.
func TestRepairCrashPoints(t *testing.T) {
	c, lead, f := clusterWithRows(t, 300)
	dir := filepath.Join(c.dir, c.members[f].Name)
	for _, tc := range []struct {
		name   string
		tamper bool
	}{{"before the swap", true}, {"after the swap", false}} {
		c.stop(f)
		if tc.tamper {
			db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "db.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("UPDATE t SET v = 'tampered' WHERE id = 7"); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}
		if err := os.WriteFile(filepath.Join(dir, "DIVERGED"), []byte("check at log index 1: a crash point\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.start(f)
		n := c.nodes[f]
		waitUntil(t, tc.name+": the restarted node repairs itself", func() bool {
			return n.Repairs() > 0 && n.VerifyStatus().Diverged == ""
		})
		if _, err := os.Stat(filepath.Join(dir, "DIVERGED")); !os.IsNotExist(err) {
			t.Fatalf("%s: the mark is still there: %v", tc.name, err)
		}
		writeRows(t, c.url(lead), 1000+len(tc.name), 1, 1, "after")
		checkChecksums(t, c)
	}
	if got := damagedCopies(t, dir); len(got) < 1 || len(got) > 2 {
		t.Fatalf("damaged copies kept: %v, want one or two", got)
	}
}
