package raftsql

import (
	"testing"

	"github.com/raftsql/raftsql/membership"
)

// The configuration's form in the image round-trips, and damaged bytes
// are an error, never a panic or a wrong configuration.
func TestConfEncoding(t *testing.T) {
	for _, c := range []membership.Config{
		membership.NewConfig([]uint64{1}, nil),
		membership.NewConfig([]uint64{3, 1, 2}, []uint64{9, 7}),
	} {
		got, err := decodeConf(encodeConf(c))
		if err != nil || !got.Equal(c) {
			t.Fatalf("round trip of %v: %v, %v", c, got, err)
		}
	}
	good := encodeConf(membership.NewConfig([]uint64{1, 2}, []uint64{3}))
	bad := [][]byte{nil, {}, {2}, {1}, good[:len(good)-1], append(append([]byte(nil), good...), 0),
		{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, {1, 2, 5, 5, 0}}
	for _, b := range bad {
		if c, err := decodeConf(b); err == nil {
			t.Fatalf("decodeConf(%x) = %v, want an error", b, c)
		}
	}
}
