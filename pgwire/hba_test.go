package pgwire

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/raftsql/raftsql/devcert"
)

func mustHBA(t *testing.T, text string) *HBA {
	t.Helper()
	h, err := ParseHBA(strings.NewReader(text), "hba.conf")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestParseHBARefusesWhatItDoesNotSupport(t *testing.T) {
	for _, bad := range []string{
		"host all all 10.0.0.0/8",                       // 4 fields
		"host all all 10.0.0.0/8 scram-sha-256 extra=1", // options
		"hostgssenc all all all trust",                  // type
		"host all all example.com trust",                // host name
		"host all all 10.0.0.1 trust",                   // bare address (PostgreSQL wants a mask)
		"host all all samenet trust",                    // samenet
		"host all all all password",                     // cleartext method
		"host all all all ident",                        // unknown method
		"host all all all cert",                         // cert outside hostssl
		"host all +admins all trust",                    // groups
		"host @dbs all all trust",                       // includes
		`host "My DB" all all trust`,                    // quoting
		"host sameuser all all trust",                   // keywords
	} {
		if _, err := ParseHBA(strings.NewReader("# comment\n\n"+bad+"\n"), "hba.conf"); err == nil || !strings.Contains(err.Error(), "hba.conf:3:") {
			t.Errorf("%q: got %v, want an error naming hba.conf:3", bad, err)
		}
	}
}

func TestHBAFirstMatchWins(t *testing.T) {
	h := mustHBA(t, `
local   all      all                  trust   # skipped: TCP only
hostnossl all    all    10.1.0.0/16   reject
host    shop     alice,bob 10.0.0.0/8 scram-sha-256
hostssl all      all    all           cert
host    all      all    127.0.0.1/32  trust
host    all      all    ::1/128       md5
`)
	addr := func(s string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(s), Port: 5000} }
	for _, c := range []struct {
		ip       string
		ssl      bool
		user, db string
		want     string // method, "" for none
	}{
		{"10.1.2.3", false, "alice", "shop", HBARej},
		{"10.1.2.3", true, "alice", "shop", HBASCRAM},
		{"10.2.0.1", false, "bob", "shop", HBASCRAM},
		{"10.2.0.1", false, "carol", "shop", ""},
		{"10.2.0.1", false, "alice", "other", ""},
		{"10.2.0.1", true, "carol", "other", HBACert},
		{"127.0.0.1", false, "x", "y", HBATrust},
		{"::1", false, "x", "y", HBASCRAM},
		{"::ffff:127.0.0.1", false, "x", "y", HBATrust},
		{"192.168.1.1", false, "x", "y", ""},
	} {
		got := ""
		if r := h.Match(addr(c.ip), c.ssl, c.user, c.db); r != nil {
			got = r.Method
		}
		if got != c.want {
			t.Errorf("%s ssl=%v %s@%s: method %q, want %q", c.ip, c.ssl, c.user, c.db, got, c.want)
		}
	}
}

// A client no line matches is refused with PostgreSQL's message, which
// names its host, user, database and encryption; a reject line likewise.
func TestHBAAuthRefusals(t *testing.T) {
	h := mustHBA(t, "hostssl all all all trust\nhost all evil 10.0.0.0/8 reject\n")
	a := HBAAuth{Rules: func() *HBA { return h }}
	info := SessionInfo{User: "bob", Database: "shop", RemoteAddr: &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 4000}}
	err := a.Authenticate(context.Background(), info, nil)
	var e *Error
	if !errors.As(err, &e) || e.Code != "28000" || e.Message != `no pg_hba.conf entry for host "192.0.2.7", user "bob", database "shop", no encryption` {
		t.Fatalf("no entry: %#v", err)
	}
	info.User, info.RemoteAddr = "evil", &net.TCPAddr{IP: net.ParseIP("10.9.9.9"), Port: 4000}
	err = a.Authenticate(context.Background(), info, nil)
	if !errors.As(err, &e) || e.Code != "28000" || e.Message != `pg_hba.conf rejects connection for host "10.9.9.9", user "evil", database "shop", no encryption` {
		t.Fatalf("reject: %#v", err)
	}
	info.TLS = &tls.ConnectionState{}
	if err := a.Authenticate(context.Background(), info, nil); err != nil {
		t.Fatalf("hostssl trust: %v", err)
	}
}

// Over a real connection: a client that skips TLS is refused by hostssl
// rules, the same client with TLS gets in; cert authentication wants the
// certificate's CN to be the user name.
func TestHBAOverTheWire(t *testing.T) {
	ca, err := devcert.NewCA("test CA", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	srvCert, err := ca.TLSCertificate("server", []string{"127.0.0.1"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	h := mustHBA(t, "hostssl all alice 127.0.0.1/32 cert\nhostssl all all 127.0.0.1/32 trust\n")
	ts := startServer(t, Config{
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{srvCert}, ClientCAs: ca.Pool(), ClientAuth: tls.VerifyClientCertIfGiven},
		Auth:      HBAAuth{Rules: func() *HBA { return h }},
	})
	ctx := tctx(t)
	connect := func(user, sslmode, clientCN string) error {
		cfg, err := pgx.ParseConfig(fmt.Sprintf("postgres://%s@%s/db?sslmode=%s", user, ts.addr, sslmode))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.TLSConfig != nil {
			cfg.TLSConfig.RootCAs, cfg.TLSConfig.InsecureSkipVerify = ca.Pool(), false
			cfg.TLSConfig.ServerName = "127.0.0.1"
			if clientCN != "" {
				c, err := ca.TLSCertificate(clientCN, nil, time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				cfg.TLSConfig.Certificates = []tls.Certificate{c}
			}
		}
		c, err := pgx.ConnectConfig(ctx, cfg)
		if err == nil {
			c.Close(ctx)
		}
		return err
	}
	want28000 := func(err error, msg string) {
		t.Helper()
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28000" || pgErr.Message != msg {
			t.Fatalf("got %v, want 28000 %q", err, msg)
		}
	}
	want28000(connect("bob", "disable", ""), `no pg_hba.conf entry for host "127.0.0.1", user "bob", database "db", no encryption`)
	if err := connect("bob", "verify-full", ""); err != nil {
		t.Fatalf("bob over TLS: %v", err)
	}
	if err := connect("alice", "verify-full", "alice"); err != nil {
		t.Fatalf("alice with her certificate: %v", err)
	}
	want28000(connect("alice", "verify-full", "mallory"), `certificate authentication failed for user "alice"`)
	want28000(connect("alice", "verify-full", ""), `connection requires a valid client certificate`)
}

// Whatever a host-based authentication file holds, reading it gives rules
// with known types and methods or an error naming a line, never a panic.
func FuzzParseHBA(f *testing.F) {
	f.Add("host all all 10.0.0.0/8 scram-sha-256\nhostssl db1,db2 u1 ::1/128 cert\n")
	f.Add("local all all trust\nhostnossl all all all reject # no TLS\n")
	f.Add("host all all 300.1.1.1/8 md5")
	f.Fuzz(func(t *testing.T, text string) {
		h, err := ParseHBA(strings.NewReader(text), "f")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, r := range h.Rules {
			switch r.Method {
			case HBATrust, HBASCRAM, HBACert, HBARej:
			default:
				t.Fatalf("rule with method %q", r.Method)
			}
		}
		for _, ip := range []string{"127.0.0.1", "::1", "10.1.2.3"} {
			h.Match(&net.TCPAddr{IP: net.ParseIP(ip)}, ip == "::1", "u1", "db1")
		}
	})
}

func FuzzSASLprep(f *testing.F) {
	for _, s := range []string{"IX", "\u2168", "a\u200bb", "\xff", "\u0627\u0031", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pw string) {
		p := SASLprep(pw)
		if SASLprep(p) != p {
			// PostgreSQL's SASLprep is idempotent on its own output
			// too; a difference would make stored and typed passwords
			// disagree.
			t.Fatalf("SASLprep(%+q) = %+q, but SASLprep of that is %+q", pw, p, SASLprep(p))
		}
	})
}
