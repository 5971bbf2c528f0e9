package pgrecord

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// upstream is a minimal server: it refuses SSL, accepts the startup and
// answers every Query with CommandComplete and ReadyForQuery.
func upstream(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		nc, err := ln.Accept()
		if err != nil {
			return
		}
		defer nc.Close()
		be := pgproto3.NewBackend(nc, nc)
		for {
			m, err := be.ReceiveStartupMessage()
			if err != nil {
				return
			}
			if _, ok := m.(*pgproto3.SSLRequest); ok {
				nc.Write([]byte{'N'})
				continue
			}
			break
		}
		be.Send(&pgproto3.AuthenticationOk{})
		be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
		be.Flush()
		for {
			m, err := be.Receive()
			if err != nil {
				return
			}
			switch m.(type) {
			case *pgproto3.Query:
				be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SELECT 0")})
				be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
				be.Flush()
			case *pgproto3.Terminate:
				return
			}
		}
	}()
	return ln.Addr().String()
}

func TestProxyRecordsBothDirections(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Proxy{Upstream: upstream(t), Dir: dir}
	served := make(chan error, 1)
	go func() { served <- p.Serve(ctx, ln) }()

	nc, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	nc.SetDeadline(time.Now().Add(20 * time.Second))
	fe := pgproto3.NewFrontend(nc, nc)
	fe.Send(&pgproto3.SSLRequest{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 1)
	if _, err := io.ReadFull(nc, b); err != nil || b[0] != 'N' {
		t.Fatalf("SSL answer %q, %v", b, err)
	}
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "u"}})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []string
	// Each step waits for ReadyForQuery, so the trace's order is fixed.
	untilReady := func() {
		for {
			m, err := fe.Receive()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, typeName(m))
			if _, ok := m.(*pgproto3.ReadyForQuery); ok {
				return
			}
		}
	}
	untilReady()
	fe.Send(&pgproto3.Query{String: "SELECT 1"})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	untilReady()
	fe.Send(&pgproto3.Terminate{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := fe.Receive(); err == nil {
		t.Fatal("message after Terminate")
	}
	nc.Close()
	cancel()
	if err := <-served; !errors.Is(err, context.Canceled) {
		t.Fatalf("Serve: %v", err)
	}
	want := []string{"AuthenticationOk", "ReadyForQuery", "CommandComplete", "ReadyForQuery"}
	if len(got) != len(want) {
		t.Fatalf("client got %v, want %v", got, want)
	}

	f, err := os.Open(filepath.Join(dir, "conn-001.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ Dir, Type string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l.Dir+" "+l.Type)
	}
	wantLines := []string{"F SSLRequest", "B SSLRequestAnswer", "F StartupMessage", "B AuthenticationOk",
		"B ReadyForQuery", "F Query", "B CommandComplete", "B ReadyForQuery", "F Terminate", "-- ConnectionClosed"}
	if len(lines) != len(wantLines) {
		t.Fatalf("trace %v, want %v", lines, wantLines)
	}
	for i := range lines {
		if lines[i] != wantLines[i] {
			t.Fatalf("trace %v, want %v", lines, wantLines)
		}
	}
}
