package snapshot

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// TestRoundTrip makes a snapshot on one store, streams it over a pipe into
// another, installs it there and checks the live file is the image.
func TestRoundTrip(t *testing.T) {
	const chunk = 4096
	for _, size := range []int64{0, 1, chunk - 1, chunk, chunk + 1, 3*chunk + 5} {
		fs := vfs.NewMem()
		a := openStore(t, fs, "a/snapshots", Options{ChunkBytes: chunk})
		b := openStore(t, fs, "b/snapshots", Options{ChunkBytes: chunk})
		meta := testMeta(uint64(size) + 10)
		in, err := a.Make(context.Background(), &fakeSource{fs: fs, meta: meta, seed: 7, size: size})
		if err != nil {
			t.Fatalf("size %d: Make: %v", size, err)
		}
		if in.ImageBytes != size || in.Meta.Index != meta.Index || !in.Meta.Config.Equal(meta.Config) {
			t.Fatalf("size %d: Make returned %+v", size, in)
		}
		snd := NewSender(a, SenderOptions{})
		rc, n, err := snd.Stream(context.Background(), meta.Index, 2)
		if err != nil {
			t.Fatal(err)
		}
		if n != in.FileBytes {
			t.Fatalf("stream size %d, file %d", n, in.FileBytes)
		}
		pr, pw := io.Pipe()
		sent := make(chan struct{})
		go func() {
			defer close(sent)
			_, err := io.Copy(pw, rc)
			rc.Close()
			pw.CloseWithError(err)
		}()
		got, err := b.Receive(context.Background(), pr, meta)
		if err != nil {
			t.Fatalf("size %d: Receive: %v", size, err)
		}
		if !sameHeader(got.Header, in.Header) {
			t.Fatalf("received %+v, made %+v", got.Header, in.Header)
		}
		inst := &fakeInstaller{fs: fs, live: "b/db.sqlite"}
		if _, err := b.Install(context.Background(), meta.Index, inst); err != nil {
			t.Fatalf("size %d: Install: %v", size, err)
		}
		if !bytes.Equal(readAll(t, fs, "b/db.sqlite"), genBytes(7, size)) {
			t.Fatalf("size %d: installed image differs", size)
		}
		if len(inst.got) != 1 || inst.got[0].Index != meta.Index {
			t.Fatalf("installer saw %+v", inst.got)
		}
		noTemp(t, fs, "a/snapshots")
		noTemp(t, fs, "b/snapshots")
		<-sent
		if len(snd.Transfers()) != 0 {
			t.Fatalf("transfer still listed after Close: %+v", snd.Transfers())
		}
	}
}

// reseal rewrites the header CRC after a test edited the header.
func reseal(b []byte) {
	bodyLen := binary.BigEndian.Uint32(b[12:])
	end := prefixLen + int(bodyLen)
	binary.BigEndian.PutUint32(b[end:], crc32.Checksum(b[:end], crcTable))
}

func TestDecodeRefuses(t *testing.T) {
	const chunk = 1000
	meta := testMeta(42)
	good := encodeBytes(t, meta, 2500, chunk) // chunks of 1000, 1000, 500
	hdr := int(good[15]) + prefixLen + 4      // body < 256 bytes here
	c0 := hdr                                 // first chunk header
	c1 := c0 + chunkHdr + chunk               // second chunk header
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	cases := []struct {
		name string
		data []byte
		kind error
	}{
		{"chunk data flipped", edit(func(b []byte) []byte { b[c1+chunkHdr+10] ^= 1; return b }), ErrChecksum},
		{"chunk crc flipped", edit(func(b []byte) []byte { b[c0+5] ^= 1; return b }), ErrChecksum},
		{"header flipped", edit(func(b []byte) []byte { b[prefixLen+3] ^= 1; return b }), ErrChecksum},
		{"digest flipped", edit(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), ErrDigest},
		{"chunks swapped", edit(func(b []byte) []byte {
			x := bytes.Clone(b[c0:c1])
			copy(b[c0:c1], b[c1:c1+len(x)])
			copy(b[c1:], x)
			return b
		}), ErrDigest},
		{"wrong version", edit(func(b []byte) []byte { b[9] = 2; reseal(b); return b }), ErrVersion},
		{"bad magic", edit(func(b []byte) []byte { b[0] = 'X'; return b }), ErrMalformed},
		{"flags set", edit(func(b []byte) []byte { b[11] = 1; reseal(b); return b }), ErrMalformed},
		{"chunk length", edit(func(b []byte) []byte { b[c0+3]--; return b }), ErrMalformed},
		{"zero chunk size", edit(func(b []byte) []byte {
			binary.BigEndian.PutUint32(b[prefixLen+24:], 0)
			reseal(b)
			return b
		}), ErrMalformed},
		{"empty", nil, ErrTruncated},
		{"truncated in header", good[:prefixLen+4], ErrTruncated},
		{"truncated in chunk header", good[:c1+3], ErrTruncated},
		{"truncated in chunk", good[:c1+chunkHdr+5], ErrTruncated},
		{"truncated in digest", good[:len(good)-1], ErrTruncated},
	}
	for _, tc := range cases {
		_, err := Decode(bytes.NewReader(tc.data), "stream", io.Discard)
		var fe *FormatError
		if !errors.As(err, &fe) || !errors.Is(err, tc.kind) {
			t.Errorf("%s: got %v, want a *FormatError of kind %v", tc.name, err, tc.kind)
			continue
		}
		// Every refusal through Receive leaves nothing behind.
		fs := vfs.NewMem()
		s := openStore(t, fs, "snap", Options{})
		if _, err := s.Receive(context.Background(), bytes.NewReader(tc.data), meta); !errors.Is(err, tc.kind) {
			t.Errorf("%s: Receive: got %v, want %v", tc.name, err, tc.kind)
		}
		if len(s.List()) != 0 {
			t.Errorf("%s: Receive stored %+v", tc.name, s.List())
		}
		noTemp(t, fs, "snap")
	}
	if _, err := Decode(bytes.NewReader(good), "stream", io.Discard); err != nil {
		t.Fatalf("good stream: %v", err)
	}
}

func TestReceiveMismatch(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{})
	data := encodeBytes(t, testMeta(42), 100, 64)
	other := testMeta(42)
	other.Term++
	if _, err := s.Receive(context.Background(), bytes.NewReader(data), other); !errors.Is(err, ErrMismatch) {
		t.Fatalf("term mismatch: %v", err)
	}
	other = testMeta(42)
	other.Config.Learners = nil
	if _, err := s.Receive(context.Background(), bytes.NewReader(data), other); !errors.Is(err, ErrMismatch) {
		t.Fatalf("config mismatch: %v", err)
	}
	noTemp(t, fs, "snap")
	if _, err := s.Receive(context.Background(), bytes.NewReader(data), testMeta(42)); err != nil {
		t.Fatal(err)
	}
}

// TestCutStream: a stream that fails mid-way (link broken, sender killed)
// leaves nothing, and the retry succeeds.
func TestCutStream(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{})
	meta := testMeta(9)
	data := encodeBytes(t, meta, 10000, 512)
	broken := errors.New("connection reset")
	r := io.MultiReader(bytes.NewReader(data[:len(data)/2]), &errReader{broken})
	if _, err := s.Receive(context.Background(), r, meta); !errors.Is(err, broken) {
		t.Fatalf("cut stream: %v", err)
	}
	noTemp(t, fs, "snap")
	if len(s.List()) != 0 {
		t.Fatal("cut stream stored a snapshot")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Receive(ctx, bytes.NewReader(data), meta); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled receive: %v", err)
	}
	noTemp(t, fs, "snap")
	if _, err := s.Receive(context.Background(), bytes.NewReader(data), meta); err != nil {
		t.Fatalf("retry: %v", err)
	}
}

type errReader struct{ err error }

func (e *errReader) Read([]byte) (int, error) { return 0, e.err }

func TestRetention(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{Keep: 2})
	for i := uint64(1); i <= 5; i++ {
		if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(i * 100), seed: i, size: 300}); err != nil {
			t.Fatal(err)
		}
	}
	list := s.List()
	if len(list) != 2 || list[0].Meta.Index != 400 || list[1].Meta.Index != 500 {
		t.Fatalf("kept %+v", list)
	}
	names, _ := fs.List("snap")
	if len(names) != 2 {
		t.Fatalf("files %v", names)
	}
	// Making the same index again returns the existing one.
	in, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(500), seed: 99, size: 1})
	if err != nil || in.ImageBytes != 300 {
		t.Fatalf("remake: %+v %v", in, err)
	}
	// Reopening finds the same snapshots.
	s2 := openStore(t, fs, "snap", Options{Keep: 2})
	if l := s2.List(); len(l) != 2 || !sameHeader(l[1].Header, list[1].Header) {
		t.Fatalf("reopened: %+v", l)
	}
	if in, ok := s2.Latest(); !ok || in.Meta.Index != 500 {
		t.Fatalf("Latest %+v %v", in, ok)
	}
	if _, err := s2.Get(100); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(100): %v", err)
	}
	// Older than the newest: refused by Make and Receive.
	if _, err := s2.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(450), seed: 1, size: 10}); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("Make of an older snapshot: %v", err)
	}
	if _, err := s2.Receive(context.Background(), bytes.NewReader(encodeBytes(t, testMeta(450), 10, 64)), testMeta(450)); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("Receive of an older snapshot: %v", err)
	}
	noTemp(t, fs, "snap")
}

// TestOpenCleans: temp files are removed, a damaged snapshot is set aside,
// a foreign file is left alone.
func TestOpenCleans(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{})
	for i := uint64(1); i <= 2; i++ {
		if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(i), seed: i, size: 5000}); err != nil {
			t.Fatal(err)
		}
	}
	latest, _ := s.Latest()
	data := readAll(t, fs, latest.Path)
	writeFile(t, fs, latest.Path, data[:len(data)-10])
	writeFile(t, fs, "snap/receive-3.tmp", []byte("partial"))
	writeFile(t, fs, "snap/README", []byte("operator notes"))
	s2 := openStore(t, fs, "snap", Options{})
	if l := s2.List(); len(l) != 1 || l[0].Meta.Index != 1 {
		t.Fatalf("after open: %+v", l)
	}
	noTemp(t, fs, "snap")
	if _, err := fs.Stat(latest.Path + damagedSufx); err != nil {
		t.Fatalf("damaged file not set aside: %v", err)
	}
	if _, err := fs.Stat("snap/README"); err != nil {
		t.Fatalf("foreign file removed: %v", err)
	}
}

// TestDamagedFileNotSent: a snapshot that rotted on disk after it was made
// fails Verify, Install and the sending Reader with a *FormatError.
func TestDamagedFileNotSent(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{ChunkBytes: 1024})
	in, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(5), seed: 3, size: 10000})
	if err != nil {
		t.Fatal(err)
	}
	data := readAll(t, fs, in.Path)
	data[len(data)/2] ^= 0x40
	writeFile(t, fs, in.Path, data)
	if err := s.Verify(context.Background(), 5); !errors.Is(err, ErrChecksum) {
		t.Fatalf("Verify: %v", err)
	}
	r, err := s.Open(5)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, r); !errors.Is(err, ErrChecksum) {
		t.Fatalf("Reader: %v", err)
	}
	r.Close()
	inst := &fakeInstaller{fs: fs, live: "db"}
	if _, err := s.Install(context.Background(), 5, inst); !errors.Is(err, ErrChecksum) {
		t.Fatalf("Install: %v", err)
	}
	if len(inst.got) != 0 {
		t.Fatal("damaged image installed")
	}
	noTemp(t, fs, "snap")
}

func TestInstallerError(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{})
	if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(5), seed: 3, size: 100}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if _, err := s.Install(context.Background(), 5, &fakeInstaller{fs: fs, live: "db", fail: boom}); !errors.Is(err, boom) {
		t.Fatalf("Install: %v", err)
	}
	noTemp(t, fs, "snap")
	if _, err := s.Install(context.Background(), 6, &fakeInstaller{fs: fs, live: "db"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Install of a missing index: %v", err)
	}
}

func sameHeader(a, b Header) bool {
	return a.Meta.Index == b.Meta.Index && a.Meta.Term == b.Meta.Term && a.Meta.Config.Equal(b.Meta.Config) &&
		a.ImageBytes == b.ImageBytes && a.ChunkBytes == b.ChunkBytes
}

// TestGenReader: the generator yields the same bytes whatever the read
// sizes, so sender and receiver sides of a test agree.
func TestGenReader(t *testing.T) {
	want := genBytes(5, 1000)
	g := newGen(5, 1000)
	var got []byte
	for _, n := range []int{1, 3, 8, 13, 64, 7, 1000} {
		buf := make([]byte, n)
		k, _ := g.Read(buf)
		got = append(got, buf[:k]...)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("generator output depends on read sizes")
	}
}

// TestPrepareThenInstall: the slow part (extract and verify) runs apart
// from the hand-over; an unused preparation leaves nothing behind.
func TestPrepareThenInstall(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{})
	if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(8), seed: 2, size: 3000}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Prepare(context.Background(), 8)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	noTemp(t, fs, "snap")
	p, err = s.Prepare(context.Background(), 8)
	if err != nil {
		t.Fatal(err)
	}
	inst := &fakeInstaller{fs: fs, live: "db"}
	if err := p.Install(context.Background(), inst); err != nil {
		t.Fatal(err)
	}
	if err := p.Install(context.Background(), inst); err == nil {
		t.Fatal("second Install of one preparation succeeded")
	}
	p.Close()
	if !bytes.Equal(readAll(t, fs, "db"), genBytes(2, 3000)) {
		t.Fatal("installed image differs")
	}
	noTemp(t, fs, "snap")
}

// TestNeededKeepsUninstalledSnapshots: with Options.Needed, retention
// keeps every snapshot at or above the owner's floor however many newer
// ones arrive (a received snapshot queued for install behind others),
// and Receive takes a snapshot older than the newest stored when the
// owner still needs it (a deposed leader's newer one was stored and never
// installed) and refuses one below the floor. Once the floor passes them,
// the next snapshot's retention removes them.
func TestNeededKeepsUninstalledSnapshots(t *testing.T) {
	fs := vfs.NewMem()
	var floor atomic.Uint64
	floor.Store(150)
	s := openStore(t, fs, "snap", Options{Keep: 2, Needed: floor.Load})
	receive := func(index uint64) error {
		_, err := s.Receive(context.Background(), bytes.NewReader(encodeBytes(t, testMeta(index), 10, 64)), testMeta(index))
		return err
	}
	indexes := func() []uint64 {
		var out []uint64
		for _, in := range s.List() {
			out = append(out, in.Meta.Index)
		}
		return out
	}
	if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(100), seed: 1, size: 10}); err != nil {
		t.Fatal(err)
	}
	for _, i := range []uint64{200, 400, 500} {
		if err := receive(i); err != nil {
			t.Fatalf("receive %d: %v", i, err)
		}
	}
	if got := indexes(); !slices.Equal(got, []uint64{200, 400, 500}) {
		t.Fatalf("with the floor at 150 the store keeps %v, want [200 400 500]", got)
	}
	// Older than the newest, still needed: stored and kept.
	if err := receive(300); err != nil {
		t.Fatalf("receive 300 (older than the newest, at or above the floor): %v", err)
	}
	if got := indexes(); !slices.Equal(got, []uint64{200, 300, 400, 500}) {
		t.Fatalf("after receiving 300 the store keeps %v", got)
	}
	// Below the floor: refused before anything is read.
	if err := receive(120); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("receive 120 below the floor 150: %v, want ErrSnapOutOfDate", err)
	}
	floor.Store(450)
	if err := receive(600); err != nil {
		t.Fatal(err)
	}
	if got := indexes(); !slices.Equal(got, []uint64{500, 600}) {
		t.Fatalf("with the floor at 450 the store keeps %v, want [500 600]", got)
	}
	if names, _ := fs.List("snap"); len(names) != 2 {
		t.Fatalf("files %v", names)
	}
	noTemp(t, fs, "snap")
}
