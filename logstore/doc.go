// Package logstore is the write-ahead log of raftsql: the Raft log, the
// Raft hard state, the latest snapshot's metadata and the current cluster
// configuration of one node, stored in one Pebble database per node. A
// *Store implements raft.Storage (the read side the consensus core uses)
// and offers the write side the node's Ready loop drives: Save (one synced
// batch per Ready), Bootstrap, SetConfig, CreateSnapshot and Compact.
//
// # Key layout
//
// Every key starts with a one-byte prefix:
//
//	0x01 "id"          identity: magic "RSQLRLOG", format version, node id
//	0x02 "hs"          hard state: term, vote, commit
//	0x03 "sn"          latest snapshot metadata: index, term, config
//	0x04 "cf"          current configuration (voters, learners)
//	0x05 "tr"          truncated state: index and term of the last compacted entry
//	0x10 <index u64be> one log entry
//
// Entry keys carry the index big-endian so a range scan returns entries in
// index order and compaction is one DeleteRange of a key prefix. Every
// value starts with a CRC32C (Castagnoli) of the rest of the value; an
// entry value is crc | index | term | type | data, the index repeated so an
// entry under the wrong key is detected. Integers are big-endian fixed
// width except the ids of a configuration (uvarint).
//
// # Invariants
//
//   - The stored entries are exactly the contiguous range
//     [FirstIndex, LastIndex] with FirstIndex = truncated.Index+1, and their
//     terms never decrease; Term(FirstIndex-1) is the truncated term.
//   - truncated.Index <= snapshot.Index <= LastIndex, and
//     hardState.Commit <= LastIndex (committed entries are never truncated).
//   - Save writes everything of one Ready in one Pebble batch committed with
//     Sync: after a crash either all of it is on disk or none. A non-empty
//     snapshot drops the whole log and installs its metadata, truncated
//     state and configuration; entries overlapping the log replace the
//     conflicting suffix (DeleteRange after the new last index).
//   - Concurrent writers are ordered by one mutex while their batch enters
//     Pebble's commit pipeline (ApplyNoSyncWait) and wait for the fsync
//     outside it, so concurrent Saves share fsyncs (group commit). A Save
//     that returned nil is durable, and so is every write that was applied
//     before it.
//   - Pebble's WAL files are extended with zeros a MiB ahead of their
//     records (walPrefillFS), so a synced write overwrites blocks already
//     written and its fdatasync need not also commit a new file size to the
//     file system's journal. Replay reads a zeroed tail as the end of the
//     newest WAL (as it reads a recycled WAL's stale tail); older WALs end
//     with Pebble's EOF trailer, synced before their successor is created.
//   - Compact drops entries with one range tombstone, atomically with the
//     new truncated state; Reclaim then compacts that range in Pebble so
//     the space returns to the file system (and the WAL that still holds
//     the entries becomes obsolete).
//   - The terms of the whole log are kept in memory as runs, so Term never
//     reads Pebble; a bounded cache (Options.CacheBytes) holds the newest
//     entries, always a suffix of the log ending at LastIndex, so
//     replication rarely reads Pebble. Truncation, snapshot installation
//     and compaction update both.
//
// # Corruption and failures
//
// Open verifies the identity record (format version and node id), every
// retained record's checksum, that the entries are contiguous with
// non-decreasing terms, and that the hard state does not commit past the
// last index. Only the retained log is read (the scan starts after the
// compaction point), so opening costs time proportional to the log kept
// since the last snapshot, not to history. Entries read later are
// verified again. A violation is a *CorruptionError naming the index; the
// log of this member cannot be trusted, so the message tells the operator
// to move the data directory aside, remove the member from the cluster
// (ALTER CLUSTER REMOVE MEMBER) and start it empty with --join: it joins as
// a new member and catches up from the leader. A corruption found by a read is sticky.
//
// A failed Pebble write or fsync is fatal (*FatalError, errors.Is ErrFatal):
// after an fsync error the state of the file is unknown (fsync errors may
// drop dirty pages), so the store never retries; it records the first error
// and returns it from every later call, and the node must stop. Pebble
// reports a broken commit pipeline through Logger.Fatalf; the store's
// logger panics there and the writer recovers that panic into the sticky
// FatalError. A Fatalf on one of Pebble's background goroutines (e.g. a
// failed MANIFEST sync) crashes the process, which is the intended outcome.
package logstore
