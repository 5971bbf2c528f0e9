package raft

import (
	"testing"

	"github.com/raftsql/raftsql/membership"
)

// BenchmarkProposeCommit3Nodes measures propose -> commit -> apply on the
// leader of an in-memory 3-node cluster (MemoryStorage, no IO, messages
// delivered synchronously). One op = one proposal of a 128-byte entry,
// followed by Ready processing on all nodes until the leader applied it.
func BenchmarkProposeCommit3Nodes(b *testing.B) { benchProposeCommit(b, 1) }

// BenchmarkProposeCommit3NodesBatch16: 16 entries per Propose call (one
// MsgProp); proposals/s counts entries.
func BenchmarkProposeCommit3NodesBatch16(b *testing.B) { benchProposeCommit(b, 16) }

func benchProposeCommit(b *testing.B, batch int) {
	cfg := membership.NewConfig(ids(3), nil)
	nodes := map[uint64]*RawNode{}
	stores := map[uint64]*MemoryStorage{}
	for _, id := range ids(3) {
		st := NewMemoryStorage()
		st.SetConfig(cfg)
		rn, err := NewRawNode(Config{ID: id, Storage: st, Seed: id})
		if err != nil {
			b.Fatal(err)
		}
		nodes[id], stores[id] = rn, st
	}
	var queue []Message
	var applied uint64
	step := func() bool {
		progressed := false
		for _, id := range ids(3) {
			rn := nodes[id]
			if !rn.HasReady() {
				continue
			}
			progressed = true
			rd := rn.Ready()
			if !rd.HardState.IsEmpty() {
				_ = stores[id].SetHardState(rd.HardState)
			}
			_ = stores[id].Append(rd.Entries)
			queue = append(queue, rd.Messages...)
			if id == 1 && len(rd.CommittedEntries) > 0 {
				applied = rd.CommittedEntries[len(rd.CommittedEntries)-1].Index
			}
			rn.Advance(rd)
		}
		q := queue
		queue = queue[len(queue):]
		for _, m := range q {
			_ = nodes[m.To].Step(m)
		}
		return progressed || len(q) > 0
	}
	if err := nodes[1].Campaign(); err != nil {
		b.Fatal(err)
	}
	for step() {
	}
	if nodes[1].Status().SoftState.RaftState != StateLeader {
		b.Fatal("no leader")
	}
	data := make([][]byte, batch)
	for i := range data {
		data[i] = make([]byte, 128)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := nodes[1].Propose(data...); err != nil {
			b.Fatal(err)
		}
		target := nodes[1].raft.log.lastIndex()
		for applied < target {
			if !step() {
				b.Fatal("stalled")
			}
		}
		if i%64 == 0 {
			// Keep the in-memory logs bounded like a real driver would.
			for _, id := range ids(3) {
				st := stores[id]
				ap := nodes[id].raft.log.applied
				if fi, _ := st.FirstIndex(); ap > fi+100 {
					_, _ = st.CreateSnapshot(ap-50, cfg, nil)
					_ = st.Compact(ap - 50)
				}
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "proposals/s")
}
