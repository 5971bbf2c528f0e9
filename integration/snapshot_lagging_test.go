package integration

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// Compaction keeps up under a sustained write load with a lagging
// follower (issue 12, criterion 4): a follower whose inbound links carry
// less than the write load falls behind, is sent snapshots, and the
// leader's log stays bounded all the while (sampled: at most two
// intervals and the tail, plus what arrives while a snapshot is made,
// Policy.CompactHolding); once the link heals the follower catches up and
// every checksum matches. In-process nodes, the follower's links through
// rate-limited proxies.
func TestCompactionKeepsUpWithLaggingFollower(t *testing.T) {
	const every, tail = 300, 30
	writes := 3_000
	if longRun() {
		writes = 30_000
	}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.SnapshotEntries = every
		cfg.LogTailEntries = tail
	})
	lead := c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	f := c.follower(lead)
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	c.stop(f)
	proxies := slowLinksTo(t, c, f, 48<<10)
	c.start(f)
	lead = c.waitLeader(20 * time.Second)

	// Sustained writes from several clients, one row (one entry) each.
	const clients = 8
	pad := strings.Repeat("v", 300)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	var mu sync.Mutex
	var maxRetained uint64
	var maxDisk int64
	var behind uint64
	for w := 0; w < clients; w++ {
		conn := connect(t, c.url(lead))
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < writes; i += clients {
				if err := execRetryUnknown(ctx, conn, "INSERT INTO t(id, v) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", i, pad); err != nil {
					errs <- fmt.Errorf("write %d: %w", i, err)
					return
				}
				if w == 0 && (i/clients)%20 == 19 {
					st := c.nodes[lead].SnapshotStatus()
					mu.Lock()
					maxRetained = max(maxRetained, st.LogLastIndex-st.LogFirstIndex+1)
					maxDisk = max(maxDisk, st.LogDiskBytes)
					behind = max(behind, c.nodes[lead].AppliedIndex()-min(c.nodes[lead].AppliedIndex(), c.nodes[f].AppliedIndex()))
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, p := range proxies {
		p.heal()
	}
	waitUntilFor(t, 2*time.Minute, "the lagging follower catches up", func() bool {
		return c.nodes[f].AppliedIndex() >= c.nodes[lead].AppliedIndex()
	})
	lst, fst := c.nodes[lead].SnapshotStatus(), c.nodes[f].SnapshotStatus()
	t.Logf("%d writes, snapshot every %d, tail %d, follower link 48 KiB/s: leader retained at most %d entries and %d bytes of log on disk; the follower was up to %d entries behind and installed %d snapshots; the leader made %d",
		writes, every, tail, maxRetained, maxDisk, behind, fst.Installed, lst.Made)
	if bound := uint64(4*every + tail); maxRetained > bound {
		t.Fatalf("the leader retained %d log entries with a lagging follower, want at most %d", maxRetained, bound)
	}
	if lst.Made < 2 {
		t.Fatalf("the leader made %d snapshots in %d writes with a %d-entry policy", lst.Made, writes, every)
	}
	checkChecksums(t, c)
}
