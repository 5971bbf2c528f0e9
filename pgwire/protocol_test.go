package pgwire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// rawConn speaks the protocol by hand through pgproto3.Frontend.
type rawConn struct {
	t  testing.TB
	nc net.Conn
	fe *pgproto3.Frontend
}

func dialRaw(t testing.TB, addr string) *rawConn {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	nc.SetDeadline(time.Now().Add(20 * time.Second))
	t.Cleanup(func() { nc.Close() })
	return &rawConn{t: t, nc: nc, fe: pgproto3.NewFrontend(nc, nc)}
}

func (r *rawConn) send(msgs ...pgproto3.FrontendMessage) {
	r.t.Helper()
	for _, m := range msgs {
		r.fe.Send(m)
	}
	if err := r.fe.Flush(); err != nil {
		r.t.Fatal(err)
	}
}

// until reads messages up to and including one of type T, returning
// their type names.
func (r *rawConn) readUntilReady() []string {
	r.t.Helper()
	var out []string
	for {
		m, err := r.fe.Receive()
		if err != nil {
			r.t.Fatalf("receive after %v: %v", out, err)
		}
		out = append(out, describeMsg(m))
		if _, ok := m.(*pgproto3.ReadyForQuery); ok {
			return out
		}
	}
}

func describeMsg(m pgproto3.BackendMessage) string {
	switch x := m.(type) {
	case *pgproto3.CommandComplete:
		return "CommandComplete(" + string(x.CommandTag) + ")"
	case *pgproto3.ErrorResponse:
		return x.Severity + "(" + x.Code + ")"
	case *pgproto3.ReadyForQuery:
		return "ReadyForQuery(" + string(x.TxStatus) + ")"
	case *pgproto3.DataRow:
		var vals []string
		for _, v := range x.Values {
			vals = append(vals, string(v))
		}
		return "DataRow(" + strings.Join(vals, ",") + ")"
	default:
		return strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3.")
	}
}

func (r *rawConn) startup() {
	r.t.Helper()
	r.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "raw"}})
	r.readUntilReady()
}

func rawStartupPacket(version uint32, params ...string) []byte {
	body := binary.BigEndian.AppendUint32(nil, version)
	for _, p := range params {
		body = append(body, p...)
		body = append(body, 0)
	}
	body = append(body, 0)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body)+4)), body...)
}

func readErrorResponse(t *testing.T, nc net.Conn) *pgproto3.ErrorResponse {
	t.Helper()
	fe := pgproto3.NewFrontend(nc, nc)
	for {
		m, err := fe.Receive()
		if err != nil {
			t.Fatalf("receive: %v", err)
		}
		if er, ok := m.(*pgproto3.ErrorResponse); ok {
			return er
		}
	}
}

func TestExtendedProtocolRaw(t *testing.T) {
	ts := startServer(t, Config{})
	r := dialRaw(t, ts.addr)
	r.startup()
	check := func(got []string, want ...string) {
		t.Helper()
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("got  %v\nwant %v", got, want)
		}
	}
	// Row-limited execute with PortalSuspended.
	r.send(&pgproto3.Parse{Name: "s1", Query: "SELECT * FROM generate_series(1, 5)"},
		&pgproto3.Bind{PreparedStatement: "s1"},
		&pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "BindComplete", "RowDescription", "DataRow(1)", "DataRow(2)", "PortalSuspended",
		"DataRow(3)", "DataRow(4)", "PortalSuspended", "DataRow(5)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// Redefining a named statement: 42P05, then everything up to Sync is skipped.
	r.send(&pgproto3.Parse{Name: "s1", Query: "SELECT 1"},
		&pgproto3.Bind{PreparedStatement: "s1"},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(42P05)", "ReadyForQuery(I)")
	// Describe statement, text + binary params, per-column formats.
	r.send(&pgproto3.Parse{Name: "s2", Query: "SELECT $1::int4 AS a, $2::text AS b, $3::int8 AS c"},
		&pgproto3.Describe{ObjectType: 'S', Name: "s2"},
		&pgproto3.Bind{PreparedStatement: "s2", ParameterFormatCodes: []int16{1, 0, 0},
			Parameters: [][]byte{{0, 0, 0, 42}, []byte("x"), nil}, ResultFormatCodes: []int16{0, 1, 0}},
		&pgproto3.Execute{},
		&pgproto3.Close{ObjectType: 'S', Name: "s2"},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "ParameterDescription", "RowDescription", "BindComplete", "DataRow(42,x,)", "CommandComplete(SELECT 1)", "CloseComplete", "ReadyForQuery(I)")
	// Wrong parameter count; bad binary data; unknown statement/portal.
	r.send(&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{Parameters: [][]byte{}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "ERROR(08P01)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1}}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(08P01)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1, 2, 3, 4, 5}}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(22P03)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{Parameters: [][]byte{[]byte("abc")}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(22P02)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{PreparedStatement: "nope"}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(26000)", "ReadyForQuery(I)")
	r.send(&pgproto3.Execute{Portal: "nope"}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(34000)", "ReadyForQuery(I)")
	// Empty query via extended protocol, Flush.
	r.send(&pgproto3.Parse{Query: ""}, &pgproto3.Bind{}, &pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{}, &pgproto3.Flush{})
	var got []string
	for i := 0; i < 4; i++ {
		m, err := r.fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, describeMsg(m))
	}
	check(got, "ParseComplete", "BindComplete", "NoData", "EmptyQueryResponse")
	r.send(&pgproto3.Sync{})
	check(r.readUntilReady(), "ReadyForQuery(I)")
	// A simple query with an empty statement list.
	r.send(&pgproto3.Query{String: ""})
	check(r.readUntilReady(), "EmptyQueryResponse", "ReadyForQuery(I)")
	// COPY messages outside COPY are dropped; FunctionCall is refused.
	r.send(&pgproto3.CopyData{Data: []byte("x")}, &pgproto3.CopyDone{}, &pgproto3.Query{String: "SELECT 1"})
	check(r.readUntilReady(), "RowDescription", "DataRow(1)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// COPY FROM with CopyFail.
	r.send(&pgproto3.Query{String: "COPY items (name) FROM STDIN"}, &pgproto3.CopyData{Data: []byte("a\n")}, &pgproto3.CopyFail{Message: "nope"})
	check(r.readUntilReady(), "CopyInResponse", "ERROR(57014)", "ReadyForQuery(I)")
	// COPY through the extended protocol (Sync during copy-in is ignored).
	r.send(&pgproto3.Parse{Query: "COPY items (name, qty) FROM STDIN csv"}, &pgproto3.Bind{}, &pgproto3.Execute{},
		&pgproto3.CopyData{Data: []byte("e1,1\ne2,")}, &pgproto3.Flush{}, &pgproto3.CopyData{Data: []byte("2\n")}, &pgproto3.CopyDone{}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "BindComplete", "CopyInResponse", "CommandComplete(COPY 2)", "ReadyForQuery(I)")
	r.send(&pgproto3.Query{String: "SELECT qty FROM items WHERE name = 'e2'"})
	check(r.readUntilReady(), "RowDescription", "DataRow(2)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// A protocol violation closes the connection with 08P01.
	r.send(&pgproto3.PasswordMessage{Password: "x"})
	m, err := r.fe.Receive()
	if er, ok := m.(*pgproto3.ErrorResponse); err != nil || !ok || er.Code != "08P01" || er.Severity != "FATAL" {
		t.Fatalf("got %#v %v", m, err)
	}
	if _, err := r.fe.Receive(); err == nil {
		t.Fatal("connection not closed")
	}
}

func TestStartupEdgeCases(t *testing.T) {
	ts := startServer(t, Config{StartupTimeout: 300 * time.Millisecond})
	t.Run("version2", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(2<<16, "user", "x"))
		if er := readErrorResponse(t, r.nc); er.Code != "0A000" || er.Severity != "FATAL" {
			t.Fatal(er)
		}
	})
	t.Run("version3.2", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16|2, "user", "x", "_pq_.foo", "1"))
		m, err := r.fe.Receive()
		if npv, ok := m.(*pgproto3.NegotiateProtocolVersion); err != nil || !ok || npv.NewestMinorProtocol != 0 || len(npv.UnrecognizedOptions) != 1 {
			t.Fatalf("%#v %v", m, err)
		}
		r.readUntilReady()
	})
	t.Run("ssl-gss-then-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		b := make([]byte, 1)
		r.nc.Write([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x30}) // GSSENCRequest
		io.ReadFull(r.nc, b)
		if b[0] != 'N' {
			t.Fatalf("gss answer %q", b)
		}
		r.nc.Write([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}) // SSLRequest
		io.ReadFull(r.nc, b)
		if b[0] != 'N' {
			t.Fatalf("ssl answer %q", b)
		}
		r.startup()
	})
	t.Run("no-user", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16, "database", "x"))
		if er := readErrorResponse(t, r.nc); er.Code != "28000" {
			t.Fatal(er)
		}
	})
	t.Run("huge-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write([]byte{0, 1, 0, 0, 0, 3, 0, 0})
		if er := readErrorResponse(t, r.nc); er.Code != "08P01" {
			t.Fatal(er)
		}
	})
	t.Run("truncated-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16, "user")[:10])
		r.nc.(*net.TCPConn).CloseWrite()
		buf := make([]byte, 100)
		if n, err := r.nc.Read(buf); err == nil {
			t.Fatalf("got %q", buf[:n])
		}
	})
	t.Run("timeout", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		// The server, not the client's own deadline, ends the silent
		// connection.
		buf := make([]byte, 1)
		_, err := r.nc.Read(buf)
		var ne net.Error
		if err == nil || errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("err=%v: the server did not time the startup out", err)
		}
	})
	t.Run("session-rejected", func(t *testing.T) {
		_, err := pgx.Connect(tctx(t), ts.dsn("application_name=reject-me"))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "3D000" {
			t.Fatal(err)
		}
	})
}
