package integration

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// One node serves linearizable reads without a ReadIndex round through its
// driver (the core's local read index: it leads and is the only voter)
// and, while nothing is applied between two reads, on a held SQLite read
// transaction (sqlexec/heldread.go). The register workload of the fault
// suite (reads, writes, compare-and-set, on few keys) checked by porcupine
// shows neither ever returns a state older than a write acknowledged
// before the read began.
func TestOneNodeReadsLinearizable(t *testing.T) {
	c := startMemCluster(t, 1)
	c.waitLeader(30 * time.Second)
	w := &registerWorkload{keys: 3, opTimeout: 3 * time.Second, counts: map[string]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.setup(ctx, c.url(0), 1); err != nil {
		t.Fatal(err)
	}
	run, stop := context.WithTimeout(ctx, 3*time.Second)
	defer stop()
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() { defer wg.Done(); w.client(run, "n1", c.url(0), uint64(i+1)) }()
	}
	wg.Wait()
	history := w.history()
	if w.counts["read ok"] == 0 || w.counts["write ok"] == 0 {
		t.Fatalf("too little happened to check: %v", w.counts)
	}
	res, err := checkLinearizable(history, 2*time.Minute, t.TempDir())
	if res != porcupine.Ok {
		t.Fatalf("%d operations (%v): %v", len(history), w.counts, err)
	}
	t.Logf("%d operations, linearizable: %v", len(history), w.counts)
}
