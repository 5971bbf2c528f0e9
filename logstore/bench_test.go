package logstore

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// countSyncsFS wraps the real file system and counts syncs of WAL files
// (including recycled ones, which Pebble opens with ReuseForWrite).
type countSyncsFS struct {
	vfs.FS
	n *atomic.Int64
}

type countSyncsFile struct {
	vfs.File
	n *atomic.Int64
}

func (f countSyncsFile) Sync() error     { f.n.Add(1); return f.File.Sync() }
func (f countSyncsFile) SyncData() error { f.n.Add(1); return f.File.SyncData() }

func (fs countSyncsFS) wrap(name string, f vfs.File, err error) (vfs.File, error) {
	if err != nil || !strings.HasSuffix(name, ".log") {
		return f, err
	}
	return countSyncsFile{f, fs.n}, nil
}

func (fs countSyncsFS) Create(name string, c vfs.DiskWriteCategory) (vfs.File, error) {
	f, err := fs.FS.Create(name, c)
	return fs.wrap(name, f, err)
}

func (fs countSyncsFS) ReuseForWrite(oldname, newname string, c vfs.DiskWriteCategory) (vfs.File, error) {
	f, err := fs.FS.ReuseForWrite(oldname, newname, c)
	return fs.wrap(newname, f, err)
}

// BenchmarkSave measures synced appends on the real disk (b.TempDir()):
// each op is one Save of a batch of entries; writers goroutines share the
// store (their fsyncs are grouped by Pebble's commit pipeline).
func BenchmarkSave(b *testing.B) {
	for _, writers := range []int{1, 16} {
		for _, batch := range []int{1, 16, 256} {
			for _, size := range []int{100, 4096} {
				b.Run(fmt.Sprintf("writers=%d/batch=%d/size=%d", writers, batch, size), func(b *testing.B) {
					benchSave(b, writers, batch, size, false)
				})
			}
		}
	}
}

// BenchmarkSaveWAL compares single-entry synced Saves (the size of a
// single-row INSERT's entry) with Pebble's WAL files growing by appends
// (wal=plain) and prefilled with zeros so that appends overwrite
// (wal=prefill, walPrefillFS), on the real disk, alternating the two.
func BenchmarkSaveWAL(b *testing.B) {
	for _, writers := range []int{1, 16} {
		for _, plain := range []bool{true, false} {
			name := "prefill"
			if plain {
				name = "plain"
			}
			b.Run(fmt.Sprintf("writers=%d/wal=%s", writers, name), func(b *testing.B) {
				benchSave(b, writers, 1, 300, plain)
			})
		}
	}
}

func benchSave(b *testing.B, writers, batch, size int, plainWAL bool) {
	var syncs atomic.Int64
	s := mustOpen(b, b.TempDir(), Options{NodeID: 1, Logger: quietLogger(), FS: countSyncsFS{vfs.Default, &syncs}, plainWAL: plainWAL})
	defer s.Close()
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(i * 31)
	}
	b.SetBytes(int64(batch * size))
	syncs.Store(0)
	b.ResetTimer()
	if writers == 1 {
		ents := make([]raft.Entry, batch)
		next := uint64(1)
		for i := 0; i < b.N; i++ {
			for j := range ents {
				ents[j] = raft.Entry{Index: next, Term: 1, Data: data}
				next++
			}
			if err := s.Save(raft.HardState{}, ents, raft.Snapshot{}); err != nil {
				b.Fatal(err)
			}
		}
	} else {
		var ops atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < writers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ops.Add(1) <= int64(b.N) {
					if err := appendNext(s, batch, size); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "saves/s")
	b.ReportMetric(float64(b.N*batch)/secs, "entries/s")
	b.ReportMetric(float64(syncs.Load())/float64(b.N), "walsyncs/op")
}

// BenchmarkEntriesLast1000 reads the last 1,000 entries of a 5,000-entry
// log, from the entry cache or (CacheBytes < 0) from Pebble (after a flush,
// so from sstables through Pebble's block cache) with checksum checks.
func BenchmarkEntriesLast1000(b *testing.B) {
	for _, cached := range []bool{true, false} {
		for _, size := range []int{100, 4096} {
			name := fmt.Sprintf("cached=%t/size=%d", cached, size)
			b.Run(name, func(b *testing.B) {
				opts := Options{NodeID: 1, Logger: quietLogger()}
				if !cached {
					opts.CacheBytes = -1
				}
				s := mustOpen(b, b.TempDir(), opts)
				defer s.Close()
				data := make([]byte, size)
				for i := uint64(1); i <= 5000; i += 100 {
					ents := make([]raft.Entry, 100)
					for j := range ents {
						ents[j] = raft.Entry{Index: i + uint64(j), Term: 1, Data: data}
					}
					if err := s.Save(raft.HardState{}, ents, raft.Snapshot{}); err != nil {
						b.Fatal(err)
					}
				}
				if err := s.db.Flush(); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(1000 * size))
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					es, err := s.Entries(4001, 5001, math.MaxUint64)
					if err != nil || len(es) != 1000 {
						b.Fatal(len(es), err)
					}
				}
			})
		}
	}
}

// BenchmarkRawSync is the raw sync rate of the disk under b.TempDir(): write
// 4 KiB then fdatasync (or fsync), appending to a new file or overwriting
// a preallocated one (as Pebble does with recycled WAL files).
func BenchmarkRawSync(b *testing.B) {
	for _, mode := range []string{"fdatasync/append", "fdatasync/overwrite", "fsync/append"} {
		b.Run(mode, func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "sync"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			buf := make([]byte, 4096)
			const span = 64 << 20
			if strings.HasSuffix(mode, "overwrite") {
				if _, err := f.WriteAt(make([]byte, span), 0); err != nil {
					b.Fatal(err)
				}
				if err := f.Sync(); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(4096)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				off := int64(i) * 4096
				if strings.HasSuffix(mode, "overwrite") {
					off %= span
				}
				if _, err := f.WriteAt(buf, off); err != nil {
					b.Fatal(err)
				}
				if strings.HasPrefix(mode, "fsync") {
					err = f.Sync()
				} else {
					err = syscall.Fdatasync(int(f.Fd()))
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "syncs/s")
		})
	}
}
