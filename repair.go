package raftsql

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/snapshot"
	"github.com/raftsql/raftsql/sqlexec"
)

// Self-repair: a node whose SQLite state cannot be trusted rebuilds it
// from a healthy copy, with no operator.
//
// What starts a repair:
//   - at start, a database file that fails to open as a database or fails
//     PRAGMA quick_check (openCheckedDB): the file is set aside and an
//     empty one opened; openDataDir then rebuilds it as after any lost
//     database: from the newest local snapshot if the log was compacted
//     (a verified, checksummed file), else by replaying the whole log
//     from index 1;
//   - while running, a replica found diverged (verify.go: its checksum
//     differs from the majority's, or the DIVERGED mark found at start),
//     or SQLITE_CORRUPT / SQLITE_NOTADB at apply: the apply goroutine
//     stops applying and repairs online (repair), from a healthy peer's
//     snapshot, since its own snapshots may hold the bad state.
//
// The online repair, on the apply goroutine (the driver keeps running:
// this node still votes, appends and acknowledges; its log is the
// cluster's, only SQLite is bad):
//  1. With A its applied index, it asks a healthy peer (the leader, else
//     a voter not known to be diverged) for a snapshot at an index S >= A,
//     in a node-level message that never reaches the Raft core
//     (entryRepairRequest, as join traffic). The peer waits until it has
//     applied A, takes its newest snapshot if that is at or past A or
//     makes one (CHECKPOINT's path), and streams it on the snapshot lane,
//     marked as a repair image (Message.Context), so the receiver's core
//     never sees it. The request is repeated until an image arrives.
//  2. The image is verified into the snapshot store and extracted
//     (snapshot.Store.Receive, Prepare: every chunk's CRC, the digest).
//  3. It waits until its log has committed S, then carries the entries
//     A+1..S into everything but SQLite (configuration changes into the
//     core and the member table, member adverts), exactly as apply would;
//     the image holds their effect on SQLite.
//  4. The damaged file is kept as db.sqlite.damaged-<A> (hard links, so
//     the swap below leaves it intact; at most damagedKeep are kept), the
//     image is swapped in (sqlexec.DB.Restore: readers see the old state
//     or the new, never a mix) and the log store's snapshot moves to S;
//     the snapshots this node made itself before S are removed so it
//     never sends the bad state on.
//  5. The DIVERGED mark and verification state are cleared; entries at
//     or below S, still queued, are skipped; the node serves again.
//
// The Raft core is untouched: the decision to repair and the exchange
// are the node's; S >= A means nothing the core already applied (a
// configuration change) is applied twice, and S <= the log's commit
// index means SQLite never gets ahead of the log.
//
// Crash safety: every step before the swap leaves the old state in place
// (and the mark, or the damaged file, so a restart repairs again); the
// swap is sqlexec's rename; after it the node is at S with the log holding
// S+1.., which a restart replays. A crash between the swap and clearing
// the mark repairs once more at the next start, harmlessly.
//
// Config.NoSelfRepair turns all of this off: a diverged node then stays
// diverged (for forensics) and a damaged file stops the node.

// entryRepairRequest: never in the log; a node asks a peer for a snapshot
// to repair from (payload: uvarint minimum index).
const entryRepairRequest byte = 7

// repairMarker in a MsgSnap's Context marks a repair image: it is for the
// node's repair, not for its Raft core.
const repairMarker = "raftsql-repair"

// damagedPrefix names a damaged database set aside in the data directory:
// db.sqlite.damaged-<applied index>; damagedKeep of them are kept.
const (
	damagedPrefix = dbFile + ".damaged-"
	damagedKeep   = 2
	dbFile        = "db.sqlite"
)

// errRepairing: no snapshot is made of a state being repaired.
var errRepairing = errors.New("raftsql: this node is repairing its database; it makes no snapshot of it")

// repairRetry is how long a repairing node waits for an image before it
// asks again (possibly another peer).
const repairRetry = 5 * time.Second

// repairState is the node's repair machinery.
type repairState struct {
	due       atomic.Bool // a repair is wanted; the apply goroutine runs it
	receiving atomic.Bool // a repair image is being received
	repaired  atomic.Uint64

	mu     sync.Mutex
	why    string
	images chan *snapshot.Prepared // capacity 1: a received, prepared image
}

func newRepairState() *repairState {
	return &repairState{images: make(chan *snapshot.Prepared, 1)}
}

// Repairs is how many times this node repaired its state online since it
// started.
func (n *Node) Repairs() uint64 { return n.rep.repaired.Load() }

// requestRepair has the apply goroutine repair the state before it
// applies anything more.
func (n *Node) requestRepair(why string) {
	if n.cfg.NoSelfRepair || n.rep == nil { // nil: a unit test's Node
		return
	}
	r := n.rep
	r.mu.Lock()
	if r.why == "" {
		r.why = why
	}
	r.mu.Unlock()
	r.due.Store(true)
	n.applyq.signal()
	// A leader hands leadership away first (the verify loop does it).
	select {
	case n.ver.handoff <- struct{}{}:
	default:
	}
}

// damageReason says what apply met, without the advice for an operator
// that the fault's own message carries.
func damageReason(err error) string {
	var f *sqlexec.ApplyFault
	if errors.As(err, &f) {
		return fmt.Sprintf("SQLite reported a damaged file while applying entry %d: %v", f.Index, f.Err)
	}
	return "SQLite reported a damaged file while applying: " + err.Error()
}

// reason is why the pending repair is wanted.
func (r *repairState) reason() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.why
}

// repair runs on the apply goroutine: it replaces SQLite with a healthy
// peer's snapshot (see the top of this file).
func (n *Node) repair() error {
	r := n.rep
	why := r.reason()
	from := n.db.AppliedIndex()
	aside := filepath.Join(n.cfg.DataDir, damagedPrefix+strconv.FormatUint(from, 10))
	n.log.Error("this replica's SQLite state cannot be trusted ("+why+"); it repairs itself: its database is kept as "+aside+
		", replaced by a healthy peer's snapshot, and the log applied from there; it serves no queries and leads no more until then", "applied", from)
	for {
		p, err := n.fetchRepairImage(from)
		if err != nil {
			return err
		}
		swapped, err := n.installRepairImage(p, from, aside)
		p.Close()
		if err == nil {
			break
		}
		if n.stopping() {
			return errApplyStopped
		}
		if swapped {
			return err
		}
		n.log.Warn("repair: the peer's snapshot could not be used; asking again", "err", err)
	}
	r.mu.Lock()
	r.why = ""
	r.mu.Unlock()
	r.due.Store(false)
	r.repaired.Add(1)
	n.log.Info("replica repaired from a healthy peer's snapshot; it serves again", "was_at", from, "now_at", n.db.AppliedIndex(), "damaged_copy", aside)
	return nil
}

// fetchRepairImage asks healthy peers for a snapshot at or past index atLeast
// until one arrives.
func (n *Node) fetchRepairImage(atLeast uint64) (*snapshot.Prepared, error) {
	t := time.NewTicker(repairRetry)
	defer t.Stop()
	for attempt := 0; ; attempt++ {
		if peer := n.repairPeer(attempt); peer != 0 && !n.rep.receiving.Load() {
			n.log.Info("repair: asking a peer for a snapshot", "peer", n.nameOf(peer), "min_index", atLeast)
			n.tr.Send([]raft.Message{joinMessage(n.id, peer, entryRepairRequest, binary.AppendUvarint(nil, atLeast))})
		} else if peer == 0 {
			n.log.Warn("repair: no healthy peer to ask for a snapshot yet; waiting")
		}
		select {
		case p := <-n.rep.images:
			if p.Meta.Index >= atLeast {
				return p, nil
			}
			p.Close()
		case <-t.C:
		case <-n.haltc:
			return nil, errApplyStopped
		}
	}
}

// repairPeer picks the peer to ask: the leader if it is another node not
// known to be diverged, else such a voter (a different one per attempt).
func (n *Node) repairPeer(attempt int) uint64 {
	c := n.conf.Load()
	if c == nil {
		return 0
	}
	n.ver.mu.Lock()
	defer n.ver.mu.Unlock()
	healthy := func(id uint64) bool {
		_, bad := n.ver.peers[id]
		return id != 0 && id != n.id && !bad && c.Contains(id)
	}
	if l := n.leader.Load(); healthy(l) && attempt%2 == 0 {
		return l
	}
	var ids []uint64
	for _, id := range c.Voters {
		if healthy(id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return 0
	}
	return ids[attempt%len(ids)]
}

// installRepairImage swaps the prepared image in (steps 3 to 5); swapped
// reports whether SQLite was replaced (an error after that is fatal).
func (n *Node) installRepairImage(p *snapshot.Prepared, from uint64, aside string) (swapped bool, err error) {
	meta := p.Meta
	// 3. The log must hold S committed: SQLite never runs ahead of it.
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		hs, _, err := n.store.InitialState()
		if err != nil {
			return false, err
		}
		if hs.Commit >= meta.Index {
			break
		}
		select {
		case <-t.C:
		case <-n.haltc:
			return false, errApplyStopped
		}
	}
	if err := n.carryForward(from, meta.Index); err != nil {
		return false, err
	}
	// 4. Keep the damaged file, swap the image in.
	if err := n.keepDamaged(aside); err != nil {
		n.log.Warn("repair: could not keep a copy of the damaged database", "path", aside, "err", err)
	}
	n.snaps.makeMu.Lock()
	defer n.snaps.makeMu.Unlock()
	if err := p.Install(n.snaps.ctx, (*snapInstaller)(n)); err != nil {
		// The live file may be gone already: the node stops, and its
		// restart repairs again (the mark, or the damaged file, remains).
		return true, err
	}
	n.setApplied(meta.Index)
	s := n.snaps
	s.installed.Add(1)
	s.mu.Lock()
	s.entries, s.bytes = 0, 0
	s.mu.Unlock()
	if err := n.store.CreateSnapshot(meta); err != nil && !errors.Is(err, raft.ErrSnapOutOfDate) {
		return true, fmt.Errorf("raftsql: repair: record snapshot %d in the log store: %w", meta.Index, err)
	}
	if snap, err := n.store.Snapshot(); err == nil && snap.Meta.Index == meta.Index {
		s.store.DropOlder(meta.Index)
	}
	// 5. Trusted again.
	n.clearDiverged(meta.Index)
	return true, nil
}

// carryForward applies the entries from+1..to to everything but SQLite
// (whose image at to holds their effect), in log order, as apply would:
// configuration changes to the member table, the core and the transport;
// member adverts to the member table.
func (n *Node) carryForward(from, to uint64) error {
	for lo := from + 1; lo <= to; {
		ents, err := n.store.Entries(lo, to+1, applyChunkBytes)
		if err != nil {
			return fmt.Errorf("raftsql: repair: read entries %d..%d: %w", lo, to, err)
		}
		if len(ents) == 0 {
			return fmt.Errorf("raftsql: repair: the log store has no entry %d", lo)
		}
		for _, e := range ents {
			switch {
			case e.Type == raft.EntryConfChange:
				cc, err := raft.DecodeChange(e.Data)
				if err != nil {
					return fmt.Errorf("raftsql: repair: decode configuration change %d: %w", e.Index, err)
				}
				if err := n.applyChangeToMembers(e.Index, cc); err != nil {
					return err
				}
				if _, err := n.applyConfChange(cc); err != nil {
					return fmt.Errorf("raftsql: repair: apply %d: %w", e.Index, err)
				}
				if err := n.applyMembershipChange(e.Index, cc); err != nil {
					return err
				}
			case len(e.Data) > 0 && e.Data[0] == entryMemberInfo:
				if err := n.applyMemberAdvert(e.Index, e.Data[1:]); err != nil {
					return err
				}
			}
		}
		lo = ents[len(ents)-1].Index + 1
	}
	return nil
}

// clearDiverged trusts this replica again after a repair to index: the
// mark goes, and this node's own sums of checks at or below index (taken
// from the bad state, some perhaps still being sampled) are forgotten.
func (n *Node) clearDiverged(index uint64) {
	v := n.ver
	v.mu.Lock()
	v.diverged = ""
	v.resetAt = index
	for i, r := range v.rounds {
		if i <= index {
			r.own = ""
		}
	}
	v.mu.Unlock()
	path := filepath.Join(n.cfg.DataDir, divergedFile)
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		n.log.Warn("repair: could not remove the divergence mark", "path", path, "err", err)
		return
	}
	_ = syncDir(n.cfg.DataDir)
}

// keepDamaged hard-links the live database (and its WAL) to aside before
// the swap replaces it: the copy costs no space or time, and the swap's
// rename leaves it intact.
func (n *Node) keepDamaged(aside string) error {
	live := filepath.Join(n.cfg.DataDir, dbFile)
	for _, suf := range []string{"-wal", ""} {
		_ = os.Remove(aside + suf)
		if err := os.Link(live+suf, aside+suf); err != nil && !(suf != "" && errors.Is(err, os.ErrNotExist)) {
			return err
		}
	}
	n.pruneDamaged()
	return syncDir(n.cfg.DataDir)
}

// setAsideDamaged renames a damaged database file (and its WAL, shared
// memory and journal files, first: a stale WAL must never meet a fresh
// database) to db.sqlite.damaged-<index>, at start, before a fresh file is
// opened in its place.
func (n *Node) setAsideDamaged(index uint64) (string, error) {
	live := filepath.Join(n.cfg.DataDir, dbFile)
	aside := filepath.Join(n.cfg.DataDir, damagedPrefix+strconv.FormatUint(index, 10))
	for _, suf := range []string{"-wal", "-shm", "-journal", ""} {
		_ = os.Remove(aside + suf)
		if err := os.Rename(live+suf, aside+suf); err != nil && !errors.Is(err, os.ErrNotExist) {
			return aside, err
		}
	}
	n.pruneDamaged()
	return aside, syncDir(n.cfg.DataDir)
}

// pruneDamaged keeps the newest damagedKeep damaged copies.
func (n *Node) pruneDamaged() {
	ents, err := os.ReadDir(n.cfg.DataDir)
	if err != nil {
		return
	}
	var idx []uint64
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), damagedPrefix)
		if !ok {
			continue
		}
		if i, err := strconv.ParseUint(rest, 10, 64); err == nil {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return idx[a] > idx[b] })
	for _, i := range idx[min(len(idx), damagedKeep):] {
		base := filepath.Join(n.cfg.DataDir, damagedPrefix+strconv.FormatUint(i, 10))
		for _, suf := range []string{"-wal", "-shm", "-journal", ""} {
			_ = os.Remove(base + suf)
		}
	}
}

// openCheckedDB opens the SQLite database and checks it (PRAGMA
// quick_check: it reads the whole file once per start). A damaged file is
// set aside and a fresh one opened, which openDataDir then rebuilds from
// the local snapshot or the log; commit names the copy when the damaged
// file cannot tell its applied index.
func (n *Node) openCheckedDB(ctx context.Context, opts sqlexec.Options, commit uint64) (*sqlexec.DB, error) {
	path := filepath.Join(n.cfg.DataDir, dbFile)
	db, err := sqlexec.Open(ctx, path, opts)
	index := commit
	if err == nil {
		if err = db.QuickCheck(); err == nil {
			return db, nil
		}
		index = db.AppliedIndex()
		db.Close()
	}
	if !sqlexec.IsDamaged(err) || n.cfg.NoSelfRepair {
		return nil, err
	}
	aside, aerr := n.setAsideDamaged(index)
	if aerr != nil {
		return nil, fmt.Errorf("%w (and setting it aside as %s failed: %w)", err, aside, aerr)
	}
	n.log.Error("the SQLite database is damaged ("+err.Error()+"); it repairs itself: the file is kept as "+aside+
		" and the state is rebuilt from this node's newest snapshot (if its log was compacted) and its Raft log", "applied_or_commit", index)
	return sqlexec.Open(ctx, path, opts)
}

// interceptRepair handles a peer's repair request (transport goroutine);
// it reports whether m was one.
func (n *Node) interceptRepair(m raft.Message) bool {
	if m.Type != raft.MsgProp || len(m.Entries) != 1 || len(m.Entries[0].Data) == 0 || m.Entries[0].Data[0] != entryRepairRequest {
		return false
	}
	atLeast, k := binary.Uvarint(m.Entries[0].Data[1:])
	if k <= 0 {
		n.log.Warn("repair: ignoring a malformed repair request", "from", n.nameOf(m.From))
		return true
	}
	s := n.snaps
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		n.serveRepair(m.From, atLeast)
	}()
	return true
}

// serveRepair sends peer a snapshot at or past index atLeast, if this
// node is healthy.
func (n *Node) serveRepair(peer, atLeast uint64) {
	if why := n.divergedReason(); why != "" || n.rep.due.Load() {
		n.log.Info("repair: not serving a snapshot: this replica is not healthy itself", "peer", n.nameOf(peer))
		return
	}
	s := n.snaps
	ctx, cancel := context.WithTimeout(s.ctx, 2*repairRetry)
	defer cancel()
	if err := n.waitApplied(ctx, atLeast); err != nil {
		return
	}
	info, ok := s.store.Latest()
	if !ok || info.Meta.Index < atLeast {
		var err error
		// Not bounded by the wait above: a big database takes a while.
		if info, err = n.makeSnapshot(s.ctx); err != nil {
			n.log.Warn("repair: cannot make a snapshot for a peer", "peer", n.nameOf(peer), "err", err)
			return
		}
	}
	if info.Meta.Index < atLeast {
		return
	}
	rc, size, err := s.sender.Stream(s.ctx, info.Meta.Index, peer)
	if err != nil {
		n.log.Warn("repair: cannot send a snapshot", "peer", n.nameOf(peer), "err", err)
		return
	}
	n.log.Info("sending a snapshot to repair a peer's state", "peer", n.nameOf(peer), "index", info.Meta.Index, "bytes", size)
	snap := raft.Snapshot{Meta: info.Meta}
	n.tr.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: n.id, To: peer, Context: []byte(repairMarker), Snapshot: &snap}, rc, size)
}

// receiveRepairImage verifies a repair image into the snapshot store and
// hands it, prepared, to the repair.
func (n *Node) receiveRepairImage(ctx context.Context, m raft.Message, r io.Reader) error {
	if !n.rep.due.Load() {
		return errors.New("raftsql: a repair snapshot arrived but this node is not repairing")
	}
	if !n.rep.receiving.CompareAndSwap(false, true) {
		return errors.New("raftsql: a repair snapshot is already being received")
	}
	defer n.rep.receiving.Store(false)
	meta := m.Snapshot.Meta
	s := n.snaps
	// Not beside a make of this node's own (bad) state: one begun before
	// the repair was wanted could write the same file name.
	s.makeMu.Lock()
	defer s.makeMu.Unlock()
	if _, err := s.store.ReceiveFrom(ctx, r, meta, streamResume(r)); err != nil {
		return fmt.Errorf("raftsql: receive repair snapshot %d: %w", meta.Index, err)
	}
	p, err := s.store.Prepare(ctx, meta.Index)
	if err != nil {
		return fmt.Errorf("raftsql: prepare repair snapshot %d: %w", meta.Index, err)
	}
	select {
	case n.rep.images <- p:
	default:
		p.Close() // one is waiting already
	}
	return nil
}

// syncDir fsyncs a directory (a rename or removal in it is durable).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
