package pgwire

// range.go: the wire forms of the range types. The engine's values are
// the types' text output (pgwire/pgrange's form, with timestamptz bounds
// in UTC as the engine stores timestamptz); the text form prints a
// tstzrange's bounds in the session time zone as a timestamptz column's
// value is printed, and the binary form is PostgreSQL's range_send /
// range_recv: a flags byte, then each finite bound as a length and the
// element type's binary form. A binary parameter becomes the text the
// types' input functions read.

import (
	"encoding/binary"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgrange"
)

// range_send's flags (rangetypes.h).
const (
	rangeEmpty = 0x01
	rangeLBInc = 0x02
	rangeUBInc = 0x04
	rangeLBInf = 0x08
	rangeUBInf = 0x10
)

// encodeRangeText is a range value's text with its bounds printed as the
// element type prints them in zone loc (only timestamptz bounds change).
func encodeRangeText(s string, typeOID uint32, loc *time.Location) ([]byte, error) {
	elem := oid.RangeElem(typeOID)
	r, err := pgrange.Parse(s)
	if err != nil || r.Empty || elem != oid.Timestamptz {
		return []byte(s), nil // the engine's own text: printed as stored
	}
	for _, b := range []*string{&r.Lower, &r.Upper} {
		if *b == "" {
			continue
		}
		t, err := encodeText(*b, elem, loc)
		if err != nil {
			return nil, err
		}
		*b = string(t)
	}
	return []byte(pgrange.Format(r)), nil
}

// encodeRangeBinary is range_send.
func encodeRangeBinary(s string, typeOID uint32) ([]byte, error) {
	r, err := pgrange.Parse(s)
	if err != nil {
		return nil, newErr(codeInvalidTextRep, "malformed range literal: %q", s)
	}
	if r.Empty {
		return []byte{rangeEmpty}, nil
	}
	var flags byte
	for _, f := range []struct {
		on   bool
		flag byte
	}{{r.LowerInc, rangeLBInc}, {r.UpperInc, rangeUBInc}, {r.LowerInf, rangeLBInf}, {r.UpperInf, rangeUBInf}} {
		if f.on {
			flags |= f.flag
		}
	}
	out := []byte{flags}
	for _, b := range []struct {
		inf bool
		val string
	}{{r.LowerInf, r.Lower}, {r.UpperInf, r.Upper}} {
		if b.inf {
			continue
		}
		e, err := encodeBinary(b.val, oid.RangeElem(typeOID))
		if err != nil {
			return nil, err
		}
		out = binary.BigEndian.AppendUint32(out, uint32(len(e)))
		out = append(out, e...)
	}
	return out, nil
}

// decodeRangeBinary is range_recv, to the range's text.
func decodeRangeBinary(b []byte, typeOID uint32) (any, error) {
	bad := newErr(codeInvalidBinaryRep, "incorrect binary data format")
	if len(b) < 1 {
		return nil, newErr(codeProtocolViolation, "insufficient data left in message")
	}
	flags := b[0]
	b = b[1:]
	if flags&rangeEmpty != 0 {
		if len(b) != 0 {
			return nil, bad
		}
		return "empty", nil
	}
	r := pgrange.Range{LowerInc: flags&rangeLBInc != 0, UpperInc: flags&rangeUBInc != 0,
		LowerInf: flags&rangeLBInf != 0, UpperInf: flags&rangeUBInf != 0}
	elem := oid.RangeElem(typeOID)
	for _, bd := range []struct {
		inf bool
		val *string
	}{{r.LowerInf, &r.Lower}, {r.UpperInf, &r.Upper}} {
		if bd.inf {
			continue
		}
		if len(b) < 4 {
			return nil, bad
		}
		n := binary.BigEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-4) {
			return nil, bad
		}
		v, err := decodeBinary(b[4:4+n], elem)
		if err != nil {
			return nil, err
		}
		t, err := encodeText(v, elem, time.UTC)
		if err != nil {
			return nil, err
		}
		*bd.val = string(t)
		b = b[4+n:]
	}
	if len(b) != 0 {
		return nil, bad
	}
	return pgrange.Format(r), nil
}
