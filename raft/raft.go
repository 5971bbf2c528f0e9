package raft

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"

	"github.com/raftsql/raftsql/membership"
)

// campaignTransfer marks MsgVote messages of a leader-transfer campaign in
// Message.Context: such votes bypass the leader lease.
var campaignTransfer = []byte("CampaignTransfer")

type campaignType uint8

const (
	campaignPreElection campaignType = iota
	campaignElection
	campaignTransferType
)

// readRound is one heartbeat round confirming leadership for a batch of
// ReadIndex requests (ReadOnlySafe). A round is open until the Ready that
// carries its heartbeats is taken (sealRound): only then can a heartbeat
// of it have left, so a request joining an open round still arrived
// before any of the round's heartbeats was sent, and an acknowledgement
// of the round confirms leadership at a moment after the request.
type readRound struct {
	id     uint64
	reqs   []readReq
	acks   map[uint64]bool
	sealed bool
}

type readReq struct {
	index uint64
	from  uint64
	ctx   []byte
	// term is a forwarded request's forwarder's term when it forwarded
	// it (Message.LogTerm; 0 if unknown): see serveRead.
	term uint64
}

type raft struct {
	id    uint64
	Term  uint64
	Vote  uint64
	lead  uint64
	state StateType
	// termStart is, on a leader, the index of the first entry of its term:
	// an entry of its term has committed once the commit index reaches it
	// (committedEntryInCurrentTerm, without reading the log).
	termStart uint64
	log       *raftLog
	cfg       membership.Config
	prs       map[uint64]*progress
	votes     map[uint64]bool
	msgs      []Message
	logger    *slog.Logger
	rand      *rand.Rand

	maxMsgSize         uint64
	maxUncommittedSize uint64
	maxInflight        int
	promoteMaxLag      uint64
	uncommittedSize    uint64

	checkQuorum bool
	preVote     bool
	// asyncWrites: the leader's own progress advances only through
	// stableTo (Config.AsyncStorageWrites).
	asyncWrites bool
	readOnlyOpt ReadOnlyOption

	electionTimeout           int
	heartbeatTimeout          int
	randomizedElectionTimeout int
	electionElapsed           int
	heartbeatElapsed          int

	leadTransferee   uint64
	pendingConfIndex uint64

	// ReadIndex state (leader).
	readStates   []ReadState
	pendingReads []readReq // waiting for an entry of this term to commit
	// rounds are the heartbeat rounds in flight, oldest first (ids
	// ascending); only the newest can be open (readRound).
	rounds   []*readRound
	roundSeq uint64
	// queuedReads wait for a round: maxReadRounds are in flight.
	queuedReads []readReq

	// ticks counts Tick calls (the leader stamps heartbeats with it for
	// the read lease).
	ticks uint64
	// bootLease: with ReadOnlyLeaseBased, a (re)started node ignores
	// vote requests for its first election timeout, as if it had just
	// heard from a leader, so a restart cannot shorten a lease it granted.
	bootLease bool
	// timeoutNowSent: this leader sent MsgTimeoutNow in its term. The
	// transferee's campaign bypasses the followers' leases (even if the
	// message is delayed past the transfer's abort), so the leader never
	// answers lease reads again in this term.
	timeoutNowSent bool
}

func newRaft(c *Config) (*raft, error) {
	hs, cfg, err := c.Storage.InitialState()
	if err != nil {
		return nil, fmt.Errorf("raft: storage InitialState: %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("raft: initial configuration: %w", err)
	}
	l, err := newLog(c.Storage, c.MaxCommittedSizePerReady)
	if err != nil {
		return nil, err
	}
	r := &raft{
		id:                 c.ID,
		log:                l,
		logger:             c.Logger.With("raft", c.ID),
		rand:               rand.New(rand.NewPCG(c.Seed, c.ID^0x9e3779b97f4a7c15)),
		maxMsgSize:         c.MaxSizePerMsg,
		maxUncommittedSize: c.MaxUncommittedEntriesSize,
		maxInflight:        c.MaxInflightMsgs,
		promoteMaxLag:      c.PromoteMaxLag,
		checkQuorum:        !c.DisableCheckQuorum,
		preVote:            !c.DisablePreVote,
		asyncWrites:        c.AsyncStorageWrites,
		readOnlyOpt:        c.ReadOnlyOption,
		electionTimeout:    c.ElectionTick,
		heartbeatTimeout:   c.HeartbeatTick,
	}
	r.setConfig(cfg)
	if !hs.IsEmpty() {
		if hs.Commit < l.committed || hs.Commit > l.lastIndex() {
			return nil, fmt.Errorf("raft: HardState commit %d out of range [%d, %d]", hs.Commit, l.committed, l.lastIndex())
		}
		r.Term, r.Vote = hs.Term, hs.Vote
		l.committed = hs.Commit
	}
	if c.Applied > 0 {
		if c.Applied > l.committed {
			return nil, fmt.Errorf("raft: Config.Applied %d is beyond commit %d", c.Applied, l.committed)
		}
		if c.Applied > l.applied {
			l.applied, l.applying = c.Applied, c.Applied
		}
	}
	r.becomeFollower(r.Term, None)
	r.bootLease = r.readOnlyOpt == ReadOnlyLeaseBased
	r.logger.Info("raft node started", "term", r.Term, "commit", l.committed, "applied", l.applied,
		"lastIndex", l.lastIndex(), "config", r.cfg.String())
	return r, nil
}

func (r *raft) hardState() HardState {
	return HardState{Term: r.Term, Vote: r.Vote, Commit: r.log.committed}
}

func (r *raft) softState() SoftState { return SoftState{Lead: r.lead, RaftState: r.state} }

// send queues m for the driver. Vote messages carry their own term; local
// proposals/read requests forwarded to the leader carry term 0.
func (r *raft) send(m Message) {
	if m.From == None {
		m.From = r.id
	}
	switch m.Type {
	case MsgVote, MsgVoteResp, MsgPreVote, MsgPreVoteResp:
		if m.Term == 0 {
			panic(fmt.Sprintf("raft: term should be set when sending %s", m.Type))
		}
	case MsgProp, MsgReadIndex:
	default:
		m.Term = r.Term
	}
	r.msgs = append(r.msgs, m)
}

// ---- configuration ----

func (r *raft) setConfig(cfg membership.Config) {
	r.cfg = cfg.Clone()
	if r.prs == nil {
		r.prs = make(map[uint64]*progress)
	}
	next := r.log.lastIndex() + 1
	for id := range r.prs {
		if !r.cfg.Contains(id) {
			delete(r.prs, id)
		}
	}
	for _, id := range r.cfg.IDs() {
		pr, ok := r.prs[id]
		if !ok {
			pr = &progress{Next: next, Inflights: newInflights(r.maxInflight), RecentActive: true}
			if id == r.id {
				pr.Match = next - 1
			}
			r.prs[id] = pr
		}
		pr.IsLearner = r.cfg.IsLearner(id)
	}
}

func (r *raft) promotable() bool {
	return r.cfg.IsVoter(r.id) && r.log.unstable.snapshot == nil
}

func (r *raft) removed() bool { return !r.cfg.IsEmpty() && !r.cfg.Contains(r.id) }

func (r *raft) applyConfChange(cc membership.Change) membership.Config {
	ncfg, err := r.cfg.Apply(cc)
	if err != nil {
		// Idempotency: re-applying a change that already took effect (or
		// an invalid one the log nevertheless carries) leaves the config.
		r.logger.Debug("conf change not applied", "change", cc.String(), "err", err)
		return r.cfg.Clone()
	}
	if ncfg.Equal(r.cfg) {
		return r.cfg.Clone()
	}
	wasLeader := r.state == StateLeader
	r.setConfig(ncfg)
	r.logger.Info("applied conf change", "change", cc.String(), "config", r.cfg.String())
	if !wasLeader {
		return r.cfg.Clone()
	}
	if !r.cfg.IsVoter(r.id) {
		// A removed (or demoted) leader hands off to the most up-to-date
		// voter if one is caught up, then steps down.
		var best uint64
		for _, id := range r.cfg.Voters {
			if pr := r.prs[id]; pr != nil && pr.Match == r.log.lastIndex() && (best == None || id < best) {
				best = id
			}
		}
		if best != None {
			r.sendTimeoutNow(best)
		}
		r.logger.Info("leader removed from voters; stepping down", "handoff", best)
		r.becomeFollower(r.Term, None)
		return r.cfg.Clone()
	}
	if r.leadTransferee != None && !r.cfg.IsVoter(r.leadTransferee) {
		r.abortLeaderTransfer()
	}
	if r.maybeCommit() {
		r.afterCommit()
	}
	r.bcastAppend()
	return r.cfg.Clone()
}

// ---- role transitions ----

func (r *raft) resetRandomizedElectionTimeout() {
	r.randomizedElectionTimeout = r.electionTimeout + r.rand.IntN(r.electionTimeout)
}

func (r *raft) reset(term uint64) {
	if r.Term != term {
		r.Term = term
		r.Vote = None
	}
	r.lead = None
	r.electionElapsed = 0
	r.heartbeatElapsed = 0
	r.resetRandomizedElectionTimeout()
	r.leadTransferee = None
	r.votes = make(map[uint64]bool)
	last := r.log.lastIndex()
	for id, pr := range r.prs {
		*pr = progress{Next: last + 1, Inflights: pr.Inflights, IsLearner: pr.IsLearner, RecentActive: true}
		pr.Inflights.reset()
		if id == r.id {
			pr.Match = last
		}
	}
	r.pendingConfIndex = 0
	r.uncommittedSize = 0
	r.pendingReads = nil
	r.rounds = nil
	r.queuedReads = nil
	r.timeoutNowSent = false
}

func (r *raft) becomeFollower(term, lead uint64) {
	r.reset(term)
	r.lead = lead
	r.state = StateFollower
	r.logger.Debug("became follower", "term", r.Term, "lead", lead)
}

func (r *raft) becomePreCandidate() {
	if r.state == StateLeader {
		panic("raft: invalid transition leader -> pre-candidate")
	}
	// Pre-candidacy changes neither the term nor the vote.
	r.votes = make(map[uint64]bool)
	r.lead = None
	r.state = StatePreCandidate
	r.logger.Debug("became pre-candidate", "term", r.Term)
}

func (r *raft) becomeCandidate() {
	if r.state == StateLeader {
		panic("raft: invalid transition leader -> candidate")
	}
	r.reset(r.Term + 1)
	r.Vote = r.id
	r.state = StateCandidate
	r.logger.Debug("became candidate", "term", r.Term)
}

func (r *raft) becomeLeader() {
	if r.state == StateFollower {
		panic("raft: invalid transition follower -> leader")
	}
	r.reset(r.Term)
	r.lead = r.id
	r.state = StateLeader
	if pr := r.prs[r.id]; pr != nil {
		pr.becomeReplicate()
	}
	// Conservatively treat any entry in the log as a possibly pending
	// configuration change.
	r.pendingConfIndex = r.log.lastIndex()
	r.termStart = r.log.lastIndex() + 1
	if es := r.missingBootstrapEntries(); len(es) > 0 {
		// Leader of a freshly bootstrapped cluster: write the bootstrap
		// configuration into the log as conf-change entries (empty
		// Context), so that a node that later joins and replays the log
		// from index 1 derives the right configuration. Applying them on
		// the bootstrapped members is a no-op. A leader that inherited
		// only part of them (an earlier leader failed mid-way) appends
		// the rest: entry i of the log is always bootstrap entry i.
		if !r.appendEntry(es...) {
			panic("raft: bootstrap entries were dropped")
		}
		r.pendingConfIndex = r.log.lastIndex()
	} else if !r.appendEntry(Entry{}) {
		panic("raft: empty entry was dropped")
	}
	// The empty entry does not count toward the uncommitted size.
	r.uncommittedSize = 0
	r.logger.Info("became leader", "term", r.Term, "lastIndex", r.log.lastIndex())
}

// bootstrapEntries returns the conf-change entries that describe the
// bootstrap configuration: AddVoter for each voter, then AddLearner for
// each learner, in ID order.
func (r *raft) bootstrapEntries() []Entry {
	es := make([]Entry, 0, len(r.cfg.Voters)+len(r.cfg.Learners))
	for _, id := range r.cfg.Voters {
		es = append(es, Entry{Type: EntryConfChange, Data: EncodeChange(membership.Change{Type: membership.AddVoter, NodeID: id})})
	}
	for _, id := range r.cfg.Learners {
		es = append(es, Entry{Type: EntryConfChange, Data: EncodeChange(membership.Change{Type: membership.AddLearner, NodeID: id})})
	}
	return es
}

// missingBootstrapEntries returns the bootstrap entries a new leader must
// still append: all of them on an empty log, the remainder if the log
// holds only a prefix of them, none otherwise.
func (r *raft) missingBootstrapEntries() []Entry {
	li := r.log.lastIndex()
	boot := r.bootstrapEntries()
	if li >= uint64(len(boot)) || r.log.firstIndex() != 1 {
		return nil
	}
	if li > 0 {
		have, err := r.log.slice(1, li+1, 1<<62)
		if err != nil {
			return nil
		}
		for i, e := range have {
			if e.Type != EntryConfChange || string(e.Data) != string(boot[i].Data) {
				return nil
			}
		}
	}
	return boot[li:]
}

// ---- ticks ----

func (r *raft) tick() {
	r.ticks++
	if r.state == StateLeader {
		r.tickHeartbeat()
	} else {
		r.tickElection()
	}
}

func (r *raft) tickElection() {
	r.electionElapsed++
	if r.electionElapsed >= r.electionTimeout {
		r.bootLease = false
	}
	if r.promotable() && r.electionElapsed >= r.randomizedElectionTimeout {
		r.electionElapsed = 0
		_ = r.Step(Message{From: r.id, Type: MsgHup})
	}
}

func (r *raft) tickHeartbeat() {
	r.heartbeatElapsed++
	r.electionElapsed++
	if r.electionElapsed >= r.electionTimeout {
		r.electionElapsed = 0
		if r.checkQuorum {
			_ = r.Step(Message{From: r.id, Type: MsgCheckQuorum})
		}
		if r.state == StateLeader && r.leadTransferee != None {
			r.logger.Info("leader transfer timed out; aborting", "to", r.leadTransferee)
			r.abortLeaderTransfer()
		}
	}
	if r.state != StateLeader {
		return
	}
	if r.heartbeatElapsed >= r.heartbeatTimeout {
		r.heartbeatElapsed = 0
		_ = r.Step(Message{From: r.id, Type: MsgBeat})
	}
}

// ---- elections ----

func (r *raft) hasUnappliedConfChanges() bool {
	if r.log.applied >= r.log.committed {
		return false
	}
	lo := max(r.log.applied+1, r.log.firstIndex())
	for lo <= r.log.committed {
		ents, err := r.log.slice(lo, r.log.committed+1, r.maxMsgSize)
		if err != nil || len(ents) == 0 {
			return false
		}
		for _, e := range ents {
			if e.Type == EntryConfChange {
				return true
			}
		}
		lo = ents[len(ents)-1].Index + 1
	}
	return false
}

func (r *raft) hup(t campaignType) {
	if r.state == StateLeader {
		return
	}
	if !r.promotable() {
		r.logger.Debug("not promotable; not campaigning", "config", r.cfg.String())
		return
	}
	if r.hasUnappliedConfChanges() {
		r.logger.Warn("not campaigning: unapplied committed configuration change")
		return
	}
	r.campaign(t)
}

func voteRespType(t MessageType) MessageType {
	if t == MsgPreVote {
		return MsgPreVoteResp
	}
	return MsgVoteResp
}

func (r *raft) campaign(t campaignType) {
	var term uint64
	var voteMsg MessageType
	if t == campaignPreElection {
		r.becomePreCandidate()
		voteMsg = MsgPreVote
		term = r.Term + 1
	} else {
		r.becomeCandidate()
		voteMsg = MsgVote
		term = r.Term
	}
	if r.poll(r.id, true) == membership.VoteWon {
		if t == campaignPreElection {
			r.campaign(campaignElection)
		} else {
			r.becomeLeader()
		}
		return
	}
	var ctx []byte
	if t == campaignTransferType {
		ctx = campaignTransfer
	}
	for _, id := range r.cfg.Voters {
		if id == r.id {
			continue
		}
		r.send(Message{Type: voteMsg, To: id, Term: term, Index: r.log.lastIndex(), LogTerm: r.log.lastTerm(), Context: ctx})
	}
}

func (r *raft) poll(id uint64, granted bool) membership.VoteResult {
	if r.cfg.IsVoter(id) {
		if _, ok := r.votes[id]; !ok {
			r.votes[id] = granted
		}
	}
	return r.cfg.VoteResult(r.votes)
}

// ---- Step ----

func isResponse(t MessageType) bool {
	switch t {
	case MsgAppResp, MsgVoteResp, MsgPreVoteResp, MsgHeartbeatResp, MsgUnreachable, MsgSnapStatus:
		return true
	}
	return false
}

func (r *raft) Step(m Message) error {
	switch {
	case m.Term == 0:
		// local message
	case m.Term > r.Term:
		if m.Type == MsgVote || m.Type == MsgPreVote {
			force := bytes.Equal(m.Context, campaignTransfer)
			inLease := r.checkQuorum && (r.lead != None || r.bootLease) && r.electionElapsed < r.electionTimeout
			if !force && inLease {
				// A live leader was heard from within the election
				// timeout: ignore the (pre)vote so a rejoining or removed
				// node cannot disrupt it.
				r.logger.Debug("ignoring vote request within lease", "type", m.Type, "from", m.From, "term", m.Term)
				return nil
			}
		}
		switch {
		case m.Type == MsgPreVote:
			// Never change our term in response to a pre-vote.
		case m.Type == MsgPreVoteResp && !m.Reject:
			// A granted pre-vote carries the future term; we bump the
			// term when we win.
		default:
			r.logger.Debug("received higher term", "type", m.Type, "from", m.From, "term", m.Term, "ourTerm", r.Term)
			if m.Type == MsgApp || m.Type == MsgHeartbeat || m.Type == MsgSnap {
				r.becomeFollower(m.Term, m.From)
			} else {
				r.becomeFollower(m.Term, None)
			}
		}
	case m.Term < r.Term:
		if (r.checkQuorum || r.preVote) && (m.Type == MsgHeartbeat || m.Type == MsgApp) {
			// Let a stale leader learn our term so it steps down (it may
			// have been partitioned; with pre-vote/check-quorum our term
			// would otherwise never reach it).
			r.send(Message{To: m.From, Type: MsgAppResp})
		} else if m.Type == MsgPreVote {
			r.send(Message{To: m.From, Term: r.Term, Type: MsgPreVoteResp, Reject: true})
		}
		return nil
	}

	switch m.Type {
	case MsgHup:
		if r.preVote {
			r.hup(campaignPreElection)
		} else {
			r.hup(campaignElection)
		}
	case MsgVote, MsgPreVote:
		canVote := r.Vote == m.From ||
			(r.Vote == None && r.lead == None) ||
			(m.Type == MsgPreVote && m.Term > r.Term)
		// A node that is a learner in its own (applied) configuration
		// still answers: its vote only counts if the candidate's
		// configuration already has it as a voter (the promotion
		// committed but is not yet applied here); otherwise the
		// candidate ignores it. Refusing would deadlock elections that
		// need a just-promoted voter.
		if canVote && r.log.isUpToDate(m.Index, m.LogTerm) {
			r.logger.Debug("granting vote", "type", m.Type, "to", m.From, "term", m.Term)
			r.send(Message{To: m.From, Term: m.Term, Type: voteRespType(m.Type)})
			if m.Type == MsgVote {
				r.electionElapsed = 0
				r.Vote = m.From
			}
		} else {
			r.logger.Debug("rejecting vote", "type", m.Type, "to", m.From, "term", m.Term)
			r.send(Message{To: m.From, Term: r.Term, Type: voteRespType(m.Type), Reject: true})
		}
	default:
		switch r.state {
		case StateLeader:
			return r.stepLeader(m)
		case StateCandidate, StatePreCandidate:
			return r.stepCandidate(m)
		default:
			return r.stepFollower(m)
		}
	}
	return nil
}

// singleVoter reports whether this node is its configuration's only voter.
func (r *raft) singleVoter() bool {
	return len(r.cfg.Voters) == 1 && r.cfg.IsVoter(r.id)
}

func (r *raft) committedEntryInCurrentTerm() bool {
	t, err := r.log.term(r.log.committed)
	return err == nil && t == r.Term
}

func (r *raft) checkProposal(m *Message) error {
	if r.removed() {
		return ErrNodeRemoved
	}
	if r.leadTransferee != None {
		return ErrTransferring
	}
	cfg := r.cfg
	nconf := 0
	for i := range m.Entries {
		e := &m.Entries[i]
		if e.Type != EntryConfChange {
			continue
		}
		if nconf++; nconf > 1 {
			return fmt.Errorf("%w: more than one configuration change in one proposal", ErrProposalDropped)
		}
		cc, err := DecodeChange(e.Data)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProposalDropped, err)
		}
		if r.pendingConfIndex > r.log.applied {
			return fmt.Errorf("%w (index %d, applied %d)", ErrConfChangePending, r.pendingConfIndex, r.log.applied)
		}
		if !r.committedEntryInCurrentTerm() {
			return ErrLeaderNotReady
		}
		ncfg, err := cfg.Apply(cc)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProposalDropped, err)
		}
		if !cfg.IsVoter(cc.NodeID) && ncfg.IsVoter(cc.NodeID) && cfg.IsLearner(cc.NodeID) {
			pr := r.prs[cc.NodeID]
			last := r.log.lastIndex()
			if pr == nil || pr.Match+r.promoteMaxLag < last {
				var match uint64
				if pr != nil {
					match = pr.Match
				}
				return fmt.Errorf("%w: cannot promote learner %d: match %d lags last index %d by more than %d entries",
					ErrProposalDropped, cc.NodeID, match, last, r.promoteMaxLag)
			}
		}
		if r.removedByChange(cc) && len(cfg.Voters) == 1 {
			return fmt.Errorf("%w: cannot remove the last voter", ErrProposalDropped)
		}
		cfg = ncfg
	}
	return nil
}

func (r *raft) removedByChange(cc membership.Change) bool {
	return cc.Type == membership.RemoveNode && r.cfg.IsVoter(cc.NodeID)
}

func (r *raft) stepLeader(m Message) error {
	switch m.Type {
	case MsgBeat:
		r.bcastHeartbeat()
		return nil
	case MsgCheckQuorum:
		if !r.quorumActive() {
			r.logger.Warn("stepping down: no quorum heard within an election timeout", "term", r.Term)
			r.becomeFollower(r.Term, None)
		}
		for id, pr := range r.prs {
			if id != r.id {
				pr.RecentActive = false
			}
		}
		return nil
	case MsgProp:
		if len(m.Entries) == 0 {
			return fmt.Errorf("%w: empty proposal", ErrProposalDropped)
		}
		if err := r.checkProposal(&m); err != nil {
			r.logger.Debug("proposal dropped", "from", m.From, "err", err)
			return err
		}
		for _, e := range m.Entries {
			if e.Type == EntryConfChange {
				r.pendingConfIndex = r.log.lastIndex() + uint64(len(m.Entries))
			}
		}
		if !r.appendEntry(m.Entries...) {
			return fmt.Errorf("%w (uncommitted %d bytes, limit %d)", ErrUncommittedLimit, r.uncommittedSize, r.maxUncommittedSize)
		}
		r.bcastAppend()
		return nil
	case MsgReadIndex:
		req := readReq{from: m.From, ctx: readCtx(m), term: m.LogTerm}
		if !r.committedEntryInCurrentTerm() {
			// A new leader does not know the commit index until an entry
			// of its term commits: its commit index may lag writes
			// committed (and acknowledged) under an earlier term, e.g.
			// after a restart lost an unsynced commit index. Queue (not
			// drop) the request; afterCommit serves it. This holds for a
			// single voter too: with asynchronous storage writes its
			// first entry commits only once StableTo reports it durable.
			r.pendingReads = append(r.pendingReads, req)
			return nil
		}
		r.serveRead(req)
		return nil
	case MsgTransferLeader:
		return r.handleTransferLeader(m)
	}

	pr := r.prs[m.From]
	if pr == nil {
		r.logger.Debug("no progress for sender", "from", m.From, "type", m.Type)
		return nil
	}
	switch m.Type {
	case MsgAppResp:
		pr.RecentActive = true
		if m.Reject {
			next := m.RejectHint
			if m.LogTerm > 0 {
				next, _ = r.log.findConflictByTerm(m.RejectHint, m.LogTerm)
			}
			if pr.maybeDecrTo(m.Index, next) {
				if pr.State == ProgressReplicate {
					pr.becomeProbe()
				}
				r.sendAppend(m.From)
			}
			return nil
		}
		oldPaused := pr.isPaused()
		if pr.maybeUpdate(m.Index) || (pr.Match == m.Index && pr.State == ProgressProbe) {
			switch {
			case pr.State == ProgressProbe:
				pr.becomeReplicate()
			case pr.State == ProgressSnapshot && pr.Match+1 >= r.log.firstIndex():
				pr.becomeProbe()
				pr.becomeReplicate()
			case pr.State == ProgressReplicate:
				pr.Inflights.freeLE(m.Index)
			}
			if r.maybeCommit() {
				r.afterCommit()
				r.bcastAppend()
			} else if oldPaused {
				r.sendAppend(m.From)
			}
			// Stream more if the window allows.
			for r.maybeSendAppend(m.From, false) {
			}
			if m.From == r.leadTransferee && pr.Match == r.log.lastIndex() {
				r.logger.Info("transferee caught up; sending MsgTimeoutNow", "to", m.From)
				r.sendTimeoutNow(m.From)
			}
		}
	case MsgHeartbeatResp:
		pr.RecentActive = true
		pr.MsgAppFlowPaused = false
		if pr.State == ProgressReplicate && pr.Inflights.full() {
			// The acknowledgements of the window may all have been lost:
			// free one slot so that an append goes out and resyncs.
			pr.Inflights.freeFirst()
		}
		if pr.Match < r.log.lastIndex() || pr.State == ProgressProbe {
			r.sendAppend(m.From)
		}
		if sent, round, ok := parseHeartbeatCtx(m.Context); ok {
			if sent+1 > pr.leaseAck {
				pr.leaseAck = sent + 1
			}
			r.ackRound(m.From, round)
		}
	case MsgSnapStatus:
		if pr.State != ProgressSnapshot {
			return nil
		}
		if m.Reject {
			r.logger.Debug("snapshot failed", "to", m.From)
			pr.PendingSnapshot = 0
		}
		pr.becomeProbe()
		// Wait for a heartbeat response before probing again.
		pr.MsgAppFlowPaused = true
	case MsgUnreachable:
		if pr.State == ProgressReplicate {
			pr.becomeProbe()
		}
	}
	return nil
}

func (r *raft) handleTransferLeader(m Message) error {
	to := m.From
	if !r.cfg.IsVoter(to) {
		r.logger.Info("ignoring leader transfer to non-voter", "to", to)
		return nil
	}
	if r.leadTransferee != None {
		if r.leadTransferee == to {
			return nil
		}
		r.abortLeaderTransfer()
	}
	if to == r.id {
		return nil
	}
	r.logger.Info("starting leader transfer", "to", to)
	// The transfer must finish within one election timeout.
	r.electionElapsed = 0
	r.leadTransferee = to
	if r.prs[to].Match == r.log.lastIndex() {
		r.sendTimeoutNow(to)
	} else {
		r.sendAppend(to)
	}
	return nil
}

func (r *raft) abortLeaderTransfer() { r.leadTransferee = None }

func (r *raft) sendTimeoutNow(to uint64) {
	r.timeoutNowSent = true
	r.send(Message{Type: MsgTimeoutNow, To: to})
}

func (r *raft) stepCandidate(m Message) error {
	var myResp MessageType = MsgVoteResp
	if r.state == StatePreCandidate {
		myResp = MsgPreVoteResp
	}
	switch m.Type {
	case MsgProp:
		return ErrNoLeader
	case MsgReadIndex:
		return fmt.Errorf("%w: read index", ErrNoLeader)
	case MsgApp:
		r.becomeFollower(m.Term, m.From)
		r.handleAppendEntries(m)
	case MsgHeartbeat:
		r.becomeFollower(m.Term, m.From)
		r.handleHeartbeat(m)
	case MsgSnap:
		r.becomeFollower(m.Term, m.From)
		r.handleSnapshot(m)
	case myResp:
		switch r.poll(m.From, !m.Reject) {
		case membership.VoteWon:
			if r.state == StatePreCandidate {
				r.campaign(campaignElection)
			} else {
				r.becomeLeader()
				r.bcastAppend()
			}
		case membership.VoteLost:
			r.becomeFollower(r.Term, None)
		}
	case MsgTimeoutNow:
		r.logger.Debug("ignoring MsgTimeoutNow as candidate", "from", m.From)
	}
	return nil
}

func (r *raft) stepFollower(m Message) error {
	switch m.Type {
	case MsgProp:
		if r.removed() {
			return ErrNodeRemoved
		}
		if r.lead == None {
			return ErrNoLeader
		}
		// A forwarded message names its forwarder as sender: the
		// transport checks that a message's sender is the peer it came
		// from, and a proposal does not need its origin.
		m.To, m.From = r.lead, r.id
		r.send(m)
	case MsgApp:
		r.electionElapsed = 0
		r.lead = m.From
		r.handleAppendEntries(m)
	case MsgHeartbeat:
		r.electionElapsed = 0
		r.lead = m.From
		r.handleHeartbeat(m)
	case MsgSnap:
		r.electionElapsed = 0
		r.lead = m.From
		r.handleSnapshot(m)
	case MsgTransferLeader:
		if r.lead == None {
			r.logger.Info("no leader; dropping leader transfer request", "to", m.From)
			return nil
		}
		m.To = r.lead
		r.send(m)
	case MsgTimeoutNow:
		r.logger.Info("received MsgTimeoutNow; campaigning for leader transfer", "from", m.From)
		r.hup(campaignTransferType)
	case MsgReadIndex:
		if r.lead == None {
			return fmt.Errorf("%w: read index", ErrNoLeader)
		}
		if m.From != r.id && m.From != None {
			// A request forwarded to us by a node that took us for the
			// leader: the answer could not reach its origin through us,
			// so drop it; the origin retries with the leader it learns.
			return nil
		}
		// The forwarder's term travels in LogTerm (Term stays 0: a
		// forwarded request is a local message at the leader); the
		// leader may count the request as this node's acknowledgement
		// (serveRead).
		m.To, m.From, m.LogTerm = r.lead, r.id, r.Term
		r.send(m)
	case MsgReadIndexResp:
		if len(m.Entries) != 1 {
			return fmt.Errorf("raft: malformed MsgReadIndexResp from %d: %d entries", m.From, len(m.Entries))
		}
		r.readStates = append(r.readStates, ReadState{Index: m.Index, RequestCtx: m.Entries[0].Data})
	}
	return nil
}

// ---- follower handlers ----

func (r *raft) handleAppendEntries(m Message) {
	if m.Index < r.log.committed {
		r.ackAppend(m.From, r.log.committed)
		return
	}
	if mlast, ok := r.log.maybeAppend(m.Index, m.LogTerm, m.Commit, m.Entries); ok {
		r.ackAppend(m.From, mlast)
		return
	}
	// Fast backtracking: point the leader at the last index <= prev whose
	// term is <= the leader's prevLogTerm, with its term, so the leader
	// can skip a whole term per round trip.
	hint := min(m.Index, r.log.lastIndex())
	hint, hintTerm := r.log.findConflictByTerm(hint, m.LogTerm)
	r.logger.Debug("rejecting MsgApp", "from", m.From, "prevIndex", m.Index, "prevTerm", m.LogTerm, "hint", hint, "hintTerm", hintTerm)
	r.send(Message{To: m.From, Type: MsgAppResp, Index: m.Index, Reject: true, RejectHint: hint, LogTerm: hintTerm})
}

// ackAppend acknowledges an append up to index (coalesceAppResp).
func (r *raft) ackAppend(to, index uint64) {
	if !r.coalesceAppResp(to, index) {
		r.send(Message{To: to, Type: MsgAppResp, Index: index})
	}
}

func (r *raft) handleHeartbeat(m Message) {
	r.log.commitTo(min(m.Commit, r.log.lastIndex()))
	r.send(Message{To: m.From, Type: MsgHeartbeatResp, Context: m.Context})
}

func (r *raft) handleSnapshot(m Message) {
	if m.Snapshot == nil {
		r.logger.Warn("MsgSnap without snapshot", "from", m.From)
		return
	}
	s := *m.Snapshot
	if r.restore(s) {
		r.logger.Info("restored snapshot", "index", s.Meta.Index, "term", s.Meta.Term)
		r.send(Message{To: m.From, Type: MsgAppResp, Index: r.log.lastIndex()})
	} else {
		r.send(Message{To: m.From, Type: MsgAppResp, Index: r.log.committed})
	}
}

func (r *raft) restore(s Snapshot) bool {
	if s.Meta.Index <= r.log.committed {
		return false
	}
	if r.state != StateFollower {
		panic("raft: non-follower restoring a snapshot")
	}
	if err := s.Meta.Config.Validate(); err != nil {
		r.logger.Warn("ignoring snapshot with invalid config", "err", err)
		return false
	}
	if r.log.matchTerm(s.Meta.Index, s.Meta.Term) {
		// We have the entries: just fast-forward the commit index.
		r.log.commitTo(s.Meta.Index)
		return false
	}
	r.log.restore(s)
	r.prs = nil
	r.setConfig(s.Meta.Config)
	return true
}

// ---- leader helpers ----

func (r *raft) appendEntry(es ...Entry) bool {
	li := r.log.lastIndex()
	var size uint64
	for i := range es {
		es[i].Term = r.Term
		es[i].Index = li + 1 + uint64(i)
		size += uint64(len(es[i].Data))
	}
	if r.uncommittedSize > 0 && size > 0 && r.uncommittedSize+size > r.maxUncommittedSize {
		return false
	}
	r.uncommittedSize += size
	li = r.log.append(es...)
	if r.asyncWrites {
		// The entries are not durable yet: the driver reports them with
		// StableTo once they are, and only then do they count.
		return true
	}
	if pr := r.prs[r.id]; pr != nil {
		pr.maybeUpdate(li)
	}
	if r.maybeCommit() {
		r.afterCommit()
	}
	return true
}

// stableTo records that this node's log is durable up to index, whose
// entry has term (asynchronous storage writes only). On a leader it is the
// leader's own acknowledgement of its entries: they now count toward a
// commit, as a follower's MsgAppResp does. A report whose entry has since
// been replaced (a different term at index) is stale and ignored; one
// with the same term covers the same entries by the log matching property.
func (r *raft) stableTo(index, term uint64) {
	if !r.asyncWrites || r.state != StateLeader {
		return
	}
	if t, err := r.log.term(index); err != nil || t != term {
		return
	}
	pr := r.prs[r.id]
	if pr == nil || !pr.maybeUpdate(index) {
		return
	}
	if r.maybeCommit() {
		r.afterCommit()
		r.bcastAppend()
	}
}

func (r *raft) reduceUncommittedSize(ents []Entry) {
	if r.state != StateLeader {
		return
	}
	var s uint64
	for _, e := range ents {
		s += uint64(len(e.Data))
	}
	if s > r.uncommittedSize {
		r.uncommittedSize = 0
	} else {
		r.uncommittedSize -= s
	}
}

func (r *raft) maybeCommit() bool {
	mci := r.cfg.CommittedIndex(func(id uint64) uint64 {
		if pr := r.prs[id]; pr != nil {
			return pr.Match
		}
		return 0
	})
	return r.log.maybeCommit(mci, r.Term)
}

// afterCommit runs when the leader's commit index advanced.
func (r *raft) afterCommit() {
	if len(r.pendingReads) > 0 && r.committedEntryInCurrentTerm() {
		reqs := r.pendingReads
		r.pendingReads = nil
		for _, req := range reqs {
			r.serveRead(req)
		}
	}
}

func (r *raft) quorumActive() bool {
	return r.cfg.HasQuorum(func(id uint64) bool {
		if id == r.id {
			return true
		}
		pr := r.prs[id]
		return pr != nil && pr.RecentActive
	})
}

func (r *raft) bcastAppend() {
	for _, id := range r.cfg.IDs() {
		if id != r.id {
			r.sendAppend(id)
		}
	}
}

func (r *raft) sendAppend(to uint64) { r.maybeSendAppend(to, true) }

// maybeSendAppend sends a MsgApp (or MsgSnap) to a follower. With
// sendIfEmpty false it only sends if there are entries to send.
func (r *raft) maybeSendAppend(to uint64, sendIfEmpty bool) bool {
	pr := r.prs[to]
	if pr == nil || pr.isPaused() {
		return false
	}
	prevIndex := pr.Next - 1
	prevTerm, errt := r.log.term(prevIndex)
	var ents []Entry
	var erre error
	if pr.State != ProgressReplicate || !pr.Inflights.full() {
		ents, erre = r.log.entries(pr.Next, r.maxMsgSize)
	}
	if len(ents) == 0 && !sendIfEmpty && errt == nil && erre == nil {
		return false
	}
	if errt != nil || erre != nil {
		return r.sendSnapshot(to, pr)
	}
	if !r.coalesceApp(to, prevIndex, prevTerm, ents) {
		r.send(Message{To: to, Type: MsgApp, Index: prevIndex, LogTerm: prevTerm, Entries: ents, Commit: r.log.committed})
	}
	var last uint64
	if n := len(ents); n > 0 {
		last = ents[n-1].Index
	}
	pr.sentEntries(len(ents), last)
	return true
}

// coalesceApp folds an append into the message already queued for the
// same follower when that message is an append of this term that ends
// exactly where this one starts (its last entry, or its prevLogIndex when
// it has none, is prevIndex with prevTerm), and reports whether it did.
// Every proposal stepped between two Readys sends each follower an
// append, and every commit advance an empty one carrying the new commit
// index; without this a Ready would carry one MsgApp per proposal and
// per commit advance to each follower, and each would be answered. The
// folded message is what the follower would have made of the two in
// order: the same prevLogIndex check (the second one's holds whenever
// the first's does, by log matching, and fails with it otherwise), the
// entries of both, and the newer commit index. The progress is updated
// for each append as before (sentEntries), so flow control sees the
// same window. Only the last message queued for that follower is
// considered, so messages to it keep their order, and the folded entries
// stay within the message size limit.
func (r *raft) coalesceApp(to, prevIndex, prevTerm uint64, ents []Entry) bool {
	for i := len(r.msgs) - 1; i >= 0; i-- {
		q := &r.msgs[i]
		if q.To != to {
			continue
		}
		if q.Type != MsgApp || q.Term != r.Term {
			return false
		}
		lastIndex, lastTerm := q.Index, q.LogTerm
		if n := len(q.Entries); n > 0 {
			lastIndex, lastTerm = q.Entries[n-1].Index, q.Entries[n-1].Term
		}
		if lastIndex != prevIndex || lastTerm != prevTerm {
			return false
		}
		if len(ents) > 0 {
			if len(q.Entries) > 0 && entriesSize(q.Entries)+entriesSize(ents) > r.maxMsgSize {
				return false
			}
			// A new slice: q.Entries may share its array with the log.
			merged := make([]Entry, 0, len(q.Entries)+len(ents))
			q.Entries = append(append(merged, q.Entries...), ents...)
		}
		q.Commit = r.log.committed
		return true
	}
	return false
}

// coalesceAppResp folds an acknowledgement into the one already queued
// for the same leader when that is an acknowledgement of this term too,
// and reports whether it did. A follower that steps several appends
// between two Readys answers each; they all leave with that Ready, after
// its write, and the leader learns from the highest index alone what it
// would have learned from each (within a term a leader's appends only
// extend what a follower's log shares with it, so the highest match
// covers the others). Rejections are never folded.
func (r *raft) coalesceAppResp(to, index uint64) bool {
	for i := len(r.msgs) - 1; i >= 0; i-- {
		q := &r.msgs[i]
		if q.To != to {
			continue
		}
		if q.Type != MsgAppResp || q.Reject || q.Term != r.Term {
			return false
		}
		q.Index = max(q.Index, index)
		return true
	}
	return false
}

func entriesSize(ents []Entry) uint64 {
	var n uint64
	for _, e := range ents {
		n += EntrySize(e)
	}
	return n
}

func (r *raft) sendSnapshot(to uint64, pr *progress) bool {
	if !pr.RecentActive {
		r.logger.Debug("not sending snapshot to inactive follower", "to", to)
		return false
	}
	snap, err := r.log.snapshot()
	if err != nil {
		if errors.Is(err, ErrSnapshotTemporarilyUnavailable) {
			r.logger.Debug("snapshot temporarily unavailable; retrying later", "to", to)
			return false
		}
		panic(fmt.Sprintf("raft: storage Snapshot: %v", err))
	}
	if snap.IsEmpty() {
		panic("raft: need a non-empty snapshot to send to a lagging follower")
	}
	r.logger.Info("sending snapshot", "to", to, "index", snap.Meta.Index, "term", snap.Meta.Term)
	pr.becomeSnapshot(snap.Meta.Index)
	r.send(Message{To: to, Type: MsgSnap, Snapshot: &snap})
	return true
}

func (r *raft) bcastHeartbeat() {
	var ctx []byte
	if len(r.rounds) > 0 || r.readOnlyOpt == ReadOnlyLeaseBased {
		var round uint64
		if k := len(r.rounds); k > 0 {
			round = r.rounds[k-1].id
		}
		ctx = heartbeatCtx(r.ticks, round)
	}
	for _, id := range r.cfg.IDs() {
		if id == r.id {
			continue
		}
		pr := r.prs[id]
		r.send(Message{To: id, Type: MsgHeartbeat, Commit: min(pr.Match, r.log.committed), Context: ctx})
	}
}

// ---- ReadIndex ----

func readCtx(m Message) []byte {
	if len(m.Entries) > 0 {
		return m.Entries[0].Data
	}
	return nil
}

// serveRead handles a read request at a leader that has committed an
// entry of its term.
func (r *raft) serveRead(req readReq) {
	req.index = r.log.committed
	if r.singleVoter() {
		// No other voter can lead a later term without this node's vote,
		// so leadership needs no confirmation: answer at once
		// (RawNode.LocalReadIndex gives the same answer without Step).
		r.respondRead(req, req.index)
		return
	}
	if r.readOnlyOpt == ReadOnlyLeaseBased && r.leaseValid() {
		r.respondRead(req, req.index)
		return
	}
	if r.forwarderConfirms(req) {
		r.respondRead(req, req.index)
		return
	}
	// ReadOnlySafe, or the lease is not fresh: confirm leadership with a
	// heartbeat round. The request joins the newest round if that one is
	// still open (none of its heartbeats has left yet), so all the
	// requests of one Ready share one heartbeat per follower; otherwise it
	// starts a new one, or, with maxReadRounds in flight, waits for the
	// next round to start (never joining one that started before it
	// arrived).
	if k := len(r.rounds); k > 0 && !r.rounds[k-1].sealed {
		r.rounds[k-1].reqs = append(r.rounds[k-1].reqs, req)
		return
	}
	if len(r.rounds) >= maxReadRounds {
		r.queuedReads = append(r.queuedReads, req)
		return
	}
	r.startRound([]readReq{req})
}

// maxReadRounds bounds the heartbeat rounds in flight. Overlapping
// rounds (more than one) shorten a read's wait by the rest of the round
// in flight when it arrives, but send a heartbeat per follower per Ready
// that carries reads; on a CPU-bound machine the extra messages cost more
// than the wait (docs/benchmarks.md, round 8), so one round is in flight
// and the requests arriving meanwhile share the next.
const maxReadRounds = 1

func (r *raft) startRound(reqs []readReq) {
	r.roundSeq++
	r.rounds = append(r.rounds, &readRound{id: r.roundSeq, reqs: reqs, acks: map[uint64]bool{r.id: true}})
	r.bcastHeartbeat()
}

// forwarderConfirms reports whether a request forwarded by a follower
// already confirms this leader's leadership for its reads together with
// the leader itself, so that it needs no heartbeat round: the forwarder
// is a voter that was in this leader's term when it forwarded (after each
// of the reads the request carries began), and the forwarder and the
// leader form a quorum (in a 3-voter cluster, always). Then no leader of a
// later term can have been elected before those reads began: it would
// need a vote from the leader (which has voted in no later term, being
// leader in this one now) or from the forwarder (in this term when it
// forwarded, so it had voted in no later one), since any quorum meets the
// two of them. So every write acknowledged before the reads began was
// committed in this term or an earlier one, and lies at or below the
// commit index taken now (an entry of this term is committed).
func (r *raft) forwarderConfirms(req readReq) bool {
	if req.from == None || req.from == r.id || req.term != r.Term {
		return false
	}
	return r.cfg.HasQuorum(func(id uint64) bool { return id == r.id || id == req.from })
}

// sealRound closes the newest round to new requests: its heartbeats are
// in the Ready being taken and may leave from now on.
func (r *raft) sealRound() {
	if k := len(r.rounds); k > 0 {
		r.rounds[k-1].sealed = true
	}
}

// ackRound records from's acknowledgement of a heartbeat of round (0:
// none) and answers every round that a quorum has now acknowledged. An
// acknowledgement of round k also counts for every earlier round still in
// flight: k's heartbeat left after each earlier round was sealed, so after
// all of its requests arrived. Acknowledgements of a round therefore
// include those of every later one, and the rounds complete oldest first.
func (r *raft) ackRound(from, round uint64) {
	for _, rd := range r.rounds {
		if rd.id > round {
			break
		}
		rd.acks[from] = true
	}
	for len(r.rounds) > 0 && r.cfg.HasQuorum(func(id uint64) bool { return r.rounds[0].acks[id] }) {
		rd := r.rounds[0]
		r.rounds[0] = nil
		r.rounds = r.rounds[1:]
		for _, req := range rd.reqs {
			r.respondRead(req, req.index)
		}
	}
	if len(r.queuedReads) > 0 && len(r.rounds) < maxReadRounds {
		reqs := r.queuedReads
		r.queuedReads = nil
		r.startRound(reqs)
	}
}

func (r *raft) respondRead(req readReq, index uint64) {
	if req.from == None || req.from == r.id {
		r.readStates = append(r.readStates, ReadState{Index: index, RequestCtx: req.ctx})
		return
	}
	r.send(Message{To: req.from, Type: MsgReadIndexResp, Index: index, Entries: []Entry{{Data: req.ctx}}})
}

// heartbeatCtx is the Context of a leader heartbeat: 'h', the leader's tick
// count when sent, and the read round it confirms (0 = none). Followers
// echo it in MsgHeartbeatResp.
func heartbeatCtx(tick, round uint64) []byte {
	b := make([]byte, 0, 17)
	b = append(b, 'h')
	b = binary.BigEndian.AppendUint64(b, tick)
	return binary.BigEndian.AppendUint64(b, round)
}

func parseHeartbeatCtx(b []byte) (tick, round uint64, ok bool) {
	if len(b) != 17 || b[0] != 'h' {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(b[1:9]), binary.BigEndian.Uint64(b[9:]), true
}

// leaseValid reports whether the leader may answer a read from its lease
// (ReadOnlyLeaseBased): a quorum of voters acknowledged a heartbeat sent
// at most leaseTicks ago. Each of them received it after it was sent and
// will not vote for another candidate (nor campaign) for ElectionTick of
// its own ticks after receipt, i.e. at least ElectionTick-1 tick
// intervals; leaseTicks = ElectionTick-2-ElectionTick/10 leaves one tick
// for granularity and 10% for clock-rate drift between nodes.
func (r *raft) leaseValid() bool {
	if r.timeoutNowSent {
		return false
	}
	leaseTicks := uint64(max(0, r.electionTimeout-2-r.electionTimeout/10))
	return r.cfg.HasQuorum(func(id uint64) bool {
		if id == r.id {
			return true
		}
		pr := r.prs[id]
		return pr != nil && pr.leaseAck > 0 && r.ticks-(pr.leaseAck-1) <= leaseTicks
	})
}

// ---- status ----

func (r *raft) status() Status {
	s := Status{
		ID:             r.id,
		HardState:      r.hardState(),
		SoftState:      r.softState(),
		Applied:        r.log.applied,
		Config:         r.cfg.Clone(),
		LeadTransferee: r.leadTransferee,
	}
	if r.state == StateLeader {
		s.Progress = make(map[uint64]Progress, len(r.prs))
		for id, pr := range r.prs {
			s.Progress[id] = pr.export()
		}
	}
	return s
}
