package logstore

import (
	"bytes"
	"testing"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// The decoders read bytes from disk: they must reject anything malformed
// with an error, never panic, and round-trip what they accept.

func FuzzDecodeEntry(f *testing.F) {
	f.Add(appendEntry(nil, raft.Entry{Index: 1, Term: 1}))
	f.Add(appendEntry(nil, raft.Entry{Index: 1 << 40, Term: 7, Type: raft.EntryConfChange, Data: []byte("change")}))
	f.Add(appendEntry(nil, raft.Entry{Index: 3, Term: 2, Data: bytes.Repeat([]byte{0xff}, 100)}))
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := decodeEntry(b)
		if err != nil {
			return
		}
		e2, err := decodeEntry(appendEntry(nil, e))
		if err != nil || e2.Index != e.Index || e2.Term != e.Term || e2.Type != e.Type || !bytes.Equal(e2.Data, e.Data) {
			t.Fatalf("round trip: %+v -> %+v, %v", e, e2, err)
		}
	})
}

func FuzzDecodeHardState(f *testing.F) {
	f.Add(encodeHardState(raft.HardState{}))
	f.Add(encodeHardState(raft.HardState{Term: 5, Vote: 3, Commit: 1 << 33}))
	f.Add([]byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		hs, err := decodeHardState(b)
		if err != nil {
			return
		}
		if hs2, err := decodeHardState(encodeHardState(hs)); err != nil || hs2 != hs {
			t.Fatalf("round trip: %+v -> %+v, %v", hs, hs2, err)
		}
	})
}

func FuzzDecodeTruncated(f *testing.F) {
	f.Add(encodeTruncated(indexTerm{Index: 10, Term: 2}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := decodeTruncated(b)
		if err != nil {
			return
		}
		if v2, err := decodeTruncated(encodeTruncated(v)); err != nil || v2 != v {
			t.Fatalf("round trip: %+v -> %+v, %v", v, v2, err)
		}
	})
}

func FuzzDecodeSnapshotMeta(f *testing.F) {
	f.Add(encodeSnapshotMeta(raft.SnapshotMeta{}))
	f.Add(encodeSnapshotMeta(raft.SnapshotMeta{Index: 9, Term: 3, Config: membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{1 << 60}}}))
	f.Add([]byte{0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeSnapshotMeta(b)
		if err != nil {
			return
		}
		m2, err := decodeSnapshotMeta(encodeSnapshotMeta(m))
		if err != nil || m2.Index != m.Index || m2.Term != m.Term || !m2.Config.Equal(m.Config) {
			t.Fatalf("round trip: %+v -> %+v, %v", m, m2, err)
		}
	})
}

func FuzzDecodeConfig(f *testing.F) {
	f.Add(encodeConfig(membership.Config{}))
	f.Add(encodeConfig(membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{4}}))
	f.Add(sealCRC([]byte{0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeConfig(b)
		if err != nil {
			return
		}
		if c2, err := decodeConfig(encodeConfig(c)); err != nil || !c2.Equal(c) {
			t.Fatalf("round trip: %v -> %v, %v", c, c2, err)
		}
	})
}

func FuzzDecodeIdentity(f *testing.F) {
	f.Add(encodeIdentity(identity{Version: FormatVersion, NodeID: 1}))
	f.Add(encodeIdentity(identity{Version: 99, NodeID: 1}))
	f.Add([]byte("RSQLRLOG"))
	f.Fuzz(func(t *testing.T, b []byte) {
		id, err := decodeIdentity(b)
		if err != nil || id.Version != FormatVersion {
			return
		}
		if id2, err := decodeIdentity(encodeIdentity(id)); err != nil || id2 != id {
			t.Fatalf("round trip: %+v -> %+v, %v", id, id2, err)
		}
	})
}

func FuzzParseEntryKey(f *testing.F) {
	f.Add(entryKey(42))
	f.Fuzz(func(t *testing.T, b []byte) {
		if i, ok := parseEntryKey(b); ok && !bytes.Equal(entryKey(i), b) {
			t.Fatalf("key %x parsed as %d", b, i)
		}
	})
}
