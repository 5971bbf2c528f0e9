package main

// The client workload: random writes (unique values) and read-index reads
// at random live nodes.

import "encoding/binary"

func encodeWrite(v uint64) []byte {
	b := make([]byte, 9)
	b[0] = 'w'
	binary.BigEndian.PutUint64(b[1:], v)
	return b
}

func decodeWrite(b []byte) (uint64, bool) {
	if len(b) != 9 || b[0] != 'w' {
		return 0, false
	}
	return binary.BigEndian.Uint64(b[1:]), true
}

func (s *sim) pick(ns []*node) *node {
	if len(ns) == 0 {
		return nil
	}
	return ns[s.rng.IntN(len(ns))]
}

func (s *sim) clients() {
	if s.rng.Float64() < 0.3 {
		if n := s.pick(s.live()); n != nil {
			s.propose(n)
		}
	}
	if s.rng.Float64() < 0.1 {
		if n := s.pick(s.live()); n != nil {
			s.read(n)
		}
	}
}

// newWrite returns a fresh value for a write and records it as proposed,
// so that applying anything else is a data-integrity violation.
func (s *sim) newWrite() uint64 {
	s.nextWrite++
	s.proposed[s.nextWrite] = true
	return s.nextWrite
}

func (s *sim) propose(n *node) {
	v := s.newWrite()
	s.stats.Writes++
	err := n.rn.Propose(encodeWrite(v))
	s.note("client write %d at node %d: %v", v, n.id, errText(err))
}

func (s *sim) read(n *node) uint64 {
	s.nextRead++
	id := s.nextRead
	s.chk.ReadStart(id, n.id)
	ctx := make([]byte, 8)
	binary.BigEndian.PutUint64(ctx, id)
	err := n.rn.ReadIndex(ctx)
	s.note("client read %d at node %d: %v", id, n.id, errText(err))
	if err != nil {
		s.chk.AbandonRead(id)
		return 0
	}
	s.stats.Reads++
	s.readNode[id] = n.id
	return id
}

func errText(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}
