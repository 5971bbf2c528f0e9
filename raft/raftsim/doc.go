// Command raftsim is a deterministic fault simulator for the raft core.
//
// It runs seeded clusters of raft.RawNode over MemoryStorage with an
// in-memory network that drops, delays, duplicates and reorders messages,
// partitions nodes, crashes and restarts them (keeping only what their
// driver persisted), changes membership and transfers leadership while
// clients write and read, and (with -faults diskloss=P, off by default)
// wipes a voter's disk. After every step it checks the Raft safety
// properties; at the end it heals everything and requires liveness.
//
// # Determinism
//
// Everything a run does derives from its seed: one math/rand PCG source
// drives the fault schedule, the client workload, the per-node settings
// and each RawNode's own randomness; messages are delivered in (step,
// sequence) order and the nodes of a step are visited in a shuffled but
// seeded order. A run has no goroutines and no clock, and nothing it does
// depends on map iteration order. So the same seed (and flags) replays the identical
// run: TestDeterministic compares trace digests. Any change to the
// simulator that draws from the source in a different order reshuffles
// what every seed does; a pure refactoring must keep -seed S -v traces
// byte-identical.
//
// # The checks
//
// The checker (checker.go) sees every entry a driver persists, every
// HardState, commit, application, snapshot install, leader election and
// read, and reports the first property that fails:
//
//   - election safety: at most one leader per term;
//   - log matching: an (index, term) pair identifies the same entry and
//     the same preceding term on every node; terms never decrease along a
//     log;
//   - leader completeness: a new leader holds every entry committed in an
//     earlier term;
//   - commit safety and the leader commit rule: an index commits with one
//     term only, and a leader advances its commit index only to an entry
//     of its own term;
//   - state machine safety and apply order: every node applies the same
//     entry (and reaches the same state) at each index, in order, never
//     beyond its commit index, and snapshots agree with what was applied;
//   - committed entry durability: a quorum of voters keeps every
//     committed entry in durable storage across crashes (a voter whose
//     disk was lost holds nothing but never votes again, so it is not
//     counted as missing the entry);
//   - hard state monotonicity: term and commit never go back, and the
//     vote never changes within a term;
//   - data integrity: only entries a client proposed are applied;
//   - linearizable read: a read-index read returns at least every write
//     applied anywhere before it started and never a write that was not;
//   - liveness: once faults stop (the heal phase), within -heal steps a
//     leader commits a marker write, every member applies everything the
//     leader has, and a final read completes; then every member's log is
//     re-checked for committed entries it lost;
//   - driver contract: the RawNode behaves as the contract the real node
//     relies on (contiguous Ready entries, commit within the persisted
//     log, decodable snapshots and contexts); a panic is also a failure.
//
// # Disk loss
//
// The diskloss fault wipes a voter's log, hard state, snapshot and state
// machine; any voter, the initial (bootstrap) ones included. As in raftsql
// (joined members by their incarnations, initial members by the birth
// protocol of the root package's birth.go), the lost identity never runs
// again: the
// simulated operator removes it (a single-server change), adds the wiped
// machine back as a learner under a new id and promotes it once the leader
// has replicated the committed log to it; the heal phase waits for that
// replacement, never for the lost member. The fault is injected only with
// at least 3 voters and no membership change pending, since a lost voter
// left in a 2-voter configuration can never be removed. The unsafe variant
// (options.DiskLossOldID: the node restarts as the voter it was) is caught
// by the checker (TestDiskLossOldIDCaught) and, with that accounting off,
// breaks leader completeness or election safety (TestDiskLossOldIDBreaksSafety). The rate is 0 by default and
// drawn only when non-zero, so default runs are unchanged.
//
// # Running and replaying
//
//	go run ./raft/raftsim -seeds 2000        # seeds 1..2000, in parallel
//	go run ./raft/raftsim -seed 17 -v        # replay one seed with its trace
//	go run ./raft/raftsim -seed 17 -v -raftlog   # and the core's own log
//	go run ./raft/raftsim -seeds 500 -faults diskloss=0.005   # with disk loss
//
// The last line of output is "N passed, M failed"; the exit code is 1 if
// any seed failed. A failure prints the seed, the property, the tail of
// the trace and the exact replay command with every non-default flag
// (-nodes, -steps, -heal, -faults, -report-unreachable, -early-snapshot,
// -lease). go test runs seeds 1..400 (RAFTSIM_SEEDS=N overrides; -short
// runs 20) and one regression test per core bug the simulator has found
// (regression_test.go). INJECTION.md records how well the checks catch
// bugs injected into a copy of the core.
//
// # Layout
//
// cluster.go holds the run options, the sim state and its step loop;
// driver.go the node driver (persist, send, apply, read, snapshot,
// restart); network.go the simulated network; workload.go the clients;
// faults.go the fault mix and its injection; diskloss.go the disk-loss
// fault and the operator's replacement of the lost voter; heal.go the liveness phase
// and final checks; checker.go the properties; trace.go the event trace
// and digest; main.go the command line.
package main
