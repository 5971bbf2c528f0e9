package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// Snapshots made faster than one ships (snapshot/inflight.go): a follower
// behind a slow link is sent a snapshot while the leader keeps writing and
// making newer ones (CHECKPOINT, each compacting the log to a 5-entry
// tail). The leader keeps the log after the snapshot being shipped, so the
// follower installs that one snapshot and continues from the log, rather
// than being sent another whole snapshot, and another. Then a transfer is
// cut (connection reset) once the follower kept part of it and newer
// snapshots were made: the
// leader resends the same snapshot and the follower resumes it (the
// leader counts resumed bytes), rather than starting over with the newest.
// In-process nodes; the follower's inbound links run through proxies that
// limit their rate and reset them on demand.
func TestSnapshotShippedWhileNewerAreMade(t *testing.T) {
	const rate = 1 << 20 // bytes per second on each link to the follower
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.LogTailEntries = 5
		cfg.SnapshotResumeBytes = 128 << 10
	})
	lead := c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	f := c.follower(lead)
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	c.stop(f)

	fname := c.members[f].Name
	proxies := slowLinksTo(t, c, f, rate)
	lead = c.waitLeader(20 * time.Second)

	// A ~2 MB database: a transfer of about two seconds at the proxies'
	// rate, long enough for newer snapshots to be made meanwhile.
	next := 0
	write := func(rows int) {
		writeRows(t, c.url(c.waitLeader(20*time.Second)), next, rows, 500, strings.Repeat("p", 200))
		next += rows
	}
	write(8_000)
	execSQL(t, c.url(lead), "CHECKPOINT")

	// Phase 1: newer snapshots are made while the first one ships.
	madeBefore := c.nodes[lead].SnapshotStatus().Made
	c.start(f)
	waitUntil(t, "the leader starts a transfer", func() bool { return c.nodes[lead].SnapshotStatus().Transfers != "" })
	newer := 0
	for c.nodes[f].SnapshotStatus().Installed == 0 && newer < 3 {
		write(100)
		execSQL(t, c.url(lead), "CHECKPOINT")
		newer++
	}
	waitUntil(t, "the follower catches up", func() bool {
		return c.nodes[f].AppliedIndex() >= c.nodes[lead].AppliedIndex()
	})
	made := c.nodes[lead].SnapshotStatus().Made - madeBefore
	st := c.nodes[f].SnapshotStatus()
	t.Logf("phase 1: %d newer snapshots made while one shipped; the follower installed %d", made, st.Installed)
	if newer == 0 || made == 0 {
		t.Fatalf("no newer snapshot was made during the transfer (newer %d, made %d): the test did not exercise it", newer, made)
	}
	if st.Installed != 1 {
		t.Fatalf("the follower installed %d snapshots, want 1: it was sent another after the first because the log behind it was compacted", st.Installed)
	}
	checkChecksums(t, c)

	// Phase 2: a transfer cut after newer snapshots were made resumes.
	c.stop(f)
	write(8_000)
	execSQL(t, c.url(lead), "CHECKPOINT")
	resumedBefore := c.nodes[lead].SnapshotStatus().ResumedBytes
	c.start(f)
	var total int64
	progress := filepath.Join(c.dir, fname, "snapshots", "receive.part.progress")
	waitUntil(t, "the follower holds a durable part of the transfer", func() bool {
		_, tot, ok := transferProgress(c.nodes[lead].SnapshotStatus().Transfers, fname)
		total = max(total, tot)
		_, err := os.Stat(progress)
		return ok && err == nil
	})
	// Hold the rest of the transfer back (a trickle, not a cut, so the
	// follower still hears its leader) while the newer snapshots are
	// made: at the full rate a slow machine could finish the transfer
	// before the cut below, leaving nothing to resume.
	leadProxy := proxies[c.members[lead].Name]
	leadProxy.setRate(16 << 10)
	for i := 0; i < 2; i++ {
		write(100)
		execSQL(t, c.url(lead), "CHECKPOINT")
	}
	if c.nodes[f].SnapshotStatus().Installed > 0 {
		t.Skip("the transfer ended before the cut (machine too slow to hold the rate); nothing to cut")
	}
	leadProxy.reset()
	leadProxy.setRate(rate)
	waitUntil(t, "the follower catches up after the cut", func() bool {
		return c.nodes[f].AppliedIndex() >= c.nodes[lead].AppliedIndex()
	})
	st = c.nodes[f].SnapshotStatus()
	resumed := c.nodes[lead].SnapshotStatus().ResumedBytes - resumedBefore
	t.Logf("phase 2: transfer of %d bytes cut after the follower kept part of it and 2 newer snapshots were made; %d bytes resumed; the follower installed %d", total, resumed, st.Installed)
	if resumed <= 0 {
		t.Fatal("the cut transfer was not resumed: the leader sent a newer snapshot from the start")
	}
	if st.Installed != 1 {
		t.Fatalf("the follower installed %d snapshots after the cut, want 1", st.Installed)
	}
	checkChecksums(t, c)
}

// transferProgress parses SHOW raftsql.snapshot's transfers
// ("peer:sent/total,...") for peer.
func transferProgress(transfers, peer string) (sent, total int64, ok bool) {
	for _, tr := range strings.Split(transfers, ",") {
		name, rest, found := strings.Cut(tr, ":")
		if !found || name != peer {
			continue
		}
		if _, err := fmt.Sscanf(rest, "%d/%d", &sent, &total); err == nil {
			return sent, total, true
		}
	}
	return 0, 0, false
}

// slowLinksTo routes every other node's links to the stopped node f
// through proxies limited to rate bytes per second (restarting those
// nodes, one at a time, so they dial the proxies) and returns the proxies
// by the sending node's name.
func slowLinksTo(t *testing.T, c *memCluster, f, rate int) map[string]*linkProxy {
	t.Helper()
	fname := c.members[f].Name
	proxies := map[string]*linkProxy{}
	for i, m := range c.members {
		if i == f {
			continue
		}
		p, err := newLinkProxy(m.Name, fname, c.members[f].RaftAddr, uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { p.close() })
		p.setRate(rate)
		proxies[m.Name] = p
	}
	base := c.configure
	c.configure = func(cfg *raftsql.Config) {
		if base != nil {
			base(cfg)
		}
		if p := proxies[cfg.Name]; p != nil {
			cfg.PeerDialAddrs = map[string]string{fname: p.addr()}
		}
	}
	for i := range c.members {
		if i != f {
			c.stop(i)
			c.start(i)
			c.waitLeader(20 * time.Second)
		}
	}
	return proxies
}
