package raft

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

// §5.2: at most one leader per term, under many seeded random runs (the
// harness fails on a second leader for a term).
func TestElectionSafety5_2(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		nw := newTestNetwork(t, ids(5), nil, func(c *Config) { c.Seed = seed*1000 + c.ID; c.DisablePreVote = seed%2 == 0 })
		nw.rng = rand.New(rand.NewPCG(seed, 99))
		nw.loss = 0.2
		nw.tick(300)
		if len(nw.leaders) == 0 {
			t.Fatalf("seed %d: no leader ever elected", seed)
		}
	}
}

// Votes: one vote per term, and a vote is persisted in HardState.
func TestOneVotePerTerm(t *testing.T) {
	st := storageWith(t, membership.NewConfig(ids(3), nil), nil, 1)
	rn, err := NewRawNode(Config{ID: 1, Storage: st, DisablePreVote: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = rn.Step(Message{Type: MsgVote, From: 2, To: 1, Term: 2})
	_ = rn.Step(Message{Type: MsgVote, From: 3, To: 1, Term: 2})
	rd := rn.Ready()
	if rd.HardState.Vote != 2 || rd.HardState.Term != 2 || !rd.MustSync {
		t.Fatalf("hard state %+v mustSync %v", rd.HardState, rd.MustSync)
	}
	if len(rd.Messages) != 2 || rd.Messages[0].Reject || !rd.Messages[1].Reject {
		t.Fatalf("messages %+v", rd.Messages)
	}
}

// §5.3: after random runs with loss, persisted logs satisfy log matching
// and every node applied the same entries at each index.
func TestLogMatching5_3(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		nw := newTestNetwork(t, ids(5), nil, func(c *Config) { c.Seed = seed*31 + c.ID })
		nw.rng = rand.New(rand.NewPCG(seed, 7))
		for round := 0; round < 40; round++ {
			nw.loss = 0.3
			if round%10 == 9 {
				nw.loss = 0
			}
			if l := nw.leader(); l != 0 {
				_ = nw.nodes[l].rn.Propose([]byte(fmt.Sprintf("s%d-r%d", seed, round)))
			}
			// Sometimes propose on a random node (possibly a stale leader).
			_ = nw.nodes[uint64(nw.rng.IntN(5)+1)].rn.Propose([]byte(fmt.Sprintf("x%d-%d", seed, round)))
			nw.tick(5)
		}
		nw.loss = 0
		nw.tick(30)
		nw.checkLogMatching()
		// All nodes converge on the same applied sequence.
		want := strings.Join(nw.appliedData(1), ",")
		for _, id := range ids(5) {
			if got := strings.Join(nw.appliedData(id), ","); got != want {
				t.Fatalf("seed %d: node %d applied %q, node 1 %q", seed, id, got, want)
			}
		}
	}
}

// §5.4: a newly elected leader holds every entry committed before.
func TestLeaderCompleteness5_4(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		nw := newTestNetwork(t, ids(5), nil, func(c *Config) { c.Seed = seed*17 + c.ID })
		nw.rng = rand.New(rand.NewPCG(seed, 3))
		nw.loss = 0.25
		checked := 0
		for round := 0; round < 60; round++ {
			if l := nw.leader(); l != 0 {
				_ = nw.nodes[l].rn.Propose([]byte(fmt.Sprintf("v%d", round)))
			}
			nw.tick(3)
			if round%7 == 0 {
				nw.isolate(nw.leader())
			}
			if round%7 == 3 {
				nw.heal()
			}
			// Every current leader has all committed entries.
			for _, id := range ids(5) {
				r := nw.raft(id)
				if r.state != StateLeader {
					continue
				}
				checked++
				for idx, e := range nw.committed {
					t2, err := r.log.term(idx)
					if err != nil || t2 != e.Term {
						t.Fatalf("seed %d: leader %d (term %d) lacks committed entry %d/%d", seed, id, r.Term, idx, e.Term)
					}
				}
			}
		}
		if checked == 0 {
			t.Fatalf("seed %d: never had a leader", seed)
		}
	}
}

// Figure 8: a leader does not commit an entry of an earlier term by
// counting replicas; it commits it only with an entry of its own term.
func TestFigure8CommitRule(t *testing.T) {
	cfg := membership.NewConfig(ids(3), nil)
	nw := &network{}
	*nw = *newTestNetwork(t, nil, nil)
	nw.addNode(1, storageWith(t, cfg, ents(1, 2), 2))
	nw.addNode(2, storageWith(t, cfg, ents(1), 2))
	nw.addNode(3, storageWith(t, cfg, ents(1), 2))
	// Only let the votes through; hold all appends.
	nw.drop = func(m Message) bool { return m.Type == MsgApp }
	nw.elect(1)
	r := nw.raft(1)
	if r.Term != 3 {
		t.Fatalf("term %d", r.Term)
	}
	// Follower 2 acknowledges index 2 (the term-2 entry): a majority
	// (1 and 2) holds it, but it is from an older term.
	_ = r.Step(Message{Type: MsgAppResp, From: 2, To: 1, Term: 3, Index: 2})
	if r.log.committed != 0 {
		t.Fatalf("committed %d by counting replicas of a term-2 entry", r.log.committed)
	}
	// Acknowledging the term-3 empty entry (index 3) commits 2 and 3.
	_ = r.Step(Message{Type: MsgAppResp, From: 2, To: 1, Term: 3, Index: 3})
	if r.log.committed != 3 {
		t.Fatalf("committed %d, want 3", r.log.committed)
	}
}

// A leader cut off in a minority never commits new entries; the
// majority elects a new leader; on heal the stale tail is replaced.
func TestMinorityLeaderNeverCommits(t *testing.T) {
	nw := newTestNetwork(t, ids(5), nil)
	nw.elect(1)
	_ = nw.propose(1, "before")
	base := nw.raft(1).log.committed
	nw.partition([]uint64{1, 2}, []uint64{3, 4, 5})
	_ = nw.nodes[1].rn.Propose([]byte("lost"))
	nw.stabilize()
	for range 50 {
		nw.tick(1)
		if c := nw.raft(1).log.committed; c != base {
			t.Fatalf("minority leader committed %d (base %d)", c, base)
		}
	}
	nl := nw.leader()
	if nl == 1 || nl == 2 || nl == 0 {
		t.Fatalf("leader %d, want one of 3,4,5", nl)
	}
	if nw.raft(1).state == StateLeader {
		t.Fatal("minority leader did not step down (check quorum)")
	}
	_ = nw.propose(nl, "after")
	nw.heal()
	nw.tick(20)
	for _, id := range ids(5) {
		if got := strings.Join(nw.appliedData(id), ","); got != "before,after" {
			t.Fatalf("node %d applied %q", id, got)
		}
	}
	nw.checkLogMatching()
}

// A follower with a long conflicting tail spanning many terms is brought
// in line in about one round trip per term, not one per entry.
func TestRejoiningFollowerLongConflictingTail(t *testing.T) {
	cfg := membership.NewConfig(ids(3), nil)
	// Common prefix: 5 entries of term 1. Then the leader's log has terms
	// 2,4,6,...,20 (10 entries each) and the follower's 3,5,...,19 at the
	// same positions, followed by 100 more follower entries of term 19.
	var lt, ft []uint64
	for i := 0; i < 5; i++ {
		lt, ft = append(lt, 1), append(ft, 1)
	}
	for k := uint64(0); k < 10; k++ {
		for i := 0; i < 10; i++ {
			lt = append(lt, 2+2*k)
			if k < 9 {
				ft = append(ft, 3+2*k)
			} else {
				ft = append(ft, 19)
			}
		}
	}
	for i := 0; i < 100; i++ {
		ft = append(ft, 19)
	}
	nw := newTestNetwork(t, nil, nil)
	nw.addNode(1, storageWith(t, cfg, ents(lt...), 20))
	nw.addNode(2, storageWith(t, cfg, ents(ft...), 20))
	nw.addNode(3, storageWith(t, cfg, ents(lt...), 20))
	rejects := 0
	nw.onMsg = func(m Message) {
		if m.Type == MsgAppResp && m.Reject && m.From == 2 {
			rejects++
		}
	}
	nw.elect(1)
	nw.tick(3)
	nw.checkLogMatching()
	l1, l2 := nw.logOf(1), nw.logOf(2)
	if len(l1) != len(l2) {
		t.Fatalf("follower log len %d, leader %d", len(l2), len(l1))
	}
	conflictingEntries := len(ft) - 5
	t.Logf("rejections: %d for %d conflicting entries over 10 leader terms / 9 follower terms", rejects, conflictingEntries)
	if rejects > 11 {
		t.Fatalf("%d rejected round trips, want <= 11 (one per term)", rejects)
	}
}

// A partitioned node rejoining does not depose a healthy leader (pre-vote).
func TestPreVoteRejoinDoesNotDisrupt(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	term := nw.raft(1).Term
	nw.isolate(3)
	nw.tick(100) // node 3 pre-campaigns repeatedly, never gets a quorum
	if got := nw.raft(3).Term; got != term {
		t.Fatalf("isolated node's term moved to %d (pre-vote should keep %d)", got, term)
	}
	nw.heal()
	nw.tick(30)
	if nw.leader() != 1 || nw.raft(1).Term != term {
		t.Fatalf("leader %d term %d, want 1 term %d", nw.leader(), nw.raft(1).Term, term)
	}
	if nw.raft(3).lead != 1 {
		t.Fatalf("node 3 follows %d", nw.raft(3).lead)
	}
}

// Without pre-vote, check-quorum's lease still makes followers ignore
// votes from a rejoining node with a higher term.
func TestVoteIgnoredWithinLease(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil, func(c *Config) { c.DisablePreVote = true })
	nw.elect(1)
	nw.tick(1)
	r2 := nw.raft(2)
	_ = r2.Step(Message{Type: MsgVote, From: 3, To: 2, Term: r2.Term + 5, Index: 100, LogTerm: 100})
	if r2.Term == r2.Term+5 || r2.Vote == 3 || r2.lead != 1 {
		t.Fatalf("follower within lease reacted to vote: term %d vote %d lead %d", r2.Term, r2.Vote, r2.lead)
	}
	// A leader-transfer campaign bypasses the lease.
	_ = r2.Step(Message{Type: MsgVote, From: 3, To: 2, Term: 9, Index: 100, LogTerm: 100, Context: campaignTransfer})
	if r2.Term != 9 || r2.Vote != 3 {
		t.Fatalf("transfer vote not granted: term %d vote %d", r2.Term, r2.Vote)
	}
}

// A leader that has not heard from a quorum within an election timeout
// steps down.
func TestCheckQuorumLeaderStepsDown(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.isolate(1)
	r := nw.raft(1)
	for i := 0; i < 2*r.electionTimeout+1 && r.state == StateLeader; i++ {
		nw.tick(1)
	}
	if r.state == StateLeader {
		t.Fatal("isolated leader still leader after two election timeouts")
	}
	// Disabled check-quorum: it stays leader.
	nw2 := newTestNetwork(t, ids(3), nil, func(c *Config) { c.DisableCheckQuorum = true })
	nw2.elect(1)
	nw2.isolate(1)
	nw2.nodes[1].rn.Tick()
	for range 30 {
		nw2.nodes[1].rn.Tick()
	}
	if nw2.raft(1).state != StateLeader {
		t.Fatal("leader stepped down with check-quorum disabled")
	}
}

func TestLeaderTransfer(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	nw.nodes[1].rn.TransferLeader(2)
	nw.stabilize()
	if nw.leader() != 2 {
		t.Fatalf("leader %d, want 2", nw.leader())
	}
	// Through a follower, to a lagging target: it is caught up first.
	nw.isolate(3)
	_ = nw.propose(2, "b", "c")
	nw.heal()
	nw.drop = func(m Message) bool { return m.To == 3 && m.Type == MsgApp } // keep 3 lagging for now
	nw.nodes[1].rn.TransferLeader(3)                                        // forwarded to 2
	nw.stabilize()
	if nw.raft(2).leadTransferee != 3 {
		t.Fatalf("transferee %d, want 3", nw.raft(2).leadTransferee)
	}
	err := nw.nodes[2].rn.Propose([]byte("refused"))
	if !errors.Is(err, ErrProposalDropped) || !strings.Contains(err.Error(), "leadership transfer in progress") {
		t.Fatalf("proposal during transfer: %v", err)
	}
	nw.drop = nil
	nw.tick(2)
	if nw.leader() != 3 {
		t.Fatalf("leader %d, want 3", nw.leader())
	}
	if got := strings.Join(nw.appliedData(3), ","); got != "a,b,c" {
		t.Fatalf("node 3 applied %q", got)
	}
}

func TestLeaderTransferAbortedOnTimeout(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.isolate(3)
	nw.nodes[1].rn.TransferLeader(3)
	nw.stabilize()
	r := nw.raft(1)
	if r.leadTransferee != 3 {
		t.Fatalf("transferee %d", r.leadTransferee)
	}
	if err := nw.nodes[1].rn.Propose([]byte("x")); !errors.Is(err, ErrProposalDropped) {
		t.Fatalf("proposal during transfer: %v", err)
	}
	nw.tick(r.electionTimeout)
	if r.leadTransferee != None || r.state != StateLeader {
		t.Fatalf("transfer not aborted: transferee %d state %s", r.leadTransferee, r.state)
	}
	if err := nw.propose(1, "x"); err != nil {
		t.Fatalf("proposal after abort: %v", err)
	}
}

func TestReadIndexLeader(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	if err := nw.nodes[1].rn.ReadIndex([]byte("r1")); err != nil {
		t.Fatal(err)
	}
	nw.stabilize()
	rs := nw.nodes[1].reads
	if len(rs) != 1 || string(rs[0].RequestCtx) != "r1" || rs[0].Index != nw.raft(1).log.committed {
		t.Fatalf("read states %+v (commit %d)", rs, nw.raft(1).log.committed)
	}
	// Isolated leader cannot confirm leadership: no answer.
	nw.isolate(1)
	_ = nw.nodes[1].rn.ReadIndex([]byte("r2"))
	nw.stabilize()
	if len(nw.nodes[1].reads) != 1 {
		t.Fatal("isolated leader answered a safe read")
	}
}

func TestReadIndexFollower(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	if err := nw.nodes[2].rn.ReadIndex([]byte("f")); err != nil {
		t.Fatal(err)
	}
	nw.stabilize()
	rs := nw.nodes[2].reads
	if len(rs) != 1 || string(rs[0].RequestCtx) != "f" || rs[0].Index != nw.raft(1).log.committed {
		t.Fatalf("read states %+v", rs)
	}
}

func TestReadIndexNewLeaderWaitsForOwnTermCommit(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	// Node 2 becomes leader but its term's entry cannot commit yet.
	nw.drop = func(m Message) bool { return m.Type == MsgApp || m.Type == MsgAppResp }
	nw.nodes[1].rn.TransferLeader(2)
	nw.stabilize()
	if nw.leader() != 2 {
		t.Fatalf("setup: leader %d", nw.leader())
	}
	if nw.raft(2).committedEntryInCurrentTerm() {
		t.Fatal("setup: entry of new term already committed")
	}
	if err := nw.nodes[2].rn.ReadIndex([]byte("early")); err != nil {
		t.Fatal(err)
	}
	nw.stabilize()
	if len(nw.nodes[2].reads) != 0 {
		t.Fatal("new leader answered a read before committing an entry of its term")
	}
	nw.drop = nil
	nw.tick(2)
	rs := nw.nodes[2].reads
	if len(rs) != 1 || string(rs[0].RequestCtx) != "early" {
		t.Fatalf("queued read not answered: %+v", rs)
	}
	if rs[0].Index < nw.raft(2).log.committed {
		t.Fatalf("read index %d below commit of own-term entry %d", rs[0].Index, nw.raft(2).log.committed)
	}
}

func TestReadIndexBatched(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.sent = map[MessageType]int{}
	// The first request starts a round; requests arriving while it is in
	// flight share the next round.
	rn := nw.nodes[1].rn
	for i := range 10 {
		if err := rn.ReadIndex([]byte(fmt.Sprintf("r%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	nw.stabilize()
	if got := len(nw.nodes[1].reads); got != 10 {
		t.Fatalf("%d reads answered, want 10", got)
	}
	if hb := nw.sent[MsgHeartbeat]; hb > 4 {
		t.Fatalf("%d heartbeats for 10 reads, want <= 2 rounds (4 heartbeats)", hb)
	}
	// Single-voter cluster answers immediately.
	one := newTestNetwork(t, ids(1), nil)
	one.elect(1)
	_ = one.nodes[1].rn.ReadIndex([]byte("x"))
	if rd := one.nodes[1].rn.Ready(); len(rd.ReadStates) != 1 {
		t.Fatalf("single voter read states %+v", rd.ReadStates)
	}
}

func TestReadOnlyLeaseBasedRequiresCheckQuorum(t *testing.T) {
	_, err := NewRawNode(Config{ID: 1, Storage: NewMemoryStorage(), ReadOnlyOption: ReadOnlyLeaseBased, DisableCheckQuorum: true})
	if err == nil {
		t.Fatal("lease-based reads without check-quorum accepted")
	}
	nw := newTestNetwork(t, ids(3), nil, func(c *Config) { c.ReadOnlyOption = ReadOnlyLeaseBased })
	nw.tickUntil(100, func() bool { return nw.leader() != 0 })
	l := nw.leader()
	nw.tick(1) // one stamped heartbeat round refreshes the lease
	nw.sent = map[MessageType]int{}
	_ = nw.nodes[l].rn.ReadIndex([]byte("l"))
	nw.stabilize()
	if len(nw.nodes[l].reads) != 1 || nw.sent[MsgHeartbeat] != 0 {
		t.Fatalf("lease read: %+v, heartbeats %d", nw.nodes[l].reads, nw.sent[MsgHeartbeat])
	}
	// An isolated leader's lease expires before any follower could vote
	// for someone else (ElectionTick ticks after its last heartbeat);
	// afterwards reads fall back to a heartbeat round, which cannot
	// complete.
	nw.isolate(l)
	r := nw.raft(l)
	served := 0
	for i := 1; i < r.electionTimeout && r.state == StateLeader; i++ {
		nw.tick(1)
		before := len(nw.nodes[l].reads)
		_ = nw.nodes[l].rn.ReadIndex([]byte(fmt.Sprintf("iso%d", i)))
		nw.stabilize()
		if len(nw.nodes[l].reads) > before {
			served = i
		}
	}
	if served == 0 || served > r.electionTimeout-2 {
		t.Fatalf("isolated leader served lease reads until tick %d (election timeout %d)", served, r.electionTimeout)
	}
	// A restarted node in lease mode ignores vote requests for its first
	// election timeout.
	st := storageWith(t, membership.NewConfig(ids(3), nil), nil, 5)
	rn, err := NewRawNode(Config{ID: 1, Storage: st, ReadOnlyOption: ReadOnlyLeaseBased})
	if err != nil {
		t.Fatal(err)
	}
	_ = rn.Step(Message{Type: MsgVote, From: 2, To: 1, Term: 6})
	if rn.raft.Vote != None || rn.raft.Term != 5 {
		t.Fatalf("booting node voted: term %d vote %d", rn.raft.Term, rn.raft.Vote)
	}
	for range 10 {
		rn.Tick()
	}
	_ = rn.Step(Message{Type: MsgVote, From: 2, To: 1, Term: 6})
	if rn.raft.Vote != 2 {
		t.Fatalf("vote after boot lease: %d", rn.raft.Vote)
	}
}

func TestLearnerDoesNotVote(t *testing.T) {
	nw := newTestNetwork(t, []uint64{1, 2}, []uint64{3})
	// A learner never campaigns.
	nw.isolate(1)
	nw.isolate(2)
	for range 100 {
		nw.nodes[3].rn.Tick()
	}
	if s := nw.raft(3).state; s != StateFollower {
		t.Fatalf("learner became %s", s)
	}
	if err := nw.nodes[3].rn.Campaign(); err == nil {
		t.Fatal("learner Campaign succeeded")
	}
	nw.heal()
	// A learner's grant does not count toward a quorum: with voter 2 cut,
	// node 1 cannot win even if the learner would answer.
	nw2 := newTestNetwork(t, []uint64{1, 2}, []uint64{3})
	nw2.isolate(2)
	_ = nw2.nodes[1].rn.Campaign()
	nw2.stabilize()
	r := nw2.raft(1)
	r.poll(3, true)
	if r.state == StateLeader || r.cfg.VoteResult(r.votes) == membership.VoteWon {
		t.Fatal("learner vote counted")
	}
	// Learners receive the log.
	nw.elect(1)
	_ = nw.propose(1, "a")
	if got := nw.appliedData(3); len(got) != 1 {
		t.Fatalf("learner applied %v", got)
	}
}

func proposeCC(t *testing.T, nw *network, id uint64, cc membership.Change) error {
	t.Helper()
	err := nw.nodes[id].rn.ProposeConfChange(cc)
	nw.stabilize()
	return err
}

func TestMembershipChanges(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	// A new node joins with an empty config: it never campaigns.
	n4 := nw.addNode(4, NewMemoryStorage())
	for range 50 {
		n4.rn.Tick()
	}
	if nw.raft(4).state != StateFollower {
		t.Fatal("node with empty config campaigned")
	}
	if err := proposeCC(t, nw, 1, membership.Change{Type: membership.AddLearner, NodeID: 4}); err != nil {
		t.Fatal(err)
	}
	nw.tick(3)
	if !nw.raft(1).cfg.IsLearner(4) || !nw.raft(4).cfg.Equal(nw.raft(1).cfg) {
		t.Fatalf("configs: leader %s node4 %s", nw.raft(1).cfg, nw.raft(4).cfg)
	}
	if got := strings.Join(nw.appliedData(4), ","); got != "a" {
		t.Fatalf("node 4 applied %q", got)
	}
	// Promote: allowed (caught up).
	if err := proposeCC(t, nw, 1, membership.Change{Type: membership.PromoteLearner, NodeID: 4}); err != nil {
		t.Fatal(err)
	}
	nw.tick(3)
	if !nw.raft(4).cfg.IsVoter(4) {
		t.Fatalf("node 4 config %s", nw.raft(4).cfg)
	}
	// ApplyConfChange is idempotent.
	c1 := nw.nodes[1].rn.ApplyConfChange(membership.Change{Type: membership.PromoteLearner, NodeID: 4})
	c2 := nw.nodes[1].rn.ApplyConfChange(membership.Change{Type: membership.PromoteLearner, NodeID: 4})
	if !c1.Equal(c2) || !c1.IsVoter(4) {
		t.Fatalf("not idempotent: %s vs %s", c1, c2)
	}
	// A lagging learner cannot be promoted.
	if err := proposeCC(t, nw, 1, membership.Change{Type: membership.AddLearner, NodeID: 5}); err != nil {
		t.Fatal(err)
	}
	nw.tick(3)
	for i := 0; i < 3; i++ {
		data := make([][]byte, 500)
		for j := range data {
			data[j] = []byte("x")
		}
		_ = nw.nodes[1].rn.Propose(data...)
		nw.stabilize()
	}
	err := proposeCC(t, nw, 1, membership.Change{Type: membership.PromoteLearner, NodeID: 5})
	if !errors.Is(err, ErrProposalDropped) || !strings.Contains(err.Error(), "cannot promote learner 5") {
		t.Fatalf("promote of lagging learner: %v", err)
	}
	// Validation errors.
	if err := proposeCC(t, nw, 1, membership.Change{Type: membership.RemoveNode, NodeID: 9}); !errors.Is(err, membership.ErrInvalidChange) {
		t.Fatalf("remove non-member: %v", err)
	}
}

func TestOneConfChangeInFlight(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	// Hold commits.
	nw.drop = func(m Message) bool { return m.Type == MsgAppResp }
	rn := nw.nodes[1].rn
	if err := rn.ProposeConfChange(membership.Change{Type: membership.AddLearner, NodeID: 4}); !errors.Is(err, ErrLeaderNotReady) && err != nil {
		t.Fatal(err)
	}
	nw.drop = nil
	nw.stabilize()
	nw.drop = func(m Message) bool { return m.Type == MsgAppResp }
	if err := rn.ProposeConfChange(membership.Change{Type: membership.AddLearner, NodeID: 5}); err != nil {
		t.Fatal(err)
	}
	if err := rn.ProposeConfChange(membership.Change{Type: membership.AddLearner, NodeID: 6}); !errors.Is(err, ErrConfChangePending) {
		t.Fatalf("second change in flight: %v", err)
	}
	// A new leader proposes a change only after an entry of its term committed.
	nw2 := newTestNetwork(t, ids(3), nil)
	nw2.elect(1)
	_ = nw2.propose(1, "a")
	nw2.drop = func(m Message) bool { return m.Type == MsgAppResp }
	nw2.nodes[1].rn.TransferLeader(2)
	nw2.stabilize()
	if nw2.leader() != 2 {
		t.Fatalf("setup: leader %d", nw2.leader())
	}
	err := nw2.nodes[2].rn.ProposeConfChange(membership.Change{Type: membership.AddLearner, NodeID: 4})
	if !errors.Is(err, ErrLeaderNotReady) {
		t.Fatalf("change before own-term commit: %v", err)
	}
}

func TestRemovedLeaderStepsDown(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	if err := proposeCC(t, nw, 1, membership.Change{Type: membership.RemoveNode, NodeID: 1}); err != nil {
		t.Fatal(err)
	}
	nw.tick(1)
	if nw.raft(1).state == StateLeader {
		t.Fatal("removed leader still leads")
	}
	if !nw.tickUntil(50, func() bool { l := nw.leader(); return l == 2 || l == 3 }) {
		t.Fatalf("no new leader; leader=%d", nw.leader())
	}
	// The removed node never campaigns and its proposals are refused.
	for range 100 {
		nw.tick(1)
	}
	if nw.raft(1).state != StateFollower {
		t.Fatalf("removed node is %s", nw.raft(1).state)
	}
	nw.nodes[1].rn.raft.lead = None
	err := nw.nodes[1].rn.Propose([]byte("x"))
	if !errors.Is(err, ErrProposalDropped) || !strings.Contains(err.Error(), "node removed from the cluster") {
		t.Fatalf("proposal on removed node: %v", err)
	}
	l := nw.leader()
	_ = nw.propose(l, "b")
	other := uint64(5) - l
	if got := strings.Join(nw.appliedData(other), ","); got != "a,b" {
		t.Fatalf("node %d applied %q", other, got)
	}
}

func TestSnapshotToLaggingFollower(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.isolate(3)
	for i := range 20 {
		_ = nw.propose(1, fmt.Sprintf("v%d", i))
	}
	// The leader's driver snapshots and compacts its log.
	n1 := nw.nodes[1]
	applied := nw.raft(1).log.applied
	if _, err := n1.st.CreateSnapshot(applied, n1.cfg, []byte("image")); err != nil {
		t.Fatal(err)
	}
	if err := n1.st.Compact(applied); err != nil {
		t.Fatal(err)
	}
	nw.heal()
	nw.sent = map[MessageType]int{}
	nw.tick(5)
	if nw.sent[MsgSnap] != 1 {
		t.Fatalf("%d snapshots sent, want 1", nw.sent[MsgSnap])
	}
	_ = nw.propose(1, "after")
	nw.tick(2)
	r3 := nw.raft(3)
	if r3.log.committed != nw.raft(1).log.committed {
		t.Fatalf("follower commit %d, leader %d", r3.log.committed, nw.raft(1).log.committed)
	}
	if snap, _ := nw.nodes[3].st.Snapshot(); snap.Meta.Index != applied || string(snap.Data) != "image" {
		t.Fatalf("follower snapshot %+v", snap.Meta)
	}
	if got := strings.Join(nw.appliedData(3), ","); got != "after" {
		t.Fatalf("follower applied after snapshot %q", got)
	}
	if p := nw.nodes[1].rn.Status().Progress[3]; p.State != ProgressReplicate || p.Match != r3.log.lastIndex() {
		t.Fatalf("progress %+v", p)
	}
}

func TestSnapshotTemporarilyUnavailable(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.isolate(3)
	for i := range 5 {
		_ = nw.propose(1, fmt.Sprintf("v%d", i))
	}
	n1 := nw.nodes[1]
	applied := nw.raft(1).log.applied
	_, _ = n1.st.CreateSnapshot(applied, n1.cfg, nil)
	_ = n1.st.Compact(applied)
	unavailable := &flakySnapStorage{MemoryStorage: n1.st, fail: 3}
	nw.raft(1).log.storage = unavailable
	nw.heal()
	nw.tick(10)
	if unavailable.fail > 0 {
		t.Fatalf("snapshot not retried (%d failures left)", unavailable.fail)
	}
	if nw.raft(3).log.committed != nw.raft(1).log.committed {
		t.Fatal("follower did not catch up after temporary unavailability")
	}
}

type flakySnapStorage struct {
	*MemoryStorage
	fail int
}

func (f *flakySnapStorage) Snapshot() (Snapshot, error) {
	if f.fail > 0 {
		f.fail--
		return Snapshot{}, ErrSnapshotTemporarilyUnavailable
	}
	return f.MemoryStorage.Snapshot()
}

// Many elections under seeded message loss and leader isolation: safety
// holds (checked by the harness) and the cluster keeps making progress.
func TestManyElectionsUnderMessageLoss(t *testing.T) {
	seeds := uint64(8)
	if os.Getenv("RAFTSQL_LONG") != "" {
		seeds = 200
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		nw := newTestNetwork(t, ids(5), nil, func(c *Config) { c.Seed = seed<<8 | c.ID })
		nw.rng = rand.New(rand.NewPCG(seed, 42))
		proposed := 0
		for round := range 80 {
			nw.loss = 0.15
			if l := nw.leader(); l != 0 {
				if nw.nodes[l].rn.Propose([]byte(fmt.Sprintf("p%d", round))) == nil {
					proposed++
				}
			}
			nw.tick(4)
			if round%10 == 0 {
				if l := nw.leader(); l != 0 {
					nw.isolate(l)
				}
			} else if round%10 == 7 {
				nw.heal()
			}
		}
		nw.heal()
		nw.loss = 0
		nw.tick(40)
		terms := len(nw.leaders)
		if terms < 5 {
			t.Fatalf("seed %d: only %d leader terms", seed, terms)
		}
		nw.checkLogMatching()
		want := strings.Join(nw.appliedData(1), ",")
		for _, id := range ids(5) {
			if got := strings.Join(nw.appliedData(id), ","); got != want {
				t.Fatalf("seed %d: node %d diverged", seed, id)
			}
		}
		if len(nw.appliedData(1)) == 0 {
			t.Fatalf("seed %d: nothing committed", seed)
		}
	}
}

func TestUncommittedSizeLimit(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil, func(c *Config) { c.MaxUncommittedEntriesSize = 100 })
	nw.elect(1)
	nw.isolate(2)
	nw.isolate(3)
	rn := nw.nodes[1].rn
	if err := rn.Propose(make([]byte, 80)); err != nil {
		t.Fatal(err)
	}
	err := rn.Propose(make([]byte, 80))
	if !errors.Is(err, ErrProposalDropped) || !strings.Contains(err.Error(), "uncommitted size limit") {
		t.Fatalf("got %v", err)
	}
	nw.heal()
	nw.tick(2)
	if err := rn.Propose(make([]byte, 80)); err != nil {
		t.Fatalf("after commit: %v", err)
	}
}

func TestFlowControlInflightWindow(t *testing.T) {
	nw := newTestNetwork(t, ids(2), nil, func(c *Config) { c.MaxInflightMsgs = 3; c.MaxSizePerMsg = 1 })
	nw.elect(1)
	nw.drop = func(m Message) bool { return m.Type == MsgAppResp }
	nw.sent = map[MessageType]int{}
	for i := range 10 {
		_ = nw.nodes[1].rn.Propose([]byte{byte(i)})
	}
	nw.stabilize()
	if n := nw.sent[MsgApp]; n != 3 {
		t.Fatalf("%d MsgApps with an inflight window of 3", n)
	}
	nw.drop = nil
	nw.tick(3)
	if got := len(nw.appliedData(2)); got != 10 {
		t.Fatalf("follower applied %d", got)
	}
}

func TestStatus(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	st := nw.nodes[1].rn.Status()
	if st.SoftState.RaftState != StateLeader || len(st.Progress) != 3 || st.Progress[2].Match != st.HardState.Commit {
		t.Fatalf("status %+v", st)
	}
	if s2 := nw.nodes[2].rn.Status(); s2.Progress != nil || s2.SoftState.Lead != 1 {
		t.Fatalf("follower status %+v", s2)
	}
}

// The first leader writes the bootstrap configuration into the log; a
// later leader that inherited only a prefix of those entries completes
// them, so a node joining by log replay derives the full configuration.
func TestBootstrapEntriesCompletedByNextLeader(t *testing.T) {
	cfg := membership.NewConfig(ids(3), []uint64{4})
	nw := newTestNetwork(t, ids(3), []uint64{4})
	// Leader 1 replicates only its first two bootstrap entries to node 2.
	nw.drop = func(m Message) bool { return m.Type == MsgApp }
	nw.elect(1)
	r1 := nw.raft(1)
	boot, _ := r1.log.slice(1, r1.log.lastIndex()+1, 1<<30)
	if len(boot) != 4 {
		t.Fatalf("%d bootstrap entries, want 4", len(boot))
	}
	_ = nw.raft(2).Step(Message{Type: MsgApp, From: 1, To: 2, Term: r1.Term, Entries: boot[:2]})
	nw.isolate(1)
	nw.drop = nil
	nw.stabilize()
	nw.tickUntil(100, func() bool { return nw.leader() == 2 || nw.leader() == 3 })
	l := nw.leader()
	if l != 2 {
		t.Fatalf("leader %d, want 2 (the only node with log entries)", l)
	}
	nw.tick(2)
	// A joiner with an empty config replays the log from index 1.
	nw.addNode(5, NewMemoryStorage())
	if err := proposeCC(t, nw, l, membership.Change{Type: membership.AddLearner, NodeID: 5}); err != nil {
		t.Fatal(err)
	}
	nw.tick(3)
	want, _ := cfg.Apply(membership.Change{Type: membership.AddLearner, NodeID: 5})
	if got := nw.raft(5).cfg; !got.Equal(want) {
		t.Fatalf("joiner config %s, want %s", got, want)
	}
}

// A node restarted from its storage (HardState, log, Applied) resumes
// without re-applying entries and catches up.
func TestRestartFromStorage(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a", "b")
	n2 := nw.nodes[2]
	applied := nw.raft(2).log.applied
	prevApplied := len(n2.applied)
	nw.down[2] = true
	_ = nw.propose(1, "c")
	delete(nw.down, 2)
	rn, err := NewRawNode(Config{ID: 2, Storage: n2.st, Applied: applied, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	n2.rn = rn
	if rn.raft.Term != nw.raft(1).Term || rn.raft.log.committed < applied {
		t.Fatalf("restarted with term %d commit %d", rn.raft.Term, rn.raft.log.committed)
	}
	nw.tick(3)
	got := n2.applied[prevApplied:]
	var data []string
	for _, e := range got {
		if len(e.Data) > 0 {
			data = append(data, string(e.Data))
		}
	}
	if strings.Join(data, ",") != "c" {
		t.Fatalf("after restart applied %q", data)
	}
	// Applied beyond commit is refused.
	if _, err := NewRawNode(Config{ID: 2, Storage: n2.st, Applied: 1 << 40}); err == nil {
		t.Fatal("Applied beyond commit accepted")
	}
}

// LocalReadIndex answers exactly where ReadIndex would answer at once (a
// leader that is its configuration's only voter, learners or not), with
// the same index, and nowhere else.
func TestLocalReadIndexMatchesReadIndex(t *testing.T) {
	for _, tc := range []struct {
		name             string
		voters, learners []uint64
	}{
		{"one voter", ids(1), nil},
		{"one voter and a learner", ids(1), []uint64{2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nw := newTestNetwork(t, tc.voters, tc.learners)
			if _, ok := nw.nodes[1].rn.LocalReadIndex(); ok {
				t.Fatal("answered before any election")
			}
			nw.elect(1)
			if err := nw.propose(1, "a", "b"); err != nil {
				t.Fatal(err)
			}
			idx, ok := nw.nodes[1].rn.LocalReadIndex()
			if !ok || idx != nw.raft(1).log.committed {
				t.Fatalf("LocalReadIndex = %d, %v; committed %d", idx, ok, nw.raft(1).log.committed)
			}
			if err := nw.nodes[1].rn.ReadIndex([]byte("r")); err != nil {
				t.Fatal(err)
			}
			if len(nw.raft(1).msgs) != 0 {
				t.Fatalf("ReadIndex sent %v; LocalReadIndex assumes it answers without a message", nw.raft(1).msgs)
			}
			nw.stabilize()
			rs := nw.nodes[1].reads
			if len(rs) != 1 || rs[0].Index != idx {
				t.Fatalf("ReadIndex answered %+v, LocalReadIndex %d", rs, idx)
			}
			if _, ok := nw.nodes[2]; ok {
				if _, ok := nw.nodes[2].rn.LocalReadIndex(); ok {
					t.Fatal("a learner answered")
				}
			}
		})
	}
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	if err := nw.propose(1, "a"); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids(3) {
		if _, ok := nw.nodes[id].rn.LocalReadIndex(); ok {
			t.Fatalf("node %d of three voters answered without a heartbeat round", id)
		}
	}
}

// A read request never joins a heartbeat round whose heartbeats may have
// left before it arrived: such a round's acknowledgements confirm
// leadership only up to a moment before the request, so answering the
// request with them could miss a write acknowledged in between.
func TestReadIndexNeverJoinsSentRound(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	_ = nw.propose(1, "a")
	nw.stabilize()
	rn := nw.nodes[1].rn
	// held takes leader 1's next Ready and keeps its messages back.
	held := func() []Message {
		nw.handleReady(1)
		q := nw.queue
		nw.queue = nil
		return q
	}
	// answer delivers round heartbeats and only the followers' replies
	// to them, then lets the leader take its Ready, whose messages it
	// returns (held back).
	answer := func(hbs []Message) []Message {
		for _, m := range hbs {
			if m.Type == MsgHeartbeat {
				nw.deliver(m)
			}
		}
		nw.handleReady(2)
		nw.handleReady(3)
		q := nw.queue
		nw.queue = nil
		for _, m := range q {
			if m.Type == MsgHeartbeatResp {
				nw.deliver(m)
			}
		}
		return held()
	}
	if err := rn.ReadIndex([]byte("r1")); err != nil {
		t.Fatal(err)
	}
	round1 := held()
	if len(round1) == 0 {
		t.Fatal("setup: no heartbeats for r1's round")
	}
	// A write commits and is acknowledged after round 1's heartbeats
	// left; r2 arrives after that.
	if err := nw.propose(1, "b"); err != nil {
		t.Fatal(err)
	}
	nw.stabilize()
	wrote := nw.raft(1).log.committed
	if err := rn.ReadIndex([]byte("r2")); err != nil {
		t.Fatal(err)
	}
	// r2's round starts now (rounds overlap) or once round 1 is done.
	round2 := held()
	round2 = append(round2, answer(round1)...)
	rs := nw.nodes[1].reads
	if len(rs) != 1 || string(rs[0].RequestCtx) != "r1" {
		t.Fatalf("after round 1's acknowledgements: read states %+v, want only r1 (r2 joined a round that started before it)", rs)
	}
	answer(round2)
	rs = nw.nodes[1].reads
	if len(rs) != 2 || string(rs[1].RequestCtx) != "r2" || rs[1].Index < wrote {
		t.Fatalf("after round 2's acknowledgements: read states %+v, want r2 at index >= %d", rs, wrote)
	}

	// A round whose heartbeats are lost is answered by the next
	// heartbeats' acknowledgements, and the requests that came after it
	// are answered after it, by a round of their own.
	nw.nodes[1].reads = nil
	_ = rn.ReadIndex([]byte("r3"))
	_ = held() // lost
	_ = rn.ReadIndex([]byte("r4"))
	nw.queue = append(nw.queue, held()...)
	if !nw.tickUntil(20, func() bool { return len(nw.nodes[1].reads) == 2 }) {
		t.Fatalf("read states %+v, want r3 and r4", nw.nodes[1].reads)
	}
	if rs := nw.nodes[1].reads; string(rs[0].RequestCtx) != "r3" || string(rs[1].RequestCtx) != "r4" {
		t.Fatalf("read states %+v, want r3 then r4", rs)
	}
}

// A request forwarded by a voter in the leader's term counts as that
// voter's acknowledgement: where the two form a quorum the leader answers
// at once, with no heartbeat round; elsewhere (five voters, or a
// forwarder in another term, or one of unknown term) it takes a round.
func TestReadIndexForwarderConfirms(t *testing.T) {
	for _, tc := range []struct {
		name   string
		voters int
		term   func(leaderTerm uint64) uint64 // LogTerm of the forwarded request; nil: a real follower's
		rounds bool
	}{
		{"three voters", 3, nil, false},
		{"five voters", 5, nil, true},
		{"older term", 3, func(lt uint64) uint64 { return lt - 1 }, true},
		{"unknown term", 3, func(uint64) uint64 { return 0 }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nw := newTestNetwork(t, ids(tc.voters), nil)
			nw.elect(1)
			_ = nw.propose(1, "a")
			nw.sent = map[MessageType]int{}
			if tc.term == nil {
				if err := nw.nodes[2].rn.ReadIndex([]byte("f")); err != nil {
					t.Fatal(err)
				}
				nw.stabilize()
				if rs := nw.nodes[2].reads; len(rs) != 1 || rs[0].Index != nw.raft(1).log.committed {
					t.Fatalf("read states %+v (commit %d)", rs, nw.raft(1).log.committed)
				}
			} else {
				lt := nw.raft(1).Term
				_ = nw.nodes[1].rn.Step(Message{Type: MsgReadIndex, From: 2, To: 1, LogTerm: tc.term(lt), Entries: []Entry{{Data: []byte("f")}}})
				nw.stabilize()
				if nw.sent[MsgReadIndexResp] != 1 {
					t.Fatalf("%d answers, want 1", nw.sent[MsgReadIndexResp])
				}
			}
			if hb := nw.sent[MsgHeartbeat]; (hb > 0) != tc.rounds {
				t.Fatalf("%d heartbeats; want a round: %v", hb, tc.rounds)
			}
		})
	}
}
