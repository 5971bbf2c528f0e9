package integration

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/url"
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
	"github.com/raftsql/raftsql/raft/transport"
)

// secureCluster starts three nodes with SCRAM authentication, TLS on the
// PostgreSQL port and mutual TLS between peers, all from one development
// CA made here; it returns the cluster and the CA file clients trust.
func secureCluster(t *testing.T, password string) (*memCluster, string) {
	t.Helper()
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
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.Auth = raftsql.AuthSCRAM
		cfg.SuperuserPassword = password
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
		cfg.PeerTLS = &transport.PeerTLS{Certificate: cert, CA: ca.Pool()}
	})
	c.waitLeader(15 * time.Second)
	return c, caFile
}

func secureURL(addr, user, password, caFile string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, password), Host: addr, Path: "/raftsql",
		RawQuery: "sslmode=verify-full&sslrootcert=" + url.QueryEscape(caFile)}
	return u.String()
}

func TestSecurityPasswordsRolesTLS(t *testing.T) {
	const password = "correct horse"
	c, caFile := secureCluster(t, password)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	admin, err := pgx.Connect(ctx, secureURL(c.pgAddrs[0], "postgres", password, caFile))
	if err != nil {
		t.Fatalf("superuser over verify-full TLS: %v", err)
	}
	defer admin.Close(ctx)
	if !admin.PgConn().Conn().(interface{ ConnectionState() tls.ConnectionState }).ConnectionState().HandshakeComplete {
		t.Fatal("connection is not TLS")
	}
	if _, err := admin.Exec(ctx, "CREATE ROLE alice LOGIN PASSWORD 'wonderland'"); err != nil {
		t.Fatal(err)
	}

	// The role is replicated: alice logs in on another node once it has
	// applied the entry.
	var alice *pgx.Conn
	waitUntil(t, "alice can log in on n2", func() bool {
		alice, err = pgx.Connect(ctx, secureURL(c.pgAddrs[1], "alice", "wonderland", caFile))
		return err == nil
	})
	defer alice.Close(ctx)
	for _, sql := range []string{"CREATE ROLE mallory SUPERUSER PASSWORD 'x'", "ALTER ROLE alice SUPERUSER", "DROP ROLE postgres",
		"CHECKPOINT", "ALTER CLUSTER REMOVE MEMBER 'n3'"} {
		if _, err := alice.Exec(ctx, sql); pgCode(err) != "42501" {
			t.Errorf("%s by an ordinary role: %v, want 42501", sql, err)
		}
	}

	// A wrong password and an unknown user get the same answer.
	msgs := map[string]string{}
	for _, user := range []string{"alice", "postgres", "nobody"} {
		_, err := pgx.Connect(ctx, secureURL(c.pgAddrs[2], user, "wrong", caFile))
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "28P01" {
			t.Fatalf("%s with a wrong password: %v, want 28P01", user, err)
		}
		msgs[user] = strings.ReplaceAll(pe.Message, user, "USER") + "|" + pe.Detail + "|" + pe.Hint
	}
	if msgs["alice"] != msgs["nobody"] || msgs["postgres"] != msgs["nobody"] {
		t.Fatalf("the error tells whether the user exists: %q", msgs)
	}
	// Without TLS the password exchange still works (SCRAM never sends
	// the password), but the certificate check is the client's choice.
	plain := strings.Replace(secureURL(c.pgAddrs[0], "alice", "wonderland", caFile), "sslmode=verify-full", "sslmode=disable", 1)
	if conn, err := pgx.Connect(ctx, plain); err != nil {
		t.Fatalf("plaintext SCRAM: %v", err)
	} else {
		conn.Close(ctx)
	}

	// psql, as a user would run it: verify-full and a password.
	psql, err := exec.LookPath("psql")
	if err != nil {
		t.Skip("psql not installed")
	}
	host, port, _ := net.SplitHostPort(c.pgAddrs[0])
	cmd := exec.CommandContext(ctx, psql, "-X", "-A", "-t", "-c", `\du`, "-c", "SELECT current_user")
	cmd.Env = append(os.Environ(), "PGHOST="+host, "PGPORT="+port, "PGUSER=postgres", "PGDATABASE=raftsql",
		"PGPASSWORD="+password, "PGSSLMODE=verify-full", "PGSSLROOTCERT="+caFile, "PGCONNECT_TIMEOUT=10")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "alice") || !strings.Contains(string(out), "postgres") {
		t.Fatalf("psql verify-full: %v\n%s", err, out)
	}
	cmd = exec.CommandContext(ctx, psql, "-X", "-c", "SELECT 1")
	cmd.Env = append(os.Environ(), "PGHOST="+host, "PGPORT="+port, "PGUSER=alice", "PGDATABASE=raftsql",
		"PGPASSWORD=nope", "PGSSLMODE=require", "PGCONNECT_TIMEOUT=10")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "password authentication failed") {
		t.Fatalf("psql with a wrong password: %v\n%s", err, out)
	}
}
