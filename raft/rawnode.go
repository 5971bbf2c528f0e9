package raft

import (
	"fmt"

	"github.com/raftsql/raftsql/membership"
)

// RawNode is the deterministic Raft state machine. It is not safe for
// concurrent use: the driver calls it from one goroutine.
type RawNode struct {
	raft       *raft
	prevSoftSt SoftState
	prevHardSt HardState
}

// NewRawNode creates a node from c, loading its state from c.Storage.
func NewRawNode(c Config) (*RawNode, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	r, err := newRaft(&c)
	if err != nil {
		return nil, err
	}
	rn := &RawNode{raft: r}
	rn.prevSoftSt = r.softState()
	rn.prevHardSt = r.hardState()
	return rn, nil
}

// Tick advances the logical clock by one tick.
func (rn *RawNode) Tick() { rn.raft.tick() }

// Campaign makes the node start an election now (a pre-vote first unless
// disabled). It returns an error if the node is not a voter.
func (rn *RawNode) Campaign() error {
	r := rn.raft
	if !r.cfg.IsVoter(r.id) {
		return fmt.Errorf("raft: node %d cannot campaign: not a voter in %s", r.id, r.cfg)
	}
	return r.Step(Message{Type: MsgHup, From: r.id})
}

// Propose proposes one batch of normal entries (one MsgProp). A refused
// proposal returns an error wrapping ErrProposalDropped whose text gives
// the reason. Success means the proposal was appended (leader) or
// forwarded to the leader (follower); it may still be lost.
func (rn *RawNode) Propose(data ...[]byte) error {
	if len(data) == 0 {
		return fmt.Errorf("%w: empty proposal", ErrProposalDropped)
	}
	ents := make([]Entry, len(data))
	for i, d := range data {
		ents[i].Data = d
	}
	return rn.raft.Step(Message{Type: MsgProp, From: rn.raft.id, Entries: ents})
}

// ProposeConfChange proposes a single-server configuration change. On the
// leader it is validated (one change in flight, an entry of the leader's
// term committed, Config.Apply validation, learner lag for promotions).
func (rn *RawNode) ProposeConfChange(cc membership.Change) error {
	// Validate against the local configuration first (the leader
	// re-validates against its own).
	if _, err := rn.raft.cfg.Apply(cc); err != nil {
		return fmt.Errorf("%w: %w", ErrProposalDropped, err)
	}
	return rn.raft.Step(Message{Type: MsgProp, From: rn.raft.id,
		Entries: []Entry{{Type: EntryConfChange, Data: EncodeChange(cc)}}})
}

// ApplyConfChange applies a committed configuration change and returns the
// configuration now in force. It is idempotent: applying a change that
// already took effect (or cannot apply) returns the current configuration.
// The driver persists the returned configuration before recording the
// entry as applied.
func (rn *RawNode) ApplyConfChange(cc membership.Change) membership.Config {
	return rn.raft.applyConfChange(cc)
}

// Step feeds a message received from a peer.
func (rn *RawNode) Step(m Message) error {
	switch m.Type {
	case MsgHup, MsgBeat, MsgUnreachable, MsgSnapStatus, MsgCheckQuorum:
		return fmt.Errorf("%w: %s", ErrStepLocalMsg, m.Type)
	}
	if !m.Type.Valid() {
		return fmt.Errorf("raft: unknown message type %d from %d", m.Type, m.From)
	}
	if isResponse(m.Type) && rn.raft.prs[m.From] == nil {
		return fmt.Errorf("%w: %s from %d", ErrStepPeerNotFound, m.Type, m.From)
	}
	return rn.raft.Step(m)
}

// ReadIndex requests a linearizable read point for rctx; the answer comes
// in Ready.ReadStates (RequestCtx == rctx). It returns an error if the
// request cannot be served (no known leader).
func (rn *RawNode) ReadIndex(rctx []byte) error {
	return rn.raft.Step(Message{Type: MsgReadIndex, From: rn.raft.id, Entries: []Entry{{Data: rctx}}})
}

// LocalReadIndex returns the index that ReadIndex, called now, would answer
// with at once, without a message to any peer: ok only on the leader of a
// configuration whose single voter is this node (serveRead's single-voter
// case) once an entry of its term has committed, where the answer is the
// commit index. It lets a driver serve a read from another goroutine
// without a round through Step and Ready; the caller must make the answer
// visible no later than anything this node does next leaves it (see the
// driver's localRead), exactly as the ReadState would have been.
func (rn *RawNode) LocalReadIndex() (index uint64, ok bool) {
	r := rn.raft
	// The same rule as stepLeader's MsgReadIndex: an entry of the
	// leader's term must have committed (with asynchronous storage writes
	// a new leader's commit index may lag until its first entry is
	// durable). Only in-memory state is read (termStart, not the log's
	// terms, which is equivalent on a leader): the driver asks at every
	// round of its loop, also after the log store failed.
	if r.state != StateLeader || !r.singleVoter() || r.log.committed < r.termStart {
		return 0, false
	}
	return r.log.committed, true
}

// TransferLeader asks the leader (this node or, forwarded, the current
// leader) to hand leadership to voter `to`. Proposals are refused while the
// transfer is in progress; it is aborted after an election timeout.
func (rn *RawNode) TransferLeader(to uint64) {
	_ = rn.raft.Step(Message{Type: MsgTransferLeader, From: to})
}

// ReportUnreachable tells the leader that the last message to id failed.
func (rn *RawNode) ReportUnreachable(id uint64) {
	_ = rn.raft.Step(Message{Type: MsgUnreachable, From: id})
}

// ReportSnapshot reports the outcome of sending a snapshot to id. The
// driver must call it for every MsgSnap it sends (the follower otherwise
// stays in snapshot state).
func (rn *RawNode) ReportSnapshot(id uint64, ok bool) {
	_ = rn.raft.Step(Message{Type: MsgSnapStatus, From: id, Reject: !ok})
}

// HasReady reports whether Ready would return something to do.
func (rn *RawNode) HasReady() bool {
	r := rn.raft
	if r.softState() != rn.prevSoftSt {
		return true
	}
	if hs := r.hardState(); !hs.IsEmpty() && hs != rn.prevHardSt {
		return true
	}
	return r.log.unstable.snapshot != nil || r.log.hasUnstable() || len(r.msgs) > 0 ||
		r.log.hasNextEnts() || len(r.readStates) > 0
}

// Ready returns the pending batch of work. The driver must process it (see
// the persistence contract in the package doc) and call Advance before the
// next call to Ready.
func (rn *RawNode) Ready() Ready {
	r := rn.raft
	rd := Ready{
		Entries:          r.log.unstable.entries[:len(r.log.unstable.entries):len(r.log.unstable.entries)],
		CommittedEntries: r.log.nextEnts(),
		Messages:         r.msgs,
		ReadStates:       r.readStates,
	}
	if len(rd.Entries) == 0 {
		rd.Entries = nil
	}
	if r.softState() != rn.prevSoftSt {
		ss := new(SoftState)
		*ss = r.softState()
		rd.SoftState = ss
		rn.prevSoftSt = *ss
	}
	if hs := r.hardState(); hs != rn.prevHardSt {
		rd.HardState = hs
		rd.MustSync = hs.Term != rn.prevHardSt.Term || hs.Vote != rn.prevHardSt.Vote
		rn.prevHardSt = hs
	}
	if s := r.log.unstable.snapshot; s != nil {
		rd.Snapshot = *s
		rd.MustSync = true
	}
	if len(rd.Entries) > 0 {
		rd.MustSync = true
	}
	r.msgs = nil
	r.readStates = nil
	// The heartbeats of the newest read round leave with this Ready: a
	// later request must not join it (readRound).
	r.sealRound()
	if n := len(rd.CommittedEntries); n > 0 {
		r.log.applying = rd.CommittedEntries[n-1].Index
		r.reduceUncommittedSize(rd.CommittedEntries)
	}
	return rd
}

// Advance tells the node that rd was persisted, sent and applied.
func (rn *RawNode) Advance(rd Ready) {
	r := rn.raft
	if !rd.Snapshot.IsEmpty() {
		i := rd.Snapshot.Meta.Index
		r.log.stableSnapTo(i)
		if i > r.log.applied {
			r.log.applied = i
		}
		if i > r.log.applying {
			r.log.applying = i
		}
	}
	if n := len(rd.Entries); n > 0 {
		e := rd.Entries[n-1]
		r.log.stableTo(e.Index, e.Term)
	}
	if n := len(rd.CommittedEntries); n > 0 {
		r.log.appliedTo(rd.CommittedEntries[n-1].Index)
	}
}

// StableTo reports that the entries handed to storage by earlier Readys are
// durable up to index, the entry at index having term. Only with
// Config.AsyncStorageWrites, where it is how a leader's own entries come
// to count toward a commit; otherwise it does nothing. Reports may come
// late, repeated or out of date; a stale one (the entry at index has been
// replaced since) is ignored.
func (rn *RawNode) StableTo(index, term uint64) { rn.raft.stableTo(index, term) }

// Status returns a copy of the node's state; Progress is set on the leader.
func (rn *RawNode) Status() Status { return rn.raft.status() }
