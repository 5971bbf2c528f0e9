package logstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// FormatVersion is the on-disk format version of the log store written by
// this package. Open refuses a directory written with another version.
const FormatVersion = 1

// Key prefixes. Every key starts with one prefix byte; entry keys add the
// big-endian index so that a range scan yields entries in index order.
const (
	prefixIdentity   byte = 0x01
	prefixHardState  byte = 0x02
	prefixSnapshot   byte = 0x03
	prefixConfig     byte = 0x04
	prefixTruncated  byte = 0x05
	prefixEntry      byte = 0x10
	prefixEntryLimit byte = 0x11 // exclusive upper bound of all entry keys
)

var (
	keyIdentity  = []byte{prefixIdentity, 'i', 'd'}
	keyHardState = []byte{prefixHardState, 'h', 's'}
	keySnapshot  = []byte{prefixSnapshot, 's', 'n'}
	keyConfig    = []byte{prefixConfig, 'c', 'f'}
	keyTruncated = []byte{prefixTruncated, 't', 'r'}
	keyEntryMin  = []byte{prefixEntry}
	keyEntryMax  = []byte{prefixEntryLimit}
)

// identityMagic starts the identity record so that a foreign Pebble
// database is not mistaken for a raftsql log store.
var identityMagic = [8]byte{'R', 'S', 'Q', 'L', 'R', 'L', 'O', 'G'}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

const (
	crcLen         = 4
	entryHeaderLen = crcLen + 8 + 8 + 1 // crc | index | term | type
	entryKeyLen    = 9
)

// errDecode is wrapped by every decoder error.
var errDecode = errors.New("malformed record")

func entryKey(index uint64) []byte {
	var k [entryKeyLen]byte
	k[0] = prefixEntry
	binary.BigEndian.PutUint64(k[1:], index)
	return k[:]
}

func appendEntryKey(dst []byte, index uint64) []byte {
	dst = append(dst, prefixEntry)
	return binary.BigEndian.AppendUint64(dst, index)
}

// parseEntryKey returns the index of an entry key.
func parseEntryKey(k []byte) (uint64, bool) {
	if len(k) != entryKeyLen || k[0] != prefixEntry {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[1:]), true
}

// sealCRC fills the first 4 bytes of b with the CRC32C of the rest.
func sealCRC(b []byte) []byte {
	binary.BigEndian.PutUint32(b[:crcLen], crc32.Checksum(b[crcLen:], castagnoli))
	return b
}

// checkCRC verifies a record sealed by sealCRC and returns its payload.
func checkCRC(b []byte, what string) ([]byte, error) {
	if len(b) < crcLen {
		return nil, fmt.Errorf("%w: %s record of %d bytes is too short", errDecode, what, len(b))
	}
	want := binary.BigEndian.Uint32(b[:crcLen])
	if got := crc32.Checksum(b[crcLen:], castagnoli); got != want {
		return nil, fmt.Errorf("%w: %s checksum mismatch (stored %08x, computed %08x)", errDecode, what, want, got)
	}
	return b[crcLen:], nil
}

// appendEntry appends the encoding of e to dst:
//
//	crc32c(4) | index(8) | term(8) | type(1) | data
//
// The checksum covers everything after it, the index included, so an entry
// found under the wrong key is detected.
func appendEntry(dst []byte, e raft.Entry) []byte {
	start := len(dst)
	dst = append(dst, 0, 0, 0, 0)
	dst = binary.BigEndian.AppendUint64(dst, e.Index)
	dst = binary.BigEndian.AppendUint64(dst, e.Term)
	dst = append(dst, byte(e.Type))
	dst = append(dst, e.Data...)
	sealCRC(dst[start:])
	return dst
}

// decodeEntry decodes an entry written by appendEntry. Data is copied, so
// b may be reused by the caller.
func decodeEntry(b []byte) (raft.Entry, error) {
	if len(b) < entryHeaderLen {
		return raft.Entry{}, fmt.Errorf("%w: entry record of %d bytes is shorter than its %d-byte header", errDecode, len(b), entryHeaderLen)
	}
	p, err := checkCRC(b, "entry")
	if err != nil {
		return raft.Entry{}, err
	}
	e := raft.Entry{
		Index: binary.BigEndian.Uint64(p[0:8]),
		Term:  binary.BigEndian.Uint64(p[8:16]),
		Type:  raft.EntryType(p[16]),
	}
	if e.Type != raft.EntryNormal && e.Type != raft.EntryConfChange {
		return raft.Entry{}, fmt.Errorf("%w: entry has unknown type %d", errDecode, e.Type)
	}
	if d := p[17:]; len(d) > 0 {
		e.Data = append([]byte(nil), d...)
	}
	return e, nil
}

// encodeHardState: crc(4) | term(8) | vote(8) | commit(8).
func encodeHardState(hs raft.HardState) []byte {
	b := make([]byte, crcLen, crcLen+24)
	b = binary.BigEndian.AppendUint64(b, hs.Term)
	b = binary.BigEndian.AppendUint64(b, hs.Vote)
	b = binary.BigEndian.AppendUint64(b, hs.Commit)
	return sealCRC(b)
}

func decodeHardState(b []byte) (raft.HardState, error) {
	p, err := checkCRC(b, "hard state")
	if err != nil {
		return raft.HardState{}, err
	}
	if len(p) != 24 {
		return raft.HardState{}, fmt.Errorf("%w: hard state payload is %d bytes, want 24", errDecode, len(p))
	}
	return raft.HardState{
		Term:   binary.BigEndian.Uint64(p[0:8]),
		Vote:   binary.BigEndian.Uint64(p[8:16]),
		Commit: binary.BigEndian.Uint64(p[16:24]),
	}, nil
}

// indexTerm is the (index, term) of the last compacted entry.
type indexTerm struct {
	Index, Term uint64
}

// encodeTruncated: crc(4) | index(8) | term(8).
func encodeTruncated(t indexTerm) []byte {
	b := make([]byte, crcLen, crcLen+16)
	b = binary.BigEndian.AppendUint64(b, t.Index)
	b = binary.BigEndian.AppendUint64(b, t.Term)
	return sealCRC(b)
}

func decodeTruncated(b []byte) (indexTerm, error) {
	p, err := checkCRC(b, "truncated state")
	if err != nil {
		return indexTerm{}, err
	}
	if len(p) != 16 {
		return indexTerm{}, fmt.Errorf("%w: truncated state payload is %d bytes, want 16", errDecode, len(p))
	}
	return indexTerm{Index: binary.BigEndian.Uint64(p[0:8]), Term: binary.BigEndian.Uint64(p[8:16])}, nil
}

func appendConfig(dst []byte, c membership.Config) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(c.Voters)))
	for _, id := range c.Voters {
		dst = binary.AppendUvarint(dst, id)
	}
	dst = binary.AppendUvarint(dst, uint64(len(c.Learners)))
	for _, id := range c.Learners {
		dst = binary.AppendUvarint(dst, id)
	}
	return dst
}

func readUvarint(p []byte) (uint64, []byte, error) {
	v, n := binary.Uvarint(p)
	if n <= 0 {
		return 0, nil, fmt.Errorf("%w: bad varint", errDecode)
	}
	return v, p[n:], nil
}

func readIDs(p []byte) ([]uint64, []byte, error) {
	n, p, err := readUvarint(p)
	if err != nil {
		return nil, nil, err
	}
	if n > uint64(len(p)) { // every id takes at least one byte
		return nil, nil, fmt.Errorf("%w: id count %d exceeds remaining %d bytes", errDecode, n, len(p))
	}
	if n == 0 {
		return nil, p, nil
	}
	ids := make([]uint64, n)
	for i := range ids {
		if ids[i], p, err = readUvarint(p); err != nil {
			return nil, nil, err
		}
	}
	return ids, p, nil
}

func decodeConfigPayload(p []byte) (membership.Config, []byte, error) {
	var c membership.Config
	var err error
	if c.Voters, p, err = readIDs(p); err != nil {
		return membership.Config{}, nil, err
	}
	if c.Learners, p, err = readIDs(p); err != nil {
		return membership.Config{}, nil, err
	}
	return c, p, nil
}

// encodeConfig: crc(4) | uvarint n | n uvarint voters | uvarint m | m uvarint learners.
func encodeConfig(c membership.Config) []byte {
	return sealCRC(appendConfig(make([]byte, crcLen, 32), c))
}

func decodeConfig(b []byte) (membership.Config, error) {
	p, err := checkCRC(b, "config")
	if err != nil {
		return membership.Config{}, err
	}
	c, rest, err := decodeConfigPayload(p)
	if err != nil {
		return membership.Config{}, err
	}
	if len(rest) != 0 {
		return membership.Config{}, fmt.Errorf("%w: %d trailing bytes after config", errDecode, len(rest))
	}
	return c, nil
}

// encodeSnapshotMeta: crc(4) | index(8) | term(8) | config payload.
func encodeSnapshotMeta(m raft.SnapshotMeta) []byte {
	b := make([]byte, crcLen, 48)
	b = binary.BigEndian.AppendUint64(b, m.Index)
	b = binary.BigEndian.AppendUint64(b, m.Term)
	b = appendConfig(b, m.Config)
	return sealCRC(b)
}

func decodeSnapshotMeta(b []byte) (raft.SnapshotMeta, error) {
	p, err := checkCRC(b, "snapshot metadata")
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	if len(p) < 16 {
		return raft.SnapshotMeta{}, fmt.Errorf("%w: snapshot metadata payload is %d bytes", errDecode, len(p))
	}
	m := raft.SnapshotMeta{Index: binary.BigEndian.Uint64(p[0:8]), Term: binary.BigEndian.Uint64(p[8:16])}
	c, rest, err := decodeConfigPayload(p[16:])
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	if len(rest) != 0 {
		return raft.SnapshotMeta{}, fmt.Errorf("%w: %d trailing bytes after snapshot metadata", errDecode, len(rest))
	}
	m.Config = c
	return m, nil
}

// identity is the record that names the format version and the node that
// owns a data directory.
type identity struct {
	Version uint32
	NodeID  uint64
}

// encodeIdentity: crc(4) | magic(8) | version(4) | node id(8).
func encodeIdentity(id identity) []byte {
	b := make([]byte, crcLen, crcLen+20)
	b = append(b, identityMagic[:]...)
	b = binary.BigEndian.AppendUint32(b, id.Version)
	b = binary.BigEndian.AppendUint64(b, id.NodeID)
	return sealCRC(b)
}

func decodeIdentity(b []byte) (identity, error) {
	p, err := checkCRC(b, "identity")
	if err != nil {
		return identity{}, err
	}
	if len(p) < 12 || [8]byte(p[:8]) != identityMagic {
		return identity{}, fmt.Errorf("%w: identity record lacks the raftsql magic", errDecode)
	}
	// The version comes first so that a future version with a longer
	// record is still reported as a version mismatch.
	id := identity{Version: binary.BigEndian.Uint32(p[8:12])}
	if id.Version != FormatVersion {
		return id, nil
	}
	if len(p) != 20 {
		return identity{}, fmt.Errorf("%w: identity payload is %d bytes, want 20", errDecode, len(p))
	}
	id.NodeID = binary.BigEndian.Uint64(p[12:20])
	return id, nil
}
