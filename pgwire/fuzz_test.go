package pgwire

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"

	"github.com/jackc/pgx/v5/pgproto3"
)

// runPipe serves one net.Pipe connection, writes input from the client
// side, drains the server's output and requires the server to finish.
func runPipe(t *testing.T, srv *Server, input []byte) {
	client, server := net.Pipe()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		srv.ServeConn(ctx, server)
		close(done)
	}()
	drained := make(chan struct{})
	go func() {
		io.Copy(io.Discard, client)
		close(drained)
	}()
	wrote := make(chan struct{})
	go func() {
		client.Write(input)
		close(wrote)
	}()
	select {
	case <-wrote:
	case <-done:
	case <-time.After(5 * time.Second):
	}
	client.Close()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("server did not finish for input %q", input)
	}
	<-drained
}

var fuzzPanic atomic.Pointer[string]

func init() {
	panicHook = func(r any) {
		s := fmt.Sprintf("%v\n%s", r, debug.Stack())
		fuzzPanic.Store(&s)
	}
}

func checkNoPanic(t *testing.T) {
	if p := fuzzPanic.Swap(nil); p != nil {
		t.Fatalf("server panicked: %s", *p)
	}
}

func fuzzServer() *Server {
	return NewServer(Config{Engine: &fakeEngine{}, Logger: testLogger(nil), StartupTimeout: 2 * time.Second, MaxMessageSize: 1 << 20})
}

func startupBytes() []byte {
	b, _ := (&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "fuzz"}}).Encode(nil)
	return b
}

func encodeAll(msgs ...pgproto3.FrontendMessage) []byte {
	var out []byte
	for _, m := range msgs {
		out, _ = m.Encode(out)
	}
	return out
}

func FuzzServerMessages(f *testing.F) {
	f.Add(encodeAll(&pgproto3.Query{String: "SELECT 1"}, &pgproto3.Terminate{}))
	f.Add(encodeAll(&pgproto3.Parse{Name: "a", Query: "SELECT $1::int4"}, &pgproto3.Bind{PreparedStatement: "a", ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{0, 0, 0, 1}}, ResultFormatCodes: []int16{1}},
		&pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{MaxRows: 1}, &pgproto3.Sync{}))
	f.Add(encodeAll(&pgproto3.Query{String: "COPY items (name, qty) FROM STDIN"}, &pgproto3.CopyData{Data: []byte("a\t1\n\\.\n")}, &pgproto3.CopyDone{}))
	f.Add(encodeAll(&pgproto3.Query{String: "COPY items FROM STDIN binary"}, &pgproto3.CopyData{Data: append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)}, &pgproto3.CopyDone{}))
	f.Add(encodeAll(&pgproto3.Query{String: "COPY items TO STDOUT csv"}, &pgproto3.Query{String: "SELECT * FROM generate_series(1, 3)"}))
	f.Add([]byte{'Q', 0, 0, 0, 3})
	f.Add([]byte{'B', 0, 0, 0, 20, 0, 0, 0, 5})
	f.Add([]byte{'Z', 0, 0, 0, 4})
	srv := fuzzServer()
	defer srv.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		runPipe(t, srv, append(startupBytes(), data...))
		checkNoPanic(t)
	})
}

func FuzzStartup(f *testing.F) {
	f.Add(startupBytes())
	f.Add([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f})
	f.Add([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x30})
	f.Add(append([]byte{0, 0, 0, 16, 0x04, 0xd2, 0x16, 0x2e, 0, 0, 0, 1}, 1, 2, 3, 4))
	f.Add(rawStartupPacket(3<<16|5, "user", "u", "_pq_.x", "y"))
	f.Add(rawStartupPacket(2<<16, "user", "u"))
	f.Add([]byte{0, 0, 0, 4})
	srv := fuzzServer()
	defer srv.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		runPipe(t, srv, data)
		checkNoPanic(t)
	})
}

var fuzzCopyCols = []Column{
	{Name: "i", TypeOID: oid.Int4}, {Name: "t", TypeOID: oid.Text}, {Name: "b", TypeOID: oid.Bytea},
	{Name: "ts", TypeOID: oid.Timestamptz}, {Name: "n", TypeOID: oid.Numeric},
}

// decodeCopy feeds data in two chunks split at split and returns the rows
// (rendered) or the first error.
func decodeCopy(t *testing.T, f CopyFormat, data []byte, split int) (string, bool) {
	d, err := newCopyDecoder(f, fuzzCopyCols)
	if err != nil {
		t.Fatal(err)
	}
	if split < 0 {
		split = -split
	}
	if len(data) > 0 {
		split %= len(data) + 1
	} else {
		split = 0
	}
	chunks := [][]byte{data[:split], data[split:]}
	out := ""
	for ci, ch := range chunks {
		d.feed(ch)
		final := ci == len(chunks)-1
		for i := 0; i < 100000; i++ {
			row, ok, err := d.next(final)
			if err != nil {
				return "error", false
			}
			if !ok {
				break
			}
			if len(row) != len(fuzzCopyCols) {
				t.Fatalf("row with %d values", len(row))
			}
			out += fmt.Sprintf("%#v\n", row)
		}
	}
	return out, true
}

func fuzzCopy(f *testing.F, format CopyFormat, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		whole, ok1 := decodeCopy(t, format, data, len(data))
		parts, ok2 := decodeCopy(t, format, data, split)
		if ok1 != ok2 || (ok1 && whole != parts) {
			t.Fatalf("chunking changed the result:\nwhole: %v %q\nsplit: %v %q", ok1, whole, ok2, parts)
		}
	})
}

func FuzzDecodeCopyText(f *testing.F) {
	fuzzCopy(f, CopyFormat{Kind: "text"},
		"1\ta\t\\\\x00ff\t2026-11-21 10:00:00+00\t1.5\n",
		"\\N\t\\N\t\\N\t\\N\t\\N\n\\.\n",
		"1\ta\\tb\\n\\101\\x41\t\\\\x\t2026-11-21\t-0.25\r\n",
		"x\ty\n")
}

func FuzzDecodeCopyCSV(f *testing.F) {
	fuzzCopy(f, CopyFormat{Kind: "csv"},
		"1,\"a,b\",\\x00,2026-11-21 10:00:00,1.5\n",
		"1,\"multi\nline \"\"q\"\"\",,,\n\\.\n",
		"1,a,\\x,2026-11-21,1\r\n2,\"\",,,\r")
}

func FuzzDecodeCopyBinary(f *testing.F) {
	row := append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0)
	row = binary.BigEndian.AppendUint16(row, 5)
	row = append(row, 0, 0, 0, 4, 0, 0, 0, 7)
	row = append(row, 0, 0, 0, 1, 'x')
	row = append(row, 0xff, 0xff, 0xff, 0xff)
	row = append(row, 0, 0, 0, 8, 0, 2, 0xb0, 0xec, 0x85, 0x15, 0xf3, 0x40)
	row = append(row, 0, 0, 0, 12, 0, 2, 0, 0, 0, 0, 0, 2, 0, 1, 0x13, 0x88)
	row = append(row, 0xff, 0xff)
	fuzzCopy(f, CopyFormat{Kind: "binary"}, string(row), string(row[:30]), "PGCOPY\n\xff\r\n\x00")
}

var fuzzOIDs = []uint32{0, oid.Bool, oid.Bytea, oid.Char, oid.Name, oid.Int8, oid.Int2, oid.Int4, oid.Text, oid.OID, oid.JSON,
	oid.Float4, oid.Float8, oid.Bpchar, oid.Varchar, oid.Date, oid.Time, oid.Timestamp, oid.Timestamptz, oid.Interval,
	oid.Numeric, oid.UUID, oid.JSONB, oid.Regclass, 1009}

func FuzzDecodeBinaryParam(f *testing.F) {
	f.Add(uint8(5), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	f.Add(uint8(20), []byte{0, 2, 0, 0, 0, 0, 0, 2, 0, 1, 0x13, 0x88})
	f.Add(uint8(20), []byte{0, 1, 0xff, 0xff, 0x40, 0, 0, 2, 9, 0xc4})
	f.Add(uint8(19), []byte{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3})
	f.Add(uint8(15), []byte{0, 0, 0x22, 0x3f})
	f.Fuzz(func(t *testing.T, pick uint8, data []byte) {
		typeOID := fuzzOIDs[int(pick)%len(fuzzOIDs)]
		v, err := decodeBinary(data, typeOID)
		if err != nil {
			return
		}
		// Whatever decodes must encode again, in both formats, and the
		// binary round trip must be stable.
		if _, err := encodeText(v, typeOID, time.UTC); err != nil {
			t.Fatalf("oid %d: text encode of %#v: %v", typeOID, v, err)
		}
		b, err := encodeBinary(v, typeOID)
		if err != nil {
			t.Fatalf("oid %d: binary encode of %#v: %v", typeOID, v, err)
		}
		v2, err := decodeBinary(b, typeOID)
		if err != nil {
			t.Fatalf("oid %d: re-decode of %x (from %#v): %v", typeOID, b, v, err)
		}
		if s1, s2 := fmt.Sprintf("%#v", v), fmt.Sprintf("%#v", v2); s1 != s2 {
			t.Fatalf("oid %d: round trip %.200s -> %.100x -> %.200s", typeOID, s1, b, s2)
		}
	})
}

func FuzzDecodeTextParam(f *testing.F) {
	f.Add(uint8(5), "123")
	f.Add(uint8(20), "-1.50")
	f.Add(uint8(18), "2026-11-21 10:00:00+05:30")
	f.Add(uint8(2), `\x0aff`)
	f.Add(uint8(19), "1 year 2 mons -3 days 04:05:06.7")
	f.Fuzz(func(t *testing.T, pick uint8, s string) {
		typeOID := fuzzOIDs[int(pick)%len(fuzzOIDs)]
		v, err := decodeText([]byte(s), typeOID)
		if err != nil {
			return
		}
		if _, err := encodeText(v, typeOID, time.UTC); err != nil {
			t.Fatalf("oid %d: %q decoded to %#v, which does not encode: %v", typeOID, s, v, err)
		}
		encodeBinary(v, typeOID) // must not panic
	})
}
