package integration

import (
	"os"
	"strings"
	"testing"
	"time"
)

// Real processes, small snapshot thresholds: a follower SIGKILLed while
// the others write misses history that every log compacts away; it
// restarts, catches up by snapshot (its log says so) and is SIGKILLed
// again as soon as it starts receiving one (a transfer or an install cut
// wherever the kill lands); restarted once more it is valid and catches
// up; every checksum matches.
func TestProcFollowerCatchesUpBySnapshotAfterKills(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	rows := 20_000
	if longRun() {
		rows = 100_000
	}
	c := startProcClusterArgs(t, 3, "--snapshot-entries", "20", "--log-tail-entries", "5")
	lead := c.leader(20 * time.Second)
	execSQL(t, lead.url(), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	var f *procNode
	for _, p := range c.nodes {
		if p != lead {
			f = p
		}
	}
	procChecksums(t, c)

	round := func(from int) {
		c.kill(f)
		writeRows(t, lead.url(), from, rows/2, 200, strings.Repeat("p", 100))
		logged := func(what string) func() bool {
			return func() bool {
				b, _ := os.ReadFile(f.logPath)
				return strings.Count(string(b), what) > 0
			}
		}
		os.Truncate(f.logPath, 0)
		c.start(f)
		// The kill lands during the transfer or the install, or just
		// after: the restart must be valid in every case.
		waitUntil(t, f.name+" starts receiving a snapshot", logged("receiving snapshot"))
		c.kill(f)
		os.Truncate(f.logPath, 0)
		c.start(f)
		procChecksums(t, c)
	}
	round(0)
	b, _ := os.ReadFile(f.logPath)
	t.Logf("after the cut: the follower's log says installed=%v", strings.Contains(string(b), "installed snapshot from the leader") || strings.Contains(string(b), "installing the local snapshot"))
	round(rows)
	var n int
	conn := connect(t, f.url())
	if err := conn.QueryRow(t.Context(), "SELECT count(*) FROM t").Scan(&n); err != nil || n != rows {
		t.Fatalf("the follower has %d rows (%v), want %d", n, err, rows)
	}
}
