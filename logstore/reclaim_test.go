package logstore

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// writeHistory appends n entries of size bytes in batches and commits them.
func writeHistory(t *testing.T, s *Store, n, size int) uint64 {
	t.Helper()
	// Incompressible data, so disk usage reflects what was written.
	data := make([]byte, size)
	rng := rand.New(rand.NewPCG(uint64(n), uint64(size)))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	last, _ := s.LastIndex()
	const batch = 200
	for i := 0; i < n; i += batch {
		ents := make([]raft.Entry, 0, batch)
		for j := 0; j < batch && i+j < n; j++ {
			last++
			data[0], data[1], data[2] = byte(last), byte(last>>8), byte(last>>16)
			ents = append(ents, raft.Entry{Index: last, Term: 1, Data: bytes.Clone(data)})
		}
		if err := s.Save(raft.HardState{Term: 1, Commit: last}, ents, raft.Snapshot{}); err != nil {
			t.Fatal(err)
		}
	}
	return last
}

// compactAll records a snapshot at last and compacts all but keep entries.
func compactAll(t *testing.T, s *Store, last, keep uint64) {
	t.Helper()
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: last}); err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(last - keep); err != nil {
		t.Fatal(err)
	}
}

// TestReclaimSpace: after Compact and Reclaim the disk usage is that of the
// retained tail, not of history.
func TestReclaimSpace(t *testing.T) {
	fs := vfs.NewMem()
	s := mustOpen(t, "db", testOpts(fs))
	defer closeStore(t, s)
	const n, size, keep = 20000, 1000, 100
	last := writeHistory(t, s, n, size)
	before, err := s.DiskUsage()
	if err != nil {
		t.Fatal(err)
	}
	if before < n*size {
		t.Fatalf("disk usage %d below the %d bytes written", before, n*size)
	}
	compactAll(t, s, last, keep)
	// Compact alone only writes a range tombstone: the entries stay on
	// disk until Pebble compacts the range.
	mid, err := s.DiskUsage()
	if err != nil {
		t.Fatal(err)
	}
	if mid < before {
		t.Logf("Compact alone freed %d bytes", before-mid)
	}
	if err := s.Reclaim(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Pebble deletes obsolete files in the background: wait for that.
	s.db.TestOnlyWaitForCleaning()
	after, err := s.DiskUsage()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("disk usage: %d bytes before, %d after Compact, %d after Reclaim, compacting to the last %d of %d entries", before, mid, after, keep, n)
	// The WALs still on disk (the live one and one kept for recycling)
	// may each hold up to one chunk of zeros past their records
	// (walPrefillFS).
	if after > before/10+2*walPrefillChunk {
		t.Fatalf("disk usage %d after Reclaim, %d before: space not reclaimed", after, before)
	}
	ents, err := s.Entries(last-keep+1, last+1, 1<<30)
	if err != nil || len(ents) != keep {
		t.Fatalf("retained tail: %d entries, %v", len(ents), err)
	}
	// Writes continue after a Reclaim.
	writeHistory(t, s, 10, size)
}

// countingFS counts the bytes read through it.
type countingFS struct {
	vfs.FS
	read *atomic.Int64
}

func (c countingFS) Open(name string, opts ...vfs.OpenOption) (vfs.File, error) {
	f, err := c.FS.Open(name, opts...)
	if err != nil {
		return nil, err
	}
	return countingFile{File: f, read: c.read}, nil
}

type countingFile struct {
	vfs.File
	read *atomic.Int64
}

func (c countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	c.read.Add(int64(n))
	return n, err
}

func (c countingFile) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.File.ReadAt(p, off)
	c.read.Add(int64(n))
	return n, err
}

var _ io.ReaderAt = countingFile{}

// TestOpenReadsRetainedLogOnly: the bytes Open reads are bounded by the
// retained log, not by the history written before the compaction point.
// Bytes read, not time, is the measure (no wall-clock assertions).
func TestOpenReadsRetainedLogOnly(t *testing.T) {
	mem := vfs.NewMem()
	var read atomic.Int64
	fs := countingFS{FS: mem, read: &read}
	const size, keep = 1000, 100
	var reads []int64
	s := mustOpen(t, "db", testOpts(fs))
	for _, n := range []int{2000, 20000} { // history grows tenfold
		last := writeHistory(t, s, n, size)
		compactAll(t, s, last, keep)
		if err := s.Reclaim(context.Background()); err != nil {
			t.Fatal(err)
		}
		closeStore(t, s)
		read.Store(0)
		s = mustOpen(t, "db", testOpts(fs))
		reads = append(reads, read.Load())
		if first, _ := s.FirstIndex(); first != last-keep+1 {
			t.Fatalf("first index %d, want %d", first, last-keep+1)
		}
	}
	closeStore(t, s)
	t.Logf("bytes read by Open after 2000 and 22000 entries of history: %v", reads)
	// The retained log is keep*size bytes; allow Pebble's metadata and
	// table indexes on top. History is 22 MB.
	const bound = 2 << 20
	for _, r := range reads {
		if r > bound {
			t.Fatalf("Open read %d bytes (bound %d): it reads history, not the retained log", r, bound)
		}
	}
}
