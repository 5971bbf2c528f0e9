package integration

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSnapshotCatchUpFigures measures a follower's catch-up by snapshot
// on real processes with a real database of RAFTSQL_SNAPSHOT_BENCH_MIB
// MiB (skipped without it; not run in CI):
//
//	RAFTSQL_SNAPSHOT_BENCH_MIB=100 go test ./integration -run TestSnapshotCatchUpFigures -v -timeout 30m
//
// It reports the time of CHECKPOINT on the leader (SQLite online backup, encode,
// fsync, compaction), the time from the follower's restart to its install
// (transfer over the snapshot lane, verification, install) and to being
// caught up, the snapshot's size, and the peak RSS (VmHWM) of the leader
// and the follower processes. Figures: docs/benchmarks-snapshot.md.
func TestSnapshotCatchUpFigures(t *testing.T) {
	mib, _ := strconv.Atoi(os.Getenv("RAFTSQL_SNAPSHOT_BENCH_MIB"))
	if mib <= 0 {
		t.Skip("set RAFTSQL_SNAPSHOT_BENCH_MIB to run")
	}
	c := startProcClusterArgs(t, 3, "--log-tail-entries", "5", "--verify-interval", "-1s")
	lead := c.leader(20 * time.Second)
	execSQL(t, lead.url(), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	var f *procNode
	for _, p := range c.nodes {
		if p != lead {
			f = p
		}
	}
	procChecksums(t, c)
	c.kill(f)
	// 1,000 rows of ~1 KiB per entry: ~1 MiB of table per entry.
	writeRows(t, lead.url(), 0, mib*1000, 1000, strings.Repeat("x", 1000))
	ctx := context.Background()
	conn := connect(t, lead.url())
	t0 := time.Now()
	if _, err := conn.Exec(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	makeTime := time.Since(t0)
	show := showSnapshot(t, lead.url())
	// Compact the other live node's log too: on a loaded machine the
	// leadership may move while the follower is down, and a leader with
	// the whole log would catch it up from the log instead.
	for _, p := range c.nodes {
		if p != lead && p != f {
			execSQL(t, p.url(), "CHECKPOINT")
		}
	}
	os.Truncate(f.logPath, 0)
	t1 := time.Now()
	c.start(f)
	logSays := func(what string) bool {
		b, _ := os.ReadFile(f.logPath)
		return strings.Contains(string(b), what)
	}
	waitUntilFor(t, 10*time.Minute, "the follower installs the snapshot", func() bool { return logSays("installed snapshot from the leader") })
	installed := time.Since(t1)
	// The figures so far, before the checksums (which read the whole
	// database on every node and may time out on a loaded machine).
	t.Logf("database %d MiB: CHECKPOINT %v; follower restart -> installed %v; snapshot %s bytes; peak RSS so far leader %s, follower %s",
		mib, makeTime.Round(time.Millisecond), installed.Round(time.Millisecond), show["snapshot_bytes"], vmHWM(lead), vmHWM(f))
	procChecksums(t, c)
	caughtUp := time.Since(t1)
	t.Logf("database %d MiB (rows of 1 KiB): CHECKPOINT %v; follower restart -> installed %v, -> caught up %v; snapshot %s bytes, log %s bytes on disk; peak RSS leader %s, follower %s",
		mib, makeTime.Round(time.Millisecond), installed.Round(time.Millisecond), caughtUp.Round(time.Millisecond), show["snapshot_bytes"], show["log_disk_bytes"], vmHWM(lead), vmHWM(f))
}

// waitUntilFor polls cond until it holds, failing the test after limit
// (waitUntil: 30 s; big transfers give their own bound).
func waitUntilFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// vmHWM returns a process's peak resident set size from /proc.
func vmHWM(p *procNode) string {
	if p.cmd == nil || p.cmd.Process == nil {
		return "?"
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(p.cmd.Process.Pid) + "/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "?"
}
