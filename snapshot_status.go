package raftsql

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// What operators and tests see of snapshots and compaction: SHOW
// raftsql.snapshot (one row) and CHECKPOINT.

// SnapshotStatus is the node's snapshot and log state.
type SnapshotStatus struct {
	// SnapshotIndex is the index of the log store's latest snapshot (0:
	// none), SnapshotBytes the size of the newest snapshot file.
	SnapshotIndex uint64
	SnapshotBytes int64
	// LogFirstIndex and LogLastIndex bound the entries the log holds;
	// LogDiskBytes is what the log costs on disk.
	LogFirstIndex, LogLastIndex uint64
	LogDiskBytes                int64
	// Transfers describes outgoing snapshot transfers in progress
	// ("peer:sent/total", comma separated).
	Transfers string
	// What this incarnation's start cost, bounded by the snapshot policy
	// rather than by the history: LogEntriesAtStart entries the log
	// store held (and verified) when it opened, ReplayedAtStart committed
	// entries applied again from them.
	LogEntriesAtStart, ReplayedAtStart uint64
	// Made and Installed count the snapshots this incarnation made and
	// installed.
	Made, Installed uint64
	// SentBytes counts the snapshot bytes this incarnation sent to peers;
	// ResumedBytes the bytes it did not send because a peer kept them
	// from a cut transfer of the same file (resume).
	SentBytes, ResumedBytes int64
}

var snapshotStatusColumns = []string{"snapshot_index", "snapshot_bytes", "log_first_index", "log_last_index", "log_disk_bytes", "transfers", "log_entries_at_start", "replayed_at_start", "made", "installed", "sent_bytes", "resumed_bytes"}

func (s SnapshotStatus) row() []string {
	u := func(v uint64) string { return strconv.FormatUint(v, 10) }
	i := func(v int64) string { return strconv.FormatInt(v, 10) }
	return []string{u(s.SnapshotIndex), i(s.SnapshotBytes), u(s.LogFirstIndex), u(s.LogLastIndex), i(s.LogDiskBytes), s.Transfers, u(s.LogEntriesAtStart), u(s.ReplayedAtStart), u(s.Made), u(s.Installed), i(s.SentBytes), i(s.ResumedBytes)}
}

// SnapshotStatus reports the node's snapshot and log state.
func (n *Node) SnapshotStatus() SnapshotStatus {
	s := n.snaps
	st := SnapshotStatus{LogEntriesAtStart: s.logAtStart, ReplayedAtStart: s.replayed, Made: s.made.Load(), Installed: s.installed.Load()}
	if snap, err := n.store.Snapshot(); err == nil {
		st.SnapshotIndex = snap.Meta.Index
	}
	if latest, ok := s.store.Latest(); ok {
		st.SnapshotBytes = latest.FileBytes
	}
	st.SentBytes, st.ResumedBytes = s.sender.Totals()
	st.LogFirstIndex, _ = n.store.FirstIndex()
	st.LogLastIndex, _ = n.store.LastIndex()
	st.LogDiskBytes, _ = n.store.DiskUsage()
	var ts []string
	for _, t := range s.sender.Transfers() {
		ts = append(ts, fmt.Sprintf("%s:%d/%d", n.nameOf(t.Peer), t.Sent, t.Total))
	}
	st.Transfers = strings.Join(ts, ",")
	return st
}

// Checkpoint makes a snapshot now and compacts the log behind it
// (CHECKPOINT); it returns once the snapshot is durable.
func (n *Node) Checkpoint(ctx context.Context) error {
	_, err := n.makeSnapshot(ctx)
	return err
}

// Checkpoint answers sqlexec.NodeAdmin. A cancelled CHECKPOINT is the
// client's cancel (57014); any other failure is the disk's (58030,
// io_error, as PostgreSQL reports a failed checkpoint write).
func (ns *nodeSettings) Checkpoint(ctx context.Context) error {
	err := (*Node)(ns).Checkpoint(ctx)
	if err == nil || ctx.Err() != nil {
		return err
	}
	return &NodeError{Code: "58030", Msg: "raftsql: CHECKPOINT could not make a snapshot", Err: err}
}
