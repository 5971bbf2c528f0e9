package raftsql

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// Self-verification: replicas compare checksums of their databases at the
// same applied index, continuously, through the log.
//
//  1. Every VerifyInterval the leader proposes a check entry (kind
//     entryVerify): a row budget and the cursor where the check starts.
//  2. Every node, when it applies the check, takes a sampled checksum
//     (sqlexec.StartSample: the schema plus at most the budget's rows from
//     the cursor on, in key order) of exactly the state at that index, and
//     proposes a report entry (kind entryVerifyReport: its id, the check's
//     index, its sum).
//  3. Every node applies every report, so every node learns every
//     replica's sum for the check. Once a majority of the voters reported
//     the same sum, the check is decided: a node whose own sum differs
//     marks itself diverged (diverged.go); a peer whose report differs is
//     listed as diverged in this node's SHOW raftsql.verification.
//
// The leader starts each check where its own previous sample stopped, so
// successive checks walk the whole database: a row that differs is hashed
// within ceil(rows/VerifyRows)+1 checks of the change, and a schema
// difference fails the very next check. The hashing runs on a read
// connection in the background; apply waits only for its snapshot.

// errCheckPending: a check is not proposed while this node's sample of
// the previous one is still running.
var errCheckPending = errors.New("raftsql: the previous verification check is still being sampled here")

// verifyKeep is how many recent checks a node remembers (reports of older
// checks are ignored).
const verifyKeep = 16

// verifier is the node's verification state; apply records into it, the
// verify loop (runVerifier) proposes checks and reports.
type verifier struct {
	mu     sync.Mutex
	rounds map[uint64]*verifyRound // by check index
	next   sqlexec.VerifyCursor    // where this node's last sample stopped
	taken  uint64                  // index of the last check this node started to sample
	done   uint64                  // index of the last check whose sample finished
	// Idle clusters: verifyApplied counts the verification entries this
	// incarnation applied, so AppliedIndex()-verifyApplied moves exactly
	// when another entry (a write, a leader's empty entry, a configuration
	// change) applies. passFrom is its value when the current pass began,
	// and clean reports that the last pass completed without any such
	// entry: the leader then proposes no periodic checks until one applies,
	// so an idle cluster's log does not grow forever.
	verifyApplied uint64
	passFrom      uint64
	clean         bool
	sampled       uint64            // checks this node sampled
	lastOK        uint64            // last decided check this node agreed with
	lastDone      uint64            // last decided check
	wrapped       uint64            // full passes over the database
	peers         map[uint64]uint64 // peers whose sum differed from the majority: id -> check
	diverged      string            // why this node is diverged ("" if not)
	// resetAt: a repair replaced the state at this index (repair.go);
	// this node's sums of checks at or below it are of the bad state.
	resetAt uint64

	reportc chan verifyReport // reports to propose
	checkc  chan chan error   // on-demand checks
	handoff chan struct{}     // this node just became diverged
}

// verifyRound is what a node knows about one check.
type verifyRound struct {
	own     string // this node's sum ("" until sampled)
	others  uint64 // non-verification entries applied before it (see verifier.passFrom)
	sums    map[uint64]string
	decided string // the majority's sum once known
}

// verifyReport is one node's result for the check at index Check.
type verifyReport struct {
	Node  uint64
	Check uint64
	Sum   string
}

func newVerifier() *verifier {
	return &verifier{
		rounds:  map[uint64]*verifyRound{},
		peers:   map[uint64]uint64{},
		reportc: make(chan verifyReport, 64),
		checkc:  make(chan chan error),
		handoff: make(chan struct{}, 1),
	}
}

func encodeVerifyCheck(rows int, cur sqlexec.VerifyCursor) []byte {
	b := []byte{entryVerify}
	b = binary.AppendUvarint(b, uint64(rows))
	return sqlexec.EncodeVerifyCursor(b, cur)
}

func decodeVerifyCheck(data []byte) (int, sqlexec.VerifyCursor, error) {
	rows, k := binary.Uvarint(data)
	if k <= 0 || rows == 0 || rows > 1<<30 {
		return 0, sqlexec.VerifyCursor{}, errors.New("bad row budget")
	}
	cur, rest, err := sqlexec.DecodeVerifyCursor(data[k:])
	if err == nil && len(rest) != 0 {
		err = errors.New("trailing bytes")
	}
	return int(rows), cur, err
}

func encodeVerifyReport(r verifyReport) []byte {
	b := []byte{entryVerifyReport}
	b = binary.AppendUvarint(b, r.Node)
	b = binary.AppendUvarint(b, r.Check)
	b = binary.AppendUvarint(b, uint64(len(r.Sum)))
	return append(b, r.Sum...)
}

func decodeVerifyReport(data []byte) (verifyReport, error) {
	var r verifyReport
	var k int
	if r.Node, k = binary.Uvarint(data); k <= 0 {
		return r, errors.New("bad node")
	}
	data = data[k:]
	if r.Check, k = binary.Uvarint(data); k <= 0 {
		return r, errors.New("bad check index")
	}
	data = data[k:]
	n, k := binary.Uvarint(data)
	if k <= 0 || n != uint64(len(data)-k) {
		return r, errors.New("bad sum")
	}
	r.Sum = string(data[k:])
	return r, nil
}

// applyVerifyCheck runs when apply reaches a check entry, after every
// earlier entry is committed to SQLite. A check applied before a restart
// is not taken again: its state is gone.
func (n *Node) applyVerifyCheck(index uint64, data []byte) {
	if index <= n.db.AppliedIndex() {
		return
	}
	rows, cur, err := decodeVerifyCheck(data)
	if err != nil {
		// Nothing to compare: the check is skipped on every node alike.
		n.log.Warn("verification check entry is malformed; skipped", "index", index, "err", err)
		return
	}
	v := n.ver
	v.mu.Lock()
	v.taken = index
	others := index - 1 - v.verifyApplied
	v.verifyApplied++
	if cur.Table == "" && cur.Key == nil {
		v.passFrom, v.clean = others, false
	}
	r := v.round(index)
	r.others = others
	v.mu.Unlock()
	_, err = n.db.StartSample(context.Background(), cur, rows, func(s sqlexec.VerifySample, err error) {
		n.sampled(index, s, err)
	})
	if err != nil {
		n.log.Warn("verification check not taken", "index", index, "err", err)
		n.sampled(index, sqlexec.VerifySample{}, err)
	}
}

// sampled records this node's own result of the check at index and queues
// its report.
func (n *Node) sampled(index uint64, s sqlexec.VerifySample, err error) {
	v := n.ver
	v.mu.Lock()
	if index > v.done {
		v.done = index
	}
	v.mu.Unlock()
	if err != nil {
		n.log.Warn("verification check failed on this node", "index", index, "err", err)
		return
	}
	if s.Index != index-1 {
		// Cannot happen while apply commits every entry before a check;
		// a sample of another state would be a false alarm.
		n.log.Error("verification check sampled the wrong state; its result is discarded", "index", index, "sampled_at", s.Index)
		return
	}
	v.mu.Lock()
	if index <= v.resetAt {
		v.mu.Unlock()
		return
	}
	r := v.round(index)
	r.own = s.Sum
	v.next = s.Next
	v.sampled++
	if s.Wrapped {
		v.wrapped++
		v.clean = r.others == v.passFrom
	}
	v.mu.Unlock()
	select {
	case v.reportc <- verifyReport{Node: n.id, Check: index, Sum: s.Sum}:
	default:
		n.log.Warn("verification report queue is full; report dropped", "check", index)
	}
	n.evaluateCheck(index)
}

// applyVerifyReport records a report (from any node, this one included).
func (n *Node) applyVerifyReport(index uint64, data []byte) {
	if index <= n.db.AppliedIndex() {
		return
	}
	rep, err := decodeVerifyReport(data)
	if err != nil {
		n.log.Warn("verification report entry is malformed; ignored", "index", index, "err", err)
		return
	}
	v := n.ver
	v.mu.Lock()
	v.verifyApplied++
	if _, ok := v.rounds[rep.Check]; !ok && len(v.rounds) >= verifyKeep && rep.Check < v.oldest() {
		v.mu.Unlock()
		return
	}
	v.round(rep.Check).sums[rep.Node] = rep.Sum
	v.mu.Unlock()
	n.evaluateCheck(rep.Check)
}

// round returns the record of the check at index, creating it (and
// forgetting the oldest beyond verifyKeep). v.mu is held.
func (v *verifier) round(index uint64) *verifyRound {
	r, ok := v.rounds[index]
	if !ok {
		r = &verifyRound{sums: map[uint64]string{}}
		v.rounds[index] = r
		for len(v.rounds) > verifyKeep {
			delete(v.rounds, v.oldest())
		}
	}
	return r
}

func (v *verifier) oldest() uint64 {
	first := true
	var min uint64
	for i := range v.rounds {
		if first || i < min {
			min, first = i, false
		}
	}
	return min
}

// evaluateCheck decides the check at index once a majority of the voters
// agree on a sum, and compares this node's and each reporter's sum with it.
func (n *Node) evaluateCheck(index uint64) {
	_, conf, err := n.store.InitialState()
	if err != nil || len(conf.Voters) == 0 {
		return
	}
	v := n.ver
	v.mu.Lock()
	r, ok := v.rounds[index]
	if !ok {
		v.mu.Unlock()
		return
	}
	if r.decided == "" {
		r.decided = majoritySum(r.sums, conf.Voters)
		if r.decided != "" && index > v.lastDone {
			v.lastDone = index
		}
	}
	if r.decided == "" {
		v.mu.Unlock()
		return
	}
	var newPeers []uint64
	for id, s := range r.sums {
		switch {
		case id == n.id:
		case s != r.decided:
			if _, known := v.peers[id]; !known {
				newPeers = append(newPeers, id)
			}
			v.peers[id] = index
		case v.peers[id] != 0 && index > v.peers[id]:
			// It agrees at a later check: it repaired itself.
			delete(v.peers, id)
		}
	}
	var why string
	switch {
	case r.own == "":
	case r.own != r.decided:
		if v.diverged == "" {
			// Set together with the decision, so nobody sees the check
			// decided without its verdict.
			why = fmt.Sprintf("check at log index %d: this node's checksum %.16s differs from the majority's %.16s", index, r.own, r.decided)
			v.diverged = why
		}
	case index > v.lastOK:
		v.lastOK = index
	}
	v.mu.Unlock()
	sort.Slice(newPeers, func(i, j int) bool { return newPeers[i] < newPeers[j] })
	for _, id := range newPeers {
		n.log.Error("verification: a replica's data differs from the majority's; it marks itself diverged", "replica", n.nameOf(id), "check", index)
	}
	if why != "" {
		n.recordDiverged(why)
	}
}

// majoritySum is the sum a majority of voters reported, or "" while there
// is none. Reports of non-voters (learners) are compared, never counted.
func majoritySum(sums map[uint64]string, voters []uint64) string {
	count := map[string]int{}
	for _, id := range voters {
		if s, ok := sums[id]; ok {
			count[s]++
			if count[s] > len(voters)/2 {
				return s
			}
		}
	}
	return ""
}

// runVerifier is the verify loop: the leader's periodic checks, on-demand
// checks, reports, and handing leadership away while diverged.
func (n *Node) runVerifier(ctx context.Context) {
	v := n.ver
	var tick <-chan time.Time
	if n.cfg.VerifyInterval > 0 {
		t := time.NewTicker(n.cfg.VerifyInterval)
		defer t.Stop()
		tick = t.C
	}
	for {
		leaderChanged := n.leaderChange()
		select {
		case <-ctx.Done():
			return
		case <-n.donec:
			return
		case <-tick:
			if n.IsLeader() && n.divergedReason() == "" && !n.verifyIdle() {
				if err := n.proposeCheck(ctx); err != nil && ctx.Err() == nil && !errors.Is(err, errCheckPending) {
					n.log.Warn("verification check not proposed", "err", err)
				}
			}
		case ch := <-v.checkc:
			ch <- n.proposeCheck(ctx)
		case rep := <-v.reportc:
			n.proposeReport(ctx, rep)
		case <-v.handoff:
			if n.IsLeader() {
				n.handOffLeadership(ctx)
			}
		case <-leaderChanged:
			if n.IsLeader() && n.divergedReason() != "" {
				n.handOffLeadership(ctx)
			}
		}
	}
}

// verifyIdle reports that a whole pass found the database unchanged and
// nothing but verification entries applied since it began.
func (n *Node) verifyIdle() bool {
	applied := n.db.AppliedIndex()
	v := n.ver
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.clean && applied-v.verifyApplied == v.passFrom
}

// Verify proposes a verification check now (on any node: a follower's
// proposal is forwarded to the leader) and returns once it is proposed;
// the result shows in SHOW raftsql.verification once reports arrive.
func (n *Node) Verify(ctx context.Context) error {
	ch := make(chan error, 1)
	select {
	case n.ver.checkc <- ch:
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (n *Node) proposeCheck(ctx context.Context) error {
	n.ver.mu.Lock()
	cur, pending := n.ver.next, n.ver.taken > n.ver.done
	n.ver.mu.Unlock()
	if pending {
		// The next check starts where this node's last sample stops:
		// proposing before it stops would check the same rows again.
		return errCheckPending
	}
	return n.proposeInternal(ctx, encodeVerifyCheck(n.cfg.VerifyRows, cur))
}

func (n *Node) proposeReport(ctx context.Context, rep verifyReport) {
	if err := n.proposeInternal(ctx, encodeVerifyReport(rep)); err != nil && ctx.Err() == nil {
		// A lost report leaves the check to the other replicas' reports.
		n.log.Warn("verification report not proposed", "check", rep.Check, "err", err)
	}
}

// proposeInternal proposes one of the node's own entries, retrying while
// there is no leader, for at most WriteTimeout. Nothing waits for it to
// apply: the entry's effect is on the verifier's state.
func (n *Node) proposeInternal(ctx context.Context, data []byte) error {
	ctx, cancel := context.WithTimeout(ctx, n.cfg.WriteTimeout)
	defer cancel()
	for {
		err := n.submit(ctx, &proposal{data: data})
		if !errors.Is(err, raft.ErrProposalDropped) {
			return err
		}
		select {
		case <-time.After(retryBackoff):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// VerifyStatus is a node's view of self-verification.
type VerifyStatus struct {
	Sampled     uint64            // checks this node sampled since it started
	Passes      uint64            // full passes over the database among them
	LastDecided uint64            // log index of the last check a majority agreed on
	LastAgreed  uint64            // ... and of the last one this node's sum matched
	Diverged    string            // why this node is diverged; "" if it is not
	Peers       map[string]uint64 // replicas whose sum differed from the majority's, with the check
	// Idle: a whole pass found nothing but verification entries applied
	// since it began; as leader, this node proposes no periodic check
	// until another entry applies.
	Idle bool
}

// VerifyStatus returns the node's view of self-verification.
func (n *Node) VerifyStatus() VerifyStatus {
	idle := n.verifyIdle()
	v := n.ver
	v.mu.Lock()
	defer v.mu.Unlock()
	st := VerifyStatus{Sampled: v.sampled, Passes: v.wrapped, LastDecided: v.lastDone, LastAgreed: v.lastOK, Diverged: v.diverged, Peers: map[string]uint64{}, Idle: idle}
	for id, at := range v.peers {
		st.Peers[n.nameOf(id)] = at
	}
	return st
}

// String is the value of SHOW raftsql.verification.
func (st VerifyStatus) String() string {
	var b strings.Builder
	switch {
	case st.Diverged != "":
		b.WriteString("diverged: " + st.Diverged)
	case st.LastDecided == 0:
		b.WriteString("unchecked")
	default:
		fmt.Fprintf(&b, "ok: agreed with the majority at check %d", st.LastAgreed)
	}
	fmt.Fprintf(&b, "; %d checks sampled, %d full passes", st.Sampled, st.Passes)
	if st.Idle {
		b.WriteString(", idle (nothing written since the last full pass)")
	}
	if len(st.Peers) > 0 {
		names := make([]string, 0, len(st.Peers))
		for name := range st.Peers {
			names = append(names, name)
		}
		sort.Strings(names)
		b.WriteString("; diverged replicas:")
		for _, name := range names {
			fmt.Fprintf(&b, " %s (check %d)", name, st.Peers[name])
		}
	}
	return b.String()
}
