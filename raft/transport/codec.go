package transport

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// Number of fields the codec knows for each encoded struct. codec_test.go
// compares these with the real structs by reflection, so a field added to
// raft.Message (or a struct it contains) fails the tests until the codec
// learns it.
const (
	codecMessageFields      = 12 // raft.Message
	codecEntryFields        = 4  // raft.Entry
	codecSnapshotFields     = 2  // raft.Snapshot
	codecSnapshotMetaFields = 3  // raft.SnapshotMeta
	codecConfigFields       = 2  // membership.Config
)

// Message flags (one byte).
const (
	flagReject   = 1 << 0
	flagSnapshot = 1 << 1
	flagsKnown   = flagReject | flagSnapshot
)

// ErrMalformed is wrapped by every decoding error.
var ErrMalformed = errors.New("transport: malformed message")

// EncodeMessage appends the binary encoding of m to dst and returns the
// extended slice. The encoding (inside a frame of kind frameMessage) is:
//
//	u8      Type
//	u8      flags: bit0 Reject, bit1 Snapshot != nil
//	uvarint From, To, Term, LogTerm, Index, Commit, RejectHint
//	bytes   Context
//	uvarint len(Entries)+1 (0 = nil slice), then per entry:
//	        uvarint Term, uvarint Index, u8 Type, bytes Data
//	if Snapshot != nil:
//	        uvarint Meta.Index, uvarint Meta.Term,
//	        ids Meta.Config.Voters, ids Meta.Config.Learners, bytes Data
//
// where "bytes" is uvarint len+1 (0 = nil) followed by the bytes and "ids"
// is uvarint count+1 (0 = nil) followed by one uvarint per id. Nil and
// empty slices are therefore preserved exactly.
func EncodeMessage(dst []byte, m *raft.Message) []byte {
	var flags byte
	if m.Reject {
		flags |= flagReject
	}
	if m.Snapshot != nil {
		flags |= flagSnapshot
	}
	dst = append(dst, byte(m.Type), flags)
	dst = binary.AppendUvarint(dst, m.From)
	dst = binary.AppendUvarint(dst, m.To)
	dst = binary.AppendUvarint(dst, m.Term)
	dst = binary.AppendUvarint(dst, m.LogTerm)
	dst = binary.AppendUvarint(dst, m.Index)
	dst = binary.AppendUvarint(dst, m.Commit)
	dst = binary.AppendUvarint(dst, m.RejectHint)
	dst = appendBytes(dst, m.Context)
	if m.Entries == nil {
		dst = append(dst, 0)
	} else {
		dst = binary.AppendUvarint(dst, uint64(len(m.Entries))+1)
		for i := range m.Entries {
			e := &m.Entries[i]
			dst = binary.AppendUvarint(dst, e.Term)
			dst = binary.AppendUvarint(dst, e.Index)
			dst = append(dst, byte(e.Type))
			dst = appendBytes(dst, e.Data)
		}
	}
	if s := m.Snapshot; s != nil {
		dst = binary.AppendUvarint(dst, s.Meta.Index)
		dst = binary.AppendUvarint(dst, s.Meta.Term)
		dst = appendIDs(dst, s.Meta.Config.Voters)
		dst = appendIDs(dst, s.Meta.Config.Learners)
		dst = appendBytes(dst, s.Data)
	}
	return dst
}

// encodedSize returns an upper bound of len(EncodeMessage(nil, m)). It is
// used for queue accounting and to size buffers.
func encodedSize(m *raft.Message) int {
	const maxVarint = binary.MaxVarintLen64
	n := 2 + 7*maxVarint + maxVarint + len(m.Context) + maxVarint
	for i := range m.Entries {
		n += 2*maxVarint + 1 + maxVarint + len(m.Entries[i].Data)
	}
	if s := m.Snapshot; s != nil {
		n += 2*maxVarint + (2+len(s.Meta.Config.Voters)+len(s.Meta.Config.Learners))*maxVarint +
			maxVarint + len(s.Data)
	}
	return n
}

func appendBytes(dst, b []byte) []byte {
	if b == nil {
		return append(dst, 0)
	}
	dst = binary.AppendUvarint(dst, uint64(len(b))+1)
	return append(dst, b...)
}

func appendIDs(dst []byte, ids []uint64) []byte {
	if ids == nil {
		return append(dst, 0)
	}
	dst = binary.AppendUvarint(dst, uint64(len(ids))+1)
	for _, id := range ids {
		dst = binary.AppendUvarint(dst, id)
	}
	return dst
}

// DecodeMessage decodes a message encoded by EncodeMessage. The byte slices
// of the result (Context, Entries[i].Data, Snapshot.Data) alias b; the
// caller must not modify b afterwards. Any error wraps ErrMalformed. It
// never allocates more than a small multiple of len(b), whatever b claims.
func DecodeMessage(b []byte) (raft.Message, error) {
	d := decoder{b: b}
	var m raft.Message
	m.Type = raft.MessageType(d.byte())
	flags := d.byte()
	if d.err == nil && flags&^flagsKnown != 0 {
		d.fail("unknown flags %#x", flags)
	}
	m.Reject = flags&flagReject != 0
	m.From = d.uvarint()
	m.To = d.uvarint()
	m.Term = d.uvarint()
	m.LogTerm = d.uvarint()
	m.Index = d.uvarint()
	m.Commit = d.uvarint()
	m.RejectHint = d.uvarint()
	m.Context = d.bytes()
	// Each entry takes at least 4 bytes (term, index, type, data length).
	if n, ok := d.count(4); ok {
		m.Entries = make([]raft.Entry, n)
		for i := range m.Entries {
			e := &m.Entries[i]
			e.Term = d.uvarint()
			e.Index = d.uvarint()
			e.Type = raft.EntryType(d.byte())
			e.Data = d.bytes()
			if d.err != nil {
				break
			}
		}
	}
	if flags&flagSnapshot != 0 && d.err == nil {
		s := &raft.Snapshot{}
		s.Meta.Index = d.uvarint()
		s.Meta.Term = d.uvarint()
		s.Meta.Config = membership.Config{Voters: d.ids(), Learners: d.ids()}
		s.Data = d.bytes()
		m.Snapshot = s
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("%d trailing bytes", len(d.b))
	}
	if d.err != nil {
		return raft.Message{}, d.err
	}
	return m, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) > 0 && d.b[0] < 0x80 {
		v := uint64(d.b[0])
		d.b = d.b[1:]
		return v
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		if n == 0 {
			d.fail("truncated varint")
		} else {
			d.fail("varint overflow")
		}
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a uvarint count+1 (0 = nil). ok is false for a nil slice or
// on error. The count is checked against the remaining input, assuming
// each element takes at least minSize bytes.
func (d *decoder) count(minSize int) (n int, ok bool) {
	v := d.uvarint()
	if d.err != nil || v == 0 {
		return 0, false
	}
	v--
	if v > uint64(len(d.b)/minSize) {
		d.fail("count %d exceeds remaining input (%d bytes)", v, len(d.b))
		return 0, false
	}
	return int(v), true
}

func (d *decoder) bytes() []byte {
	n, ok := d.count(1)
	if !ok {
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) ids() []uint64 {
	n, ok := d.count(1)
	if !ok {
		return nil
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = d.uvarint()
	}
	if d.err != nil {
		return nil
	}
	return ids
}
