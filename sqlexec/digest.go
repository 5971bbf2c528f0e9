package sqlexec

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// Result digests: a transaction's reads are hashed as it runs them, so
// that COMMIT can tell whether what the client saw still holds at apply.

type digester struct {
	h   [32]byte
	buf []byte
}

func newDigester() *digester { return &digester{} }

func (d *digester) add(r *StatementResult) {
	b := d.buf[:0]
	if r.Err != nil {
		code := "XX000"
		if e, ok := r.Err.(*Error); ok {
			code = e.Code
		}
		b = append(b, 'E')
		b = append(b, code...)
	}
	b = append(b, r.Tag...)
	b = append(b, 0)
	for _, c := range r.Columns {
		b = append(b, c.Name...)
		b = binary.AppendUvarint(b, uint64(c.TypeOID))
	}
	for _, row := range r.Rows {
		b = append(b, 'R')
		for _, v := range row {
			b = hashValue(b, v)
		}
	}
	h := sha256.New()
	h.Write(d.h[:])
	h.Write(b)
	copy(d.h[:], h.Sum(nil))
	d.buf = b
}

func (d *digester) sum() []byte { return append([]byte(nil), d.h[:]...) }

func (d *digester) equal(x []byte) bool { return string(d.h[:]) == string(x) }

// writeRow hashes one row into h: the values in hashValue's encoding after
// an optional one-byte tag (0: none). buf is reused and returned.
func writeRow(h io.Writer, buf []byte, tag byte, r []any) []byte {
	buf = buf[:0]
	if tag != 0 {
		buf = append(buf, tag)
	}
	for _, v := range r {
		buf = hashValue(buf, v)
	}
	h.Write(buf)
	return buf
}

func hashValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, 'n')
	case int64:
		return binary.BigEndian.AppendUint64(append(b, 'i'), uint64(x))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(x))
	case bool:
		if x {
			return append(b, 'b', 1)
		}
		return append(b, 'b', 0)
	case string:
		b = binary.AppendUvarint(append(b, 't'), uint64(len(x)))
		return append(b, x...)
	case []byte:
		b = binary.AppendUvarint(append(b, 'x'), uint64(len(x)))
		return append(b, x...)
	default:
		s := fmt.Sprint(x)
		b = binary.AppendUvarint(append(b, 's'), uint64(len(s)))
		return append(b, s...)
	}
}
