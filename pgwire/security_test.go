package pgwire

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// Bytes pipelined behind an SSLRequest were sent in clear text before the
// handshake: a man in the middle may have injected them, so the server
// refuses them instead of answering 'S' (CVE-2021-23214).
func TestSSLRequestWithTrailingBytesRefused(t *testing.T) {
	ts := startServer(t, Config{TLSConfig: selfSignedTLS(t)})
	r := dialRaw(t, ts.addr)
	req := []byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}
	r.nc.Write(append(req, rawStartupPacket(3<<16, "user", "x")...))
	if er := readErrorResponse(t, r.nc); er.Code != "08P01" || er.Severity != "FATAL" {
		t.Fatalf("got %+v, want FATAL 08P01", er)
	}
}

// A client that sends part of its startup packet and then nothing (slow
// loris) is dropped after StartupTimeout.
func TestSlowLorisStartupTimedOut(t *testing.T) {
	ts := startServer(t, Config{StartupTimeout: 100 * time.Millisecond})
	r := dialRaw(t, ts.addr)
	r.nc.Write([]byte{0, 0, 0, 40, 0, 3})
	if _, err := io.ReadAll(r.nc); err != nil {
		t.Fatalf("want the server to close the connection, got %v", err)
	}
	// The server still serves everyone else.
	r2 := dialRaw(t, ts.addr)
	r2.startup()
}

// A client that authenticates no further than the SASL challenge is
// dropped by the same timeout.
func TestStalledAuthenticationTimedOut(t *testing.T) {
	ts := startServer(t, Config{StartupTimeout: 100 * time.Millisecond,
		Auth: SCRAMAuth{Password: func(string) (string, bool) { return "pw", true }}})
	r := dialRaw(t, ts.addr)
	r.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "u"}})
	if _, err := io.ReadAll(r.nc); err != nil {
		t.Fatalf("want the server to close the connection, got %v", err)
	}
}

func TestIdleSessionTimeout(t *testing.T) {
	ts := startServer(t, Config{IdleSessionTimeout: 50 * time.Millisecond})
	r := dialRaw(t, ts.addr)
	r.startup()
	if er := readErrorResponse(t, r.nc); er.Code != "57P05" || er.Severity != "FATAL" {
		t.Fatalf("got %+v, want FATAL 57P05", er)
	}
}

func TestReservedSuperuserSlots(t *testing.T) {
	ts := startServer(t, Config{MaxConnections: 2, ReservedConnections: 1,
		IsSuperuser: func(u string) bool { return u == "admin" }})
	ctx := tctx(t)
	dsn := func(user string) string { return fmt.Sprintf("postgres://%s@%s/db?sslmode=disable", user, ts.addr) }
	c1, err := pgx.Connect(ctx, dsn("bob"))
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Close(ctx)
	if is := c1.PgConn().ParameterStatus("is_superuser"); is != "off" {
		t.Errorf("is_superuser of bob = %q", is)
	}
	_, err = pgx.Connect(ctx, dsn("carol"))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "53300" {
		t.Fatalf("ordinary role in the reserved slot: %v", err)
	}
	c2, err := pgx.Connect(ctx, dsn("admin"))
	if err != nil {
		t.Fatalf("superuser in the reserved slot: %v", err)
	}
	c2.Close(ctx)
}

func TestSCRAMVerifierRoundTrip(t *testing.T) {
	v, err := NewSCRAMVerifier("pencil", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseSCRAMVerifier(v.String())
	if err != nil || p.String() != v.String() {
		t.Fatalf("round trip: %v %q != %q", err, p.String(), v.String())
	}
	for _, bad := range []string{"", "md5abc", "SCRAM-SHA-256$", "SCRAM-SHA-256$x:AAAA$AAAA:AAAA", "SCRAM-SHA-256$4096:AAAA$AAAA:AAAA", "SCRAM-SHA-256$-1:" + v.String()[20:]} {
		if _, err := ParseSCRAMVerifier(bad); err == nil {
			t.Errorf("ParseSCRAMVerifier(%q) accepted", bad)
		}
	}
}

// With stored verifiers a wrong password and an unknown user get the same
// error: nothing tells a client whether the user exists.
func TestSCRAMVerifierAuth(t *testing.T) {
	v, err := NewSCRAMVerifier("secret", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, Config{Auth: SCRAMAuth{Verifier: func(u string) (SCRAMVerifier, bool) { return v, u == "tester" }}})
	ctx := tctx(t)
	c, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester:secret@%s/db?sslmode=disable", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	c.Close(ctx)
	msgs := map[string]string{}
	for _, u := range []string{"tester", "nobody"} {
		_, err := pgx.Connect(ctx, fmt.Sprintf("postgres://%s:wrong@%s/db?sslmode=disable", u, ts.addr))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
			t.Fatalf("%s: %v", u, err)
		}
		msgs[u] = fmt.Sprintf("%s|%s|%s", pgErr.Severity, pgErr.Detail, pgErr.Hint)
	}
	if msgs["tester"] != msgs["nobody"] {
		t.Fatalf("errors differ: %q vs %q", msgs["tester"], msgs["nobody"])
	}
}

// Row-limited Executes buffer their statement's rows for the following
// fetches: the connection's total is bounded (54000 beyond it), across
// portals, and rows fetched no longer count.
func TestRowLimitedExecuteBufferBounded(t *testing.T) {
	ts := startServer(t, Config{MaxResultBuffer: 200})
	r := dialRaw(t, ts.addr)
	r.startup()
	gen := func(n int) string { return fmt.Sprintf("SELECT * FROM generate_series(1, %d)", n) }
	// 10 rows of about 5-6 bytes each fit; fetched two at a time.
	r.send(&pgproto3.Parse{Name: "a", Query: gen(10)}, &pgproto3.Bind{DestinationPortal: "pa", PreparedStatement: "a"},
		&pgproto3.Execute{Portal: "pa", MaxRows: 2}, &pgproto3.Flush{})
	r.send(&pgproto3.Parse{Name: "b", Query: gen(1000)}, &pgproto3.Bind{DestinationPortal: "pb", PreparedStatement: "b"},
		&pgproto3.Execute{Portal: "pb", MaxRows: 2}, &pgproto3.Sync{})
	got := strings.Join(r.readUntilReady(), " ")
	if !strings.Contains(got, "DataRow(1) DataRow(2) PortalSuspended") || !strings.Contains(got, "ERROR(54000)") {
		t.Fatalf("got %s", got)
	}
	// The connection still serves, and a result without a row limit streams whatever its size.
	r.send(&pgproto3.Parse{Query: gen(1000)}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{})
	if got := r.readUntilReady(); got[len(got)-2] != "CommandComplete(SELECT 1000)" {
		t.Fatalf("unlimited execute: %v", got[len(got)-3:])
	}
}
