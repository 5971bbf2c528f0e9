package snapshot

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// cutReader yields data[:n] then fails, as a connection reset does.
func cutReader(data []byte, n int) io.Reader {
	return io.MultiReader(bytes.NewReader(data[:n]), &errReader{err: errors.New("connection reset by peer")})
}

const (
	rsChunk = 4 << 10
	rsEvery = 16 << 10
	rsImage = 200 << 10
)

// cutTransfer receives data (the encoding of testMeta(300)) resumably
// until byte cut, then reopens the store as a restart would.
func cutTransfer(t *testing.T, fs vfs.FS, data []byte, cut int) *Store {
	t.Helper()
	s := openStore(t, fs, "snaps", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})
	id := data[len(data)-digestLen:]
	if _, err := s.ReceiveFrom(context.Background(), cutReader(data, cut), testMeta(300), Resume{ID: id}); err == nil {
		t.Fatal("cut stream received")
	}
	return openStore(t, fs, "snaps", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})
}

// TestResumeOffsetHonoured: a transfer cut mid-way (and the receiver
// restarted) resumes from the last checkpoint at or before the cut, and
// the result is the sender's file byte for byte.
func TestResumeOffsetHonoured(t *testing.T) {
	fs := vfs.NewMem()
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	cut := len(data) * 6 / 10
	s := cutTransfer(t, fs, data, cut)
	off := s.ResumeOffset(context.Background(), testMeta(300), id)
	if off <= 0 || off > int64(cut) || int64(cut)-off > rsEvery+rsChunk+chunkHdr {
		t.Fatalf("resume offset %d after a cut at %d (checkpoints every %d bytes)", off, cut, rsEvery)
	}
	in, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data[off:]), testMeta(300), Resume{ID: id, Offset: off})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, fs, in.Path); !bytes.Equal(got, data) {
		t.Fatal("resumed snapshot differs from the sender's file")
	}
	if err := s.Verify(context.Background(), 300); err != nil {
		t.Fatal(err)
	}
	noPart(t, fs, "snaps")
}

// TestResumeOtherSnapshotDiscarded: a partial receive of one snapshot is
// not resumed by a transfer of another (other index, or the same index
// from another file), and is removed.
func TestResumeOtherSnapshotDiscarded(t *testing.T) {
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	for name, try := range map[string]func(s *Store) int64{
		"other index": func(s *Store) int64 { return s.ResumeOffset(context.Background(), testMeta(400), id) },
		"other file": func(s *Store) int64 {
			return s.ResumeOffset(context.Background(), testMeta(300), make([]byte, digestLen))
		},
	} {
		t.Run(name, func(t *testing.T) {
			fs := vfs.NewMem()
			s := cutTransfer(t, fs, data, len(data)/2)
			if off := try(s); off != 0 {
				t.Fatalf("resumed at %d", off)
			}
			noPart(t, fs, "snaps")
			if off := s.ResumeOffset(context.Background(), testMeta(300), id); off != 0 {
				t.Fatalf("discarded partial resumed at %d", off)
			}
		})
	}
}

// TestResumeCorruptPartial: a kept prefix damaged at rest fails the
// resumed receive (a chunk's CRC, or the whole file's digest when the
// chunk was rewritten consistently) and is discarded, so the retry starts
// from zero and succeeds.
func TestResumeCorruptPartial(t *testing.T) {
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	hdr := prefixLen + int(binary.BigEndian.Uint32(data[12:])) + 4
	for name, tc := range map[string]struct {
		fix  bool
		kind error
	}{
		"chunk crc":       {false, ErrChecksum},
		"digest of whole": {true, ErrDigest},
	} {
		t.Run(name, func(t *testing.T) {
			fs := vfs.NewMem()
			s := cutTransfer(t, fs, data, len(data)/2)
			part := readAll(t, fs, "snaps/"+partName)
			c := hdr + chunkHdr + rsChunk // the second chunk
			part[c+chunkHdr+10] ^= 0xff
			if tc.fix {
				binary.BigEndian.PutUint32(part[c+4:], crc32.Checksum(part[c+chunkHdr:c+chunkHdr+rsChunk], crcTable))
			}
			writeFile(t, fs, "snaps/"+partName, part)
			off := s.ResumeOffset(context.Background(), testMeta(300), id)
			if off == 0 {
				t.Fatal("no resume offered")
			}
			_, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data[off:]), testMeta(300), Resume{ID: id, Offset: off})
			if !errors.Is(err, tc.kind) {
				t.Fatalf("resumed receive of a damaged prefix: %v, want %v", err, tc.kind)
			}
			noPart(t, fs, "snaps")
			if off := s.ResumeOffset(context.Background(), testMeta(300), id); off != 0 {
				t.Fatalf("retry offered %d, want 0", off)
			}
			if _, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data), testMeta(300), Resume{ID: id}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestResumeTornRecord: a progress record that fails its CRC (a crash
// while writing it) means no resume, never a wrong one.
func TestResumeTornRecord(t *testing.T) {
	fs := vfs.NewMem()
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	s := cutTransfer(t, fs, data, len(data)/2)
	rec := readAll(t, fs, "snaps/"+partName+progressSuffix)
	writeFile(t, fs, "snaps/"+partName+progressSuffix, rec[:len(rec)-3])
	if off := s.ResumeOffset(context.Background(), testMeta(300), id); off != 0 {
		t.Fatalf("torn record resumed at %d", off)
	}
	noPart(t, fs, "snaps")
}

// TestResumeCrashAtCheckpoint: a crash at any checkpoint (keeping an
// arbitrary part of unsynced writes) restarts into a store that resumes
// at a verified offset or from zero, and completes the same file.
func TestResumeCrashAtCheckpoint(t *testing.T) {
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	for i := 1; i <= 4; i++ {
		fs := vfs.NewCrashableMem()
		s := openStore(t, fs, "snaps", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})
		var crashed *vfs.MemFS
		n := 0
		s.hook = func(point string) {
			if point == "receive:checkpoint" {
				if n++; n == i {
					crashed = fs.CrashClone(vfs.CrashCloneCfg{UnsyncedDataPercent: 50, RNG: rand.New(rand.NewPCG(uint64(i), 5))})
				}
			}
		}
		if _, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data), testMeta(300), Resume{ID: id}); err != nil {
			t.Fatal(err)
		}
		r := openStore(t, crashed, "snaps", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})
		off := r.ResumeOffset(context.Background(), testMeta(300), id)
		in, err := r.ReceiveFrom(context.Background(), bytes.NewReader(data[off:]), testMeta(300), Resume{ID: id, Offset: off})
		if err != nil {
			t.Fatalf("crash at checkpoint %d, resumed at %d: %v", i, off, err)
		}
		if off == 0 {
			t.Errorf("crash after checkpoint %d: no resume", i)
		}
		if !bytes.Equal(readAll(t, crashed, in.Path), data) {
			t.Fatalf("crash at checkpoint %d: file differs", i)
		}
	}
}

func noPart(t *testing.T, fs vfs.FS, dir string) {
	t.Helper()
	names, _ := fs.List(dir)
	for _, n := range names {
		if n == partName || n == partName+progressSuffix {
			t.Errorf("partial receive left behind: %s", n)
		}
	}
}

// TestResumeAfterEarlyEnd: a stream that ends early without an error (a
// transport that reports a reset connection as the stream's end) is a
// cut like any other: the verified prefix is kept and resumed.
func TestResumeAfterEarlyEnd(t *testing.T) {
	fs := vfs.NewMem()
	data := encodeBytes(t, testMeta(300), rsImage, rsChunk)
	id := data[len(data)-digestLen:]
	s := openStore(t, fs, "snaps", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})
	cut := len(data) / 2
	_, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data[:cut]), testMeta(300), Resume{ID: id})
	if !errors.Is(err, ErrTruncated) {
		t.Fatalf("receive of a stream ending at %d: %v, want ErrTruncated", cut, err)
	}
	off := s.ResumeOffset(context.Background(), testMeta(300), id)
	if off <= 0 || off > int64(cut) {
		t.Fatalf("resume offset %d after a stream that ended at %d", off, cut)
	}
	in, err := s.ReceiveFrom(context.Background(), bytes.NewReader(data[off:]), testMeta(300), Resume{ID: id, Offset: off})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, fs, in.Path); !bytes.Equal(got, data) {
		t.Fatal("resumed snapshot differs from the sender's file")
	}
}
