package integration

import (
	"fmt"
	"testing"
)

// The member table travels in snapshots: a follower that catches up by
// installing a snapshot skips the entries that added and removed members,
// and still knows the members (names, addresses) and the removals.
func TestSnapshotCarriesMemberTable(t *testing.T) {
	c, lead, f := laggingFollower(t)

	// While f is down: add two learners (never started: only the table
	// knows their names and addresses) and remove one of them.
	addrs := map[string]string{}
	for _, name := range []string{"n4", "n5"} {
		rl := listenLoopback(t, "127.0.0.1:0")
		addrs[name] = rl.Addr().String()
		rl.Close()
		alterCluster(t, c.url(lead), fmt.Sprintf("ALTER CLUSTER ADD LEARNER '%s' ADDRESS '%s'", name, addrs[name]))
	}
	alterCluster(t, c.url(lead), "ALTER CLUSTER REMOVE MEMBER 'n5'")
	// Compact the log past the changes.
	writeRows(t, c.url(lead), 0, 200, 10, "row")
	execSQL(t, c.url(lead), "CHECKPOINT")

	c.start(f)
	waitUntil(t, "the restarted follower installs a snapshot", func() bool {
		return c.nodes[f].SnapshotStatus().Installed > 0
	})
	if show := showSnapshot(t, c.url(f)); show["installed"] == "0" {
		t.Fatalf("SHOW raftsql.snapshot on the follower reports no install: %v", show)
	}
	rows := awaitCluster(t, c.url(f), "n4 a learner with its address, n5 gone", func(rows []clusterRow) bool {
		r := roles(rows)
		if _, ok := r["n5"]; ok || r["n4"] != "learner" || len(rows) != 4 {
			return false
		}
		for _, row := range rows {
			if row.name == "n4" && row.raftAddr != addrs["n4"] {
				return false
			}
		}
		return true
	})
	t.Logf("SHOW CLUSTER on the follower: %+v", rows)

	// The table survives the follower's restart (members.json was
	// replaced with the snapshot's).
	c.stop(f)
	c.start(f)
	awaitCluster(t, c.url(f), "n4 after a restart", func(rows []clusterRow) bool {
		return roles(rows)["n4"] == "learner" && len(rows) == 4
	})
}
