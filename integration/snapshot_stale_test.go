package integration

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// A follower whose snapshot store holds a snapshot it never installed,
// newer than the one its leader then sends, installs the leader's older
// one and catches up (it stopped with "install snapshot N: not found"
// once: the store refused the older snapshot as out of date, yet the
// core, which had never restored the newer one, restored the older and
// handed it to apply).
//
// The never-installed newer file is what a deposed leader's transfer
// leaves: the stream is received and stored, and the core drops its
// MsgSnap for its stale term. The test puts that file in place directly
// (a copy of the old leader's newest snapshot, made while the follower
// is down), so the order is deterministic: the new leader's newest
// snapshot is older than the file, and the follower needs it, its log
// being compacted away on every other node.
func TestOlderSnapshotAfterANewerUninstalledOne(t *testing.T) {
	c, lead, f := laggingFollower(t)
	o := 3 - lead - f // the third node: the next leader
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	writeRows(t, c.url(lead), 0, 400, 50, "older")
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	if err := c.nodes[o].Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	writeRows(t, c.url(lead), 1000, 400, 50, "newer")
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	if err := c.nodes[lead].Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	older, newer := c.nodes[o].SnapshotStatus().SnapshotIndex, c.nodes[lead].SnapshotStatus().SnapshotIndex
	if older == 0 || newer <= older {
		t.Fatalf("snapshots at %d (next leader) and %d (old leader): want 0 < older < newer", older, newer)
	}

	// The old leader's newest snapshot, never installed, in the follower's
	// store.
	files, err := filepath.Glob(filepath.Join(c.dir, c.members[lead].Name, "snapshots", "*.snap"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the old leader's snapshot files: %v, %v", files, err)
	}
	slices.Sort(files) // by term, then index: the newest last
	newest := files[len(files)-1]
	copyFile(t, newest, filepath.Join(c.dir, c.members[f].Name, "snapshots", filepath.Base(newest)))

	if err := c.nodes[lead].TransferLeadership(ctx, c.members[o].Name); err != nil {
		t.Fatal(err)
	}
	c.start(f)
	waitUntilFor(t, time.Minute, "the follower catches up or stops", func() bool {
		return c.nodes[f].Err() != nil || c.nodes[f].AppliedIndex() >= c.nodes[o].AppliedIndex()
	})
	if err := c.nodes[f].Err(); err != nil {
		t.Fatalf("the follower stopped: %v", err)
	}
	if got := c.nodes[f].SnapshotStatus(); got.Installed == 0 || got.SnapshotIndex < older {
		t.Fatalf("the follower caught up without installing the leader's snapshot at %d: %+v", older, got)
	}
	execSQL(t, c.url(o), "INSERT INTO t(id, v) VALUES (-1, 'after')")
	checkChecksums(t, c)
	// Its own snapshots work on the installed state, past the stale file.
	execSQL(t, c.url(f), "CHECKPOINT")
}
