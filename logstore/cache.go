package logstore

import (
	"sort"

	"github.com/raftsql/raftsql/raft"
)

// entryCache holds a contiguous run of the most recent entries, bounded by
// the sum of raft.EntrySize. It is guarded by Store.mu.
type entryCache struct {
	limit int64 // <= 0: disabled
	ents  []raft.Entry
	bytes int64
}

func (c *entryCache) enabled() bool { return c.limit > 0 }

func (c *entryCache) reset() {
	clear(c.ents)
	c.ents = c.ents[:0]
	c.bytes = 0
}

// bounds returns the first and last cached index; ok is false when empty.
func (c *entryCache) bounds() (first, last uint64, ok bool) {
	if len(c.ents) == 0 {
		return 0, 0, false
	}
	return c.ents[0].Index, c.ents[len(c.ents)-1].Index, true
}

// append adds contiguous ents, replacing any cached suffix they overlap.
// The cache takes ownership of the entries' Data.
func (c *entryCache) append(ents []raft.Entry) {
	if !c.enabled() || len(ents) == 0 {
		return
	}
	first, last, ok := c.bounds()
	switch {
	case !ok || ents[0].Index <= first || ents[0].Index > last+1:
		c.reset()
	case ents[0].Index <= last:
		c.truncateAfter(ents[0].Index - 1)
	}
	for _, e := range ents {
		c.ents = append(c.ents, e)
		c.bytes += int64(raft.EntrySize(e))
	}
	c.evict()
}

// evict drops the oldest entries until the cache fits its limit.
func (c *entryCache) evict() {
	n := 0
	for n < len(c.ents) && c.bytes > c.limit {
		c.bytes -= int64(raft.EntrySize(c.ents[n]))
		c.ents[n] = raft.Entry{} // let the GC have the data
		n++
	}
	if n > 0 {
		c.ents = c.ents[n:]
	}
}

// truncateAfter drops cached entries with an index > index.
func (c *entryCache) truncateAfter(index uint64) {
	first, last, ok := c.bounds()
	if !ok || index >= last {
		return
	}
	if index < first {
		c.reset()
		return
	}
	keep := int(index - first + 1)
	for i := keep; i < len(c.ents); i++ {
		c.bytes -= int64(raft.EntrySize(c.ents[i]))
		c.ents[i] = raft.Entry{}
	}
	c.ents = c.ents[:keep]
}

// dropThrough drops cached entries with an index <= index (compaction).
func (c *entryCache) dropThrough(index uint64) {
	first, last, ok := c.bounds()
	if !ok || index < first {
		return
	}
	if index >= last {
		c.reset()
		return
	}
	n := int(index - first + 1)
	for i := 0; i < n; i++ {
		c.bytes -= int64(raft.EntrySize(c.ents[i]))
		c.ents[i] = raft.Entry{}
	}
	c.ents = c.ents[n:]
}

// slice returns the cached entries in [lo, hi); the caller checks that the
// cache covers the range.
func (c *entryCache) slice(lo, hi uint64) []raft.Entry {
	first := c.ents[0].Index
	return c.ents[lo-first : hi-first]
}

// termRun says that entries from start on have term (until the next run).
type termRun struct{ start, term uint64 }

// termIndex maps every index of the stored log to its term in a few runs
// (terms change rarely), so that Term never reads Pebble.
type termIndex struct {
	runs []termRun
}

func (t *termIndex) reset() { t.runs = t.runs[:0] }

// term returns the term of index i; the caller checks that i is in the log.
func (t *termIndex) term(i uint64) uint64 {
	k := sort.Search(len(t.runs), func(k int) bool { return t.runs[k].start > i }) - 1
	if k < 0 {
		return 0
	}
	return t.runs[k].term
}

// truncateAfter forgets indexes > index.
func (t *termIndex) truncateAfter(index uint64) {
	k := sort.Search(len(t.runs), func(k int) bool { return t.runs[k].start > index })
	t.runs = t.runs[:k]
}

// dropBefore forgets indexes < first.
func (t *termIndex) dropBefore(first uint64) {
	k := sort.Search(len(t.runs), func(k int) bool { return t.runs[k].start > first }) - 1
	if k <= 0 {
		if k == 0 && t.runs[0].start < first {
			t.runs[0].start = first
		}
		return
	}
	t.runs = append(t.runs[:0], t.runs[k:]...)
	t.runs[0].start = first
}

// add records that entry index has term; indexes are added in order.
func (t *termIndex) add(index, term uint64) {
	if n := len(t.runs); n > 0 && t.runs[n-1].term == term {
		return
	}
	t.runs = append(t.runs, termRun{start: index, term: term})
}
