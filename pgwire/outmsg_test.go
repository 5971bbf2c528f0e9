package pgwire

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/raftsql/raftsql/pgwire/oid"
)

// Streamed rows reuse the connection's DataRow and buffers (outMsgs): each
// row on the wire is what encodeValue gives value by value, NULL stays
// NULL and the empty string stays an empty value, and a row never shows through in the
// next one (values of different lengths, text and binary, a row larger
// than the buffer the connection keeps).
func TestStreamedRowsReuseBuffers(t *testing.T) {
	cols := []Column{
		{Name: "t", TypeOID: oid.Text}, {Name: "i", TypeOID: oid.Int4},
		{Name: "v", TypeOID: oid.Varchar}, {Name: "b", TypeOID: oid.Bool},
		{Name: "ts", TypeOID: oid.Timestamptz}, {Name: "f", TypeOID: oid.Float8},
	}
	ts := time.Date(2026, 12, 6, 1, 2, 3, 0, time.UTC)
	big := strings.Repeat("x", maxKeptRowBuffer+10)
	rows := [][]any{
		{"", nil, "", nil, nil, nil}, // first on the connection: '' before any buffer
		{"hello", int64(42), "", true, ts, 1.5},
		{nil, int64(-7), "v", false, nil, nil},
		{"", nil, nil, nil, ts, float64(0)},
		{big, int64(1 << 30), "a", true, ts, -2.25},
		{"é", int64(0), "after the big row", false, ts, 3.0},
	}
	for _, formats := range [][]int16{nil, {0, 1, 0, 1, 0, 1}} {
		var out bytes.Buffer
		c := &conn{be: pgproto3.NewBackend(strings.NewReader(""), &out)}
		w := &writer{c: c, cols: cols, formats: formats}
		for _, r := range rows {
			if err := w.Row(append([]any(nil), r...)); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.be.Flush(); err != nil {
			t.Fatal(err)
		}
		fe := pgproto3.NewFrontend(&out, nil)
		for i, r := range rows {
			msg, err := fe.Receive()
			if err != nil {
				t.Fatalf("formats %v, row %d: %v", formats, i, err)
			}
			dr, ok := msg.(*pgproto3.DataRow)
			if !ok {
				t.Fatalf("formats %v, row %d: got %T", formats, i, msg)
			}
			for j, v := range r {
				var f int16
				if formats != nil {
					f = formats[j]
				}
				want, err := encodeValue(v, cols[j].TypeOID, f, time.UTC)
				if err != nil {
					t.Fatal(err)
				}
				got := dr.Values[j]
				if (got == nil) != (want == nil) || !bytes.Equal(got, want) {
					t.Errorf("formats %v, row %d, column %s: got %s, want %s", formats, i, cols[j].Name, show(got), show(want))
				}
			}
		}
	}
}

func show(b []byte) string {
	if b == nil {
		return "NULL"
	}
	if len(b) > 20 {
		return fmt.Sprintf("%q... (%d bytes)", b[:20], len(b))
	}
	return fmt.Sprintf("%q", b)
}
