package integration

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/devcert"
)

// A node with a host-based authentication file: plaintext refused by a
// hostnossl reject line, psql over verify-full with a password, a client
// certificate whose CN must be the user, and a reload that changes the
// rules for the next client.
func TestHBAFileRulesCertAndReload(t *testing.T) {
	dir := t.TempDir()
	ca, err := devcert.NewCA("test CA", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(caFile, ca.CertPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	cert, err := ca.TLSCertificate("node", []string{"127.0.0.1", "localhost"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	hba := filepath.Join(dir, "hba.conf")
	write := func(text string) {
		if err := os.WriteFile(hba, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`# TYPE  DATABASE USER   ADDRESS       METHOD
hostssl all      alice  127.0.0.1/32  cert
hostnossl all    all    all           reject
hostssl all      all    127.0.0.1/32  scram-sha-256
`)
	const password = "correct horse"
	c := startMemClusterWith(t, 1, func(cfg *raftsql.Config) {
		cfg.HBAFile = hba
		cfg.SuperuserPassword = password
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: ca.Pool(), ClientAuth: tls.VerifyClientCertIfGiven}
	})
	c.waitLeader(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	addr := c.pgAddrs[0]

	admin, err := pgx.Connect(ctx, secureURL(addr, "postgres", password, caFile))
	if err != nil {
		t.Fatalf("superuser over verify-full TLS: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE ROLE alice LOGIN"); err != nil {
		t.Fatal(err)
	}

	want28000 := func(err error, msg string) {
		t.Helper()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "28000" || pe.Message != msg {
			t.Fatalf("got %v, want 28000 %q", err, msg)
		}
	}
	plain := strings.Replace(secureURL(addr, "postgres", password, caFile), "sslmode=verify-full", "sslmode=disable", 1)
	_, err = pgx.Connect(ctx, plain)
	want28000(err, `pg_hba.conf rejects connection for host "127.0.0.1", user "postgres", database "raftsql", no encryption`)

	withCert := func(user, cn string) error {
		cfg, err := pgx.ParseConfig(secureURL(addr, user, "", caFile))
		if err != nil {
			t.Fatal(err)
		}
		if cn != "" {
			cc, err := ca.TLSCertificate(cn, nil, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			cfg.TLSConfig.Certificates = []tls.Certificate{cc}
		}
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err == nil {
			conn.Close(ctx)
		}
		return err
	}
	if err := withCert("alice", "alice"); err != nil {
		t.Fatalf("alice with her certificate: %v", err)
	}
	want28000(withCert("alice", "bob"), `certificate authentication failed for user "alice"`)
	want28000(withCert("alice", ""), "connection requires a valid client certificate")

	if psql, err := exec.LookPath("psql"); err == nil {
		host, port, _ := net.SplitHostPort(addr)
		cmd := exec.CommandContext(ctx, psql, "-X", "-A", "-t", "-c", "SELECT current_user")
		cmd.Env = append(os.Environ(), "PGHOST="+host, "PGPORT="+port, "PGUSER=postgres", "PGDATABASE=raftsql",
			"PGPASSWORD="+password, "PGSSLMODE=verify-full", "PGSSLROOTCERT="+caFile, "PGCONNECT_TIMEOUT=10")
		if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "postgres" {
			t.Fatalf("psql verify-full: %v\n%s", err, out)
		}
		cmd = exec.CommandContext(ctx, psql, "-X", "-c", "SELECT 1")
		cmd.Env = append(os.Environ(), "PGHOST="+host, "PGPORT="+port, "PGUSER=carol", "PGDATABASE=shop",
			"PGSSLMODE=disable", "PGCONNECT_TIMEOUT=10")
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), `pg_hba.conf rejects connection for host "127.0.0.1", user "carol", database "shop", no encryption`) {
			t.Fatalf("psql without TLS: %v\n%s", err, out)
		}
	}

	// A file that does not parse is refused and the rules stay; a good one
	// applies to the next client.
	write("host all all all ident\n")
	if err := c.nodes[0].ReloadHBA(); err == nil {
		t.Fatal("a bad file was accepted")
	}
	_, err = pgx.Connect(ctx, plain)
	want28000(err, `pg_hba.conf rejects connection for host "127.0.0.1", user "postgres", database "raftsql", no encryption`)
	write("host all all 127.0.0.1/32 scram-sha-256\n")
	if err := c.nodes[0].ReloadHBA(); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, plain)
	if err != nil {
		t.Fatalf("after reload: %v", err)
	}
	conn.Close(ctx)
}
