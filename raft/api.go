package raft

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/raftsql/raftsql/membership"
)

// None is the node ID meaning "no node" (no leader, no vote).
const None uint64 = 0

// StateType is a node's role.
type StateType uint8

// Roles.
const (
	StateFollower StateType = iota
	StateCandidate
	StateLeader
	StatePreCandidate
)

func (s StateType) String() string {
	switch s {
	case StateFollower:
		return "StateFollower"
	case StateCandidate:
		return "StateCandidate"
	case StateLeader:
		return "StateLeader"
	case StatePreCandidate:
		return "StatePreCandidate"
	}
	return fmt.Sprintf("StateType(%d)", uint8(s))
}

// ReadOnlyOption selects how ReadIndex confirms leadership.
type ReadOnlyOption uint8

const (
	// ReadOnlySafe confirms leadership with a heartbeat round to a quorum
	// for every batch of read requests (default).
	ReadOnlySafe ReadOnlyOption = iota
	// ReadOnlyLeaseBased answers reads from a leader lease without a
	// round trip when the lease is fresh, and falls back to a ReadOnlySafe
	// round otherwise. The leader stamps heartbeats with its tick count;
	// the lease holds while a quorum of voters acknowledged a heartbeat
	// sent at most ElectionTick-2-ElectionTick/10 ticks ago. It relies on
	// followers refusing votes for ElectionTick ticks after hearing from
	// the leader (check-quorum, which it therefore requires), on a node
	// refusing votes for its first ElectionTick ticks after a (re)start,
	// and on a leader that sent MsgTimeoutNow never using its lease again
	// in that term. CLOCK ASSUMPTION: the tick rates of the nodes differ by
	// less than 10% (ticks on different nodes measure about the same wall
	// time) and a tick is not delayed by more than one tick interval (a
	// paused process, e.g. a long GC or a VM freeze, breaks the lease).
	// ReadOnlySafe has no clock assumption.
	ReadOnlyLeaseBased
)

// Config configures a RawNode. Zero values select the defaults.
type Config struct {
	ID                        uint64
	ElectionTick              int // default 10 (ticks of 15ms = 150ms base => [150,300) ms)
	HeartbeatTick             int // default 1
	Storage                   Storage
	Applied                   uint64 // last index applied by the state machine
	MaxSizePerMsg             uint64 // entry bytes per MsgApp, default 1 MiB
	MaxInflightMsgs           int    // default 256
	MaxUncommittedEntriesSize uint64 // default 64 MiB (0 = default)
	MaxCommittedSizePerReady  uint64 // default 16 MiB
	DisablePreVote            bool   // pre-vote on by default
	DisableCheckQuorum        bool   // check-quorum on by default
	ReadOnlyOption            ReadOnlyOption
	Seed                      uint64 // per-node seed for election jitter
	Logger                    *slog.Logger

	// AsyncStorageWrites lets the driver pipeline its log writes (see
	// "Asynchronous storage writes" in the package doc): the leader then
	// counts its own log entries toward a commit only once the driver
	// reports them durable with RawNode.StableTo, instead of as soon as
	// they are appended.
	AsyncStorageWrites bool

	// PromoteMaxLag is the largest gap between the leader's last index and
	// a learner's match for PromoteLearner (or AddVoter of a learner) to be
	// accepted by the leader. Default 1000 entries.
	PromoteMaxLag uint64
}

// Defaults.
const (
	DefaultElectionTick              = 10
	DefaultHeartbeatTick             = 1
	DefaultMaxSizePerMsg             = 1 << 20
	DefaultMaxInflightMsgs           = 256
	DefaultMaxUncommittedEntriesSize = 64 << 20
	DefaultMaxCommittedSizePerReady  = 16 << 20
	DefaultPromoteMaxLag             = 1000
)

func (c *Config) validate() error {
	if c.ID == None {
		return errors.New("raft: Config.ID must not be 0")
	}
	if c.Storage == nil {
		return errors.New("raft: Config.Storage is required")
	}
	if c.ElectionTick == 0 {
		c.ElectionTick = DefaultElectionTick
	}
	if c.HeartbeatTick == 0 {
		c.HeartbeatTick = DefaultHeartbeatTick
	}
	if c.HeartbeatTick < 0 || c.ElectionTick < 0 {
		return errors.New("raft: negative tick counts")
	}
	if c.ElectionTick <= c.HeartbeatTick {
		return fmt.Errorf("raft: ElectionTick (%d) must be greater than HeartbeatTick (%d)", c.ElectionTick, c.HeartbeatTick)
	}
	if c.MaxSizePerMsg == 0 {
		c.MaxSizePerMsg = DefaultMaxSizePerMsg
	}
	if c.MaxInflightMsgs == 0 {
		c.MaxInflightMsgs = DefaultMaxInflightMsgs
	}
	if c.MaxInflightMsgs < 0 {
		return errors.New("raft: MaxInflightMsgs must be positive")
	}
	if c.MaxUncommittedEntriesSize == 0 {
		c.MaxUncommittedEntriesSize = DefaultMaxUncommittedEntriesSize
	}
	if c.MaxCommittedSizePerReady == 0 {
		c.MaxCommittedSizePerReady = DefaultMaxCommittedSizePerReady
	}
	if c.PromoteMaxLag == 0 {
		c.PromoteMaxLag = DefaultPromoteMaxLag
	}
	if c.ReadOnlyOption > ReadOnlyLeaseBased {
		return fmt.Errorf("raft: unknown ReadOnlyOption %d", c.ReadOnlyOption)
	}
	if c.ReadOnlyOption == ReadOnlyLeaseBased && c.DisableCheckQuorum {
		return errors.New("raft: ReadOnlyLeaseBased requires check-quorum (DisableCheckQuorum must be false)")
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return nil
}

// ErrProposalDropped is wrapped by every error returned when a proposal
// (or a read request) is refused; the error text gives the reason.
var ErrProposalDropped = errors.New("raft proposal dropped")

// ErrStepLocalMsg is returned by Step for a local-only message type.
var ErrStepLocalMsg = errors.New("raft: cannot step local message")

// ErrStepPeerNotFound is returned by Step for a response from an unknown peer.
var ErrStepPeerNotFound = errors.New("raft: cannot step response from unknown peer")

func dropped(reason string) error { return fmt.Errorf("%w: %s", ErrProposalDropped, reason) }

// Reasons for dropped proposals (compare with errors.Is on the result).
var (
	ErrNoLeader          = dropped("no leader")
	ErrTransferring      = dropped("leadership transfer in progress")
	ErrNodeRemoved       = dropped("node removed from the cluster")
	ErrUncommittedLimit  = dropped("uncommitted size limit exceeded")
	ErrConfChangePending = dropped("a configuration change is already in flight")
	ErrLeaderNotReady    = dropped("leader has not committed an entry of its term yet")
)

// Ready is a batch of work for the driver: persist, send, apply, then
// Advance. See the package documentation for the persistence contract.
type Ready struct {
	SoftState        *SoftState // nil if unchanged
	HardState        HardState  // empty if unchanged
	Entries          []Entry    // persist before sending Messages
	Snapshot         Snapshot   // install (persist) if !IsEmpty()
	CommittedEntries []Entry    // apply after persisting
	Messages         []Message  // send after persisting
	ReadStates       []ReadState
	MustSync         bool
}

// SoftState is volatile state that need not be persisted.
type SoftState struct {
	Lead      uint64
	RaftState StateType
}

// ProgressState is the replication mode of a follower as seen by the leader.
type ProgressState uint8

const (
	// ProgressProbe: the leader sends at most one MsgApp per heartbeat
	// interval until it finds the match point.
	ProgressProbe ProgressState = iota
	// ProgressReplicate: the leader streams entries optimistically,
	// bounded by the inflight window.
	ProgressReplicate
	// ProgressSnapshot: the leader sent a snapshot and waits for it.
	ProgressSnapshot
)

func (s ProgressState) String() string {
	switch s {
	case ProgressProbe:
		return "probe"
	case ProgressReplicate:
		return "replicate"
	case ProgressSnapshot:
		return "snapshot"
	}
	return fmt.Sprintf("ProgressState(%d)", uint8(s))
}

// Progress is the leader's view of one member's replication (a copy).
type Progress struct {
	Match, Next     uint64
	State           ProgressState
	PendingSnapshot uint64
	RecentActive    bool
	IsLearner       bool
	Inflight        int // MsgApps in flight (replicate state)
}

// Status is a snapshot of a node's state. Progress is set on the leader only.
type Status struct {
	ID             uint64
	HardState      HardState
	SoftState      SoftState
	Applied        uint64
	Config         membership.Config
	Progress       map[uint64]Progress
	LeadTransferee uint64
}
