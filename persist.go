package raftsql

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/raftsql/raftsql/raft"
)

// Pipelined log writes (raft's asynchronous storage writes, raft/doc.go),
// with Config.PipelinedLogWrites; without it the same code runs one Ready
// at a time on the driver goroutine (persister.hand).
//
// The driver hands each Ready's write to the log store without waiting for
// its fsync (logstore.Store.SaveAsync), then goes on stepping messages,
// taking proposals and producing the next Ready, whose write joins the
// same WAL and so shares or follows the fsync in flight (Pebble's group
// commit). The persister goroutine waits for the writes in the order they
// were handed over and, once a write is durable, does what depended on
// it: it sends the Ready's remaining messages (votes, acknowledgements,
// heartbeats), hands the committed entries to the apply goroutine and
// reports the durable log position to the core (RawNode.StableTo), which
// is how a leader's own entries come to count toward a commit.
//
// Invariants:
//   - Writes become durable in hand-over order (one WAL: a later write
//     survives a crash only if every earlier one does), and the persister
//     processes them in that order, so "write k durable" implies every
//     write before k is durable too.
//   - No message other than those sendEarly allows leaves before the
//     write of its Ready is durable; no committed entry is applied (its
//     SQLite transaction committed, its result given) before it is
//     durable locally (a follower can learn a commit before its own copy
//     is on disk, and a one-node leader commits at append). A committed
//     SQL entry goes to apply at once, and its statements run while its
//     write is in flight; the apply's COMMIT waits for the durable mark
//     (commitGate.early, applyQueue.waitDurable). Any other committed
//     entry goes to apply as soon as the log is durable up to it, without
//     waiting for writes handed over later. A write that replaces part of
//     the log lowers what earlier writes count for (and the mark), so an
//     entry is never taken as durable on the strength of the entry it
//     replaced.
//   - A commit rests on a majority of durable copies: followers
//     acknowledge after their fsync, and the leader counts itself only
//     through StableTo.
//   - Every wait handed out is called (the log store's Close waits for
//     them), even after a failure.

// persistItem is one Ready's work that waits for its write.
type persistItem struct {
	wait     func() error // nil: the Ready wrote nothing that needs a sync
	synced   func()       // metrics: the write's duration
	msgs     []raft.Message
	snap     raft.Snapshot
	appended []raft.Entry // breakAckBeforeCommit only
	// stableIndex/stableTerm: the last entry of the log as this write left
	// it (0: the write added no entry), reported to the core when durable.
	stableIndex, stableTerm uint64
	// covers: once durable, this write makes the log durable up to here
	// (stableIndex, lowered when a later write replaces part of it).
	covers uint64
	// term is the term this write makes durable (0: unchanged).
	term uint64
	done chan struct{} // closed when processed (nil: nobody waits)
}

// persister processes persistItems in order on its own goroutine.
type persister struct {
	n *Node
	// async: Config.PipelinedLogWrites. Otherwise every item is processed
	// on the driver goroutine as it is handed over, its write waited for
	// first: the driver persists, then sends and applies, one Ready at a
	// time, and the core counts the leader's entries at append.
	async bool
	items chan *persistItem
	wg    sync.WaitGroup
	// durableTerm is the term in the log store's durable hard state.
	durableTerm atomic.Uint64
	// stable is the latest durable log position not yet reported to the
	// core; stablec (capacity 1) wakes the driver to report it.
	mu                      sync.Mutex
	stableIndex, stableTerm uint64
	stablec                 chan struct{}
	failed                  atomic.Bool // a write failed: nothing more is sent or applied
	// queued counts the items handed to the persister goroutine and not
	// yet processed. At zero the goroutine is idle and stays so until the
	// driver (the only sender) hands it more.
	queued atomic.Int64
	gate   commitGate
}

// commitGate holds committed entries until the local log is durable up to
// them, then hands them to the apply goroutine in log order. It is what
// lets an entry reach apply as soon as the write that holds it is durable,
// not after an unrelated later write handed over before its commit was
// learned (the later write's messages and report still wait for it).
type commitGate struct {
	mu sync.Mutex
	// durable: the local log is durable up to this index.
	durable uint64
	// handed: the last index of the log as handed to the store.
	handed uint64
	// inflight: the handed writes not yet durable, oldest first.
	inflight []*persistItem
	// waiting: committed entries not yet handed to apply, in log order.
	waiting []raft.Entry
	// pushEntries and pushSnapshot hand work to the apply goroutine
	// (applyQueue; tests record it), always with mu held, so in order.
	pushEntries  func([]raft.Entry)
	pushSnapshot func(raft.Snapshot)
	// early: committed SQL and empty entries go to apply as soon as they
	// are committed, before the log is durable up to them; the apply
	// goroutine runs their statements while the log write is in flight
	// and COMMITs them to SQLite only once setDurable has reported them
	// durable (applyQueue.waitDurable). Other entries (configuration
	// changes, checks, member adverts) act outside SQLite's transaction
	// and still wait for durability here, and so does every entry after
	// them.
	early bool
	// setDurable publishes durable to the apply goroutine whenever it
	// changes (nil: nobody waits on it), with mu held.
	setDurable func(uint64)
}

// persistQueue bounds the Readys handed over and not yet durable; a full
// queue makes the driver wait (back-pressure on a slow disk).
const persistQueue = 256

func (n *Node) startPersister() (*persister, error) {
	hs, _, err := n.store.InitialState()
	if err != nil {
		return nil, fmt.Errorf("raftsql: read the durable hard state: %w", err)
	}
	last, err := n.store.LastIndex()
	if err != nil {
		return nil, fmt.Errorf("raftsql: read the durable log: %w", err)
	}
	p := &persister{n: n, async: n.cfg.PipelinedLogWrites, items: make(chan *persistItem, persistQueue), stablec: make(chan struct{}, 1)}
	p.durableTerm.Store(hs.Term)
	p.gate = commitGate{durable: last, handed: last, pushEntries: n.applyq.pushEntries, pushSnapshot: n.applyq.pushSnapshot,
		early: true, setDurable: n.applyq.setDurable}
	n.applyq.setDurable(last)
	p.wg.Add(1)
	go p.loop()
	return p, nil
}

// hand takes one Ready's work from the driver: its write (it.wait, already
// handed to the store; nil if none), the entries it wrote (ents), the
// entries it commits and what waits for the write. Committed entries go
// to the gate; the rest to the persister goroutine, or, when it waits for
// no write and nothing is queued before it (every earlier write is
// durable and processed), is done at once on the driver goroutine. It
// returns once the item is processed if the item has done.
func (p *persister) hand(it *persistItem, ents, committed []raft.Entry) {
	p.gate.handOver(it, ents, committed, !p.failed.Load())
	if it.wait == nil && len(it.msgs) == 0 && it.snap.IsEmpty() && len(it.appended) == 0 {
		return // nothing waits for a write
	}
	if !p.async || (it.wait == nil && p.queued.Load() == 0) {
		p.process(it)
		return
	}
	p.queued.Add(1)
	p.items <- it
	if it.done != nil {
		<-it.done
	}
}

// handOver records a Ready's write w (its snapshot, and ents, the entries
// it wrote; w.wait nil: no write to wait for) and queues the entries it
// commits; with release, hands over at once what is durable already.
func (g *commitGate) handOver(w *persistItem, ents, committed []raft.Entry, release bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !w.snap.IsEmpty() {
		// A snapshot replaces the whole log: nothing written before it
		// counts beyond its index.
		g.replaceFrom(w.snap.Meta.Index + 1)
		g.handed = w.snap.Meta.Index
	}
	if len(ents) > 0 {
		if first := ents[0].Index; first <= g.handed {
			// This write replaces the log from first on: what earlier
			// writes hold there does not count once durable.
			g.replaceFrom(first)
		}
		g.handed = ents[len(ents)-1].Index
	}
	if w.wait != nil {
		g.inflight = append(g.inflight, w)
	}
	g.waiting = append(g.waiting, committed...)
	g.publishLocked()
	if release {
		g.releaseLocked()
	}
}

// publishLocked reports durable to the apply goroutine. Called with mu
// held, after every change of durable and before any entry that depends
// on the new value is pushed.
func (g *commitGate) publishLocked() {
	if g.setDurable != nil {
		g.setDurable(g.durable)
	}
}

// earlyEntry reports whether a committed entry may reach apply before it
// is durable locally: only entries whose whole effect is inside the apply
// batch's SQLite transaction (SQL commands and empty entries), which the
// apply COMMITs only once the entry is durable.
func earlyEntry(e raft.Entry) bool {
	return e.Type == raft.EntryNormal && (len(e.Data) == 0 || e.Data[0] == entrySQL)
}

// written records that w, the oldest write not yet durable, is durable:
// its snapshot goes to apply, then every committed entry it covers, then
// appended (breakAckBeforeCommit only).
func (g *commitGate) written(w *persistItem, appended []raft.Entry) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if w.wait != nil && len(g.inflight) > 0 && g.inflight[0] == w {
		g.inflight[0] = nil
		g.inflight = g.inflight[1:]
	}
	if !w.snap.IsEmpty() {
		// Everything committed before the snapshot was covered by an
		// earlier write (committed entries are never replaced), so no
		// entry before it is still waiting; the snapshot replaces the
		// log.
		g.release(false)
		g.pushSnapshot(w.snap)
		g.durable = max(g.durable, w.snap.Meta.Index)
	}
	if w.wait != nil {
		g.durable = max(g.durable, w.covers)
	}
	g.publishLocked()
	g.releaseLocked()
	if len(appended) > 0 {
		g.pushEntries(appended)
	}
}

// replaceFrom records that the log from index first on is being replaced
// by a write not yet durable. Called with mu held.
func (g *commitGate) replaceFrom(first uint64) {
	g.durable = min(g.durable, first-1)
	for _, w := range g.inflight {
		w.covers = min(w.covers, first-1)
	}
}

// releaseLocked hands the committed entries the durable log covers to the
// apply goroutine, and with early release the SQL entries after them,
// unless a snapshot's write is in flight: entries committed after a
// snapshot run on its state, so they wait until the snapshot has gone to
// apply (written). Called with mu held.
func (g *commitGate) releaseLocked() {
	g.release(g.early && !g.snapshotInFlight())
}

// snapshotInFlight reports whether a write not yet durable carries a
// snapshot. Called with mu held.
func (g *commitGate) snapshotInFlight() bool {
	for _, w := range g.inflight {
		if w != nil && !w.snap.IsEmpty() {
			return true
		}
	}
	return false
}

// release hands the committed entries the durable log covers to the
// apply goroutine, and with early the SQL and empty entries after them.
// Called with mu held.
func (g *commitGate) release(early bool) {
	k := 0
	for k < len(g.waiting) && g.waiting[k].Index <= g.durable {
		k++
	}
	for early && k < len(g.waiting) && earlyEntry(g.waiting[k]) {
		k++
	}
	if k == 0 {
		return
	}
	g.pushEntries(g.waiting[:k:k])
	g.waiting = g.waiting[k:]
	if len(g.waiting) == 0 {
		g.waiting = nil
	}
}

// stop waits until every item handed over has been processed (every fsync
// waited for). Called by the driver goroutine, the only sender.
func (p *persister) stop() {
	close(p.items)
	p.wg.Wait()
}

func (p *persister) loop() {
	defer p.wg.Done()
	for it := range p.items {
		p.process(it)
		p.queued.Add(-1)
	}
}

func (p *persister) process(it *persistItem) {
	n := p.n
	if it.done != nil {
		defer close(it.done)
	}
	if it.wait != nil {
		err := it.wait()
		if err != nil && p.failed.CompareAndSwap(false, true) {
			n.fail(fmt.Errorf("raftsql: persist raft state: %w", err))
		}
		if it.synced != nil {
			it.synced()
		}
	}
	if p.failed.Load() {
		return
	}
	if it.term != 0 {
		p.durableTerm.Store(it.term)
	}
	if msgs := n.streamSnapshots(it.msgs); len(msgs) > 0 {
		n.tr.Send(msgs)
	}
	p.gate.written(it, it.appended)
	if it.stableIndex > 0 && p.async {
		p.mu.Lock()
		p.stableIndex, p.stableTerm = it.stableIndex, it.stableTerm
		p.mu.Unlock()
		select {
		case p.stablec <- struct{}{}:
		default:
		}
	}
}

// takeStable returns the latest durable log position (ok false: none new).
// Only the latest matters: a durable write implies every earlier one.
func (p *persister) takeStable() (index, term uint64, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	index, term = p.stableIndex, p.stableTerm
	p.stableIndex, p.stableTerm = 0, 0
	return index, term, index > 0
}

// sendEarly reports whether m may leave before its Ready's write is
// durable. A forwarded proposal or read request depends on no persisted
// state. A leader's MsgApp depends only on the leader's term and its vote
// for itself in that term, which are durable once durableTerm reaches the
// message's term (term and vote are written together). The core never
// counts the leader's own new entries before StableTo reports them
// durable, so an append sent early can never make them count early. Every
// other message (votes, acknowledgements, heartbeats and their answers,
// snapshots) waits for the write.
func sendEarly(m raft.Message, durableTerm uint64) bool {
	switch m.Type {
	case raft.MsgProp, raft.MsgReadIndex:
		return true
	case raft.MsgApp:
		return m.Term == durableTerm
	}
	return false
}

// sendBeforePersist splits a Ready's messages into those that may leave
// before its write is durable (sendEarly) and the rest, each group in its
// order.
func sendBeforePersist(msgs []raft.Message, durableTerm uint64) (early, rest []raft.Message) {
	for _, m := range msgs {
		if sendEarly(m, durableTerm) {
			early = append(early, m)
		} else {
			rest = append(rest, m)
		}
	}
	return early, rest
}
