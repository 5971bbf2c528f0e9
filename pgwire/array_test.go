package pgwire

import (
	"encoding/hex"
	"testing"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// TestArrayBinary checks array_send's format (bytes as PostgreSQL 15 sends
// them) and that decoding gives the text form back.
func TestArrayBinary(t *testing.T) {
	cases := []struct {
		text    string
		typeOID uint32
		hex     string
	}{
		{"{}", oid.Int4Array, "00000000" + "00000000" + "00000017"},
		{"{1,-2}", oid.Int4Array, "00000001" + "00000000" + "00000017" + "00000002" + "00000001" +
			"00000004" + "00000001" + "00000004" + "fffffffe"},
		{"{7,NULL}", oid.Int8Array, "00000001" + "00000001" + "00000014" + "00000002" + "00000001" +
			"00000008" + "0000000000000007" + "ffffffff"},
		{`{a,"b c"}`, oid.TextArray, "00000001" + "00000000" + "00000019" + "00000002" + "00000001" +
			"00000001" + "61" + "00000003" + "622063"},
		{"{t,f}", oid.BoolArray, "00000001" + "00000000" + "00000010" + "00000002" + "00000001" +
			"00000001" + "01" + "00000001" + "00"},
		{"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", oid.UUIDArray, "00000001" + "00000000" + "00000b86" + "00000001" + "00000001" +
			"00000010" + "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
	}
	for _, c := range cases {
		got, err := encodeBinary(c.text, c.typeOID)
		if err != nil || hex.EncodeToString(got) != c.hex {
			t.Errorf("encodeBinary(%s, %d) = %x, %v; want %s", c.text, c.typeOID, got, err, c.hex)
		}
		raw, _ := hex.DecodeString(c.hex)
		back, err := decodeBinary(raw, c.typeOID)
		if err != nil || back != c.text {
			t.Errorf("decodeBinary(%s, %d) = %v, %v; want %s", c.hex, c.typeOID, back, err, c.text)
		}
	}
	bad := []struct {
		hex, code string
	}{
		{"00000002" + "00000000" + "00000017" + "00000001" + "00000001" + "00000001" + "00000001", codeFeatureNotSupported}, // 2 dims
		{"00000001" + "00000000" + "00000014" + "00000001" + "00000001" + "00000004" + "00000001", "42804"},                 // int8 expected
		{"00000001" + "00000000" + "00000017" + "00000001" + "00000001" + "00000004", codeProtocolViolation},                // short
		{"00000001" + "00000000" + "00000017" + "00000001" + "00000000" + "00000004" + "00000001", codeFeatureNotSupported}, // lower bound 0
		{"00000001" + "00000000" + "00000017" + "7fffffff" + "00000001", codeProgramLimitExceeded},
	}
	for _, c := range bad {
		raw, _ := hex.DecodeString(c.hex)
		_, err := decodeBinary(raw, oid.Int4Array)
		if e, ok := err.(*Error); !ok || e.Code != c.code {
			t.Errorf("decodeBinary(%s): %v, want %s", c.hex, err, c.code)
		}
	}
	if got, err := encodeText("{1,0,t}", oid.BoolArray, nil); err != nil || string(got) != "{t,f,t}" {
		t.Errorf("encodeText bool[]: %s %v", got, err)
	}
}
