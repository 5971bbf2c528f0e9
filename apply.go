package raftsql

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// Entry payload kinds: the first byte of a normal entry's data. An empty
// entry (a new leader's first entry) has no kind byte.
const (
	entrySQL          byte = 1 // an sqlexec.Command
	entryVerify       byte = 2 // a verification check (verify.go)
	entryVerifyReport byte = 3 // one node's result of a check (verify.go)
	entryMemberInfo   byte = 4 // a member advertises its addresses (members.go)
	// Never in the log: a node's request to join and the answer, carried
	// between nodes in a MsgProp's entry (join.go).
	entryJoinRequest byte = 5
	entryJoinReply   byte = 6
	// entryRepairRequest (7, repair.go) is never in the log either, nor
	// an unborn initial member's question and the answer (birth.go).
	entryBirthQuery byte = 8
	entryBirthReply byte = 9
)

const (
	// defaultApplyQueueBytes bounds the committed entries the driver keeps
	// in memory for the apply goroutine. Beyond it the driver queues only
	// index ranges, and the apply goroutine reads those entries back from
	// the log store (readable there once handed to it, and waited for to
	// be durable before their COMMIT like any entry) in chunks of
	// applyChunkBytes: however far apply falls behind,
	// its backlog costs disk, not memory, and the driver never waits.
	defaultApplyQueueBytes = 32 << 20
	applyChunkBytes        = 4 << 20
	// How often Close repeats the interrupt of the apply connection until
	// the apply goroutine has returned (a statement that starts after one
	// interrupt runs until the next).
	applyInterruptInterval = 5 * time.Millisecond
)

// applyQueueBytes is the bound each node's apply queue is created with
// (tests lower it).
var applyQueueBytes uint64 = defaultApplyQueueBytes

// errApplyStopped is what applying returns when the node stops under it:
// the batch was interrupted, rolled back and not recorded as applied.
var errApplyStopped = errors.New("raftsql: apply stopped")

// applyItem is one unit of work for the apply goroutine, in log order: a
// snapshot to install, committed entries in memory, or the committed
// entries lo..hi to read back from the log store.
type applyItem struct {
	snap   *raft.Snapshot
	ents   []raft.Entry
	lo, hi uint64
	size   uint64 // bytes of ents counted against the queue's bound
}

// applyQueue hands committed work from the driver to the apply goroutine.
// Pushing never blocks the driver; memory is bounded by max (see
// defaultApplyQueueBytes).
type applyQueue struct {
	mu    sync.Mutex
	items []applyItem
	bytes uint64
	max   uint64
	wake  chan struct{} // capacity 1: something was pushed
	// ranges counts the batches queued as index ranges (over the bound).
	ranges uint64
	// durable is how far the local log is durable (the commit gate's
	// mark, persist.go), and durc is closed and replaced whenever it
	// changes. Committed entries can be queued before their log write is
	// durable (commitGate.early); the apply goroutine runs them at once
	// but COMMITs them to SQLite only once durable covers them
	// (waitDurable), so the statements overlap the fsync and SQLite never
	// holds an entry that a crash could take out of the local log.
	durable uint64
	durc    chan struct{}
}

func newApplyQueue(max uint64) *applyQueue {
	return &applyQueue{max: max, wake: make(chan struct{}, 1), durc: make(chan struct{})}
}

// setDurable records that the local log is durable up to index (which can
// go down: a write replacing uncommitted entries lowers it until durable).
func (q *applyQueue) setDurable(index uint64) {
	q.mu.Lock()
	if q.durable != index {
		q.durable = index
		close(q.durc)
		q.durc = make(chan struct{})
	}
	q.mu.Unlock()
}

// waitDurable waits until the local log is durable up to index; it
// returns errApplyStopped if stop closes first.
func (q *applyQueue) waitDurable(index uint64, stop <-chan struct{}) error {
	for {
		q.mu.Lock()
		ok, ch := q.durable >= index, q.durc
		q.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-stop:
			return errApplyStopped
		}
	}
}

func entriesSize(ents []raft.Entry) uint64 {
	var s uint64
	for _, e := range ents {
		s += raft.EntrySize(e)
	}
	return s
}

func (q *applyQueue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *applyQueue) pushSnapshot(s raft.Snapshot) {
	q.mu.Lock()
	q.items = append(q.items, applyItem{snap: &s})
	q.mu.Unlock()
	q.signal()
}

func (q *applyQueue) pushEntries(ents []raft.Entry) {
	if len(ents) == 0 {
		return
	}
	size := entriesSize(ents)
	lo, hi := ents[0].Index, ents[len(ents)-1].Index
	q.mu.Lock()
	switch {
	case q.bytes == 0 || q.bytes+size <= q.max:
		q.items = append(q.items, applyItem{ents: ents, size: size})
		q.bytes += size
	default:
		// Over the bound: keep only the range; consecutive ranges merge,
		// so the queue's length stays bounded too.
		q.ranges++
		if k := len(q.items) - 1; k >= 0 && q.items[k].snap == nil && q.items[k].ents == nil && q.items[k].hi+1 == lo {
			q.items[k].hi = hi
		} else {
			q.items = append(q.items, applyItem{lo: lo, hi: hi})
		}
	}
	q.mu.Unlock()
	q.signal()
}

// next returns the oldest item, waiting for one; false once stop is closed.
func (q *applyQueue) next(stop <-chan struct{}) (applyItem, bool) {
	return q.nextOr(stop, func() bool { return false })
}

// nextOr is next, but returns an empty item when woken while nothing is
// queued and poke reports true (the apply goroutine has other work: a
// repair).
func (q *applyQueue) nextOr(stop <-chan struct{}, poke func() bool) (applyItem, bool) {
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			it := q.items[0]
			q.items[0] = applyItem{}
			q.items = q.items[1:]
			q.mu.Unlock()
			return it, true
		}
		q.mu.Unlock()
		if poke() {
			return applyItem{}, true
		}
		select {
		case <-q.wake:
		case <-stop:
			return applyItem{}, false
		}
	}
}

// empty reports an item that holds no work (see next).
func (it applyItem) empty() bool { return it.snap == nil && it.ents == nil && it.hi == 0 }

// release returns an item's bytes to the bound once it has been applied.
func (q *applyQueue) release(it applyItem) {
	if it.size == 0 {
		return
	}
	q.mu.Lock()
	q.bytes -= it.size
	q.mu.Unlock()
}

// stopping is closed when the node is closing or has failed.
func (n *Node) stopping() bool {
	select {
	case <-n.haltc:
		return true
	default:
		return false
	}
}

// halt tells the driver and the apply goroutine to stop.
func (n *Node) halt() { n.haltOnce.Do(func() { close(n.haltc) }) }

// applyLoop is the apply goroutine: it applies committed work in log order
// to SQLite, off the driver goroutine, so that ticks, heartbeats, votes and
// appends keep flowing however long a statement runs.
func (n *Node) applyLoop() {
	defer close(n.applyDone)
	for {
		var err error
		if n.rep.due.Load() {
			// Before anything more is applied to a state that cannot be
			// trusted (repair.go).
			err = n.repair()
		} else {
			it, ok := n.applyq.nextOr(n.haltc, n.rep.due.Load)
			if !ok || n.stopping() {
				return
			}
			if it.empty() {
				continue
			}
			err = n.applyItem(it)
			if err != nil && !n.stopping() && !n.cfg.NoSelfRepair && sqlexec.IsDamaged(err) {
				// A damaged file: repaired, then the item is applied
				// again (what the repaired state holds is skipped).
				n.requestRepair(damageReason(err))
				if err = n.repair(); err == nil {
					err = n.applyItem(it)
				}
			}
			n.applyq.release(it)
		}
		if err != nil {
			if n.stopping() || errors.Is(err, errApplyStopped) {
				// SQLite may have logged the refused commit of the
				// interrupted batch: that is this, not a fault.
				n.log.Info("apply stopped: the node is stopping; the entries after the applied index are applied again at restart",
					"applied", n.db.AppliedIndex())
				return
			}
			n.fail(err)
			return
		}
	}
}

// durableWait is the apply's wait before a COMMIT: the local log must be
// durable up to the last entry it records (see applyQueue.durable).
func (n *Node) durableWait(last uint64) error {
	return n.applyq.waitDurable(last, n.haltc)
}

func (n *Node) applyItem(it applyItem) error {
	switch {
	case it.snap != nil:
		return n.installSnapshot(*it.snap)
	case it.ents != nil:
		return n.applyEntries(it.ents)
	}
	lo := it.lo
	// Entries at or below the log store's snapshot are applied already
	// (this node's own snapshot) or covered by a received snapshot queued
	// after them, and saving that snapshot dropped them from the log.
	if snap, err := n.store.Snapshot(); err == nil && snap.Meta.Index >= lo {
		lo = snap.Meta.Index + 1
	}
	for lo <= it.hi {
		if n.stopping() {
			return errApplyStopped
		}
		ents, err := n.store.Entries(lo, it.hi+1, applyChunkBytes)
		if err != nil {
			return fmt.Errorf("raftsql: read committed entries %d..%d back from the log store: %w", lo, it.hi, err)
		}
		if len(ents) == 0 || ents[0].Index != lo {
			return fmt.Errorf("raftsql: log store returned no entry at committed index %d", lo)
		}
		if err := n.applyEntries(ents); err != nil {
			return err
		}
		lo = ents[len(ents)-1].Index + 1
	}
	return nil
}

// stopApplier stops the apply goroutine (the node is closing or failed):
// the batch it is applying, if any, is interrupted, rolled back and not
// recorded as applied, so it is applied again after a restart.
func (n *Node) stopApplier() {
	n.halt()
	for {
		select {
		case <-n.applyDone:
			return
		default:
		}
		n.db.Interrupt()
		select {
		case <-n.applyDone:
			return
		case <-time.After(applyInterruptInterval):
		}
	}
}

func (n *Node) applyEntries(ents []raft.Entry) error {
	if len(ents) == 0 {
		return nil
	}
	n.noteApplied(ents)
	// Consecutive SQL and empty entries go to SQLite in one transaction
	// (a savepoint per entry); a configuration change ends a batch.
	var batch []sqlexec.Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if n.stopping() {
			return errApplyStopped
		}
		results := n.db.ApplyBatchAfter(batch, n.durableWait)
		last := batch[len(batch)-1].Index
		batch = batch[:0]
		// Only what SQLite recorded as applied is a result: an
		// interrupted batch (the node is stopping) or a batch that could
		// not be recorded at all is not.
		got := n.db.AppliedIndex()
		for _, res := range results {
			if res != nil && res.Index <= got {
				n.deliver(res)
			}
		}
		n.setApplied(got)
		if got >= last {
			return nil
		}
		if n.stopping() {
			return errApplyStopped
		}
		// A statement's own failure is a result; failing to record the
		// batch at all (disk full, I/O error) is not: continuing would
		// skip entries on this replica, so the node stops and replays
		// them from its log on restart.
		err := fmt.Errorf("raftsql: apply through %d failed (SQLite is at %d)", last, got)
		for _, res := range results {
			if res != nil && res.Err != nil {
				err = fmt.Errorf("%w: %w", err, res.Err)
				break
			}
		}
		return err
	}
	for _, e := range ents {
		if e.Index <= n.db.AppliedIndex() && e.Type != raft.EntryConfChange {
			// In the state already: a repair installed an image past it
			// (repair.go). Configuration changes are skipped below.
			continue
		}
		switch e.Type {
		case raft.EntryConfChange:
			if err := flush(); err != nil {
				return err
			}
			if e.Index <= n.db.AppliedIndex() {
				// Applied before a restart; the core's configuration
				// came from the log store, which we updated first.
				continue
			}
			cc, err := raft.DecodeChange(e.Data)
			if err != nil {
				return fmt.Errorf("raftsql: apply %d: decode configuration change: %w", e.Index, err)
			}
			// The member table first, then the core's configuration: the
			// leader's join handler reads the configuration before the
			// table's removed set, so once a removal shows in the
			// configuration it also shows in the removed set, and a join
			// request still in flight from the removed member can never
			// add it back.
			if err := n.applyChangeToMembers(e.Index, cc); err != nil {
				return err
			}
			cfg, err := n.applyConfChange(cc)
			if err != nil {
				return fmt.Errorf("raftsql: apply %d: %w", e.Index, err)
			}
			// The image records the configuration it was made under, and
			// the member table.
			if err := n.db.ApplyImageMeta(sqlexec.ImageMeta{Index: e.Index, Config: encodeConf(cfg), Members: n.membersImage()}); err != nil || n.db.AppliedIndex() < e.Index {
				if n.stopping() {
					return errApplyStopped
				}
				return fmt.Errorf("raftsql: apply %d: record configuration change: %w", e.Index, orNotRecorded(err))
			}
			n.setApplied(e.Index)
			if err := n.applyMembershipChange(e.Index, cc); err != nil {
				return err
			}
		default:
			if len(e.Data) == 0 {
				batch = append(batch, sqlexec.Entry{Index: e.Index})
				continue
			}
			switch e.Data[0] {
			case entrySQL:
				batch = append(batch, sqlexec.Entry{Index: e.Index, Data: e.Data[1:]})
			case entryVerify:
				// The check samples the state after every earlier entry.
				if err := flush(); err != nil {
					return err
				}
				n.applyVerifyCheck(e.Index, e.Data[1:])
				batch = append(batch, sqlexec.Entry{Index: e.Index})
			case entryVerifyReport:
				n.applyVerifyReport(e.Index, e.Data[1:])
				batch = append(batch, sqlexec.Entry{Index: e.Index})
			case entryMemberInfo:
				// Recorded before SQLite records the entry (members.go),
				// and SQLite records the table with the entry, on its own
				// (adverts are rare), so an image carries the table at
				// its index.
				if err := flush(); err != nil {
					return err
				}
				if err := n.applyMemberAdvert(e.Index, e.Data[1:]); err != nil {
					return err
				}
				if err := n.db.ApplyImageMeta(sqlexec.ImageMeta{Index: e.Index, Members: n.membersImage()}); err != nil || n.db.AppliedIndex() < e.Index {
					if n.stopping() {
						return errApplyStopped
					}
					return fmt.Errorf("raftsql: apply %d: record the member table: %w", e.Index, orNotRecorded(err))
				}
				n.setApplied(e.Index)
			default:
				// An entry kind from a newer version: refuse to guess,
				// since skipping it would make this replica diverge.
				return fmt.Errorf("raftsql: apply %d: unknown entry kind %d (written by a newer raftsql?)", e.Index, e.Data[0])
			}
		}
	}
	return flush()
}

// orNotRecorded is err, or, when SQLite reported no error but did not
// record the entry, an error saying so.
func orNotRecorded(err error) error {
	if err == nil {
		return errors.New("not recorded")
	}
	return err
}

// confRequest asks the driver, the only goroutine that touches the Raft
// core, to apply a committed configuration change to the core and persist
// the resulting configuration.
type confRequest struct {
	cc   membership.Change
	cfg  membership.Config // the resulting configuration, set before done
	done chan error
}

// applyConfChange has the driver apply cc to the core, in log order: the
// apply goroutine calls it when it reaches the entry, after every earlier
// entry is applied (etcd's apply path does the same through its node).
func (n *Node) applyConfChange(cc membership.Change) (membership.Config, error) {
	req := &confRequest{cc: cc, done: make(chan error, 1)}
	select {
	case n.confc <- req:
	case <-n.haltc:
		return membership.Config{}, errApplyStopped
	}
	select {
	case err := <-req.done:
		return req.cfg, err
	case <-n.haltc:
		return membership.Config{}, errApplyStopped
	}
}

// applyMembershipChange updates the peer transport after a change at
// index is applied: an added member's address comes from the member table;
// a removed member is dropped. This node's own removal stops it
// (errRemoved says why and how to come back).
func (n *Node) applyMembershipChange(index uint64, cc membership.Change) error {
	switch {
	case cc.Type == membership.RemoveNode && cc.NodeID == n.id:
		n.stopRemoved(index)
		return errApplyStopped
	case cc.Type == membership.RemoveNode:
		n.noticeRemoved(index, cc.NodeID)
	case cc.NodeID != n.id:
		if m, ok := n.memberInfo(cc.NodeID); ok && m.RaftAddr != "" {
			n.addPeer(cc.NodeID, m.Name, m.RaftAddr)
		}
	}
	return nil
}

func (n *Node) deliver(res *sqlexec.ApplyResult) {
	if res == nil || res.Duplicate {
		return
	}
	n.waitMu.Lock()
	ch, ok := n.waiters[res.RequestID]
	if ok {
		delete(n.waiters, res.RequestID)
	}
	n.waitMu.Unlock()
	if ok {
		ch <- res
	}
}

// waiterFailed marks a result that is not an apply result: the node stopped
// (or failed) before this node applied the request.
type waiterFailed struct{ err error }

func (w *waiterFailed) Error() string { return w.err.Error() }

func (n *Node) failWaiters(err error) {
	n.waitMu.Lock()
	defer n.waitMu.Unlock()
	for id, ch := range n.waiters {
		ch <- &sqlexec.ApplyResult{RequestID: id, Err: &waiterFailed{err}}
		delete(n.waiters, id)
	}
}

func (n *Node) setApplied(i uint64) {
	n.appliedMu.Lock()
	if i > n.applied {
		n.applied = i
		close(n.appliedCond)
		n.appliedCond = make(chan struct{})
	}
	n.appliedMu.Unlock()
}

// waitApplied blocks until this node has applied index i.
func (n *Node) waitApplied(ctx context.Context, i uint64) error {
	return n.awaitApply(ctx, func(applied uint64) bool { return applied >= i })
}

// awaitApply blocks until done holds, checking it at every growth of the
// applied index.
func (n *Node) awaitApply(ctx context.Context, done func(applied uint64) bool) error {
	for {
		n.appliedMu.Lock()
		applied, ch := n.applied, n.appliedCond
		n.appliedMu.Unlock()
		if done(applied) {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-n.donec:
			return errNodeStopped
		}
	}
}
