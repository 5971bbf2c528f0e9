package snapshot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// Source is what the state machine offers to make a snapshot.
type Source interface {
	// MakeImage writes a consistent copy of the state machine's database
	// to path (a new file on the store's file system) and returns the
	// Raft metadata of the state it holds: the applied index the copy
	// reflects, that entry's term and the configuration in force there.
	// It must not block the apply loop for longer than the start of the
	// copy (SQLite: VACUUM INTO or the backup API on a read transaction).
	MakeImage(ctx context.Context, path string) (raft.SnapshotMeta, error)
}

// Installer is what the state machine offers to install a snapshot.
type Installer interface {
	// Install atomically replaces the state machine's database with the
	// image at path, a verified and fsynced file (and directory) in the
	// snapshot directory on the same file system, whose state is meta.
	// Install may consume path by renaming it. Readers must see the old
	// or the new state, never a mix; a crash at any point must leave
	// either the old or the new database in place.
	Install(ctx context.Context, path string, meta raft.SnapshotMeta) error
}

// DefaultKeep is the default number of snapshots kept on disk.
const DefaultKeep = 2

// Options configure Open.
type Options struct {
	// FS is the file system; nil means vfs.Default. Tests use
	// vfs.NewCrashableMem().
	FS vfs.FS
	// Logger; nil means slog.Default().
	Logger *slog.Logger
	// Keep is how many snapshots to keep (the newest); 0 means
	// DefaultKeep.
	Keep int
	// ChunkBytes is the image chunk size of new snapshots; 0 means
	// DefaultChunkBytes.
	ChunkBytes int
	// ResumeEvery is how many bytes a resumable receive verifies between
	// checkpoints of its progress (resume.go); 0 means
	// DefaultResumeEvery.
	ResumeEvery int64
	// Needed, if set, returns the lowest snapshot index the owner may
	// still need: retention never removes a snapshot at or above it, and
	// a received snapshot below it is refused (raft.ErrSnapOutOfDate).
	// A node's answer covers every snapshot it may still install (one
	// received and not yet installed, whatever newer ones arrived since)
	// and the one its log store names. A stored snapshot below an answer
	// may be removed at once, so nothing may need it later (only a new
	// receive may be admitted at a lower answer). It is called without
	// the store's lock but possibly under a Sender's, so it must not call
	// either. Nil: the newest stored snapshot's index
	// (nothing older is needed).
	Needed func() uint64
}

// Info describes one stored snapshot.
type Info struct {
	Header
	// Path is the file's path; FileBytes its length.
	Path      string
	FileBytes int64
}

// Store is the snapshot directory of one node. All methods are safe for
// concurrent use.
type Store struct {
	dir   string
	fs    vfs.FS
	log   *slog.Logger
	keep  int
	chunk int
	seq   atomic.Uint64 // makes temp names unique

	// needed is Options.Needed, or nil.
	needed func() uint64

	// hook, if set (tests only), is called at each named step of Make,
	// Receive and Install, so a test can take a crash image there.
	hook func(point string)

	mu    sync.Mutex
	snaps []Info // sorted by index
	// pins counts, by index, the holds on snapshots a transfer is
	// shipping or may resume (pin.go): retention keeps them beyond Keep.
	pins map[uint64]int

	// part is a semaphore (capacity 1) held by the one resumable
	// receive, or ResumeOffset, that owns the partial file (resume.go).
	part        chan struct{}
	resumeEvery int64
}

// File names. Everything the store creates matches one of these; Open
// removes leftover temp files and leaves any other file alone.
const (
	snapSuffix  = ".snap"
	tmpSuffix   = ".tmp"
	damagedSufx = ".damaged"
)

// fileName is "<term>-<index>.snap", zero-padded so names sort by index
// (terms never decrease as indexes grow).
func fileName(m raft.SnapshotMeta) string {
	return fmt.Sprintf("%020d-%020d%s", m.Term, m.Index, snapSuffix)
}

func parseName(name string) (term, index uint64, ok bool) {
	base, found := strings.CutSuffix(name, snapSuffix)
	if !found {
		return 0, 0, false
	}
	t, i, found := strings.Cut(base, "-")
	if !found {
		return 0, 0, false
	}
	term, err1 := strconv.ParseUint(t, 10, 64)
	index, err2 := strconv.ParseUint(i, 10, 64)
	return term, index, err1 == nil && err2 == nil && fileName(raft.SnapshotMeta{Term: term, Index: index}) == name
}

// Open opens (creating if needed) the snapshot directory dir. It removes
// the temp files a crash left behind and reads the header of every
// snapshot; one whose header is damaged is renamed to "<name>.damaged"
// (kept for inspection, never served) and reported in the log. Images are
// verified when they are streamed or installed, not here: opening costs
// one header read per kept snapshot, not the database's size.
func Open(dir string, opts Options) (*Store, error) {
	if opts.FS == nil {
		opts.FS = vfs.Default
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Keep <= 0 {
		opts.Keep = DefaultKeep
	}
	if opts.ChunkBytes <= 0 {
		opts.ChunkBytes = DefaultChunkBytes
	}
	if opts.ResumeEvery <= 0 {
		opts.ResumeEvery = DefaultResumeEvery
	}
	if opts.ChunkBytes > MaxChunkBytes {
		return nil, fmt.Errorf("snapshot: Options.ChunkBytes %d exceeds %d", opts.ChunkBytes, MaxChunkBytes)
	}
	s := &Store{dir: dir, fs: opts.FS, log: opts.Logger.With("component", "snapshot", "dir", dir),
		keep: opts.Keep, needed: opts.Needed, chunk: opts.ChunkBytes, resumeEvery: opts.ResumeEvery, part: make(chan struct{}, 1)}
	if err := s.fs.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("snapshot: create %s: %w", dir, err)
	}
	// Make the directory's own entry durable: a snapshot renamed into a
	// directory that a crash then loses would be lost with it.
	if err := syncDirAt(s.fs, s.fs.PathDir(dir)); err != nil {
		return nil, err
	}
	names, err := s.fs.List(dir)
	if err != nil {
		return nil, fmt.Errorf("snapshot: list %s: %w", dir, err)
	}
	slices.Sort(names)
	removed := false
	for _, name := range names {
		path := s.fs.PathJoin(dir, name)
		// Also "*.tmp-wal" and "*.tmp-shm": what opening a temp image
		// with SQLite left beside it (older versions left them behind).
		if strings.HasSuffix(name, tmpSuffix) || strings.HasSuffix(name, tmpSuffix+"-wal") || strings.HasSuffix(name, tmpSuffix+"-shm") {
			if err := s.fs.Remove(path); err != nil {
				return nil, fmt.Errorf("snapshot: remove leftover temp file %s: %w", path, err)
			}
			s.log.Info("removed leftover temp file of an interrupted snapshot operation", "file", name)
			removed = true
			continue
		}
		if _, _, ok := parseName(name); !ok {
			continue
		}
		info, err := s.stat(path)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				return nil, err
			}
			s.log.Error("damaged snapshot set aside", "file", name, "err", err)
			if err := s.fs.Rename(path, path+damagedSufx); err != nil {
				return nil, fmt.Errorf("snapshot: set aside damaged %s: %w", path, err)
			}
			removed = true
			continue
		}
		s.snaps = append(s.snaps, info)
	}
	if removed {
		if err := s.syncDir(); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(s.snaps, func(a, b Info) int { return cmpU64(a.Meta.Index, b.Meta.Index) })
	s.cleanPart()
	return s, nil
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// stat reads and checks the header of the snapshot file at path.
func (s *Store) stat(path string) (Info, error) {
	f, err := s.fs.Open(path)
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: stat %s: %w", path, err)
	}
	h, err := DecodeHeader(f, path)
	if err != nil {
		return Info{}, err
	}
	if want := h.EncodedSize(); fi.Size() != want {
		kind := ErrTruncated
		if fi.Size() > want {
			kind = ErrMalformed
		}
		return Info{}, &FormatError{Source: path, Offset: fi.Size(), Kind: kind,
			Reason: fmt.Sprintf("file has %d bytes, its header describes %d", fi.Size(), want)}
	}
	if fileName(h.Meta) != s.fs.PathBase(path) {
		return Info{}, &FormatError{Source: path, Kind: ErrMalformed,
			Reason: fmt.Sprintf("header says term %d index %d, which does not match the file name", h.Meta.Term, h.Meta.Index)}
	}
	return Info{Header: h, Path: path, FileBytes: fi.Size()}, nil
}

func (s *Store) at(point string) {
	if s.hook != nil {
		s.hook(point)
	}
}

func (s *Store) syncDir() error { return syncDirAt(s.fs, s.dir) }

func syncDirAt(fs vfs.FS, dir string) error {
	d, err := fs.OpenDir(dir)
	if err != nil {
		return fmt.Errorf("snapshot: open directory %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("snapshot: sync directory %s: %w", dir, err)
	}
	return nil
}

func (s *Store) tmpPath(kind string) string {
	return s.fs.PathJoin(s.dir, fmt.Sprintf("%s-%d%s", kind, s.seq.Add(1), tmpSuffix))
}

// Dir returns the snapshot directory.
func (s *Store) Dir() string { return s.dir }

// List returns the stored snapshots, oldest first.
func (s *Store) List() []Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.snaps)
}

// Latest returns the newest stored snapshot.
func (s *Store) Latest() (Info, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.snaps) == 0 {
		return Info{}, false
	}
	return s.snaps[len(s.snaps)-1], true
}

// Get returns the stored snapshot at index.
func (s *Store) Get(index uint64) (Info, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, in := range s.snaps {
		if in.Meta.Index == index {
			return in, nil
		}
	}
	return Info{}, fmt.Errorf("%w: no snapshot at index %d in %s", ErrNotFound, index, s.dir)
}

// Make makes a snapshot from src: src writes a consistent image to a temp
// file, which is encoded into a temp snapshot file, fsynced, renamed into
// place and the directory fsynced; then older snapshots beyond Keep are
// removed. If a snapshot at src's index exists already it is returned.
func (s *Store) Make(ctx context.Context, src Source) (Info, error) {
	img := s.tmpPath("make-image")
	defer s.fs.Remove(img) //nolint:errcheck // best effort; Open removes leftovers
	meta, err := src.MakeImage(ctx, img)
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: make image: %w", err)
	}
	s.at("make:image")
	if in, err := s.Get(meta.Index); err == nil {
		return in, nil
	}
	if err := s.checkNewer(meta); err != nil {
		return Info{}, err
	}
	f, err := s.fs.Open(img)
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: open image: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: stat image: %w", err)
	}
	h := Header{Meta: meta, ImageBytes: fi.Size(), ChunkBytes: s.chunk}
	in, err := s.write(h.Meta, "make", func(w io.Writer) error {
		_, err := Encode(w, h, &ctxReader{ctx: ctx, r: f})
		return err
	})
	if err != nil {
		return Info{}, err
	}
	s.log.Info("snapshot made", "index", meta.Index, "term", meta.Term, "image_bytes", h.ImageBytes, "file", in.Path)
	return in, nil
}

// checkNewer refuses a snapshot older than the newest stored one: the
// newest covers it, and retention would remove it at once.
func (s *Store) checkNewer(meta raft.SnapshotMeta) error {
	if in, ok := s.Latest(); ok && meta.Index < in.Meta.Index {
		return fmt.Errorf("snapshot: index %d is older than the stored snapshot %d: %w", meta.Index, in.Meta.Index, raft.ErrSnapOutOfDate)
	}
	return nil
}

// checkNeeded refuses a received snapshot below what the owner may still
// need (floor): it has applied past it. One older than the newest stored
// is not refused when it is needed: the newest may be one the owner never
// installs (a deposed leader's, whose message its Raft dropped), and the
// older one the snapshot its current leader sends.
func (s *Store) checkNeeded(meta raft.SnapshotMeta) error {
	if floor := s.floor(); meta.Index < floor {
		return fmt.Errorf("snapshot: index %d is older than the oldest snapshot this node may still need (%d): %w", meta.Index, floor, raft.ErrSnapOutOfDate)
	}
	return nil
}

// floor is the lowest index the owner may still need (Options.Needed;
// without it, the newest stored snapshot's): retention keeps every
// snapshot at or above it, whatever Keep says.
func (s *Store) floor() uint64 {
	if s.needed != nil {
		return s.needed()
	}
	if in, ok := s.Latest(); ok {
		return in.Meta.Index
	}
	return 0
}

// Receive reads a snapshot stream from r (as sent from another node's
// Reader) into the store, verifying the header against want (the metadata
// of the MsgSnap that announced it), every chunk and the digest. The
// stream goes to a temp file that is fsynced and renamed into place only
// once verified; on any error nothing is left behind. Memory: one chunk.
// A snapshot the owner no longer needs (Options.Needed; without it, one
// older than the newest stored) is refused with raft.ErrSnapOutOfDate
// before anything is read (Raft would ignore it: this node has applied
// past it).
func (s *Store) Receive(ctx context.Context, r io.Reader, want raft.SnapshotMeta) (Info, error) {
	if err := s.checkNeeded(want); err != nil {
		return Info{}, err
	}
	in, err := s.write(want, "receive", func(w io.Writer) error {
		dc := &decoder{r: io.TeeReader(&ctxReader{ctx: ctx, r: r}, w), source: streamSource, d: newDigest()}
		h, err := dc.header()
		if err != nil {
			return err
		}
		if h.Meta.Index != want.Index || h.Meta.Term != want.Term || !h.Meta.Config.Equal(want.Config) {
			return fmt.Errorf("%w: stream holds index %d term %d config %v, the message announced index %d term %d config %v",
				ErrMismatch, h.Meta.Index, h.Meta.Term, h.Meta.Config, want.Index, want.Term, want.Config)
		}
		s.at("receive:header")
		return dc.image(h, io.Discard)
	})
	if err != nil {
		return Info{}, err
	}
	s.log.Info("snapshot received", "index", in.Meta.Index, "term", in.Meta.Term, "bytes", in.FileBytes, "file", in.Path)
	return in, nil
}

// write creates the snapshot file for meta through fill, which writes it
// to a temp file; the file is fsynced, its header checked, renamed into
// place and the directory fsynced, then retention runs.
func (s *Store) write(meta raft.SnapshotMeta, op string, fill func(w io.Writer) error) (Info, error) {
	tmp := s.tmpPath(op)
	f, err := s.fs.Create(tmp, vfs.WriteCategoryUnspecified)
	if err != nil {
		return Info{}, fmt.Errorf("snapshot: %s: create %s: %w", op, tmp, err)
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
			_ = s.fs.Remove(tmp)
		}
	}()
	if err := fill(&copyWriter{w: f}); err != nil {
		return Info{}, fmt.Errorf("snapshot: %s: %w", op, err)
	}
	s.at(op + ":written")
	if err := f.Sync(); err != nil {
		return Info{}, fmt.Errorf("snapshot: %s: sync %s: %w", op, tmp, err)
	}
	if err := f.Close(); err != nil {
		return Info{}, fmt.Errorf("snapshot: %s: close %s: %w", op, tmp, err)
	}
	ok = true
	s.at(op + ":synced")
	return s.commit(op, tmp, meta)
}

// commit renames the fsynced file tmp into place as the snapshot for
// meta, fsyncs the directory, checks the header and runs retention.
func (s *Store) commit(op, tmp string, meta raft.SnapshotMeta) (Info, error) {
	final := s.fs.PathJoin(s.dir, fileName(meta))
	if err := s.fs.Rename(tmp, final); err != nil {
		_ = s.fs.Remove(tmp)
		return Info{}, fmt.Errorf("snapshot: %s: rename into %s: %w", op, final, err)
	}
	s.at(op + ":renamed")
	if err := s.syncDir(); err != nil {
		return Info{}, err
	}
	s.at(op + ":dirsynced")
	in, err := s.stat(final)
	if err != nil {
		return Info{}, err
	}
	s.add(in)
	return in, nil
}

// add records in and removes the snapshots beyond Keep.
func (s *Store) add(in Info) {
	// Read before the lock (Needed calls the owner): what is below it
	// now stays unneeded (Options.Needed).
	floor := s.floor()
	s.mu.Lock()
	s.snaps = slices.DeleteFunc(s.snaps, func(o Info) bool { return o.Meta.Index == in.Meta.Index })
	s.snaps = append(s.snaps, in)
	slices.SortFunc(s.snaps, func(a, b Info) int { return cmpU64(a.Meta.Index, b.Meta.Index) })
	drop := s.beyondKeepLocked(floor)
	s.mu.Unlock()
	s.remove(drop, false)
	s.at("retention")
}

// beyondKeepLocked takes out of s.snaps, and returns, the snapshots older
// than the newest Keep that no transfer holds (inflight.go) and the owner
// no longer needs (below floor, Options.Needed).
func (s *Store) beyondKeepLocked(floor uint64) []Info {
	old := len(s.snaps) - s.keep
	var drop []Info
	kept := s.snaps[:0]
	for i, o := range s.snaps {
		if i < old && s.pins[o.Meta.Index] == 0 && o.Meta.Index < floor {
			drop = append(drop, o)
			continue
		}
		kept = append(kept, o)
	}
	s.snaps = kept
	return drop
}

// remove deletes dropped snapshot files. A reader that has one open keeps
// reading it: the file system frees it on the last close.
func (s *Store) remove(drop []Info, replaced bool) {
	for _, d := range drop {
		if err := s.fs.Remove(d.Path); err != nil {
			s.log.Warn("could not remove a snapshot", "file", d.Path, "err", err)
			continue
		}
		if replaced {
			s.log.Info("removed a snapshot older than a replaced state", "index", d.Meta.Index, "file", d.Path)
		} else {
			s.log.Debug("removed old snapshot", "index", d.Meta.Index, "file", d.Path)
		}
	}
}

// DropOlder removes the stored snapshots older than index: a node that
// replaced its state from a healthy peer's snapshot at index drops the
// ones it made from its own damaged state, so it never sends them on. The
// caller first moves the log store's snapshot to index (invariant: the log
// store's snapshot always names a stored file).
func (s *Store) DropOlder(index uint64) {
	s.mu.Lock()
	var drop []Info
	s.snaps = slices.DeleteFunc(s.snaps, func(o Info) bool {
		if o.Meta.Index < index {
			drop = append(drop, o)
			return true
		}
		return false
	})
	s.mu.Unlock()
	s.remove(drop, true)
}

// Reader is an open snapshot file for sending. Read returns the file's
// bytes verbatim (they are verified by the receiver, and by Read itself:
// a damaged file fails the read with a *FormatError so a bad snapshot is
// never passed on).
type Reader struct {
	Info
	// Digest is the file's trailer (the SHA-256 of all before it): the
	// identity a receiver keeps with a partial transfer, so a resumed
	// transfer continues the same file.
	Digest []byte
	pr     *io.PipeReader
	done   chan struct{}
}

// Open opens the snapshot at index for streaming. The caller must Close
// the Reader. Size is Info.FileBytes.
func (s *Store) Open(index uint64) (*Reader, error) {
	in, err := s.Get(index)
	if err != nil {
		return nil, err
	}
	f, err := s.fs.Open(in.Path)
	if err != nil {
		return nil, fmt.Errorf("snapshot: open %s: %w", in.Path, err)
	}
	digest := make([]byte, digestLen)
	if _, err := f.ReadAt(digest, in.FileBytes-digestLen); err != nil {
		f.Close()
		return nil, fmt.Errorf("snapshot: read the digest of %s: %w", in.Path, err)
	}
	pr, pw := io.Pipe()
	r := &Reader{Info: in, Digest: digest, pr: pr, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		defer f.Close()
		// Verify while sending: the tee passes on every byte the
		// decoder reads, and a damaged file ends the stream with the
		// decoder's error instead of EOF, so the transfer fails. A
		// closed pipe (Close) fails the tee's write and ends the loop.
		_, err := Decode(io.TeeReader(f, pw), in.Path, io.Discard)
		pw.CloseWithError(err)
	}()
	return r, nil
}

func (r *Reader) Read(p []byte) (int, error) { return r.pr.Read(p) }

// Skip reads and discards the next n bytes (a resumed transfer starts
// after what the receiver holds). They are still verified, so a damaged
// file fails here too.
func (r *Reader) Skip(n int64) error {
	if _, err := io.CopyN(io.Discard, r.pr, n); err != nil {
		return fmt.Errorf("snapshot: skip %d bytes of %s: %w", n, r.Path, err)
	}
	return nil
}

// Close stops the read and waits until the file is closed. It may be
// called more than once.
func (r *Reader) Close() error {
	r.pr.CloseWithError(errors.New("snapshot: reader closed"))
	<-r.done
	return nil
}

// Verify reads the whole snapshot at index and checks every checksum.
func (s *Store) Verify(ctx context.Context, index uint64) error {
	in, err := s.Get(index)
	if err != nil {
		return err
	}
	f, err := s.fs.Open(in.Path)
	if err != nil {
		return fmt.Errorf("snapshot: open %s: %w", in.Path, err)
	}
	defer f.Close()
	_, err = Decode(&ctxReader{ctx: ctx, r: f}, in.Path, io.Discard)
	return err
}

// Install extracts the image of the stored snapshot at index into a temp
// file, verifying every chunk and the digest, fsyncs the file and the
// directory, and hands it to inst: Prepare, then Prepared.Install. It is
// also the recovery path: a node whose state machine is behind its log's
// snapshot (it crashed during an install), or whose database is damaged,
// installs its newest local snapshot again.
func (s *Store) Install(ctx context.Context, index uint64, inst Installer) (Info, error) {
	p, err := s.Prepare(ctx, index)
	if err != nil {
		return Info{}, err
	}
	defer p.Close()
	if err := p.Install(ctx, inst); err != nil {
		return Info{}, err
	}
	return p.Info, nil
}

// Prepared is a snapshot's image extracted, verified and fsynced, waiting
// to be handed to an Installer. Preparing takes time proportional to the
// image; handing over is a rename, so a node can prepare off its Raft
// loop and install on it.
type Prepared struct {
	Info
	s    *Store
	path string
}

// Prepare extracts the image of the stored snapshot at index into a temp
// file, verifying every chunk and the digest, and fsyncs the file and the
// directory. The caller must Close the result.
func (s *Store) Prepare(ctx context.Context, index uint64) (*Prepared, error) {
	in, err := s.Get(index)
	if err != nil {
		return nil, err
	}
	f, err := s.fs.Open(in.Path)
	if err != nil {
		return nil, fmt.Errorf("snapshot: open %s: %w", in.Path, err)
	}
	defer f.Close()
	img := s.tmpPath(fmt.Sprintf("install-%d-image", index))
	out, err := s.fs.Create(img, vfs.WriteCategoryUnspecified)
	if err != nil {
		return nil, fmt.Errorf("snapshot: prepare: create %s: %w", img, err)
	}
	_, err = Decode(&ctxReader{ctx: ctx, r: f}, in.Path, &copyWriter{w: out})
	if err == nil {
		s.at("install:extracted")
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = s.syncDir()
	}
	if err != nil {
		_ = s.fs.Remove(img)
		return nil, fmt.Errorf("snapshot: prepare %d: %w", index, err)
	}
	s.at("install:synced")
	return &Prepared{Info: in, s: s, path: img}, nil
}

// Install hands the prepared image to inst, which may consume it.
func (p *Prepared) Install(ctx context.Context, inst Installer) error {
	if p.path == "" {
		return errors.New("snapshot: prepared image already installed or closed")
	}
	if err := inst.Install(ctx, p.path, p.Meta); err != nil {
		return fmt.Errorf("snapshot: install %d: %w", p.Meta.Index, err)
	}
	p.s.at("install:done")
	p.s.log.Info("snapshot installed", "index", p.Meta.Index, "term", p.Meta.Term, "image_bytes", p.ImageBytes)
	p.Close()
	return nil
}

// Close removes the image unless an Installer consumed it. It may be
// called more than once.
func (p *Prepared) Close() error {
	if p.path == "" {
		return nil
	}
	err := p.s.fs.Remove(p.path)
	p.path = ""
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("snapshot: remove prepared image: %w", err)
	}
	return nil
}

// ctxReader fails reads once ctx is done, so a long copy is cancellable.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// copyWriter writes a private copy of p. vfs.File.Write may modify p
// (Pebble's invariants builds, enabled by -race, invert it to catch
// callers that reuse it), and our callers use p after writing it: the
// tee in Receive hands it on to the decoder.
type copyWriter struct {
	w   io.Writer
	buf []byte
}

func (c *copyWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf[:0], p...)
	return c.w.Write(c.buf)
}
