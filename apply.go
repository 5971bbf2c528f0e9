package raftsql

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// Entry payload kinds: the first byte of a normal entry's data. An empty
// entry (a new leader's first entry) has no kind byte.
const (
	entrySQL byte = 1 // an sqlexec.Command
)

func (n *Node) applyEntries(ents []raft.Entry) error {
	if len(ents) == 0 {
		return nil
	}
	// Consecutive SQL and empty entries go to SQLite in one transaction
	// (a savepoint per entry); a configuration change ends a batch.
	var batch []sqlexec.Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		results := n.db.ApplyBatch(batch)
		for _, res := range results {
			if sqlexec.IsApplyFault(res.Err) {
				continue // not an outcome: the waiter learns when the node stops
			}
			n.deliver(res)
		}
		last := batch[len(batch)-1].Index
		batch = batch[:0]
		// A statement's own failure is a result; failing to record the
		// batch at all (disk full, I/O error) is not: continuing would
		// skip entries on this replica, so the node stops and replays
		// them from its log on restart.
		if got := n.db.AppliedIndex(); got < last {
			err := fmt.Errorf("raftsql: apply through %d failed (SQLite is at %d)", last, got)
			for _, res := range results {
				if res != nil && res.Err != nil {
					err = fmt.Errorf("%w: %v", err, res.Err)
					break
				}
			}
			return err
		}
		n.setApplied(last)
		return nil
	}
	for _, e := range ents {
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
			cfg := n.rn.ApplyConfChange(cc)
			if err := n.store.SetConfig(cfg); err != nil {
				return fmt.Errorf("raftsql: apply %d: persist configuration: %w", e.Index, err)
			}
			if err := n.db.ApplyNoop(e.Index); err != nil {
				return fmt.Errorf("raftsql: apply %d: %w", e.Index, err)
			}
			n.setApplied(e.Index)
			n.applyMembershipChange(cc)
		default:
			if len(e.Data) == 0 {
				batch = append(batch, sqlexec.Entry{Index: e.Index})
				continue
			}
			switch e.Data[0] {
			case entrySQL:
				batch = append(batch, sqlexec.Entry{Index: e.Index, Data: e.Data[1:]})
			default:
				// An entry kind from a newer version: refuse to guess,
				// since skipping it would make this replica diverge.
				return fmt.Errorf("raftsql: apply %d: unknown entry kind %d (written by a newer raftsql?)", e.Index, e.Data[0])
			}
		}
	}
	return flush()
}

func (n *Node) applyMembershipChange(cc membership.Change) {
	// Member addresses travel in the change's context once membership
	// admin commands exist; for the initial cluster they come from flags.
	if cc.Type == membership.RemoveNode && cc.NodeID != n.id {
		n.tr.RemovePeer(cc.NodeID)
	}
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
	for {
		n.appliedMu.Lock()
		applied, ch := n.applied, n.appliedCond
		n.appliedMu.Unlock()
		if applied >= i {
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
