package main

import (
	"bytes"
	"encoding/json"
	"net"
	"strings"
	"testing"
)

func TestStatusCommand(t *testing.T) {
	n := startOne(t, t.TempDir())
	host, port, _ := net.SplitHostPort(n.PGAddr().String())
	var out, errb bytes.Buffer
	if code := run([]string{"status", "--host", host, "--port", port, "--sslmode", "disable"}, &out, &errb); code != 0 {
		t.Fatalf("status: exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "id ") || !strings.Contains(lines[0], "applied_index") || !strings.Contains(lines[1], " n1 ") || !strings.Contains(lines[1], "leader") {
		t.Fatalf("status table:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"status", "--host", host, "--port", port, "--sslmode", "disable", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("status --json: exit %d: %s", code, errb.String())
	}
	var members []map[string]string
	if err := json.Unmarshal(out.Bytes(), &members); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out.String())
	}
	if len(members) != 1 || members[0]["name"] != "n1" || members[0]["state"] != "leader" || members[0]["role"] != "voter" {
		t.Fatalf("status --json: %v", members)
	}
}

func TestStatusCommandErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"status", "--port", "0"}, &out, &errb); code != 2 {
		t.Fatalf("--port 0: exit %d, want 2", code)
	}
	// Nothing listens on a port just closed: a one-line error, exit 1.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	errb.Reset()
	if code := run([]string{"status", "--host", "127.0.0.1", "--port", port, "--timeout", "5s"}, &out, &errb); code != 1 || strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
		t.Fatalf("no server: exit %d, stderr %q", code, errb.String())
	}
}

func TestAdminFlagsValidated(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--pprof"},
		{"serve", "--http-listen", "not-an-address"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errb.String())
		}
	}
}
