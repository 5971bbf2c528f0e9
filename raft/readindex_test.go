package raft

import (
	"fmt"
	"testing"
)

// A leader answers a ReadIndex only once an entry of its own term has
// committed, whatever the number of voters and whether log writes are
// pipelined: until then its commit index may lag writes committed (and
// acknowledged) under an earlier term. The commit index is not synced on
// its own (MustSync), so a restart can lose it: here every node restarts
// with its durable commit index below writes a client saw applied, and a
// read asked of the new leader at once must not be answered below them.
// With pipelined writes a single voter's first entry of the new term
// commits only when StableTo reports it durable, so the window is real
// there (it was answered at the stale commit index).
func TestReadIndexAfterLostCommitWaitsForTheTermsFirstCommit(t *testing.T) {
	for _, mode := range []struct {
		name       string
		syncWrites bool
	}{{"sync", true}, {"pipelined", false}} {
		for _, voters := range [][]uint64{{1}, {1, 2, 3}} {
			t.Run(fmt.Sprintf("%s/%d voters", mode.name, len(voters)), func(t *testing.T) {
				an := newAsyncNet(t, voters, 7)
				if mode.syncWrites {
					an.syncWrites = true
					for _, id := range an.ids {
						an.crash(id) // restart synchronous
					}
					an.settle()
				}
				if err := an.nodes[1].rn.Campaign(); err != nil {
					t.Fatal(err)
				}
				an.settle()
				lostCommit := an.nodes[1].rn.raft.log.committed
				if err := an.nodes[1].rn.Propose([]byte("a"), []byte("b")); err != nil {
					t.Fatal(err)
				}
				an.settle()
				acked := an.nodes[1].applied[len(an.nodes[1].applied)-1]
				if string(acked.Data) != "b" {
					t.Fatalf("setup: last applied %q, want b", acked.Data)
				}
				// Every node loses the commit index it had not synced.
				for _, id := range an.ids {
					d := an.nodes[id].durable
					hs, _, _ := d.InitialState()
					hs.Commit = lostCommit
					_ = d.SetHardState(hs)
					an.crash(id)
				}
				an.settle() // apply what survived (a node does not campaign with a configuration change unapplied)

				n := an.nodes[1]
				if err := n.rn.Campaign(); err != nil {
					t.Fatal(err)
				}
				// Deliver one message at a time until node 1 leads.
				for i := 0; n.rn.raft.state != StateLeader; i++ {
					if i == 1000 {
						t.Fatal("node 1 did not become leader")
					}
					for _, id := range an.ids {
						for an.ready(id) {
						}
						for an.sync(id) {
						}
					}
					if len(an.queue) > 0 && n.rn.raft.state != StateLeader {
						an.deliver(0)
					}
				}
				r := n.rn.raft
				early := !r.committedEntryInCurrentTerm()
				if len(voters) > 1 || !mode.syncWrites {
					// Only a synchronous single voter commits its
					// term's first entry as it becomes leader.
					if !early {
						t.Fatalf("setup: an entry of term %d committed as node 1 became leader", r.Term)
					}
				}
				if err := n.rn.ReadIndex([]byte("r")); err != nil {
					t.Fatal(err)
				}
				an.settle()
				if len(n.reads) != 1 || string(n.reads[0].RequestCtx) != "r" {
					t.Fatalf("read states %+v, want one for r", n.reads)
				}
				if idx := n.reads[0].Index; idx < acked.Index || idx < r.termStart {
					t.Fatalf("read index %d (asked before the term's first commit: %v) is below the acknowledged write %d or the term's first entry %d",
						idx, early, acked.Index, r.termStart)
				}
			})
		}
	}
}
