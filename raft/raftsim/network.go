package main

// The simulated network: every message is copied into an envelope with a
// delivery step, may be lost, delayed (reordered) or duplicated, and is
// delivered in (step, sequence) order unless a partition blocks it.

import (
	"slices"
	"sort"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

type envelope struct {
	at   int
	seq  uint64
	m    raft.Message
	lost bool
	inc  int // sender incarnation (for snapshot reports)
}

func copyMsg(m raft.Message) raft.Message {
	if len(m.Entries) > 0 {
		ents := make([]raft.Entry, len(m.Entries))
		for i, e := range m.Entries {
			e.Data = slices.Clone(e.Data)
			ents[i] = e
		}
		m.Entries = ents
	}
	if m.Snapshot != nil {
		snap := *m.Snapshot
		snap.Data = slices.Clone(snap.Data)
		snap.Meta.Config = membership.Config{Voters: slices.Clone(snap.Meta.Config.Voters), Learners: slices.Clone(snap.Meta.Config.Learners)}
		m.Snapshot = &snap
	}
	m.Context = slices.Clone(m.Context)
	return m
}

func (s *sim) send(from *node, m raft.Message) {
	if m.To == from.id {
		s.fail(violated(propDriver, "node %d sent %s to itself", from.id, m.Type))
		return
	}
	f := s.opt.Faults
	delay := 1
	lost := false
	if s.faultsOn {
		lost = s.rng.Float64() < f.Drop
		if s.rng.Float64() < f.Reorder {
			delay += 1 + s.rng.IntN(8)
		}
	}
	s.seq++
	s.net = append(s.net, envelope{at: s.step + delay, seq: s.seq, m: copyMsg(m), lost: lost, inc: from.inc})
	if s.faultsOn && s.rng.Float64() < f.Dup {
		s.seq++
		s.net = append(s.net, envelope{at: s.step + 1 + s.rng.IntN(10), seq: s.seq, m: copyMsg(m), inc: from.inc})
	}
}

func (s *sim) msgEvent(what string, m raft.Message) event {
	return event{step: s.step, msg: true, what: what, typ: m.Type, from: m.From, to: m.To,
		term: m.Term, logTerm: m.LogTerm, index: m.Index, commit: m.Commit, nents: len(m.Entries), reject: m.Reject}
}

func (s *sim) deliver() {
	var due, rest []envelope
	for _, e := range s.net {
		if e.at <= s.step {
			due = append(due, e)
		} else {
			rest = append(rest, e)
		}
	}
	s.net = rest
	sort.Slice(due, func(i, j int) bool {
		if due[i].at != due[j].at {
			return due[i].at < due[j].at
		}
		return due[i].seq < due[j].seq
	})
	for _, e := range due {
		m := e.m
		to := s.nodes[m.To]
		ok := !e.lost && to != nil && to.up() && !s.blocked[[2]uint64{m.From, m.To}]
		if !ok {
			s.tr.add(s.msgEvent("drop", m))
		} else {
			s.tr.add(s.msgEvent("deliver", m))
			_ = to.rn.Step(m)
		}
		from := s.nodes[m.From]
		if from == nil || !from.up() || from.inc != e.inc {
			continue
		}
		if m.Type == raft.MsgSnap {
			from.rn.ReportSnapshot(m.To, ok)
		} else if !ok && s.opt.ReportUnreachable {
			from.rn.ReportUnreachable(m.To)
		}
	}
}
