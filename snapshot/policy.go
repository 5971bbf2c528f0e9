package snapshot

// Defaults of Policy (the node's flags start from these).
const (
	// DefaultEntries: make a snapshot after this many entries applied
	// since the last one.
	DefaultEntries = 100_000
	// DefaultLogBytes: or after this many bytes of entry data applied
	// since the last one, whichever comes first.
	DefaultLogBytes = 256 << 20
	// DefaultTail: entries kept below a snapshot when the log is
	// compacted, so a follower slightly behind catches up from the log
	// instead of needing a whole snapshot.
	DefaultTail = 10_000
)

// Policy decides when to make a snapshot and how far to compact the log
// after it. The zero value means the defaults.
type Policy struct {
	Entries  uint64
	LogBytes int64
	Tail     uint64
}

func (p Policy) withDefaults() Policy {
	if p.Entries == 0 {
		p.Entries = DefaultEntries
	}
	if p.LogBytes == 0 {
		p.LogBytes = DefaultLogBytes
	}
	return p
}

// Due reports whether a snapshot is due, given the entries and the bytes
// of entry data applied since the last snapshot.
func (p Policy) Due(entries uint64, bytes int64) bool {
	p = p.withDefaults()
	return entries >= p.Entries || bytes >= p.LogBytes
}

// CompactTo returns the index through which the log may be compacted
// after a snapshot at index: index less the tail, or 0 for nothing to
// compact. (Tail 0 means DefaultTail; there is no way to keep no tail,
// since a follower a few entries behind would then always need a whole
// snapshot.)
func (p Policy) CompactTo(index uint64) uint64 {
	tail := p.Tail
	if tail == 0 {
		tail = DefaultTail
	}
	if index <= tail {
		return 0
	}
	return index - tail
}

// CompactHolding is CompactTo(index) while a transfer needs the log after
// floor (Sender.LogFloor): the log is kept from floor on, but never more
// than one snapshot interval (Entries) beyond what CompactTo keeps. So a
// follower installing a snapshot continues from the log, unless its
// transfer takes longer than an interval's worth of writes; the log then
// stays bounded (two intervals and the tail), and that follower is sent a
// newer snapshot.
func (p Policy) CompactHolding(index, floor uint64) uint64 {
	to := p.CompactTo(index)
	if floor >= to {
		return to
	}
	entries := p.withDefaults().Entries
	if to-floor > entries {
		return to - entries
	}
	return floor
}
