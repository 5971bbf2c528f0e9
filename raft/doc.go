// Package raft is raftsql's Raft consensus core: a pure, deterministic state
// machine that orders the writes of the replicated SQL database. It does no
// IO, starts no goroutines, reads no wall clock and uses no global random
// source: time advances only through RawNode.Tick, election jitter comes
// from a per-node PCG source seeded with Config.Seed, input arrives through
// Step/Propose/ReadIndex/..., and all output is returned in Ready batches.
// The same inputs therefore always produce the same outputs, which is what
// the fault simulator (raft/raftsim) relies on.
//
// Features: leader election with randomized timeouts in [E, 2E) ticks,
// pre-vote and check-quorum (on by default), log replication with a
// prevLogIndex/prevLogTerm check and fast backtracking (one round trip per
// conflicting term), the Figure 8 commit rule, flow control (probe,
// replicate and snapshot progress states, an inflight window, message and
// uncommitted-size limits; the appends and acknowledgements one Ready
// carries to a peer folded into one while they stay contiguous and
// within the size limit), ReadIndex (ReadOnlySafe with batched heartbeat
// rounds, or ReadOnlyLeaseBased), leader transfer, learners and
// single-server membership changes, and snapshots.
//
// # Invariants
//
//   - Election safety: at most one leader per term (one vote per term,
//     persisted in HardState.Vote before the vote is sent).
//   - Log matching: a MsgApp is accepted only if the follower has the
//     entry at prevLogIndex with prevLogTerm; conflicting suffixes are
//     truncated. Truncating a committed entry panics (it would mean the
//     durability contract below was broken).
//   - Leader completeness: votes are granted only to candidates whose log
//     is at least as up to date (last term, then last index).
//   - A leader commits only by counting replicas of an entry of its own
//     term; it appends an empty entry at the start of each term.
//   - Learners and non-members never count toward a quorum and never
//     campaign; a node with an empty configuration never campaigns. A
//     candidate counts only the votes of voters of its configuration, so
//     a learner's answer to a vote request only matters once its
//     promotion is in the candidate's configuration (it answers even
//     before applying the promotion itself, or elections that need it
//     could deadlock).
//   - Read index: a leader answers a ReadIndex (and LocalReadIndex gives
//     an index) only once an entry of its own term has committed, and
//     then at its commit index; until then it holds the request. Before
//     that its commit index may lag writes committed, and acknowledged,
//     in earlier terms (the commit index is not synced on its own, so a
//     restart can lose it). A single voter is no exception: with
//     asynchronous storage writes its first entry of a term commits only
//     once StableTo reports it durable.
//
// # Persistence contract
//
// The driver runs this loop from a single goroutine:
//
//  1. If HasReady, take rd := Ready().
//  2. Persist durably, in one batch: rd.Snapshot (if !IsEmpty()), then
//     rd.HardState (if !IsEmpty()) and rd.Entries (which may replace a
//     conflicting suffix of the stored log). Sync if rd.MustSync.
//  3. Only then send rd.Messages. (A vote, an append acknowledgement or a
//     MsgApp may depend on the state persisted in step 2.)
//     Exception: when rd.HardState leaves Term and Vote as persisted, a
//     leader's MsgApp may be sent before step 2 (its followers then write
//     while it does), provided the driver steps nothing until step 2 is
//     done: the core counts the leader's entries when they are appended,
//     so an acknowledgement stepped before they are durable could commit
//     them on the strength of a copy that is not. A forwarded MsgProp or
//     MsgReadIndex carries no persisted state and may always go early. A MsgSnap's
//     snapshot data is streamed by the driver; it must call
//     ReportSnapshot(to, ok) for every MsgSnap it sends, and may call
//     ReportUnreachable when a send fails.
//  4. Apply rd.CommittedEntries in order (they are always entries already
//     persisted, by an earlier Ready or by step 2). For an
//     EntryConfChange, call ApplyConfChange(DecodeChange(e.Data)) and
//     persist the configuration it returns before recording the entry as
//     applied. Serve rd.ReadStates once the applied index reaches their
//     Index.
//  5. Call Advance(rd). Do not call Ready again before Advance.
//
// # Asynchronous storage writes
//
// With Config.AsyncStorageWrites the driver may pipeline its log writes:
// the next Ready's write starts while the previous one is still syncing,
// as in etcd-io/raft's AsyncStorageWrites. The loop above changes so:
//
//  2. Hand the Ready's writes (same content, same order) to storage so
//     that Storage reads see them at once; they become durable later,
//     strictly in the order they were handed over.
//  3. A leader's MsgApp may leave at once when the term it carries is
//     already durable, and so may a forwarded MsgProp or MsgReadIndex
//     (they carry no persisted state). Every other message, and every
//     entry of
//     rd.CommittedEntries, waits until this Ready's write (and so every
//     earlier one) is durable: a vote or an acknowledgement must never
//     outrun its state, and a committed entry is applied only once it is
//     durable locally (a follower can learn a commit before its own copy
//     is on disk).
//  4. Once a write is durable, call StableTo(index, term) with the last
//     index of the log that write left and that entry's term.
//  5. Call Advance(rd) as soon as the Ready is handed over (step 2); the
//     next Ready may be taken before this one is durable.
//
// The core then counts a leader's own entries toward a commit only when
// StableTo reports them (appending no longer counts), exactly as it
// counts a follower's only when its MsgAppResp, sent after that
// follower's write is durable, arrives: a commit always rests on a
// majority of durable copies. A StableTo whose entry has been replaced
// since (another term at that index) is ignored. On becoming leader the
// core counts its whole log as its own: its votes answered a MsgVote that
// left only after the vote, and so every earlier write, was durable (a
// single voter's new term can commit only its own new entry, reported by
// StableTo after every earlier write). Snapshots may be handled the
// synchronous way (the driver waits for the write before going on).
//
// Log compaction is the driver's job (Storage snapshot + compaction); the
// core tolerates compacted storage by sending snapshots to followers that
// need compacted entries, and retries later if Storage.Snapshot returns
// ErrSnapshotTemporarilyUnavailable.
//
// # Bootstrapping and joining
//
// The members of a new cluster start with a Storage whose InitialState
// returns the bootstrap configuration and an empty HardState and log. The
// first leader writes that configuration into the log as conf-change
// entries at indices 1..k (AddVoter for each voter, then AddLearner for
// each learner, in ID order, with an empty Context); a later leader that
// inherited only a prefix of them appends the rest. Applying them on the
// bootstrapped members changes nothing; a node that joins with an empty
// configuration and replays the log from index 1 (no snapshot yet) thereby
// derives the right configuration. A node with an empty configuration,
// a learner and a removed node never campaign.
//
// # Read-only queries
//
// ReadOnlySafe (default) confirms leadership with a heartbeat round for
// each batch of ReadIndex requests: the requests stepped between two
// Readys share one round (one heartbeat per follower), answered when a
// quorum acknowledges it. A request never joins a round whose heartbeats
// have been handed out in a Ready (they may have left before it arrived,
// so their acknowledgements do not confirm leadership after it); with
// maxReadRounds (1) in flight, the requests arriving meanwhile share the
// next round. An acknowledgement of a round counts for every earlier
// round too. A
// request forwarded by a voter that was in the leader's term counts as
// that voter's acknowledgement: where the two form a quorum (always with
// three voters) the leader answers it at once (forwarderConfirms has the
// argument). A new leader
// queues read requests until an entry of its term commits. A follower
// forwards MsgReadIndex to the leader and gets MsgReadIndexResp back. A
// single voter needs no round: once an entry of its term has committed it
// answers at once (and RawNode.LocalReadIndex gives the same index
// without Step). Unlike etcd-io/raft, whose single-voter case answers
// before that check, it holds reads until then like any new leader.
// ReadOnlyLeaseBased answers from a tick-counted leader lease when it is
// fresh (see ReadOnlyLeaseBased for the clock-drift assumption);
// NewRawNode refuses it when check-quorum is disabled. Requests in flight when leadership is lost are dropped
// silently: the caller times out and retries.
//
// # Errors
//
// Refused proposals and reads return errors wrapping ErrProposalDropped
// whose text gives the reason: "no leader", "leadership transfer in
// progress", "node removed from the cluster", "uncommitted size limit
// exceeded", configuration-change validation failures. Proposals are never
// silently dropped on the proposing node; a proposal forwarded to the
// leader can still be lost (the caller times out and retries).
package raft
