package pgwire

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"math"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
)

func TestEncodeText(t *testing.T) {
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		kolkata = time.FixedZone("IST", 5*3600+1800)
	}
	ts := time.Date(2026, 11, 21, 10, 0, 0, 120000000, time.UTC)
	cases := []struct {
		v       any
		typeOID uint32
		loc     *time.Location
		want    string
	}{
		{int64(1), oid.Bool, nil, "t"},
		{int64(0), oid.Bool, nil, "f"},
		{true, oid.Bool, nil, "t"},
		{"true", oid.Bool, nil, "t"},
		{int64(-5), oid.Int4, nil, "-5"},
		{float64(3), oid.Int8, nil, "3"},
		{1e20, oid.Float8, nil, "1e+20"},
		{0.0001, oid.Float8, nil, "0.0001"},
		{0.00001, oid.Float8, nil, "1e-05"},
		{123456789012.0, oid.Float8, nil, "123456789012"},
		{0.1, oid.Float4, nil, "0.1"},
		{math.Inf(-1), oid.Float8, nil, "-Infinity"},
		{math.NaN(), oid.Float8, nil, "NaN"},
		{1.5, oid.Numeric, nil, "1.5"},
		{int64(42), oid.Numeric, nil, "42"},
		{[]byte{0xde, 0xad}, oid.Bytea, nil, `\xdead`},
		{`\x0102`, oid.Bytea, nil, `\x0102`},
		{"ab", oid.Bytea, nil, `\x6162`},
		{"2026-11-21 10:00:00", oid.Date, nil, "2026-11-21"},
		{ts, oid.Date, nil, "2026-11-21"},
		{"2026-11-21 10:00:00", oid.Timestamp, nil, "2026-11-21 10:00:00"},
		{ts, oid.Timestamp, nil, "2026-11-21 10:00:00.12"},
		{ts, oid.Timestamptz, nil, "2026-11-21 10:00:00.12+00"},
		{ts, oid.Timestamptz, kolkata, "2026-11-21 15:30:00.12+05:30"},
		{"2026-11-21 10:00:00", oid.Timestamptz, nil, "2026-11-21 10:00:00+00"},
		{"2026-11-21T10:00:00Z", oid.Timestamptz, nil, "2026-11-21 10:00:00+00"},
		{int64(1700000000), oid.Timestamptz, nil, "2023-11-14 22:13:20+00"},
		{int64(1700000000000000), oid.Timestamptz, nil, "2023-11-14 22:13:20+00"},
		{"infinity", oid.Timestamptz, nil, "infinity"},
		{int64(3725), oid.Interval, nil, "01:02:05"},
		{"1 day 02:00:00", oid.Interval, nil, "1 day 02:00:00"},
		{"0102030405060708090A0B0C0D0E0F10", oid.UUID, nil, "01020304-0506-0708-090a-0b0c0d0e0f10"},
		{int64(7), oid.Text, nil, "7"},
		{"12:30:00", oid.Time, nil, "12:30:00"},
		{int(5), oid.Int2, nil, "5"},
	}
	for _, c := range cases {
		got, err := encodeText(c.v, c.typeOID, c.loc)
		if err != nil || string(got) != c.want {
			t.Errorf("encodeText(%#v, %d) = %q, %v; want %q", c.v, c.typeOID, got, err, c.want)
		}
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	ts := time.Date(2026, 11, 21, 10, 0, 0, 123456000, time.UTC)
	cases := []struct {
		v       any
		typeOID uint32
		hex     string
	}{
		{"1.50", oid.Numeric, "000200000000000200011388"},
		{"0.25", oid.Numeric, "0001ffff0000000209c4"},
		{"0", oid.Numeric, "0000000000000000"},
		{"-12345.6789", oid.Numeric, "0003000140000004000109291a85"},
		{"NaN", oid.Numeric, "00000000c0000000"},
		{int64(3), oid.Int4, "00000003"},
		{true, oid.Bool, "01"},
		{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), oid.Date, "00002279"},
		{2.5, oid.Float8, "4004000000000000"},
	}
	for _, c := range cases {
		b, err := encodeBinary(c.v, c.typeOID)
		if err != nil || hex.EncodeToString(b) != c.hex {
			t.Errorf("encodeBinary(%#v, %d) = %x, %v; want %s", c.v, c.typeOID, b, err, c.hex)
		}
	}
	// Years of more than four digits (Go's layouts read four), as the
	// stored text has them; days and seconds from PostgreSQL 15's own
	// date and epoch arithmetic.
	for _, c := range []struct {
		text    string
		typeOID uint32
		want    int64 // days (date) or seconds (timestamps) from 2000-01-01
	}{
		{"294276-12-31", oid.Date, 106751982},
		{"12344-02-29", oid.Date, 3778127},
		{"4000-03-01 BC", oid.Date, -2191030},
		{"294276-12-31 23:59:59", oid.Timestamp, 9223371331199},
		{"12344-02-29 10:00:00+02", oid.Timestamptz, 326430201600},
	} {
		b, err := encodeBinary(c.text, c.typeOID)
		if err != nil {
			t.Errorf("encodeBinary(%q, %d): %v", c.text, c.typeOID, err)
			continue
		}
		var got int64
		if c.typeOID == oid.Date {
			got = int64(int32(binary.BigEndian.Uint32(b)))
		} else {
			got = int64(binary.BigEndian.Uint64(b)) / 1e6
		}
		if got != c.want {
			t.Errorf("encodeBinary(%q, %d) = %d, want %d", c.text, c.typeOID, got, c.want)
		}
	}
	b, _ := encodeBinary(ts, oid.Timestamptz)
	v, err := decodeBinary(b, oid.Timestamptz)
	if err != nil || !v.(time.Time).Equal(ts) {
		t.Fatal(v, err)
	}
	s, err := decodeNumeric(mustHex("0003000140000004000109291a85"))
	if err != nil || s != "-12345.6789" {
		t.Fatal(s, err)
	}
	iv, _ := encodeBinary("1 year 2 mons 3 days 04:05:06.5", oid.Interval)
	if !bytes.Equal(iv, mustHex("000000036c9361a0"+"00000003"+"0000000e")) {
		t.Fatalf("interval %x", iv)
	}
	if v, _ := decodeBinary(iv, oid.Interval); v != "1 year 2 mons 3 days 04:05:06.5" {
		t.Fatalf("interval decode %q", v)
	}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecodeText(t *testing.T) {
	cases := []struct {
		in      string
		typeOID uint32
		want    any
		code    string
	}{
		{"42", oid.Int4, int64(42), ""},
		{"99999999999", oid.Int4, nil, "22003"},
		{"abc", oid.Int8, nil, "22P02"},
		{"yes", oid.Bool, true, ""},
		{"off", oid.Bool, false, ""},
		{`\x0102`, oid.Bytea, []byte{1, 2}, ""},
		{`a\\b\001`, oid.Bytea, []byte{'a', '\\', 'b', 1}, ""},
		{"1.5", oid.Float8, 1.5, ""},
		{" -Infinity ", oid.Float8, math.Inf(-1), ""},
		{"inf", oid.Float4, math.Inf(1), ""},
		// float4in/float8in: past the range or underflowing to 0 is 22003
		// (a real of 1e39 is not Infinity, 1e-400 not 0)
		{"1e39", oid.Float4, nil, "22003"},
		{"1e-50", oid.Float4, nil, "22003"},
		{"1e-400", oid.Float8, nil, "22003"},
		{"1e400", oid.Float8, nil, "22003"},
		{"0e-400", oid.Float8, 0.0, ""},
		{"1.5x", oid.Float8, nil, "22P02"},
		{"1.50", oid.Numeric, "1.50", ""},
		{"x1", oid.Numeric, nil, "22P02"},
		{"hello", 0, "hello", ""},
		// date/time text goes to the engine as written, which reads it
		// in the session's TimeZone
		{"2026-11-21", oid.Date, "2026-11-21", ""},
		{"2026-11-21 12:00", oid.Timestamptz, "2026-11-21 12:00", ""},
		{"\xff", oid.Int4, nil, "22021"},
	}
	for _, c := range cases {
		v, err := decodeText([]byte(c.in), c.typeOID)
		if c.code != "" {
			se, ok := err.(SQLError)
			if !ok || se.SQLState() != c.code {
				t.Errorf("decodeText(%q, %d) err = %v, want %s", c.in, c.typeOID, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("decodeText(%q, %d): %v", c.in, c.typeOID, err)
			continue
		}
		switch w := c.want.(type) {
		case []byte:
			if !bytes.Equal(v.([]byte), w) {
				t.Errorf("decodeText(%q) = %v", c.in, v)
			}
		case time.Time:
			if !v.(time.Time).Equal(w) {
				t.Errorf("decodeText(%q) = %v", c.in, v)
			}
		default:
			if v != c.want {
				t.Errorf("decodeText(%q, %d) = %#v, want %#v", c.in, c.typeOID, v, c.want)
			}
		}
	}
	// NaN in every spelling float8in reads is decoded as NaN, which the
	// engine refuses (SQLite has no float NaN: it would bind as NULL)
	for _, in := range []string{"NaN", "nan", "+nan", " -NaN "} {
		if v, err := decodeText([]byte(in), oid.Float8); err != nil || !math.IsNaN(v.(float64)) {
			t.Errorf("decodeText(%q, float8) = %v, %v; want NaN", in, v, err)
		}
	}
}

func TestAdjustNumericScale(t *testing.T) {
	col := Column{TypeOID: oid.Numeric, TypeModifier: (10<<16 | 2) + 4}
	for in, want := range map[any]string{1.5: "1.50", int64(0): "0.00", "2.345": "2.35", "-0.005": "-0.01"} {
		if got := adjustForColumn(in, col); got != want {
			t.Errorf("adjust(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestCopyTextDecode(t *testing.T) {
	d, _ := newCopyDecoder(CopyFormat{Kind: "text"}, []Column{{Name: "a", TypeOID: oid.Text}, {Name: "b", TypeOID: oid.Int4}})
	d.feed([]byte("x\\ty\t1\n\\N\t\\N\nlast\t3"))
	var rows [][]any
	for {
		r, ok, err := d.next(true)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		rows = append(rows, r)
	}
	if len(rows) != 3 || rows[0][0] != "x\ty" || rows[0][1] != int64(1) || rows[1][0] != nil || rows[2][1] != int64(3) {
		t.Fatalf("%#v", rows)
	}
	d, _ = newCopyDecoder(CopyFormat{Kind: "text"}, []Column{{Name: "a", TypeOID: oid.Text}, {Name: "b", TypeOID: oid.Int4}})
	d.feed([]byte("onlyone\n"))
	if _, _, err := d.next(true); err == nil {
		t.Fatal("missing column accepted")
	}
}
