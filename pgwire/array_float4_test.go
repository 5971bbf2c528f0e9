package pgwire

import (
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// TestRealArrayText: a real[] value holding the doubles SQLite keeps
// (array_agg of a real column) is written by float4's output.
func TestRealArrayText(t *testing.T) {
	for in, want := range map[string]string{
		"{1.100000023841858,2.200000047683716,NULL}": "{1.1,2.2,NULL}",
		"{1.1,-0.5,Infinity}":                        "{1.1,-0.5,Infinity}",
		"{}":                                         "{}",
	} {
		b, err := encodeText(in, oid.Float4Array, time.UTC)
		if err != nil || string(b) != want {
			t.Errorf("encodeText(%q) = %q, %v; want %q", in, b, err, want)
		}
	}
}
