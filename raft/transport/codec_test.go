package transport

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// fillRandom fills v (recursively) with random values. Slices are nil,
// empty or populated; pointers nil or set. Any field kind the filler does
// not know fails the test, so a new field shape is noticed.
func fillRandom(t testing.TB, r *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Uint8:
		v.SetUint(uint64(r.IntN(256)))
	case reflect.Uint64:
		switch r.IntN(4) {
		case 0:
			v.SetUint(0)
		case 1:
			v.SetUint(uint64(r.IntN(300)))
		case 2:
			v.SetUint(^uint64(0) - uint64(r.IntN(3)))
		default:
			v.SetUint(r.Uint64())
		}
	case reflect.Slice:
		switch r.IntN(4) {
		case 0:
			v.SetZero() // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // empty, non-nil
		default:
			n := 1 + r.IntN(6)
			if v.Type().Elem().Kind() == reflect.Uint8 {
				n = 1 + r.IntN(200)
			}
			s := reflect.MakeSlice(v.Type(), n, n)
			for i := range n {
				fillRandom(t, r, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Pointer:
		if r.IntN(3) == 0 {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		fillRandom(t, r, p.Elem())
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			fillRandom(t, r, v.Field(i))
		}
	default:
		t.Fatalf("fillRandom: unsupported kind %s (%s): teach the codec and this test", v.Kind(), v.Type())
	}
}

func TestCodecRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var buf []byte
	for i := range 20000 {
		var m raft.Message
		fillRandom(t, r, reflect.ValueOf(&m).Elem())
		buf = EncodeMessage(buf[:0], &m)
		if n := encodedSize(&m); len(buf) > n {
			t.Fatalf("iteration %d: encodedSize %d < actual %d", i, n, len(buf))
		}
		got, err := DecodeMessage(bytes.Clone(buf))
		if err != nil {
			t.Fatalf("iteration %d: decode: %v\nmessage: %+v", i, err, m)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("iteration %d: round trip mismatch\n got %#v\nwant %#v", i, got, m)
		}
		if got.Snapshot != nil && m.Snapshot != nil && !reflect.DeepEqual(*got.Snapshot, *m.Snapshot) {
			t.Fatalf("snapshot mismatch")
		}
	}
}

func TestCodecNilVersusEmpty(t *testing.T) {
	cases := []raft.Message{
		{},
		{Context: []byte{}, Entries: []raft.Entry{}},
		{Entries: []raft.Entry{{Data: nil}, {Data: []byte{}}, {Type: raft.EntryConfChange, Data: []byte("x")}}},
		{Snapshot: &raft.Snapshot{}},
		{Snapshot: &raft.Snapshot{Data: []byte{}, Meta: raft.SnapshotMeta{Config: membership.Config{Voters: []uint64{}, Learners: nil}}}},
		{Snapshot: &raft.Snapshot{Meta: raft.SnapshotMeta{Index: 9, Term: 3, Config: membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{4}}}}},
	}
	for i, m := range cases {
		got, err := DecodeMessage(EncodeMessage(nil, &m))
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("case %d: got %#v want %#v", i, got, m)
		}
	}
}

// TestCodecKnowsEveryField fails when a field is added to raft.Message or
// a struct it carries without the codec being updated.
func TestCodecKnowsEveryField(t *testing.T) {
	checks := []struct {
		typ  reflect.Type
		want int
	}{
		{reflect.TypeFor[raft.Message](), codecMessageFields},
		{reflect.TypeFor[raft.Entry](), codecEntryFields},
		{reflect.TypeFor[raft.Snapshot](), codecSnapshotFields},
		{reflect.TypeFor[raft.SnapshotMeta](), codecSnapshotMetaFields},
		{reflect.TypeFor[membership.Config](), codecConfigFields},
	}
	for _, c := range checks {
		if got := c.typ.NumField(); got != c.want {
			var names []string
			for i := range c.typ.NumField() {
				names = append(names, c.typ.Field(i).Name)
			}
			t.Errorf("%s has %d fields %v but the transport codec encodes %d: update EncodeMessage/DecodeMessage and the codec*Fields constants",
				c.typ, got, names, c.want)
		}
	}
	// Every struct reachable from Message must be one of the above.
	known := map[reflect.Type]bool{}
	for _, c := range checks {
		known[c.typ] = true
	}
	var walk func(reflect.Type)
	seen := map[reflect.Type]bool{}
	walk = func(ty reflect.Type) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.Struct:
			if !known[ty] {
				t.Errorf("struct %s reachable from raft.Message is unknown to the codec", ty)
			}
			for i := range ty.NumField() {
				walk(ty.Field(i).Type)
			}
		case reflect.Slice, reflect.Pointer:
			walk(ty.Elem())
		case reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.String,
			reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint32, reflect.Float64:
			t.Errorf("type %s reachable from raft.Message is not handled by the codec", ty)
		}
	}
	walk(reflect.TypeFor[raft.Message]())
}

func TestDecodeRejectsGarbage(t *testing.T) {
	m := raft.Message{Type: raft.MsgApp, From: 1, To: 2, Entries: []raft.Entry{{Term: 1, Index: 2, Data: []byte("hello")}},
		Snapshot: &raft.Snapshot{Data: []byte("snap")}}
	enc := EncodeMessage(nil, &m)
	for i := range len(enc) {
		if _, err := DecodeMessage(enc[:i]); err == nil {
			t.Fatalf("truncated to %d bytes: no error", i)
		} else if !errors.Is(err, ErrMalformed) {
			t.Fatalf("error %v does not wrap ErrMalformed", err)
		}
	}
	if _, err := DecodeMessage(append(bytes.Clone(enc), 0)); err == nil {
		t.Fatal("trailing byte accepted")
	}
	// A huge entry count must be refused without allocating it.
	bad := []byte{byte(raft.MsgApp), 0, 1, 2, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 10 {
		if _, err := DecodeMessage(bad); err == nil {
			t.Fatal("huge entry count accepted")
		}
	}
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > 64<<10 {
		t.Fatalf("decoding bad input allocated %d bytes", d)
	}
}

func TestReadFrame(t *testing.T) {
	var b []byte
	b = AppendFrame(b, frameMessage, []byte("abc"))
	b = AppendFrame(b, frameSnapChunk, nil)
	r := bytes.NewReader(b)
	kind, p, err := ReadFrame(r, nil, 10)
	if err != nil || kind != frameMessage || string(p) != "abc" {
		t.Fatalf("got %d %q %v", kind, p, err)
	}
	kind, p, err = ReadFrame(r, nil, 10)
	if err != nil || kind != frameSnapChunk || len(p) != 0 {
		t.Fatalf("got %d %q %v", kind, p, err)
	}
	if _, _, err = ReadFrame(r, nil, 10); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
	// Too large: refused before allocation.
	huge := []byte{0x7f, 0xff, 0xff, 0xff, ProtocolVersion, frameMessage}
	if _, _, err := ReadFrame(bytes.NewReader(huge), nil, 1<<20); !errors.Is(err, ErrFrameTooLarge) {
		t.Fatalf("want ErrFrameTooLarge, got %v", err)
	}
	// Large but allowed and truncated: allocation bounded by minGrow.
	big := []byte{0x03, 0xff, 0xff, 0xff, ProtocolVersion, frameMessage, 1, 2, 3}
	if _, _, err := ReadFrame(bytes.NewReader(big), nil, 1<<30); err != io.ErrUnexpectedEOF {
		t.Fatalf("want ErrUnexpectedEOF, got %v", err)
	}
	// Bad version.
	v := []byte{0, 0, 0, 0, 99, frameMessage}
	if _, _, err := ReadFrame(bytes.NewReader(v), nil, 10); !errors.Is(err, ErrBadVersion) {
		t.Fatalf("want ErrBadVersion, got %v", err)
	}
	// A multi-MiB payload arriving in pieces grows correctly.
	payload := make([]byte, 5<<20+123)
	for i := range payload {
		payload[i] = byte(i * 7)
	}
	kind, p, err = ReadFrame(io.MultiReader(bytes.NewReader(AppendFrame(nil, frameMessage, payload))), nil, 8<<20)
	if err != nil || kind != frameMessage || !bytes.Equal(p, payload) {
		t.Fatalf("big frame: kind %d len %d err %v", kind, len(p), err)
	}
}

func FuzzDecodeMessage(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		var m raft.Message
		fillRandom(f, r, reflect.ValueOf(&m).Elem())
		f.Add(EncodeMessage(nil, &m))
	}
	f.Add([]byte{})
	f.Add([]byte{3, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeMessage(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		// Bounded allocation: nothing decoded can exceed the input.
		if len(m.Entries) > len(b) {
			t.Fatalf("%d entries from %d bytes", len(m.Entries), len(b))
		}
		// Whatever decodes must re-encode to something that decodes to
		// the same message.
		m2, err := DecodeMessage(EncodeMessage(nil, &m))
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !reflect.DeepEqual(m, m2) {
			t.Fatalf("re-encode mismatch\n%#v\n%#v", m, m2)
		}
	})
}

// countingReader counts the bytes read, to check that ReadFrame never
// allocates much more than what arrived.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func FuzzReadFrame(f *testing.F) {
	f.Add(AppendFrame(nil, frameMessage, []byte("hello")), 100)
	f.Add([]byte{0x7f, 0xff, 0xff, 0xff, ProtocolVersion, frameMessage, 1}, 1<<30)
	f.Add([]byte{0x00, 0x20, 0x00, 0x00, ProtocolVersion, frameMessage, 1, 2, 3}, 4<<20)
	f.Add(append(AppendFrame(nil, frameHello, make([]byte, 25)), 0, 0), 64)
	f.Fuzz(func(t *testing.T, b []byte, max int) {
		if max > 1<<30 {
			max = 1 << 30
		}
		cr := &countingReader{r: bytes.NewReader(b)}
		for {
			kind, p, err := ReadFrame(cr, nil, max)
			if err != nil {
				return
			}
			if len(p) > max {
				t.Fatalf("payload %d > max %d", len(p), max)
			}
			if cap(p) > 2*len(b)+minGrow {
				t.Fatalf("allocated %d for %d input bytes", cap(p), len(b))
			}
			if kind == frameMessage {
				DecodeMessage(p)
			}
		}
	})
}
