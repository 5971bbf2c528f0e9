package sqlexec

import (
	"encoding/binary"
	"math"
)

// cursorRows holds a cursor's result (a cursor keeps its whole result:
// cursor.go) in one byte buffer rather than as a slice of []any per row.
// A row of []any costs its slice header and backing array, one boxed
// interface value per column and each string's own allocation: about
// 200 bytes for a row of an integer and a 100-byte text, where this
// encoding takes about 115, so a transaction holding a cursor over a large
// result holds about half the memory (docs/benchmarks.md, "How cost
// grows": memory per connection with an open cursor).
//
// The values of the types SQLite's columns produce (nil, int64, float64,
// string, []byte, bool) are encoded; any other value is kept as it was
// given, in other, so a row reads back with exactly the dynamic types and
// values it was added with (a nil []byte stays a nil []byte, NaN keeps
// its bits). Rows read back are fresh values the caller may keep.
type cursorRows struct {
	buf   []byte
	ends  []int // ends[i]: the end of row i in buf (a row starts with its number of values)
	other []any
}

const (
	crNil byte = iota
	crInt
	crFloat
	crString
	crBytes
	crTrue
	crFalse
	crOther
)

// add appends a row (copying what it needs: values may be reused).
func (r *cursorRows) add(values []any) {
	r.buf = binary.AppendUvarint(r.buf, uint64(len(values)))
	for _, v := range values {
		switch v := v.(type) {
		case nil:
			r.buf = append(r.buf, crNil)
		case int64:
			r.buf = binary.AppendVarint(append(r.buf, crInt), v)
		case float64:
			r.buf = binary.LittleEndian.AppendUint64(append(r.buf, crFloat), math.Float64bits(v))
		case string:
			r.buf = append(binary.AppendUvarint(append(r.buf, crString), uint64(len(v))), v...)
		case []byte:
			if v == nil {
				r.addOther(v)
				continue
			}
			r.buf = append(binary.AppendUvarint(append(r.buf, crBytes), uint64(len(v))), v...)
		case bool:
			if v {
				r.buf = append(r.buf, crTrue)
			} else {
				r.buf = append(r.buf, crFalse)
			}
		default:
			r.addOther(v)
		}
	}
	r.ends = append(r.ends, len(r.buf))
}

func (r *cursorRows) addOther(v any) {
	r.buf = binary.AppendUvarint(append(r.buf, crOther), uint64(len(r.other)))
	r.other = append(r.other, v)
}

// len is the number of rows.
func (r *cursorRows) len() int { return len(r.ends) }

// row decodes row i (0 <= i < len()).
func (r *cursorRows) row(i int) []any {
	p := 0
	if i > 0 {
		p = r.ends[i-1]
	}
	b := r.buf[p:r.ends[i]]
	width, n := binary.Uvarint(b)
	b = b[n:]
	out := make([]any, width)
	for j := range out {
		tag := b[0]
		b = b[1:]
		switch tag {
		case crNil:
		case crInt:
			v, n := binary.Varint(b)
			out[j], b = v, b[n:]
		case crFloat:
			out[j], b = math.Float64frombits(binary.LittleEndian.Uint64(b)), b[8:]
		case crString, crBytes:
			l, n := binary.Uvarint(b)
			s := b[n : n+int(l)]
			if tag == crString {
				out[j] = string(s)
			} else {
				out[j] = append([]byte{}, s...)
			}
			b = b[n+int(l):]
		case crTrue:
			out[j] = true
		case crFalse:
			out[j] = false
		case crOther:
			k, n := binary.Uvarint(b)
			out[j], b = r.other[k], b[n:]
		}
	}
	return out
}
