package pgwire

import (
	"encoding/hex"
	"testing"
	"time"
	_ "time/tzdata" // the zone below on any machine, as the binary embeds it

	"github.com/raftsql/raftsql/pgwire/oid"
)

// The binary forms are PostgreSQL 15's range_send of the same values
// (SELECT range_send('[1,6)'::int4range) ...); decoding them gives the
// stored text back.
func TestRangeBinary(t *testing.T) {
	for _, c := range []struct {
		typ       uint32
		text, hex string
	}{
		{oid.Int4Range, "[1,6)", "0200000004000000010000000400000006"},
		{oid.Int8Range, "(,5)", "08000000080000000000000005"},
		{oid.Int4Range, "empty", "01"},
		{oid.NumRange, "[1.5,2.50]", "060000000c0002000000000001000113880000000c000200000000000200021388"},
		{oid.DateRange, "[2024-01-01,)", "12000000040000223e"},
		{oid.TsRange, `["2024-01-01 10:00:00","2024-01-02 00:00:00")`, "02000000080002b0de36ada800000000080002b0e9f2c0a000"},
		{oid.TstzRange, `["2024-01-01 10:00:00+00",)`, "12000000080002b0de36ada800"},
	} {
		b, err := encodeBinary(c.text, c.typ)
		if err != nil || hex.EncodeToString(b) != c.hex {
			t.Errorf("encode %s %q = %x, %v; want %s", oid.TypeName(c.typ), c.text, b, err, c.hex)
		}
		raw, _ := hex.DecodeString(c.hex)
		v, err := decodeBinary(raw, c.typ)
		if err != nil || v != c.text {
			t.Errorf("decode %s %s = %v, %v; want %q", oid.TypeName(c.typ), c.hex, v, err, c.text)
		}
	}
	for _, bad := range []string{"", "02", "0200000004000000", "010000"} {
		raw, _ := hex.DecodeString(bad)
		if _, err := decodeBinary(raw, oid.Int4Range); err == nil {
			t.Errorf("decode int4range %q: no error", bad)
		}
	}
}

// A tstzrange prints its bounds in the session time zone, as PostgreSQL
// does (SET TimeZone = 'Europe/Paris'; SELECT '[2024-01-01 10:00+00,)'::tstzrange).
func TestRangeTextZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	b, err := encodeText(`["2024-01-01 10:00:00+00","2024-07-01 00:00:00+00")`, oid.TstzRange, paris)
	if want := `["2024-01-01 11:00:00+01","2024-07-01 02:00:00+02")`; err != nil || string(b) != want {
		t.Errorf("got %s, %v; want %s", b, err, want)
	}
}
