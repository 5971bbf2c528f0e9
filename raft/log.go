package raft

import (
	"errors"
	"fmt"
)

// unstable holds entries (and possibly a snapshot) that the core has
// accepted but the driver has not yet reported persisted (via Advance).
// entries[i] has index offset+i.
type unstable struct {
	snapshot *Snapshot
	entries  []Entry
	offset   uint64
}

func (u *unstable) maybeFirstIndex() (uint64, bool) {
	if u.snapshot != nil {
		return u.snapshot.Meta.Index + 1, true
	}
	return 0, false
}

func (u *unstable) maybeLastIndex() (uint64, bool) {
	if l := len(u.entries); l != 0 {
		return u.offset + uint64(l) - 1, true
	}
	if u.snapshot != nil {
		return u.snapshot.Meta.Index, true
	}
	return 0, false
}

func (u *unstable) maybeTerm(i uint64) (uint64, bool) {
	if i < u.offset {
		if u.snapshot != nil && u.snapshot.Meta.Index == i {
			return u.snapshot.Meta.Term, true
		}
		return 0, false
	}
	last, ok := u.maybeLastIndex()
	if !ok || i > last {
		return 0, false
	}
	return u.entries[i-u.offset].Term, true
}

func (u *unstable) stableTo(i, t uint64) {
	gt, ok := u.maybeTerm(i)
	if !ok || gt != t || i < u.offset {
		return
	}
	n := int(i + 1 - u.offset)
	if n >= len(u.entries) {
		u.entries = nil
	} else {
		// Copy so the persisted prefix's backing array can be released.
		u.entries = append([]Entry(nil), u.entries[n:]...)
	}
	u.offset = i + 1
}

func (u *unstable) stableSnapTo(i uint64) {
	if u.snapshot != nil && u.snapshot.Meta.Index == i {
		u.snapshot = nil
	}
}

func (u *unstable) restore(s Snapshot) {
	u.offset = s.Meta.Index + 1
	u.entries = nil
	u.snapshot = &s
}

func (u *unstable) truncateAndAppend(ents []Entry) {
	after := ents[0].Index
	switch {
	case after == u.offset+uint64(len(u.entries)):
		u.entries = append(u.entries, ents...)
	case after <= u.offset:
		u.offset = after
		u.entries = append([]Entry(nil), ents...)
	default:
		keep := u.entries[:after-u.offset]
		u.entries = append(append([]Entry(nil), keep...), ents...)
	}
}

func (u *unstable) slice(lo, hi uint64) []Entry {
	return u.entries[lo-u.offset : hi-u.offset]
}

// raftLog combines the persisted Storage and the unstable tail.
type raftLog struct {
	storage   Storage
	unstable  unstable
	committed uint64
	// applying is the highest index handed to the driver in
	// Ready.CommittedEntries; applied the highest the driver has applied
	// (acknowledged via Advance).
	applying uint64
	applied  uint64

	maxApplyingSize uint64
}

func newLog(storage Storage, maxApplyingSize uint64) (*raftLog, error) {
	first, err := storage.FirstIndex()
	if err != nil {
		return nil, fmt.Errorf("raft: storage FirstIndex: %w", err)
	}
	last, err := storage.LastIndex()
	if err != nil {
		return nil, fmt.Errorf("raft: storage LastIndex: %w", err)
	}
	l := &raftLog{storage: storage, maxApplyingSize: maxApplyingSize}
	l.unstable.offset = last + 1
	l.committed = first - 1
	l.applying = first - 1
	l.applied = first - 1
	return l, nil
}

func (l *raftLog) String() string {
	return fmt.Sprintf("committed=%d applied=%d applying=%d unstable.offset=%d len(unstable)=%d",
		l.committed, l.applied, l.applying, l.unstable.offset, len(l.unstable.entries))
}

func (l *raftLog) firstIndex() uint64 {
	if i, ok := l.unstable.maybeFirstIndex(); ok {
		return i
	}
	i, err := l.storage.FirstIndex()
	if err != nil {
		panic(fmt.Sprintf("raft: storage FirstIndex: %v", err))
	}
	return i
}

func (l *raftLog) lastIndex() uint64 {
	if i, ok := l.unstable.maybeLastIndex(); ok {
		return i
	}
	i, err := l.storage.LastIndex()
	if err != nil {
		panic(fmt.Sprintf("raft: storage LastIndex: %v", err))
	}
	return i
}

// term returns the term of entry i, or an error (ErrCompacted,
// ErrUnavailable) if unknown.
func (l *raftLog) term(i uint64) (uint64, error) {
	if t, ok := l.unstable.maybeTerm(i); ok {
		return t, nil
	}
	// The valid range is [firstIndex-1, lastIndex].
	if i+1 < l.firstIndex() {
		return 0, ErrCompacted
	}
	if i > l.lastIndex() {
		return 0, ErrUnavailable
	}
	t, err := l.storage.Term(i)
	if err == nil {
		return t, nil
	}
	if errors.Is(err, ErrCompacted) || errors.Is(err, ErrUnavailable) {
		return 0, err
	}
	panic(fmt.Sprintf("raft: storage Term(%d): %v", i, err))
}

func (l *raftLog) zeroTermOnOutOfBounds(t uint64, err error) uint64 {
	if err == nil {
		return t
	}
	return 0
}

func (l *raftLog) lastTerm() uint64 {
	t, err := l.term(l.lastIndex())
	if err != nil {
		panic(fmt.Sprintf("raft: term of last index: %v", err))
	}
	return t
}

func (l *raftLog) matchTerm(i, t uint64) bool {
	gt, err := l.term(i)
	return err == nil && gt == t
}

// isUpToDate implements the election restriction (§5.4.1): a candidate's
// log (lasti, term) is at least as up to date as ours.
func (l *raftLog) isUpToDate(lasti, term uint64) bool {
	lt := l.lastTerm()
	return term > lt || (term == lt && lasti >= l.lastIndex())
}

// findConflict returns the index of the first entry of ents that conflicts
// with (or is beyond) our log, or 0 if all match.
func (l *raftLog) findConflict(ents []Entry) uint64 {
	for _, e := range ents {
		if !l.matchTerm(e.Index, e.Term) {
			return e.Index
		}
	}
	return 0
}

// findConflictByTerm returns the largest index <= index whose term is <=
// term, and that term (used for the fast-backtracking hint).
func (l *raftLog) findConflictByTerm(index, term uint64) (uint64, uint64) {
	for ; index > 0; index-- {
		t, err := l.term(index)
		if err != nil {
			return index, 0
		}
		if t <= term {
			return index, t
		}
	}
	return 0, 0
}

// maybeAppend handles the entries of a MsgApp whose prev is (index,
// logTerm). It returns the new last index and true on success.
func (l *raftLog) maybeAppend(index, logTerm, committed uint64, ents []Entry) (uint64, bool) {
	if !l.matchTerm(index, logTerm) {
		return 0, false
	}
	lastNew := index + uint64(len(ents))
	ci := l.findConflict(ents)
	switch {
	case ci == 0:
	case ci <= l.committed:
		panic(fmt.Sprintf("raft: invariant violation: entry %d conflicts with committed entry (committed %d)", ci, l.committed))
	default:
		l.append(ents[ci-(index+1):]...)
	}
	l.commitTo(min(committed, lastNew))
	return lastNew, true
}

func (l *raftLog) append(ents ...Entry) uint64 {
	if len(ents) == 0 {
		return l.lastIndex()
	}
	if after := ents[0].Index - 1; after < l.committed {
		panic(fmt.Sprintf("raft: invariant violation: truncating committed entries: after %d < committed %d", after, l.committed))
	}
	l.unstable.truncateAndAppend(ents)
	return l.lastIndex()
}

func (l *raftLog) commitTo(tocommit uint64) {
	if l.committed < tocommit {
		if l.lastIndex() < tocommit {
			panic(fmt.Sprintf("raft: commit %d out of range [last %d]", tocommit, l.lastIndex()))
		}
		l.committed = tocommit
	}
}

// maybeCommit commits maxIndex if its term is term (Figure 8 rule: only
// entries of the current term are committed by counting replicas).
func (l *raftLog) maybeCommit(maxIndex, term uint64) bool {
	if maxIndex > l.committed && l.zeroTermOnOutOfBounds(l.term(maxIndex)) == term {
		l.commitTo(maxIndex)
		return true
	}
	return false
}

func (l *raftLog) appliedTo(i uint64) {
	if i == 0 {
		return
	}
	if l.committed < i || i < l.applied {
		panic(fmt.Sprintf("raft: applied(%d) out of range [prevApplied %d, committed %d]", i, l.applied, l.committed))
	}
	l.applied = i
	if l.applying < i {
		l.applying = i
	}
}

func (l *raftLog) hasNextEnts() bool {
	return l.committed > l.applying && l.applying+1 >= l.firstIndex()
}

// nextEnts returns committed entries not yet handed out for application.
func (l *raftLog) nextEnts() []Entry {
	if !l.hasNextEnts() {
		return nil
	}
	ents, err := l.slice(l.applying+1, l.committed+1, l.maxApplyingSize)
	if err != nil {
		panic(fmt.Sprintf("raft: unexpected error getting committed entries: %v", err))
	}
	return ents
}

func (l *raftLog) hasUnstable() bool { return len(l.unstable.entries) > 0 }

func (l *raftLog) snapshot() (Snapshot, error) {
	if l.unstable.snapshot != nil {
		return *l.unstable.snapshot, nil
	}
	return l.storage.Snapshot()
}

// entries returns entries from i on, at most maxBytes.
func (l *raftLog) entries(i, maxBytes uint64) ([]Entry, error) {
	if i > l.lastIndex() {
		return nil, nil
	}
	return l.slice(i, l.lastIndex()+1, maxBytes)
}

// slice returns entries in [lo, hi), at most maxBytes (at least one).
func (l *raftLog) slice(lo, hi, maxBytes uint64) ([]Entry, error) {
	if lo >= hi {
		return nil, nil
	}
	if fi := l.firstIndex(); lo < fi {
		return nil, ErrCompacted
	}
	if hi > l.lastIndex()+1 {
		panic(fmt.Sprintf("raft: slice[%d,%d) out of bound [%d,%d]", lo, hi, l.firstIndex(), l.lastIndex()))
	}
	var ents []Entry
	if lo < l.unstable.offset {
		stored, err := l.storage.Entries(lo, min(hi, l.unstable.offset), maxBytes)
		if err != nil {
			if errors.Is(err, ErrCompacted) {
				return nil, err
			}
			if errors.Is(err, ErrUnavailable) {
				panic(fmt.Sprintf("raft: entries[%d:%d) unavailable from storage", lo, min(hi, l.unstable.offset)))
			}
			panic(fmt.Sprintf("raft: storage Entries: %v", err))
		}
		if uint64(len(stored)) < min(hi, l.unstable.offset)-lo {
			return stored, nil // size-limited
		}
		ents = stored
	}
	if hi > l.unstable.offset {
		u := l.unstable.slice(max(lo, l.unstable.offset), hi)
		if len(ents) > 0 {
			combined := make([]Entry, len(ents), len(ents)+len(u))
			copy(combined, ents)
			ents = append(combined, u...)
		} else {
			ents = u
		}
	}
	return limitSize(ents, maxBytes), nil
}

func (l *raftLog) restore(s Snapshot) {
	l.committed = s.Meta.Index
	l.unstable.restore(s)
}

func (l *raftLog) stableTo(i, t uint64)  { l.unstable.stableTo(i, t) }
func (l *raftLog) stableSnapTo(i uint64) { l.unstable.stableSnapTo(i) }
