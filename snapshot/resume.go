package snapshot

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// Resuming a cut transfer.
//
// A resumable receive (ReceiveFrom with a Resume.ID) writes the stream to
// "receive.part" instead of a temp file, and every Options.ResumeEvery
// bytes, at a chunk boundary, fsyncs it and records in
// "receive.part.progress" which snapshot it is (index, term, the sender's
// ID: the file's digest) and how many leading bytes are verified and
// durable. A transfer of the same snapshot cut after that starts at the
// recorded length (ResumeOffset, asked by the lane's handshake): the
// decoder reads the kept prefix back from disk (every chunk's CRC and the
// running SHA-256 are computed again, so a prefix damaged at rest fails
// the receive and is discarded) and then the rest from the network; the
// whole file's digest is verified at the end as for any receive.
//
// Crash safety: the record is written only after the prefix it names is
// fsynced, and carries a CRC, so a torn record or a file shorter than it
// says means "no resume" (both are discarded); the verified file is
// renamed into place like any other. A partial of another snapshot is
// discarded when a transfer of a different one starts, and at Open once
// a stored snapshot covers it.

const (
	partName       = "receive.part"
	progressSuffix = ".progress"
	progressMagic  = "RSQLPART"

	// DefaultResumeEvery is how often (bytes) a resumable receive makes
	// its progress durable: each checkpoint costs an fsync.
	DefaultResumeEvery = 8 << 20
)

// Resume describes where a received stream starts. ID identifies the
// sender's file (its digest; empty: the sender cannot resume, and the
// receive is not resumable); Offset is the number of leading bytes the
// stream skips, which must be what ResumeOffset offered.
type Resume struct {
	ID     []byte
	Offset int64
}

// progress is the durable record of a partial receive.
type progress struct {
	index, term uint64
	id          []byte
	verified    int64
}

func (p progress) encode() []byte {
	b := append([]byte(progressMagic), 0)
	b = binary.BigEndian.AppendUint64(b, p.index)
	b = binary.BigEndian.AppendUint64(b, p.term)
	b = binary.BigEndian.AppendUint64(b, uint64(p.verified))
	b = append(b, byte(len(p.id)))
	b = append(b, p.id...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

func decodeProgress(b []byte) (progress, error) {
	const fixed = len(progressMagic) + 1 + 24 + 1
	if len(b) < fixed+4 || string(b[:len(progressMagic)]) != progressMagic {
		return progress{}, errors.New("not a progress record")
	}
	end := len(b) - 4
	if crc32.Checksum(b[:end], crcTable) != binary.BigEndian.Uint32(b[end:]) {
		return progress{}, errors.New("progress record checksum mismatch (torn write)")
	}
	o := len(progressMagic) + 1
	p := progress{index: binary.BigEndian.Uint64(b[o:]), term: binary.BigEndian.Uint64(b[o+8:]),
		verified: int64(binary.BigEndian.Uint64(b[o+16:]))}
	if n := int(b[fixed-1]); fixed+n != end || p.verified < 0 {
		return progress{}, errors.New("malformed progress record")
	} else {
		p.id = b[fixed:end]
	}
	return p, nil
}

// lockPart waits for the partial file: resumable receives take turns.
func (s *Store) lockPart(ctx context.Context) error {
	select {
	case s.part <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("snapshot: waiting for another receive: %w", ctx.Err())
	}
}

func (s *Store) unlockPart() { <-s.part }

func (s *Store) partPath() string { return s.fs.PathJoin(s.dir, partName) }

// readProgress returns the partial receive's record; os.ErrNotExist if
// there is none.
func (s *Store) readProgress() (progress, error) {
	f, err := s.fs.Open(s.partPath() + progressSuffix)
	if err != nil {
		return progress{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 1024))
	if err != nil {
		return progress{}, err
	}
	return decodeProgress(b)
}

// discardPart removes the partial receive and its record, record first
// (a record left alone by a crash is checked against the file's length,
// and a missing file means no resume).
func (s *Store) discardPart() {
	for _, p := range []string{s.partPath() + progressSuffix, s.partPath()} {
		if err := s.fs.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			s.log.Warn("could not remove a partial snapshot receive", "file", p, "err", err)
		}
	}
}

// ResumeOffset returns how many leading bytes of the stream of snapshot
// want, from the sender's file id, the store holds verified and durable
// from a cut transfer: the sender starts there. A partial receive of any
// other snapshot (or file) is discarded and 0 returned.
// It waits (ctx) while another receive owns the partial file: that is
// typically the cut transfer itself, still failing.
func (s *Store) ResumeOffset(ctx context.Context, want raft.SnapshotMeta, id []byte) int64 {
	if len(id) == 0 || s.lockPart(ctx) != nil {
		return 0
	}
	defer s.unlockPart()
	p, err := s.readProgress()
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		s.log.Warn("discarding a partial snapshot receive", "err", err)
		s.discardPart()
		return 0
	}
	if p.index != want.Index || p.term != want.Term || string(p.id) != string(id) {
		s.log.Info("discarding a partial receive of another snapshot", "partial_index", p.index, "partial_term", p.term,
			"index", want.Index, "term", want.Term)
		s.discardPart()
		return 0
	}
	fi, err := s.fs.Stat(s.partPath())
	if err != nil || fi.Size() < p.verified {
		s.log.Warn("discarding a partial snapshot receive shorter than its record", "index", p.index, "verified", p.verified)
		s.discardPart()
		return 0
	}
	return p.verified
}

// ReceiveFrom is Receive for a stream that may resume a cut transfer: with
// res.ID empty it is Receive; otherwise the stream is kept in the partial
// file with durable progress (see above), and r starts at res.Offset, the
// offset ResumeOffset returned. On a cut stream (a read error, a canceled
// ctx, a stream that ends early) the verified prefix is kept for the next
// transfer; on a damaged or mismatched stream or prefix it is discarded,
// so the retry starts at 0.
// Resumable receives take turns (they share the partial file).
func (s *Store) ReceiveFrom(ctx context.Context, r io.Reader, want raft.SnapshotMeta, res Resume) (Info, error) {
	if len(res.ID) == 0 {
		if res.Offset != 0 {
			return Info{}, fmt.Errorf("snapshot: receive: offset %d without a stream id", res.Offset)
		}
		return s.Receive(ctx, r, want)
	}
	if err := s.checkNeeded(want); err != nil {
		return Info{}, err
	}
	if err := s.lockPart(ctx); err != nil {
		return Info{}, err
	}
	defer s.unlockPart()
	in, err := s.receivePart(ctx, r, want, res)
	if err != nil {
		// A stream that ends early (a reset connection the transport
		// reports as its end) is a cut like a read error: the verified
		// prefix stays. Damage, a mismatch or a bad offset discard it.
		var fe *FormatError
		damaged := errors.As(err, &fe) && !errors.Is(err, ErrTruncated)
		if damaged || errors.Is(err, ErrMismatch) || errors.Is(err, errBadResume) {
			s.discardPart()
		}
		return Info{}, fmt.Errorf("snapshot: receive: %w", err)
	}
	s.log.Info("snapshot received", "index", in.Meta.Index, "term", in.Meta.Term, "bytes", in.FileBytes,
		"resumed_at", res.Offset, "file", in.Path)
	return in, nil
}

var errBadResume = errors.New("resume offset does not match the partial file")

func (s *Store) receivePart(ctx context.Context, r io.Reader, want raft.SnapshotMeta, res Resume) (Info, error) {
	part := s.partPath()
	if res.Offset > 0 {
		p, perr := s.readProgress()
		if perr != nil || p.index != want.Index || p.term != want.Term || string(p.id) != string(res.ID) || p.verified != res.Offset {
			return Info{}, fmt.Errorf("%w: offset %d (%v)", errBadResume, res.Offset, perr)
		}
	} else {
		s.discardPart()
	}
	f, err := s.fs.OpenReadWrite(part, vfs.WriteCategoryUnspecified)
	if err != nil {
		return Info{}, fmt.Errorf("open %s: %w", part, err)
	}
	closed := false
	defer func() {
		if !closed {
			f.Close()
		}
	}()
	pw := &atWriter{f: f, off: res.Offset}
	src := io.MultiReader(io.NewSectionReader(f, 0, res.Offset), io.TeeReader(&ctxReader{ctx: ctx, r: r}, &copyWriter{w: pw}))
	dc := &decoder{r: src, source: streamSource, d: newDigest()}
	h, err := dc.header()
	if err != nil {
		return Info{}, err
	}
	if h.Meta.Index != want.Index || h.Meta.Term != want.Term || !h.Meta.Config.Equal(want.Config) {
		return Info{}, fmt.Errorf("%w: stream holds index %d term %d config %v, the message announced index %d term %d config %v",
			ErrMismatch, h.Meta.Index, h.Meta.Term, h.Meta.Config, want.Index, want.Term, want.Config)
	}
	s.at("receive:header")
	last := res.Offset
	pf := &progressFile{s: s}
	defer pf.close()
	ck := writerFunc(func(p []byte) (int, error) {
		// Called once a chunk is verified: the file then holds exactly
		// dc.off bytes, all verified.
		if dc.off-last < s.resumeEvery {
			return len(p), nil
		}
		if err := f.Sync(); err != nil {
			return 0, fmt.Errorf("sync %s: %w", part, err)
		}
		if err := pf.write(progress{index: want.Index, term: want.Term, id: res.ID, verified: dc.off}); err != nil {
			return 0, err
		}
		last = dc.off
		s.at("receive:checkpoint")
		return len(p), nil
	})
	if err := dc.image(h, ck); err != nil {
		return Info{}, err
	}
	s.at("receive:written")
	if err := f.Sync(); err != nil {
		return Info{}, fmt.Errorf("sync %s: %w", part, err)
	}
	closed = true
	if err := f.Close(); err != nil {
		return Info{}, fmt.Errorf("close %s: %w", part, err)
	}
	s.at("receive:synced")
	in, err := s.commit("receive", part, want)
	if err != nil {
		return Info{}, err
	}
	if err := s.fs.Remove(part + progressSuffix); err != nil && !errors.Is(err, os.ErrNotExist) {
		s.log.Warn("could not remove a partial receive's progress record", "err", err)
	}
	return in, nil
}

// progressFile is the progress record of one receive. It is rewritten
// in place (same length for one id) and fsynced at each checkpoint; the
// first checkpoint also fsyncs the directory, making the entries of the
// partial file and of the record durable. A crash mid write leaves a
// record that fails its CRC: no resume, never a wrong one.
type progressFile struct {
	s *Store
	f vfs.File
}

func (pf *progressFile) write(p progress) error {
	path := pf.s.partPath() + progressSuffix
	first := pf.f == nil
	if first {
		f, err := pf.s.fs.OpenReadWrite(path, vfs.WriteCategoryUnspecified)
		if err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		pf.f = f
	}
	if _, err := pf.f.WriteAt(p.encode(), 0); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := pf.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if first {
		return pf.s.syncDir()
	}
	return nil
}

func (pf *progressFile) close() {
	if pf.f != nil {
		pf.f.Close()
	}
}

// cleanPart, at Open, removes a partial receive that a stored snapshot
// covers, or whose record is unreadable.
func (s *Store) cleanPart() {
	p, err := s.readProgress()
	if errors.Is(err, os.ErrNotExist) {
		if _, serr := s.fs.Stat(s.partPath()); serr == nil {
			s.discardPart() // cut before its first checkpoint
		}
		return
	}
	latest, ok := s.Latest()
	if err != nil || (ok && p.index <= latest.Meta.Index) {
		s.log.Info("removed a partial snapshot receive that cannot be resumed", "err", err)
		s.discardPart()
	}
}

// atWriter writes sequentially from off with WriteAt (a resumed partial
// file is written after its kept prefix).
type atWriter struct {
	f   vfs.File
	off int64
}

func (w *atWriter) Write(p []byte) (int, error) {
	n, err := w.f.WriteAt(p, w.off)
	w.off += int64(n)
	return n, err
}

type writerFunc func(p []byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
