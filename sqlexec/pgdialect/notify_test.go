package pgdialect

import (
	"errors"
	"testing"
)

// TestNotifyStatements: LISTEN / UNLISTEN / NOTIFY parse into their kinds
// (channel names fold as identifiers), and pg_notify is recognized as a
// statement of its own only.
func TestNotifyStatements(t *testing.T) {
	for in, want := range map[string]Stmt{
		"LISTEN chan":              {Kind: KindListen, Name: "chan"},
		`listen "Chan"`:            {Kind: KindListen, Name: "Chan"},
		"UNLISTEN *":               {Kind: KindUnlisten, Name: "*"},
		"UNLISTEN Chan":            {Kind: KindUnlisten, Name: "chan"},
		"NOTIFY chan":              {Kind: KindNotify, Name: "chan"},
		"NOTIFY chan, 'it''s'":     {Kind: KindNotify, Name: "chan", Value: "it's"},
		"NOTIFY chan, E'plain'":    {Kind: KindNotify, Name: "chan", Value: "plain"},
		"notify chan , '' -- note": {Kind: KindNotify, Name: "chan"},
	} {
		st, err := Translate(in)
		if err != nil || st.Kind != want.Kind || st.Name != want.Name || st.Value != want.Value {
			t.Errorf("Translate(%q) = %+v, %v; want %v %q %q", in, st, err, want.Kind, want.Name, want.Value)
		}
	}
	for _, in := range []string{"LISTEN", "LISTEN a b", "NOTIFY a, b", "UNLISTEN * a"} {
		var e *Error
		if _, err := Translate(in); !errors.As(err, &e) || e.Code != "42601" {
			t.Errorf("Translate(%q) = %v, want 42601", in, err)
		}
	}
	if _, err := Translate("NOTIFY a, E'\\n'"); err == nil || err.(*Error).Code != "0A000" {
		t.Errorf("escape string payload: %v, want 0A000", err)
	}
	call, err := ParseNotifyCall("SELECT pg_notify($1, 'p') AS x")
	if err != nil || call == nil || call.Channel.Param != 1 || call.Payload.Value != "p" || call.Column != "x" {
		t.Fatalf("ParseNotifyCall: %+v, %v", call, err)
	}
	if call, err := ParseNotifyCall("SELECT 1"); call != nil || err != nil {
		t.Fatalf("no call: %+v, %v", call, err)
	}
}
