package pgwire

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type testServer struct {
	srv  *Server
	addr string
	eng  *fakeEngine
	done chan error
}

// testServerVersion is the server_version the test servers report (the
// fake engine's sessions report none of their own).
const testServerVersion = "15.0 (raftsql 0.1.0)"

func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	eng := &fakeEngine{}
	if cfg.Engine == nil {
		cfg.Engine = eng
	}
	if cfg.Logger == nil {
		cfg.Logger = testLogger(t)
	}
	if cfg.ServerVersion == "" {
		cfg.ServerVersion = testServerVersion
	}
	srv := NewServer(cfg)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{srv: srv, addr: l.Addr().String(), eng: eng, done: make(chan error, 1)}
	go func() { ts.done <- srv.Serve(context.Background(), l) }()
	t.Cleanup(func() {
		srv.Close()
		select {
		case err := <-ts.done:
			if !errors.Is(err, ErrServerClosed) {
				t.Errorf("Serve returned %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("Serve did not return")
		}
	})
	return ts
}

func (ts *testServer) dsn(extra string) string {
	d := fmt.Sprintf("postgres://tester@%s/testdb?sslmode=disable", ts.addr)
	if extra != "" {
		d += "&" + extra
	}
	return d
}

func connect(t testing.TB, ts *testServer, extra string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, ts.dsn(extra))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func tctx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// waitFor polls cond until it holds; the test context's deadline bounds
// the wait. Tests wait for conditions, never for durations.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	ctx := tctx(t)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-tick.C:
		}
	}
}

// runningStatements counts the connections of srv that are executing a
// statement (one a CancelRequest could interrupt).
func runningStatements(srv *Server) int {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	n := 0
	for c := range srv.conns {
		c.mu.Lock()
		if c.stmtCancel != nil {
			n++
		}
		c.mu.Unlock()
	}
	return n
}

func modeParam(m pgx.QueryExecMode) string {
	return "default_query_exec_mode=" + strings.ReplaceAll(m.String(), " ", "_")
}

var allModes = []pgx.QueryExecMode{
	pgx.QueryExecModeCacheStatement,
	pgx.QueryExecModeCacheDescribe,
	pgx.QueryExecModeDescribeExec,
	pgx.QueryExecModeExec,
	pgx.QueryExecModeSimpleProtocol,
}

func TestLimits(t *testing.T) {
	ts := startServer(t, Config{MaxMessageSize: 4096, MaxConnections: 2})
	ctx := tctx(t)
	c1 := connect(t, ts, "")
	_ = connect(t, ts, "")
	_, err := pgx.Connect(ctx, ts.dsn(""))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "53300" {
		t.Fatalf("third connection: %v", err)
	}
	_, err = c1.Exec(ctx, "SELECT '"+strings.Repeat("x", 10000)+"'")
	if !errors.As(err, &pgErr) || pgErr.Code != "54000" {
		t.Fatalf("oversized: %v", err)
	}
	// The oversized connection is closed, so a new one fits.
	waitFor(t, "the oversized connection to close", func() bool { return ts.srv.active.Load() == 1 })
	c3 := connect(t, ts, "")
	if err := c3.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestCancelRequest(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	conn := connect(t, ts, "")
	errc := make(chan error, 1)
	go func() {
		_, err := conn.Exec(ctx, "SELECT pg_sleep(30)")
		errc <- err
	}()
	waitFor(t, "the statement to start", func() bool { return runningStatements(ts.srv) == 1 })
	// A wrong secret is ignored. The server closes a cancel connection once
	// it has handled the request, so EOF means the request was seen.
	other := dialRaw(t, ts.addr)
	pkt := binary.BigEndian.AppendUint32(nil, 16)
	pkt = binary.BigEndian.AppendUint32(pkt, cancelRequestCode)
	pkt = binary.BigEndian.AppendUint32(pkt, conn.PgConn().PID())
	pkt = binary.BigEndian.AppendUint32(pkt, 0xdeadbeef)
	other.nc.Write(pkt)
	if n, err := other.nc.Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("cancel connection: read %d bytes, %v; want EOF", n, err)
	}
	select {
	case err := <-errc:
		t.Fatalf("wrong-secret cancel interfered: %v", err)
	default:
	}
	if runningStatements(ts.srv) != 1 {
		t.Fatal("wrong-secret cancel interfered: the statement is no longer running")
	}
	if err := conn.PgConn().CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57014" {
			t.Fatalf("got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancel did not work")
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	// The cancelled statement's context is not the next one's (statements
	// share a context until a cancel request ends it), and a second cancel
	// reaches the statement then running.
	if _, err := conn.Exec(ctx, "SELECT pg_sleep(0.001)"); err != nil {
		t.Fatalf("the statement after a cancelled one: %v", err)
	}
	go func() {
		_, err := conn.Exec(ctx, "SELECT pg_sleep(30)")
		errc <- err
	}()
	waitFor(t, "the second statement to start", func() bool { return runningStatements(ts.srv) == 1 })
	if err := conn.PgConn().CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	var pgErr *pgconn.PgError
	if err := <-errc; !errors.As(err, &pgErr) || pgErr.Code != "57014" {
		t.Fatalf("second cancel: %v", err)
	}
}

func TestServerCloseWithClients(t *testing.T) {
	eng := &fakeEngine{}
	srv := NewServer(Config{Engine: eng, Logger: testLogger(t)})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(context.Background(), l) }()
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://x@%s/db?sslmode=disable", l.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	// Close must not wait for the running statement: were it to, the test
	// would hang for an hour.
	go func() { _, err := conn.Exec(ctx, "SELECT pg_sleep(3600)"); errc <- err }()
	waitFor(t, "the statement to start", func() bool { return runningStatements(srv) == 1 })
	srv.Close()
	if err := <-done; !errors.Is(err, ErrServerClosed) {
		t.Fatal(err)
	}
	if err := <-errc; err == nil {
		t.Fatal("statement survived Close")
	}
	// Serve after Close fails.
	l2, _ := net.Listen("tcp", "127.0.0.1:0")
	if err := srv.Serve(context.Background(), l2); !errors.Is(err, ErrServerClosed) {
		t.Fatal(err)
	}
}

func TestServeContextCancel(t *testing.T) {
	srv := NewServer(Config{Engine: &fakeEngine{}, Logger: testLogger(t)})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, "127.0.0.1:0") }()
	waitFor(t, "the server to listen", func() bool {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return len(srv.listeners) == 1
	})
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not stop")
	}
}

func TestFatalSessionErrorClosesConnection(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeCacheStatement} {
		conn := connect(t, ts, "")
		_, err := conn.Exec(ctx, "SELECT raise_fatal('25P03')", mode)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "25P03" || pgErr.Severity != "FATAL" {
			t.Fatalf("%v: %v", mode, err)
		}
		if err := conn.Ping(ctx); err == nil {
			t.Fatalf("%v: connection still usable after FATAL", mode)
		}
	}
	// The raw view: the error is followed by EOF, not ReadyForQuery.
	r := dialRaw(t, ts.addr)
	r.startup()
	r.send(&pgproto3.Query{String: "SELECT raise_fatal('57P01')"})
	m, err := r.fe.Receive()
	if er, ok := m.(*pgproto3.ErrorResponse); err != nil || !ok || er.Severity != "FATAL" {
		t.Fatalf("%#v %v", m, err)
	}
	if m, err := r.fe.Receive(); err == nil {
		t.Fatalf("got %T after FATAL", m)
	}
}
