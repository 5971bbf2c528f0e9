package pgwire

import (
	"bytes"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// The framer hands the Backend one message at a time, so the server can
// see whether Sync is the next message of a pipeline.
func TestFramerNextType(t *testing.T) {
	var buf []byte
	var err error
	for _, m := range []pgproto3.FrontendMessage{
		&pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{},
		&pgproto3.Query{String: string(bytes.Repeat([]byte("x"), 100000))}, &pgproto3.Sync{},
	} {
		if buf, err = m.Encode(buf); err != nil {
			t.Fatal(err)
		}
	}
	fr := newFramer(bytes.NewReader(buf))
	be := pgproto3.NewBackend(fr, &bytes.Buffer{})
	var got []string
	for {
		msg, err := be.Receive()
		if err != nil {
			break
		}
		got = append(got, string(rune(msgType(msg)))+">"+string(rune(max(fr.nextType(), '0'))))
	}
	// After the big Query, the Sync is not buffered yet or is: both are fine,
	// but never a wrong type.
	want := []string{"B>E", "E>B", "B>E", "E>S", "S>Q"}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Fatalf("got %v, want prefix %v", got, want)
		}
	}
	if len(got) != 7 || (got[5] != "Q>S" && got[5] != "Q>0") || got[6] != "S>0" {
		t.Fatalf("got %v", got)
	}
}

func msgType(m pgproto3.FrontendMessage) byte {
	switch m.(type) {
	case *pgproto3.Bind:
		return 'B'
	case *pgproto3.Execute:
		return 'E'
	case *pgproto3.Sync:
		return 'S'
	case *pgproto3.Query:
		return 'Q'
	}
	return '?'
}
