package snapshot

import (
	"bytes"
	"errors"

	"testing"
)

// FuzzDecode feeds arbitrary bytes to the decoder: it must not panic or
// allocate without bound, every refusal is a *FormatError, and whatever it
// accepts re-encodes to exactly the bytes it consumed.
func FuzzDecode(f *testing.F) {
	f.Add(encodeBytes(f, testMeta(1), 0, 16))
	f.Add(encodeBytes(f, testMeta(5), 40, 16))
	f.Add(encodeBytes(f, testMeta(1<<40), 100, 7))
	f.Add([]byte(Magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		var img bytes.Buffer
		h, err := Decode(r, "fuzz", &img)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("refusal is not a *FormatError: %v", err)
			}
			return
		}
		consumed := data[:len(data)-r.Len()]
		var out bytes.Buffer
		if _, err := Encode(&out, h, &img); err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		if !bytes.Equal(out.Bytes(), consumed) {
			t.Fatalf("re-encoded %d bytes differ from the %d decoded", out.Len(), len(consumed))
		}
		if int64(len(consumed)) != h.EncodedSize() {
			t.Fatalf("consumed %d bytes, EncodedSize %d", len(consumed), h.EncodedSize())
		}
	})
}

// FuzzDecodeHeader: the header decoder alone, on arbitrary bytes.
func FuzzDecodeHeader(f *testing.F) {
	f.Add(encodeBytes(f, testMeta(3), 10, 4)[:60])
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := DecodeHeader(bytes.NewReader(data), "fuzz")
		if err == nil {
			if err := h.validate(); err != nil {
				t.Fatalf("accepted an invalid header: %v", err)
			}
		}
	})
}
