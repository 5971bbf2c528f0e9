package raft

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/raftsql/raftsql/membership"
)

// changeCodecVersion is the first byte of an encoded membership.Change.
const changeCodecVersion = 1

// ErrBadChange is wrapped by DecodeChange errors.
var ErrBadChange = errors.New("raft: malformed configuration change")

// EncodeChange encodes cc compactly: version byte, type byte, uvarint node
// ID, uvarint context length, context bytes.
func EncodeChange(cc membership.Change) []byte {
	buf := make([]byte, 0, 2+2*binary.MaxVarintLen64+len(cc.Context))
	buf = append(buf, changeCodecVersion, byte(cc.Type))
	buf = binary.AppendUvarint(buf, cc.NodeID)
	buf = binary.AppendUvarint(buf, uint64(len(cc.Context)))
	return append(buf, cc.Context...)
}

// DecodeChange decodes the output of EncodeChange. It never panics on
// arbitrary input.
func DecodeChange(b []byte) (membership.Change, error) {
	var cc membership.Change
	if len(b) < 2 {
		return cc, fmt.Errorf("%w: %d bytes is too short", ErrBadChange, len(b))
	}
	if b[0] != changeCodecVersion {
		return cc, fmt.Errorf("%w: unknown version %d", ErrBadChange, b[0])
	}
	cc.Type = membership.ChangeType(b[1])
	if cc.Type < membership.AddLearner || cc.Type > membership.RemoveNode {
		return membership.Change{}, fmt.Errorf("%w: unknown change type %d", ErrBadChange, b[1])
	}
	rest := b[2:]
	id, n := binary.Uvarint(rest)
	if n <= 0 {
		return membership.Change{}, fmt.Errorf("%w: bad node ID", ErrBadChange)
	}
	cc.NodeID = id
	rest = rest[n:]
	l, n := binary.Uvarint(rest)
	if n <= 0 {
		return membership.Change{}, fmt.Errorf("%w: bad context length", ErrBadChange)
	}
	rest = rest[n:]
	if l != uint64(len(rest)) {
		return membership.Change{}, fmt.Errorf("%w: context length %d, %d bytes left", ErrBadChange, l, len(rest))
	}
	if l > 0 {
		cc.Context = append([]byte(nil), rest...)
	}
	return cc, nil
}
