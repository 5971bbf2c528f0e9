package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// The bit string and integer bitwise helpers, with the answers PostgreSQL
// 15 gave for the same operations (integration/testdata/diff/25_bits_*
// records them end to end).

func TestParseBits(t *testing.T) {
	for in, want := range map[string]string{
		"1010": "1010", "b101": "101", "B0": "0", "x1F": "00011111", "Xa": "1010", "": "", "x": "",
		"102": `"2" is not a valid binary digit`, "x1G": `"G" is not a valid hexadecimal digit`, "1 0": `" " is not a valid binary digit`,
		"1é": `"é" is not a valid binary digit`,
	} {
		got, err := parseBits(in)
		if err != nil {
			got = err.Error()
		}
		if !strings.HasSuffix(got, want) || err != nil && !strings.Contains(got, "22P02") {
			t.Errorf("parseBits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCoerceBits(t *testing.T) {
	for _, c := range []struct {
		bits              string
		n                 int
		varying, explicit bool
		want              string
	}{
		{"101", 4, false, true, "1010"},     // '101'::bit(4)
		{"10101", 3, false, true, "101"},    // B'10101'::bit(3)
		{"10101", 3, true, true, "101"},     // B'10101'::varbit(3)
		{"101", 5, true, true, "101"},       // B'101'::varbit(5)
		{"101", -1, true, false, "101"},     // varbit
		{"101", 3, false, false, "101"},     // into bit(3)
		{"11", 4, true, false, "11"},        // into varbit(4)
		{"101", 4, false, false, "22026"},   // into bit(4): bit string length 3 does not match type bit(4)
		{"1011", 3, true, false, "22001"},   // into varbit(3): bit string too long
		{"10101", 4, false, false, "22026"}, // B'10101' into bit(4)
	} {
		got, err := coerceBits(c.bits, c.n, c.varying, c.explicit)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("coerceBits(%q, %d, %v, %v) = %q, want %q", c.bits, c.n, c.varying, c.explicit, got, c.want)
		}
	}
}

func TestBitIntOp(t *testing.T) {
	for _, c := range []struct {
		op   string
		m, n int64
		typ  string
		want int64
	}{
		{"<<", 1, 31, "int4", -2147483648}, {"<<", 1, 15, "int2", -32768}, {"<<", 1, 32, "int4", 1}, {"<<", 1, 33, "int4", 2},
		{"<<", 1, -1, "int4", -2147483648}, {"<<", 1, 17, "int2", 0}, {"<<", 1, 63, "int8", -9223372036854775808},
		{"<<", 1, 64, "int8", 1}, {"<<", 1, 65, "", 2},
		{">>", -8, 1, "int4", -4}, {">>", 1, 33, "int4", 0}, {">>", 1, 16, "int2", 0}, {">>", -32768, 1, "int2", -16384},
		{">>", -1, 70, "int8", -1}, {">>", 256, 4, "int2", 16},
		{"#", 5, 3, "int4", 6}, {"&", 2, 3, "int2", 2}, {"|", 2, 3, "int8", 3}, {"~", -1, 0, "int4", 0},
	} {
		if got := bitIntOp(c.op, c.m, c.n, c.typ); got != c.want {
			t.Errorf("%d %s %d (%s) = %d, want %d", c.m, c.op, c.n, c.typ, got, c.want)
		}
	}
	for _, c := range [][3]string{
		{"#", "int2", "int2"}, {"&", "int2", "int4"}, {"|", "int2", "int8"}, {"<<", "int2", "int4"}, {"<<", "int2", "int2"},
		{"<<", "int8", "int4"}, {"<<", "int4", "int8"}, {"&", "numeric", "int4"}, {"~", "int8", ""},
	} {
		want := map[[3]string]string{
			{"#", "int2", "int2"}: "int2", {"&", "int2", "int4"}: "int4", {"|", "int2", "int8"}: "int8", {"<<", "int2", "int4"}: "int2",
			{"<<", "int2", "int2"}: "int2", {"<<", "int8", "int4"}: "int8", {"<<", "int4", "int8"}: "!<< int4 int8",
			{"&", "numeric", "int4"}: "!& numeric int4", {"~", "int8", ""}: "int8",
		}[c]
		if got := bitResult(c[0], c[1], c[2]); got != want {
			t.Errorf("bitResult(%q, %q, %q) = %q, want %q", c[0], c[1], c[2], got, want)
		}
	}
}

func TestBitStringOps(t *testing.T) {
	for _, c := range []struct {
		op, x string
		y     driver.Value
		want  string
	}{
		{"&", "1011", "0110", "0010"}, {"|", "1011", "0110", "1111"}, {"#", "1011", "0110", "1101"}, {"~", "1011", nil, "0100"},
		{"<<", "1011", int64(1), "0110"}, {">>", "1011", int64(1), "0101"}, {"<<", "1011", int64(-1), "0101"},
		{"<<", "1011", int64(10), "0000"}, {">>", "1011", int64(4), "0000"},
		{"<<", "101", int64(-1 << 63), "000"}, {">>", "101", int64(-1 << 63), "000"}, {"<<", "101", int64(1<<63 - 1), "000"},
		{"&", "1", "10", "cannot AND bit strings of different sizes"}, {"#", "1", "10", "cannot XOR bit strings of different sizes"},
	} {
		v, err := bitStringOp(c.op, c.x, c.y)
		got := str(v)
		if err != nil {
			got = err.Error()
		}
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("%s %s %v = %q, want %q", c.x, c.op, c.y, got, c.want)
		}
	}
	for _, c := range []struct {
		v    driver.Value
		n    int64
		want string
	}{
		{int64(5), 8, "00000101"}, {int64(-1), 4, "1111"}, {int64(300), 4, "1100"}, {int64(1), -1, "1"}, {int64(0), 3, "000"},
		{int64(-2), 40, strings.Repeat("1", 39) + "0"}, {int64(5), 70, strings.Repeat("0", 67) + "101"},
		{"x1f", 4, "0001"}, {"101", 4, "1010"}, {"10", 1, "1"},
	} {
		got, err := fnCastBits(nil, []driver.Value{c.v, "bit", c.n})
		if err != nil || got != c.want {
			t.Errorf("%v::bit(%d) = %v, %v; want %s", c.v, c.n, got, err, c.want)
		}
	}
	for in, want := range map[string]driver.Value{"101": int64(5), "11111111111111111111111111111111": int64(-1), "": int64(0)} {
		if got, err := fnBitsInt(nil, []driver.Value{in, "int4"}); err != nil || got != want {
			t.Errorf("%s::int4 = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := fnBitsInt(nil, []driver.Value{strings.Repeat("1", 33), "int4"}); err == nil || !strings.Contains(err.Error(), "22003") {
		t.Errorf("33 bits::int4: %v, want 22003", err)
	}
}
