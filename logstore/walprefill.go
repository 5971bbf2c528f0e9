package logstore

import (
	"strings"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// walPrefillChunk is how far ahead of its writes a WAL file is extended
// with zeros. One extension (and so one file-size change the next fdatasync
// must commit to the file system's journal) per MiB of log: at ~300 bytes a
// single-row INSERT, one per ~3,000 writes.
const walPrefillChunk = 1 << 20

// walCategory is the write category Pebble passes when it creates or
// recycles a WAL file.
const walCategory vfs.DiskWriteCategory = "pebble-wal"

// walPrefillFS makes every append to a Pebble WAL an overwrite of blocks
// already written, as PostgreSQL does by zero-filling its WAL segments
// before use.
//
// Why: an fdatasync after an append that grows the file must also commit
// the new size (and, on ext4, the block allocation) to the journal, which
// on this project's disks makes it about twice as slow as an fdatasync
// after an overwrite (BenchmarkRawSync: append against overwrite). Pebble
// overwrites only when it recycles a WAL, and it recycles one only after a
// memtable flush has made an older WAL obsolete, which with 32 MiB
// memtables takes tens of megabytes of log; until then, and whenever a
// WAL outgrows the one it recycled, every synced Raft log write pays the
// journal commit.
//
// How: a WAL file's writes are sequential (record.LogWriter). Before a
// write would pass the end of what was written so far, the file is
// extended by whole chunks of zeros (WriteAt, which leaves the sequential
// write position alone); the data then overwrites zeros. The zeros are
// made durable by the next sync together with the data, so the file size
// changes once per chunk, not once per write.
//
// Safety: a zeroed tail is what Pebble's WAL reader is built to meet
// (preallocated and recycled WALs): after a crash the newest WAL's replay
// ends at the first zeroed chunk when no valid record follows it (an
// unclean tail, tolerated for the newest WAL only), and an older WAL was
// closed with an EOF trailer, synced before its successor was created
// (DB.rotateWAL), so its zeros are never read. No synced byte is
// rewritten: extensions only ever start at the end of what the file holds.
type walPrefillFS struct {
	vfs.FS
}

// isWAL is the allow-list of files to prefill: Pebble's WAL files (write
// category and name both), nothing else (sstables, MANIFEST, OPTIONS).
func isWAL(name string, category vfs.DiskWriteCategory) bool {
	return category == walCategory && strings.HasSuffix(name, ".log")
}

func (fs walPrefillFS) Create(name string, category vfs.DiskWriteCategory) (vfs.File, error) {
	f, err := fs.FS.Create(name, category)
	if err != nil || !isWAL(name, category) {
		return f, err
	}
	return &prefilledFile{File: f}, nil
}

func (fs walPrefillFS) ReuseForWrite(oldname, newname string, category vfs.DiskWriteCategory) (vfs.File, error) {
	f, err := fs.FS.ReuseForWrite(oldname, newname, category)
	if err != nil || !isWAL(newname, category) {
		return f, err
	}
	// A recycled WAL's blocks are written up to its size already.
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &prefilledFile{File: f, end: st.Size()}, nil
}

// prefilledFile is a WAL file written sequentially from offset 0; off is
// the write position, end the size of what the file holds (data and
// zeros). Pebble's LogWriter calls Write from one goroutine at a time.
type prefilledFile struct {
	vfs.File
	off, end int64
	zeros    []byte
}

func (f *prefilledFile) Write(p []byte) (int, error) {
	if need := f.off + int64(len(p)); need > f.end {
		if err := f.extend(need); err != nil {
			return 0, err
		}
	}
	n, err := f.File.Write(p)
	f.off += int64(n)
	return n, err
}

// extend writes zeros from end up to the chunk boundary at or past need.
func (f *prefilledFile) extend(need int64) error {
	if f.zeros == nil {
		f.zeros = make([]byte, walPrefillChunk)
	}
	newEnd := (need + walPrefillChunk - 1) / walPrefillChunk * walPrefillChunk
	for f.end < newEnd {
		n := min(newEnd-f.end, walPrefillChunk)
		// vfs.File may modify a buffer handed to it: clear it each time.
		clear(f.zeros[:n])
		if _, err := f.File.WriteAt(f.zeros[:n], f.end); err != nil {
			return err
		}
		f.end += n
	}
	return nil
}
