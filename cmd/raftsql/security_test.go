package main

import (
	"bytes"
	"crypto/tls"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsql/raftsql"
)

func TestCertsMakesAUsableSetup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "certs")
	var out, errb bytes.Buffer
	if code := run([]string{"certs", "--dir", dir, "--nodes", "n1,n2", "--clients", "alice"}, &out, &errb); code != 0 {
		t.Fatalf("certs: %d %s", code, errb.String())
	}
	for _, n := range []string{"n1", "n2", "alice"} {
		if _, err := tls.LoadX509KeyPair(filepath.Join(dir, n+".crt"), filepath.Join(dir, n+".key")); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if fi, err := os.Stat(filepath.Join(dir, n+".key")); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s.key mode: %v %v", n, fi.Mode(), err)
		}
	}
	// A second run reuses the CA and refuses to overwrite.
	out.Reset()
	if code := run([]string{"certs", "--dir", dir, "--nodes", "n3"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "using the CA") {
		t.Fatalf("second run: %d %s %s", code, out.String(), errb.String())
	}
	if code := run([]string{"certs", "--dir", dir, "--nodes", "n3"}, &out, &errb); code != 1 {
		t.Fatalf("overwrite: exit %d", code)
	}
	// The files are what serve's flags take.
	f := flagsFor(t, "--tls-cert", filepath.Join(dir, "n1.crt"), "--tls-key", filepath.Join(dir, "n1.key"),
		"--peer-tls-cert", filepath.Join(dir, "n1.crt"), "--peer-tls-key", filepath.Join(dir, "n1.key"), "--peer-tls-ca", filepath.Join(dir, "ca.crt"),
		"--tls-client-ca", filepath.Join(dir, "ca.crt"))
	if f.TLS == nil || f.PeerTLS == nil || f.TLS.ClientAuth != tls.RequireAndVerifyClientCert {
		t.Fatalf("config: %+v", f)
	}
	// With host-based rules, cert lines say who needs a certificate.
	f = flagsFor(t, "--tls-cert", filepath.Join(dir, "n1.crt"), "--tls-key", filepath.Join(dir, "n1.key"),
		"--tls-client-ca", filepath.Join(dir, "ca.crt"), "--hba-file", "hba.conf")
	if f.HBAFile != "hba.conf" || f.TLS.ClientAuth != tls.VerifyClientCertIfGiven {
		t.Fatalf("config with --hba-file: %+v", f)
	}
}

func flagsFor(t *testing.T, args ...string) raftsql.Config {
	t.Helper()
	cfg, err := securityConfig(args, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestSecurityFlags(t *testing.T) {
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	cfg, err := securityConfig([]string{"--superuser-password-file", pw}, func(string) string { return "env" })
	if err != nil || cfg.SuperuserPassword != "s3cret" {
		t.Fatalf("password file: %q %v", cfg.SuperuserPassword, err)
	}
	cfg, err = securityConfig(nil, func(k string) string { return map[string]string{passwordEnv: "fromenv"}[k] })
	if err != nil || cfg.SuperuserPassword != "fromenv" {
		t.Fatalf("password env: %q %v", cfg.SuperuserPassword, err)
	}
	for _, bad := range [][]string{{"--tls-cert", "x"}, {"--peer-tls-ca", "x"}, {"--superuser-password-file", "/nonexistent"}} {
		if _, err := securityConfig(bad, func(string) string { return "" }); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	// scram (the default off loopback) without a password is refused,
	// naming the flag; trust must be explicit off loopback.
	var out, errb bytes.Buffer
	code := run([]string{"serve", "--pg-listen", "0.0.0.0:0", "--data-dir", t.TempDir(), "--raft-listen", "127.0.0.1:0"}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "--superuser-password-file") {
		t.Fatalf("scram without a password: %d %q", code, errb.String())
	}
	errb.Reset()
	hba := filepath.Join(t.TempDir(), "hba.conf")
	os.WriteFile(hba, []byte("host all all all trust\n"), 0o600)
	code = run([]string{"serve", "--hba-file", hba, "--auth", "scram", "--data-dir", t.TempDir()}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "--auth") {
		t.Fatalf("--hba-file with --auth: %d %q", code, errb.String())
	}
	errb.Reset()
	code = run([]string{"serve", "--auth", "none", "--data-dir", t.TempDir()}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "--auth") {
		t.Fatalf("bad --auth: %d %q", code, errb.String())
	}
}

// TestJoinTokenFlag: --join-token-file gives the token (trimmed); an empty
// or missing file is refused, and --join without it names the flag.
func TestJoinTokenFlag(t *testing.T) {
	dir := t.TempDir()
	tok, empty := filepath.Join(dir, "token"), filepath.Join(dir, "empty")
	os.WriteFile(tok, []byte("  abc123\n"), 0o600)
	os.WriteFile(empty, []byte("\n"), 0o600)
	if cfg := flagsFor(t, "--join-token-file", tok); cfg.JoinToken != "abc123" {
		t.Fatalf("join token %q", cfg.JoinToken)
	}
	for _, bad := range []string{empty, filepath.Join(dir, "missing")} {
		if _, err := securityConfig([]string{"--join-token-file", bad}, func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "--join-token-file") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	var out, errb bytes.Buffer
	code := run([]string{"serve", "--id", "n4", "--data-dir", filepath.Join(dir, "d"), "--raft-listen", "127.0.0.1:0", "--pg-listen", "127.0.0.1:0", "--join", "127.0.0.1:1"}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "--join-token-file") || !strings.Contains(errb.String(), "SHOW raftsql.join_token") {
		t.Fatalf("--join without a token: %d %q", code, errb.String())
	}
}

// securityConfig parses only the security flags (tests).
func securityConfig(args []string, getenv func(string) string) (raftsql.Config, error) {
	fs := flag.NewFlagSet("security", flag.ContinueOnError)
	f := addSecurityFlags(fs)
	cfg := raftsql.Config{MaxConnections: 200}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	err := f.apply(fs, &cfg, getenv)
	return cfg, err
}
