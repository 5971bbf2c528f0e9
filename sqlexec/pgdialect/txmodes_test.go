package pgdialect

import (
	"reflect"
	"testing"
)

func TestTxModes(t *testing.T) {
	for _, c := range []struct {
		in    string
		kind  Kind
		modes []TxMode
		err   string // the error's code and position, "" for none
	}{
		{in: "BEGIN", kind: KindBegin},
		{in: "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", kind: KindBegin,
			modes: []TxMode{{"transaction_isolation", "repeatable read"}, {"transaction_read_only", "on"}}},
		{in: "begin work read write not deferrable deferrable", kind: KindBegin,
			modes: []TxMode{{"transaction_read_only", "off"}, {"transaction_deferrable", "off"}, {"transaction_deferrable", "on"}}},
		{in: "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED", kind: KindSetTransaction,
			modes: []TxMode{{"transaction_isolation", "read uncommitted"}}},
		{in: "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", kind: KindSetTransaction,
			modes: []TxMode{{"transaction_read_only", "on"}}},
		{in: "BEGIN ISOLATION LEVEL foo", err: "42601 23"},
		{in: "BEGIN ISOLATION LEVEL REPEATABLE", err: "42601 0"},
		{in: "BEGIN READ", err: "42601 0"},
		{in: "BEGIN READ ONLY,", err: "42601 0"},
		{in: "SET TRANSACTION", err: "42601 0"},
		{in: "SET SESSION CHARACTERISTICS TRANSACTION READ ONLY", err: "42601 29"},
		{in: "SET TRANSACTION SNAPSHOT '00000003-0000001B-1'", err: "0A000 0"},
	} {
		st, err := Translate(c.in)
		if err == nil && st.Chain {
			t.Errorf("%s: Chain set", c.in)
		}
		if c.err != "" {
			e, ok := err.(*Error)
			if !ok {
				t.Errorf("%s: got %v, want error %s", c.in, err, c.err)
				continue
			}
			if got := e.Code + " " + itoa(e.Position); got != c.err {
				t.Errorf("%s: error %s (%s), want %s", c.in, got, e.Message, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if st.Kind != c.kind || !reflect.DeepEqual(st.TxModes, c.modes) {
			t.Errorf("%s: kind %d modes %v, want %d %v", c.in, st.Kind, st.TxModes, c.kind, c.modes)
		}
	}
}

func TestTxChain(t *testing.T) {
	for _, c := range []struct {
		in    string
		chain bool
		err   string
	}{
		{in: "COMMIT"},
		{in: "COMMIT AND CHAIN", chain: true},
		{in: "end work and no chain"},
		{in: "ROLLBACK TRANSACTION AND CHAIN", chain: true},
		{in: "abort and chain", chain: true},
		{in: "COMMIT AND foo", err: "42601 12"},
		{in: "COMMIT AND NO CHAIN extra", err: "42601 21"},
		{in: "ROLLBACK AND", err: "42601 0"},
		{in: "COMMIT now", err: "42601 8"},
	} {
		st, err := Translate(c.in)
		if c.err != "" {
			e, ok := err.(*Error)
			if !ok || e.Code+" "+itoa(e.Position) != c.err {
				t.Errorf("%s: got %v, want error %s", c.in, err, c.err)
			}
			continue
		}
		if err != nil || st.Chain != c.chain {
			t.Errorf("%s: got %v %v, want chain %v", c.in, st, err, c.chain)
		}
	}
}
