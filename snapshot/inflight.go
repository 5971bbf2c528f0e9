package snapshot

import (
	"context"
	"fmt"
	"io"
	"time"
)

// What the leader keeps for a snapshot transfer in flight, or cut.
//
// A follower that needs a snapshot is sent the newest one. Were nothing
// kept for it, a follower could loop forever when snapshots are made
// faster than they ship: (a) the log after the snapshot being shipped is
// compacted while it ships, so once installed it is behind the log again
// and needs another whole snapshot; (b) a transfer cut by a fault resumes
// only to the identical file (resume.go), and when a newer snapshot was
// made meanwhile, each retry starts from zero with a newer one. So:
//
//   - A transfer in flight pins its snapshot file (retention keeps it
//     beyond Keep) and holds the log floor (LogFloor): the node does not
//     compact the log past the snapshot being shipped until the transfer
//     ends, so the follower continues from the log once it has installed
//     it. The hold is capped at one more snapshot interval
//     (Policy.CompactHolding), so the log stays bounded whatever the
//     transfer's speed; a follower whose transfer takes longer than an
//     interval's worth of writes is sent a newer snapshot after it (no
//     design can ship state slower than it changes).
//   - A transfer cut before its end is remembered for its peer, with its
//     pin and its hold on the log floor, for ResumeHold. The next transfer
//     to that peer (StreamTo) ships that same snapshot again rather than
//     the newest, if it is still stored and the log after it is still
//     there, so the receiver's kept prefix (resume.go) is not thrown away.
//     After ResumeHold (a peer that does not come back) the memory, the
//     pin and the hold are dropped: the log is compacted as usual and
//     the next transfer ships the newest snapshot from zero; the
//     receiver then discards its partial of the older one (ResumeOffset).
//
// Raft accepts an older snapshot than the one its core asked for: any
// snapshot is committed state, and a follower that installs it and
// acknowledges its index is moved to replication when the leader's log
// holds the entries after it (else it is sent another snapshot).

// DefaultResumeHold is how long a leader keeps a cut transfer's snapshot
// and the log after it for the transfer's resume.
const DefaultResumeHold = time.Minute

// cut is a transfer that ended before its last byte.
type cut struct {
	index uint64
	at    time.Time
}

// pin holds the stored snapshot at index against retention; it fails if
// there is none.
func (s *Store) pin(index uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, in := range s.snaps {
		if in.Meta.Index == index {
			if s.pins == nil {
				s.pins = map[uint64]int{}
			}
			s.pins[index]++
			return nil
		}
	}
	return fmt.Errorf("%w: no snapshot at index %d in %s", ErrNotFound, index, s.dir)
}

// unpin releases a hold of pin; the snapshot is removed then if it is
// older than the newest Keep and nothing else holds it.
func (s *Store) unpin(index uint64) {
	floor := s.floor()
	s.mu.Lock()
	if s.pins[index]--; s.pins[index] <= 0 {
		delete(s.pins, index)
	}
	drop := s.beyondKeepLocked(floor)
	s.mu.Unlock()
	s.remove(drop, false)
}

// StreamTo is Stream for a follower the core wants sent the snapshot at
// newest: it ships a cut transfer's snapshot to peer again instead, when
// one is remembered (see above) and the log after it is still there
// (logFirst is the log's first index). It returns the stream and the
// snapshot chosen, whose metadata the caller must announce.
func (s *Sender) StreamTo(ctx context.Context, peer, newest, logFirst uint64) (io.ReadCloser, Info, error) {
	if err := s.acquire(ctx); err != nil {
		return nil, Info{}, err
	}
	index := newest
	s.mu.Lock()
	held := false
	if c, ok := s.cuts[peer]; ok {
		delete(s.cuts, peer)
		fresh := s.now().Sub(c.at) <= s.hold
		if fresh && c.index <= newest && c.index+1 >= logFirst {
			index, held = c.index, true
		} else {
			s.st.unpin(c.index)
			s.log.Info("a cut snapshot transfer is not resumed: a newer snapshot is sent from the start",
				"peer", peer, "cut_index", c.index, "index", newest, "held_for", s.hold, "log_first_index", logFirst)
		}
	}
	r, err := s.openLocked(index, peer, held)
	if err != nil && held {
		// The held file is gone (a repair dropped it): send the newest.
		s.st.unpin(index)
		index = newest
		r, err = s.openLocked(index, peer, false)
	}
	s.mu.Unlock()
	if err != nil {
		<-s.slots
		return nil, Info{}, err
	}
	if index != newest {
		s.log.Info("resending the snapshot of a cut transfer rather than the newest", "peer", peer, "index", index, "newest", newest)
	}
	return r, r.r.Info, nil
}

// LogFloor returns the lowest index of a snapshot a transfer is shipping
// or may resume, and whether there is one: the node compacts its log no
// further than that. Cut transfers held longer than ResumeHold are
// forgotten here.
func (s *Sender) LogFloor() (uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var floor uint64
	found := false
	low := func(i uint64) {
		if !found || i < floor {
			floor, found = i, true
		}
	}
	for sr := range s.active {
		low(sr.t.Index)
	}
	now := s.now()
	for peer, c := range s.cuts {
		if now.Sub(c.at) > s.hold {
			delete(s.cuts, peer)
			s.st.unpin(c.index)
			s.log.Info("forgot a cut snapshot transfer: its peer did not come back", "peer", peer, "index", c.index, "held_for", s.hold)
			continue
		}
		low(c.index)
	}
	return floor, found
}

// Delivered records that peer acknowledged the snapshot it was sent (the
// transport's report of success): the transfer is complete, not cut. A
// transfer closed without it counts as cut wherever it stopped (the
// sender may have read every byte into buffers the connection never
// delivered). The report may come before or after the stream is closed:
// it marks the peer's transfer in progress, or forgets the peer's cut.
func (s *Sender) Delivered(peer uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	active := false
	for sr := range s.active {
		if sr.t.Peer == peer {
			sr.delivered, active = true, true
		}
	}
	if c, ok := s.cuts[peer]; ok && !active {
		delete(s.cuts, peer)
		s.st.unpin(c.index)
	}
}

// endedLocked records the end of a transfer (sendReader.Close, under
// s.mu, in the same critical section that removes it from the active ones,
// so LogFloor never misses it): a delivered one releases its pin; a cut
// one keeps it, remembered for its peer.
func (s *Sender) endedLocked(t Transfer, delivered bool) {
	if old, ok := s.cuts[t.Peer]; ok {
		delete(s.cuts, t.Peer)
		s.st.unpin(old.index)
	}
	if delivered {
		s.st.unpin(t.Index)
		return
	}
	s.cuts[t.Peer] = cut{index: t.Index, at: s.now()}
}
