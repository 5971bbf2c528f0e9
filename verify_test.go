package raftsql

import (
	"reflect"
	"testing"

	"github.com/raftsql/raftsql/sqlexec"
)

func TestMajoritySum(t *testing.T) {
	voters := []uint64{1, 2, 3}
	for _, tc := range []struct {
		sums map[uint64]string
		want string
	}{
		{map[uint64]string{1: "a"}, ""},
		{map[uint64]string{1: "a", 2: "b"}, ""},
		{map[uint64]string{1: "a", 2: "a"}, "a"},
		{map[uint64]string{1: "a", 2: "b", 3: "b"}, "b"},
		{map[uint64]string{1: "a", 2: "b", 3: "c"}, ""},
		{map[uint64]string{1: "a", 9: "b", 8: "b"}, ""}, // non-voters never count
	} {
		if got := majoritySum(tc.sums, voters); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.sums, got, tc.want)
		}
	}
}

func TestVerifyEntryEncoding(t *testing.T) {
	cur := sqlexec.VerifyCursor{Table: "t", Key: []any{"k", int64(-3), 1.5, []byte{0, 1}}}
	b := encodeVerifyCheck(77, cur)
	if b[0] != entryVerify {
		t.Fatalf("kind %d", b[0])
	}
	rows, got, err := decodeVerifyCheck(b[1:])
	if err != nil || rows != 77 || !reflect.DeepEqual(got, cur) {
		t.Fatalf("check: %d %+v %v", rows, got, err)
	}
	if _, _, err := decodeVerifyCheck(append(b[1:], 0)); err == nil {
		t.Fatal("trailing byte accepted")
	}
	rep := verifyReport{Node: 1 << 60, Check: 12345, Sum: "abcdef"}
	rb := encodeVerifyReport(rep)
	if rb[0] != entryVerifyReport {
		t.Fatalf("kind %d", rb[0])
	}
	if got, err := decodeVerifyReport(rb[1:]); err != nil || got != rep {
		t.Fatalf("report: %+v %v", got, err)
	}
	for i := 1; i < len(rb)-1; i++ {
		if _, err := decodeVerifyReport(rb[1:i]); err == nil {
			t.Fatalf("truncated report (%d bytes) accepted", i-1)
		}
	}
}
