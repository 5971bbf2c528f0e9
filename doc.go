// Package raftsql is a raftsql node: it wires the Raft core (raft), its
// durable log (logstore), the peer transport (raft/transport), the SQLite
// state machine (sqlexec) and the PostgreSQL front end (pgwire) into one
// running member of a cluster. It is also the embedding API for Go programs:
// Start a node, connect to its PostgreSQL address with any PostgreSQL client,
// Close it.
//
// One goroutine, the driver (run), owns the Raft core. For each Ready it
// follows the core's persistence contract: persist the snapshot, hard state
// and entries in one synced log store batch; then send the messages; then
// hand the snapshot and committed entries, in log order, to the apply
// goroutine (applyLoop) without waiting for SQLite; then Advance. So ticks,
// heartbeats, votes and appends keep flowing however long SQLite works. The
// apply queue never blocks the driver and bounds memory: beyond a bound it
// holds index ranges, which the apply goroutine reads back from the log
// store. A configuration change reaches the core in log order: the apply
// goroutine, having applied everything before it, asks the driver to call
// ApplyConfChange and persist the configuration, then records the entry as
// applied. Client goroutines never touch the core: they hand proposals and
// read requests to the driver over channels and wait for this node's own
// apply of their request id (a read waits until the apply goroutine reaches
// its read index).
//
// Stopping (Close, or a fatal error in either goroutine) halts both; the
// apply batch in progress is interrupted (sqlexec.DB.Interrupt), rolled
// back and not recorded as applied, so a restart applies it again.
//
// Membership (see docs/design.md, "Membership"): members.go (the member
// table derived from the log), join.go (identity and incarnations, joining
// with Config.Join, removal), upkeep.go (advertising addresses, promoting
// caught-up learners), cluster_admin.go (ALTER CLUSTER), cluster_show.go
// (SHOW CLUSTER), lostlog.go (a voter that lost its log is refused),
// birth.go (an initial member votes only once every initial member has
// vouched for this incarnation), jointoken.go (the secret --join presents).
//
// Operations (docs/operations.md): admin.go (the admin HTTP listener's
// source, package adminhttp), ready.go (readiness; a node that cannot
// take part in its cluster refuses clients at once), metrics.go (the
// node's own Prometheus registry), datadir_lock.go (one process per data
// directory).
// Trust in the state (see docs/design.md, "Self-verification" and
// "Self-repair"): verify.go (replicas compare checksums through the log),
// diverged.go (the DIVERGED mark), repair.go (a diverged replica or a
// damaged SQLite file rebuilds itself from a healthy peer's snapshot, or
// from its own snapshot and log at start).
//
// Invariants:
//   - A client hears success for a write only after its entry committed
//     (durable on a majority) and was applied on this node.
//   - Entries are applied in log order, exactly once per request id.
//   - A linearizable read runs only after this node has applied at least the
//     read index the leader confirmed after the read began.
//   - A member's id includes its incarnation (joined members) or its
//     incarnation is vouched for by the roster made at the cluster's birth
//     (initial members): a node that lost its data directory never counts
//     in a quorum as the member it was.
//   - An initial member that is not yet born neither ticks nor steps a
//     Raft message.
package raftsql
