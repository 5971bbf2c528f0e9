package pgwire

// array.go: the binary format of one-dimensional arrays (PostgreSQL's
// array_send / array_recv). Array values travel through the engine in
// their text form ('{1,2}', package pgarray), so binary output parses the
// text and sends each element in its type's binary form, and a binary
// parameter is decoded element by element and handed to the engine as
// text.

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
)

// encodeArrayBinary writes the text-form array v as array_send does.
func encodeArrayBinary(v any, elem uint32) ([]byte, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case []byte:
		s = string(x)
	default:
		return nil, fmt.Errorf("cannot encode %T as an array", v)
	}
	elems, err := pgarray.Parse(s)
	if err != nil {
		return nil, newErr(codeInvalidTextRep, "%v", err)
	}
	hasNull := int32(0)
	for _, e := range elems {
		if e.Null {
			hasNull = 1
		}
	}
	out := make([]byte, 0, 20+8*len(elems))
	if len(elems) == 0 {
		out = binary.BigEndian.AppendUint32(out, 0)
		out = binary.BigEndian.AppendUint32(out, 0)
		return binary.BigEndian.AppendUint32(out, elem), nil
	}
	out = binary.BigEndian.AppendUint32(out, 1)
	out = binary.BigEndian.AppendUint32(out, uint32(hasNull))
	out = binary.BigEndian.AppendUint32(out, elem)
	out = binary.BigEndian.AppendUint32(out, uint32(len(elems)))
	out = binary.BigEndian.AppendUint32(out, 1) // lower bound
	for _, e := range elems {
		if e.Null {
			out = binary.BigEndian.AppendUint32(out, 0xFFFFFFFF)
			continue
		}
		b, err := encodeBinary(e.Val, elem)
		if err != nil {
			return nil, err
		}
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		out = append(out, b...)
	}
	return out, nil
}

// decodeArrayBinary reads array_send's format into the text form.
func decodeArrayBinary(b []byte, elem uint32) (any, error) {
	short := newErr(codeProtocolViolation, "insufficient data left in message")
	if len(b) < 12 {
		return nil, short
	}
	ndim := int32(binary.BigEndian.Uint32(b))
	flags := int32(binary.BigEndian.Uint32(b[4:]))
	got := binary.BigEndian.Uint32(b[8:])
	b = b[12:]
	if flags != 0 && flags != 1 {
		return nil, newErr(codeInvalidBinaryRep, "invalid array flags")
	}
	if got != elem {
		return nil, newErr("42804", "binary data has array element type %d (%s) instead of expected %d (%s)",
			got, oid.TypeName(got), elem, oid.TypeName(elem))
	}
	switch {
	case ndim == 0:
		if len(b) != 0 {
			return nil, newErr(codeInvalidBinaryRep, "incorrect binary data format")
		}
		return "{}", nil
	case ndim < 0 || ndim > 6:
		return nil, newErr(codeInvalidParameterValue, "invalid number of dimensions: %d", ndim)
	case ndim > 1:
		return nil, newErr(codeFeatureNotSupported, "multidimensional arrays are not supported")
	}
	if len(b) < 8 {
		return nil, short
	}
	n := int32(binary.BigEndian.Uint32(b))
	lb := int32(binary.BigEndian.Uint32(b[4:]))
	b = b[8:]
	if n < 0 || int(n) > len(b)/4 {
		return nil, newErr(codeProgramLimitExceeded, "array size exceeds the maximum allowed")
	}
	if lb != 1 {
		return nil, newErr(codeFeatureNotSupported, "arrays with a lower bound other than 1 are not supported")
	}
	elems := make([]pgarray.Elem, 0, n)
	for k := int32(0); k < n; k++ {
		if len(b) < 4 {
			return nil, short
		}
		l := int32(binary.BigEndian.Uint32(b))
		b = b[4:]
		if l == -1 {
			elems = append(elems, pgarray.Elem{Null: true})
			continue
		}
		if l < 0 || int(l) > len(b) {
			return nil, short
		}
		v, err := decodeBinary(b[:l], elem)
		if err != nil {
			return nil, err
		}
		b = b[l:]
		t, err := encodeText(v, elem, time.UTC)
		if err != nil {
			return nil, err
		}
		elems = append(elems, pgarray.Elem{Val: string(t)})
	}
	if len(b) != 0 {
		return nil, newErr(codeInvalidBinaryRep, "incorrect binary data format in array element %d", n+1)
	}
	return pgarray.Format(elems), nil
}

// encodeArrayText is the text form of an array of elem: the value itself,
// except that a boolean array's elements are written t/f (array_agg of a
// boolean column collects SQLite's 1/0) and a real array's by float4's
// output (array_agg of a real column collects doubles).
func encodeArrayText(v any, elem uint32) ([]byte, bool) {
	s, ok := v.(string)
	if !ok || elem != oid.Bool && elem != oid.Float4 {
		return nil, false
	}
	elems, err := pgarray.Parse(s)
	if err != nil {
		return nil, false
	}
	if elem == oid.Float4 {
		// array_agg of a real column holds the doubles SQLite keeps
		// (1.100000023841858): float4's output is its shortest digits
		for k, e := range elems {
			if f, err := strconv.ParseFloat(e.Val, 64); err == nil && !e.Null {
				elems[k].Val = FormatFloat(f, 32)
			}
		}
		return []byte(pgarray.Format(elems)), true
	}
	for k, e := range elems {
		if b, err := parseBool(e.Val); err == nil && !e.Null {
			elems[k].Val = "f"
			if b {
				elems[k].Val = "t"
			}
		}
	}
	return []byte(pgarray.Format(elems)), true
}
