package integration

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// transferSent returns how many bytes the leader's transfer to peer has
// sent, from SHOW raftsql.snapshot's transfers ("peer:sent/total,..."),
// and whether one is in progress.
func transferSent(show map[string]string, peer string) (int64, bool) {
	for _, t := range strings.Split(show["transfers"], ",") {
		if rest, ok := strings.CutPrefix(t, peer+":"); ok {
			sent, _, _ := strings.Cut(rest, "/")
			n, _ := strconv.ParseInt(sent, 10, 64)
			return n, true
		}
	}
	return 0, false
}

func showInt(t *testing.T, show map[string]string, col string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(show[col], 10, 64)
	if err != nil {
		t.Fatalf("SHOW raftsql.snapshot %s = %q: %v", col, show[col], err)
	}
	return n
}

// Real processes behind link proxies: a follower that missed compacted
// history is SIGKILLed while a snapshot reaches it (the leader's link to
// it slowed, and the kill lands once the follower's partial file holds a
// third of it); restarted, it receives the
// same snapshot again, resuming after the prefix it verified and fsynced:
// the leader sends fewer bytes than the file holds the second time
// (counted by SHOW raftsql.snapshot's sent_bytes and resumed_bytes), and
// every checksum matches.
func TestProcSnapshotTransferResumesAfterReceiverKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	// No periodic verification: its entries (one per 5 s) reached
	// --snapshot-entries on a loaded machine while the follower was down,
	// the leader made a newer snapshot, and the second transfer, of
	// another file, rightly started from zero.
	fc := startFaultCluster(t, 3, 12, "--snapshot-entries", "20", "--log-tail-entries", "5",
		"--snapshot-resume-bytes", strconv.Itoa(128<<10), "--verify-interval=-1s")
	lead := fc.leader(20 * time.Second)
	li, fi := -1, -1
	for i, p := range fc.nodes {
		if p == lead {
			li = i
		} else {
			fi = i
		}
	}
	f := fc.nodes[fi]
	execSQL(t, lead.url(), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	procChecksums(t, fc.procCluster)
	fc.kill(f)
	rows := 20_000
	writeRows(t, lead.url(), 0, rows, 200, strings.Repeat("p", 100))
	execSQL(t, lead.url(), "CHECKPOINT")
	first := showSnapshot(t, lead.url())
	fileBytes := showInt(t, first, "snapshot_bytes")

	fc.proxies[li][fi].setRate(512 << 10)
	os.Truncate(f.logPath, 0)
	fc.procCluster.start(f)
	part := filepath.Join(f.dataDir, "snapshots", "receive.part")
	waitUntil(t, "the follower holds a third of the snapshot", func() bool {
		_, err := os.Stat(part + ".progress")
		fi, err2 := os.Stat(part)
		return err == nil && err2 == nil && fi.Size() >= fileBytes/3
	})
	fc.kill(f)
	fc.proxies[li][fi].setRate(0)
	var before map[string]string
	waitUntil(t, "the cut transfer ends", func() bool {
		before = showSnapshot(t, lead.url())
		_, ok := transferSent(before, f.name)
		return !ok
	})
	// The first transfer may have read the whole file into socket and
	// proxy buffers: what counts is what the second one sends.
	sentBefore := showInt(t, before, "sent_bytes")

	os.Truncate(f.logPath, 0)
	fc.procCluster.start(f)
	procChecksums(t, fc.procCluster)
	after := showSnapshot(t, lead.url())
	second := showInt(t, after, "sent_bytes") - sentBefore
	resumed := showInt(t, after, "resumed_bytes")
	t.Logf("snapshot file %d bytes: the cut transfer sent %d, the second sent %d and skipped %d", fileBytes, sentBefore, second, resumed)
	if a, b := showInt(t, first, "snapshot_index"), showInt(t, after, "snapshot_index"); a != b {
		t.Fatalf("the leader made a newer snapshot (index %d, then %d) while the follower was down: the second transfer is of another file, so the test cannot show a resume (what wrote the entries?)", a, b)
	}
	if resumed <= 0 || second >= fileBytes || second+resumed != fileBytes {
		t.Fatalf("second transfer sent %d and skipped %d of a %d-byte file: want a resume", second, resumed, fileBytes)
	}
	b, _ := os.ReadFile(f.logPath)
	if !strings.Contains(string(b), "resuming a snapshot transfer") {
		t.Fatal("the follower's log does not say it resumed")
	}
}
