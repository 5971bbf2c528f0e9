package main

import (
	"bytes"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

func TestBadFlagsExitTwoWithUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--no-such-flag"},
		{"serve", "--pg-listen", "not-an-address"},
		{"serve", "--initial-cluster", "n1"},
		{"serve", "--log-level", "loud"},
		{"serve", "--max-connections", "0"},
		{"serve", "extra"},
		{"demo", "--nodes", "0"},
		{"demo", "--nodes", "many"},
		{"frobnicate"},
	} {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, errb.String())
		}
		if errb.Len() == 0 {
			t.Errorf("%v: nothing on stderr", args)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "raftsql serve") {
		t.Fatalf("help: %d %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"version"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "raftsql ") {
		t.Fatalf("version: %d %q", code, out.String())
	}
}

// A taken port gives a one-line error naming the flag that moves it.
func TestPortInUseNamesTheFlag(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	freeAddr := free.Addr().String()
	free.Close()
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"--pg-listen", l.Addr().String(), "--raft-listen", freeAddr}, "--pg-listen"},
		{[]string{"--pg-listen", freeAddr, "--raft-listen", l.Addr().String()}, "--raft-listen"},
	} {
		var out, errb bytes.Buffer
		args := append([]string{"serve", "--data-dir", filepath.Join(t.TempDir(), "d"), "--log-level", "error"}, tc.args...)
		code := run(args, &out, &errb)
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1; stderr %q", tc.args, code, errb.String())
		}
		msg := strings.TrimSpace(errb.String())
		if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, tc.flag) {
			t.Fatalf("%v: error %q should be one line naming %s", tc.args, msg, tc.flag)
		}
	}
}

// The node's configuration errors name Config fields; the command names
// its flags instead.
func TestConfigErrorNamesTheFlag(t *testing.T) {
	var out, errb bytes.Buffer
	args := []string{"serve", "--data-dir", filepath.Join(t.TempDir(), "d"), "--log-level", "error",
		"--pg-listen", "127.0.0.1:0", "--id", "n9", "--initial-cluster", "n1=127.0.0.1:1"}
	if code := run(args, &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errb.String())
	}
	msg := strings.TrimSpace(errb.String())
	if !strings.Contains(msg, "--id") || strings.Contains(msg, "Config.") {
		t.Fatalf("error %q should name --id, not a Config field", msg)
	}
}
