package raftsql

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
	"github.com/raftsql/raftsql/snapshot"
)

// Snapshots and log compaction: the node's wiring of package snapshot.
//
// Making: the apply goroutine counts the entries and bytes it applies;
// when the policy says a snapshot is due it wakes the snapshot goroutine
// (snapshotLoop), which copies SQLite (sqlexec's online backup, off the
// apply goroutine), records the snapshot in the log store and compacts the
// log behind it, keeping a tail. CHECKPOINT does the same on demand.
//
// Sending: a MsgSnap the core emits is taken out of the Ready's messages
// and streamed from the snapshot file by a goroutine of its own, through
// the Sender's bounded transfer slots, on the transport's snapshot lane.
//
// Receiving: one stream at a time is verified into the snapshot store and
// its image prepared (extracted, verified, fsynced) before the MsgSnap is
// delivered to the core, so everything the core's Save of the snapshot
// promises is already durable. The apply goroutine installs it in log
// order (installSnapshot).
//
// Invariants:
//   - The log store's snapshot index always names a file in the snapshot
//     store: a made snapshot is recorded after its file is durable, a
//     received one is delivered to the core after its file is durable, and
//     retention never removes it (neededSnapshot).
//   - Every snapshot the apply goroutine may still install is stored: a
//     received snapshot is delivered to the core only once stored, and
//     retention keeps every snapshot past the applied index, whatever
//     arrives after it (neededSnapshot); a received snapshot is refused
//     as out of date only when the core would ignore it.
//   - Compaction never passes the snapshot index, and the snapshot index
//     never passes the applied index of the node that made it, so every
//     compacted entry is in an image.
//   - A node whose SQLite is behind its log store's snapshot (a crash during
//     an install, or a database moved aside) installs that snapshot from
//     its own store at start (openDataDir) before replaying the log.

// snapState is the node's snapshot machinery.
type snapState struct {
	store  *snapshot.Store
	sender *snapshot.Sender
	policy snapshot.Policy

	ctx    context.Context // cancelled when the node halts
	cancel context.CancelFunc
	wg     sync.WaitGroup // the snapshot goroutine, transfers, reclaims

	trigger chan struct{} // capacity 1: a snapshot is due
	makeMu  sync.Mutex    // one make (and compaction) at a time
	recv    chan struct{} // capacity 1: one incoming stream at a time

	mu      sync.Mutex
	entries uint64 // applied since the last snapshot
	bytes   int64
	pending *snapshot.Prepared // received and prepared, not yet installed

	replayed   uint64 // committed entries replayed from the log at start
	logAtStart uint64 // entries the log held at start
	made       atomic.Uint64
	installed  atomic.Uint64
	// madeBytes and installedBytes sum their sizes (file bytes made,
	// image bytes installed from the leader): metrics.go.
	madeBytes      atomic.Uint64
	installedBytes atomic.Uint64
}

// openSnapshots opens DataDir/snapshots.
func (n *Node) openSnapshots() error {
	keep := n.cfg.SnapshotKeep
	st, err := snapshot.Open(filepath.Join(n.cfg.DataDir, "snapshots"), snapshot.Options{Logger: n.log, Keep: keep, ResumeEvery: n.cfg.SnapshotResumeBytes,
		Needed: n.neededSnapshot})
	if err != nil {
		return fmt.Errorf("raftsql: open the snapshot directory: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n.snaps = &snapState{
		store:  st,
		sender: snapshot.NewSender(st, snapshot.SenderOptions{MaxTransfers: n.cfg.MaxSnapshotTransfers, Logger: n.log}),
		policy: snapshot.Policy{
			Entries:  n.cfg.SnapshotEntries,
			LogBytes: n.cfg.SnapshotLogBytes,
			Tail:     n.cfg.LogTailEntries,
		},
		ctx:     ctx,
		cancel:  cancel,
		trigger: make(chan struct{}, 1),
		recv:    make(chan struct{}, 1),
	}
	return nil
}

// startSnapshots starts the snapshot goroutine; it and every transfer
// stop when the node halts.
func (n *Node) startSnapshots() {
	s := n.snaps
	go func() {
		<-n.haltc
		s.cancel()
	}()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			select {
			case <-s.trigger:
				if _, err := n.makeSnapshot(s.ctx); err != nil && s.ctx.Err() == nil {
					n.log.Warn("snapshot failed; the next one is tried after more entries are applied", "err", err)
				}
			case <-s.ctx.Done():
				return
			}
		}
	}()
}

// stopSnapshots waits for the snapshot goroutines (the node has halted and
// the transport is closed) and drops a prepared image nobody installed.
func (n *Node) stopSnapshots() {
	s := n.snaps
	s.cancel()
	s.wg.Wait()
	s.mu.Lock()
	if s.pending != nil {
		s.pending.Close()
		s.pending = nil
	}
	s.mu.Unlock()
}

// noteApplied counts entries the apply goroutine applied and wakes the
// snapshot goroutine when the policy says a snapshot is due.
func (n *Node) noteApplied(ents []raft.Entry) {
	s := n.snaps
	s.mu.Lock()
	s.entries += uint64(len(ents))
	s.bytes += int64(entriesSize(ents))
	due := s.policy.Due(s.entries, s.bytes)
	s.mu.Unlock()
	if due {
		select {
		case s.trigger <- struct{}{}:
		default:
		}
	}
}

// makeSnapshot makes a snapshot of the applied state, records it in the
// log store, compacts the log behind it (keeping the policy's tail) and
// returns the disk space. It returns the newest snapshot when nothing was
// applied since.
func (n *Node) makeSnapshot(ctx context.Context) (snapshot.Info, error) {
	s := n.snaps
	s.makeMu.Lock()
	defer s.makeMu.Unlock()
	if n.rep.due.Load() {
		// Its state is bad: a snapshot of it must never be sent on.
		return snapshot.Info{}, errRepairing
	}
	if latest, ok := s.store.Latest(); ok && latest.Meta.Index >= n.db.AppliedIndex() {
		return latest, nil
	}
	if n.db.AppliedIndex() == 0 {
		// Nothing applied yet (a new member): there is no state to keep.
		return snapshot.Info{}, nil
	}
	s.mu.Lock()
	counted := s.entries
	s.mu.Unlock()
	info, err := s.store.Make(ctx, (*snapSource)(n))
	if err != nil {
		return snapshot.Info{}, err
	}
	s.mu.Lock()
	s.entries -= min(s.entries, counted)
	s.bytes = 0
	s.mu.Unlock()
	if err := n.store.CreateSnapshot(info.Meta); err != nil && !errors.Is(err, raft.ErrSnapOutOfDate) {
		return info, fmt.Errorf("raftsql: record snapshot %d in the log store: %w", info.Meta.Index, err)
	}
	s.made.Add(1)
	s.madeBytes.Add(uint64(max(info.FileBytes, 0)))
	to := s.policy.CompactTo(info.Meta.Index)
	if floor, ok := s.sender.LogFloor(); ok {
		// A transfer ships (or may resume) an older snapshot: keep the
		// log after it, so its follower continues from the log (within
		// one more interval).
		to = s.policy.CompactHolding(info.Meta.Index, floor)
	}
	if first, err := n.store.FirstIndex(); err == nil && to >= first {
		if err := n.store.Compact(to); err != nil && !errors.Is(err, raft.ErrCompacted) {
			return info, fmt.Errorf("raftsql: compact the log through %d: %w", to, err)
		}
		if err := n.store.Reclaim(ctx); err != nil {
			return info, fmt.Errorf("raftsql: reclaim the compacted log: %w", err)
		}
	}
	n.log.Info("snapshot made", "index", info.Meta.Index, "term", info.Meta.Term, "bytes", info.FileBytes, "log_compacted_through", to)
	return info, nil
}

// neededSnapshot is the lowest snapshot index this node may still need
// (snapshot.Options.Needed): the log store's snapshot (a restart installs
// it if SQLite is behind it; a leader sends it), and every snapshot past
// the applied index. A snapshot past the applied index may be one the
// core was given and has not handed to apply yet, or one queued for
// apply behind entries or behind another snapshot: received snapshots
// are not installed in the order they arrive, nor all of them (a deposed
// leader's arrives after the core dropped its message; the next leader's
// newest can be older), so retention by count alone removed a snapshot
// the apply goroutine then could not install. A repair (repair.go) needs
// a healthy peer's image at or past the applied index, which it holds
// still until the image is in.
func (n *Node) neededSnapshot() uint64 {
	if n.db == nil {
		return 0 // opening: nothing is removed yet
	}
	floor := n.db.AppliedIndex() + 1
	if n.rep != nil && n.rep.due.Load() {
		floor--
	}
	if snap, err := n.store.Snapshot(); err == nil && snap.Meta.Index > 0 {
		floor = min(floor, snap.Meta.Index)
	}
	return floor
}

// snapSource is the node as snapshot.Source.
type snapSource Node

func (src *snapSource) MakeImage(ctx context.Context, path string) (raft.SnapshotMeta, error) {
	n := (*Node)(src)
	im, err := n.db.SnapshotTo(ctx, path)
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	term, err := n.store.Term(im.Index)
	if err != nil {
		return raft.SnapshotMeta{}, fmt.Errorf("raftsql: term of applied entry %d: %w", im.Index, err)
	}
	conf, err := decodeConf(im.Config)
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	return raft.SnapshotMeta{Index: im.Index, Term: term, Config: conf}, nil
}

// snapInstaller is the node as snapshot.Installer.
type snapInstaller Node

func (inst *snapInstaller) Install(ctx context.Context, path string, meta raft.SnapshotMeta) error {
	n := (*Node)(inst)
	if err := n.db.Restore(path, meta.Index); err != nil {
		return err
	}
	// The image carries the member table the skipped entries built
	// (members_image.go).
	b, err := n.db.RecordedMembers()
	if err != nil {
		return fmt.Errorf("raftsql: read the member table in snapshot %d: %w", meta.Index, err)
	}
	return n.adoptImageMembers(b)
}

// streamSnapshots takes the MsgSnap messages out of msgs and streams each
// from its file on a goroutine of its own; it returns the other messages.
func (n *Node) streamSnapshots(msgs []raft.Message) []raft.Message {
	out := msgs[:0:0]
	for _, m := range msgs {
		if m.Type != raft.MsgSnap {
			out = append(out, m)
			continue
		}
		s := n.snaps
		s.wg.Add(1)
		go func(m raft.Message) {
			defer s.wg.Done()
			// The sender may ship a cut transfer's snapshot again rather
			// than the newest (snapshot/inflight.go): announce the one sent.
			first, _ := n.store.FirstIndex()
			rc, info, err := s.sender.StreamTo(s.ctx, m.To, m.Snapshot.Meta.Index, first)
			if err != nil {
				n.log.Warn("cannot send snapshot", "peer", n.nameOf(m.To), "index", m.Snapshot.Meta.Index, "err", err)
				(*transportHandler)(n).ReportSnapshot(m.To, false)
				return
			}
			if info.Meta.Index != m.Snapshot.Meta.Index {
				m.Snapshot = &raft.Snapshot{Meta: info.Meta}
			}
			n.log.Info("sending snapshot", "peer", n.nameOf(m.To), "index", m.Snapshot.Meta.Index, "bytes", info.FileBytes)
			n.tr.SendSnapshot(m, rc, info.FileBytes)
		}(m)
	}
	return out
}

// streamResume says where an incoming snapshot stream starts: a transfer
// cut earlier resumes after the prefix the store kept.
func streamResume(r io.Reader) snapshot.Resume {
	id, off := transport.StreamResume(r)
	return snapshot.Resume{ID: id, Offset: off}
}

// receiveSnapshot persists and prepares an incoming snapshot stream, then
// delivers its MsgSnap to the core.
func (n *Node) receiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	if string(m.Context) == repairMarker && m.Snapshot != nil {
		return n.receiveRepairImage(ctx, m, r)
	}
	s := n.snaps
	select {
	case s.recv <- struct{}{}:
		defer func() { <-s.recv }()
	case <-ctx.Done():
		return ctx.Err()
	}
	meta := m.Snapshot.Meta
	n.log.Info("receiving snapshot", "from", n.nameOf(m.From), "index", meta.Index, "term", meta.Term)
	if _, err := s.store.ReceiveFrom(ctx, r, meta, streamResume(r)); err != nil {
		if !errors.Is(err, raft.ErrSnapOutOfDate) {
			return fmt.Errorf("raftsql: receive snapshot %d: %w", meta.Index, err)
		}
		// This node no longer needs it (neededSnapshot): it applied
		// past it, or its log store holds a newer snapshot, so its
		// commit index is past it too. The core ignores the message and
		// answers with its progress.
		return (*transportHandler)(n).Process(ctx, m)
	}
	p, err := s.store.Prepare(ctx, meta.Index)
	if err != nil {
		return fmt.Errorf("raftsql: prepare snapshot %d: %w", meta.Index, err)
	}
	s.mu.Lock()
	if s.pending != nil {
		s.pending.Close()
	}
	s.pending = p
	s.mu.Unlock()
	n.log.Info("snapshot received", "index", meta.Index, "bytes", p.FileBytes)
	return (*transportHandler)(n).Process(ctx, m)
}

// takePending returns the prepared image of the snapshot at index, if the
// receive path left one.
func (s *snapState) takePending(index uint64) *snapshot.Prepared {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pending
	if p == nil || p.Meta.Index != index {
		return nil
	}
	s.pending = nil
	return p
}

// installSnapshot runs on the apply goroutine, in log order, once the log
// store has saved the snapshot: SQLite is replaced by the snapshot's image
// (readers see the old or the new state, never a mix), and the applied
// index moves to the snapshot's.
func (n *Node) installSnapshot(snap raft.Snapshot) error {
	s := n.snaps
	meta := snap.Meta
	if meta.Index <= n.db.AppliedIndex() {
		return nil
	}
	p := s.takePending(meta.Index)
	if p == nil {
		var err error
		if p, err = s.store.Prepare(s.ctx, meta.Index); err != nil {
			if n.stopping() {
				return errApplyStopped
			}
			return fmt.Errorf("raftsql: install snapshot %d: %w", meta.Index, err)
		}
	}
	defer p.Close()
	if err := p.Install(s.ctx, (*snapInstaller)(n)); err != nil {
		if n.stopping() {
			return errApplyStopped
		}
		return fmt.Errorf("raftsql: install snapshot %d: %w", meta.Index, err)
	}
	n.setApplied(meta.Index)
	s.installed.Add(1)
	s.installedBytes.Add(uint64(max(p.ImageBytes, 0)))
	s.mu.Lock()
	s.entries, s.bytes = 0, 0
	s.mu.Unlock()
	n.log.Info("installed snapshot from the leader", "index", meta.Index, "term", meta.Term, "bytes", p.ImageBytes, "config", meta.Config.String())
	// Saving the snapshot dropped the whole log: return its space.
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := n.store.Reclaim(s.ctx); err != nil && s.ctx.Err() == nil {
			n.log.Warn("reclaim the log's space after a snapshot install", "err", err)
		}
	}()
	return nil
}

// recoverFromSnapshot runs at start, before the log is replayed: a
// database behind the log store's snapshot (a crash between saving a
// received snapshot and installing it, or a database file moved aside
// after the log was compacted) gets that snapshot from the local store.
func (n *Node) recoverFromSnapshot(ctx context.Context) error {
	snap, err := n.store.Snapshot()
	if errors.Is(err, raft.ErrSnapshotTemporarilyUnavailable) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("raftsql: read the log store's snapshot: %w", err)
	}
	idx := snap.Meta.Index
	if n.db.AppliedIndex() >= idx {
		return nil
	}
	first, err := n.store.FirstIndex()
	if err != nil {
		return fmt.Errorf("raftsql: read raft state: %w", err)
	}
	if first == 1 && n.db.AppliedIndex() == 0 {
		// Nothing was compacted yet: replaying the log rebuilds it.
		return nil
	}
	n.log.Warn("the database is behind the log's snapshot (an install was interrupted, or the database was replaced): installing the local snapshot",
		"applied", n.db.AppliedIndex(), "snapshot", idx)
	if _, err := n.snaps.store.Install(ctx, idx, (*snapInstaller)(n)); err != nil {
		return fmt.Errorf("raftsql: the database in %s is at entry %d, the log was compacted through the snapshot at %d, and that snapshot cannot be installed: %w; remove the data directory and re-join this member to the cluster", n.cfg.DataDir, n.db.AppliedIndex(), idx, err)
	}
	n.snaps.installed.Add(1)
	return nil
}

// encodeConf and decodeConf are the configuration's form in the SQLite
// image (sqlexec stores it as opaque bytes): a version byte, then the
// voters and the learners, each as a uvarint count and uvarint ids.
func encodeConf(c membership.Config) []byte {
	b := []byte{1}
	for _, ids := range [][]uint64{c.Voters, c.Learners} {
		b = binary.AppendUvarint(b, uint64(len(ids)))
		for _, id := range ids {
			b = binary.AppendUvarint(b, id)
		}
	}
	return b
}

func decodeConf(b []byte) (membership.Config, error) {
	bad := fmt.Errorf("raftsql: the configuration recorded in the database is malformed (%d bytes)", len(b))
	if len(b) == 0 || b[0] != 1 {
		return membership.Config{}, bad
	}
	b = b[1:]
	var lists [2][]uint64
	for i := range lists {
		cnt, k := binary.Uvarint(b)
		if k <= 0 || cnt > uint64(len(b)) {
			return membership.Config{}, bad
		}
		b = b[k:]
		for j := uint64(0); j < cnt; j++ {
			id, k := binary.Uvarint(b)
			// encodeConf writes sorted, distinct ids.
			if k <= 0 || (j > 0 && id <= lists[i][j-1]) {
				return membership.Config{}, bad
			}
			b = b[k:]
			lists[i] = append(lists[i], id)
		}
	}
	if len(b) != 0 {
		return membership.Config{}, bad
	}
	c := membership.NewConfig(lists[0], lists[1])
	if err := c.Validate(); err != nil {
		return membership.Config{}, fmt.Errorf("%w: %w", bad, err)
	}
	return c, nil
}
