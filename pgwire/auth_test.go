package pgwire

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

func selfSignedTLS(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}

func TestTLS(t *testing.T) {
	ts := startServer(t, Config{TLSConfig: selfSignedTLS(t)})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester@%s/db?sslmode=require", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, ok := conn.PgConn().Conn().(*tls.Conn); !ok {
		t.Fatalf("not TLS: %T", conn.PgConn().Conn())
	}
	var n int32
	if err := conn.QueryRow(ctx, "SELECT $1::int4", 5).Scan(&n); err != nil || n != 5 {
		t.Fatal(n, err)
	}
}

// cleartextAuth shows how a password method plugs in.
type cleartextAuth struct{ password string }

func (a cleartextAuth) Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error {
	if err := ex.Send(&pgproto3.AuthenticationCleartextPassword{}); err != nil {
		return err
	}
	msg, err := ex.Receive(pgproto3.AuthTypeCleartextPassword)
	if err != nil {
		return err
	}
	pm, ok := msg.(*pgproto3.PasswordMessage)
	if !ok {
		return fatalErr(codeProtocolViolation, "expected password response, got %T", msg)
	}
	if pm.Password != a.password {
		return &Error{Sev: "FATAL", Code: codeInvalidPassword, Message: fmt.Sprintf("password authentication failed for user %q", info.User)}
	}
	return nil
}

func TestPasswordAuthenticator(t *testing.T) {
	ts := startServer(t, Config{Auth: cleartextAuth{password: "secret"}})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester:secret@%s/db?sslmode=disable", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	_, err = pgx.Connect(ctx, fmt.Sprintf("postgres://tester:wrong@%s/db?sslmode=disable", ts.addr))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
		t.Fatalf("wrong password: %v", err)
	}
}

func TestSCRAMAuth(t *testing.T) {
	ts := startServer(t, Config{Auth: SCRAMAuth{Password: func(user string) (string, bool) { return "secret", user == "tester" }}})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester:secret@%s/db?sslmode=disable", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	for _, dsn := range []string{"tester:wrong", "other:secret"} {
		_, err = pgx.Connect(ctx, fmt.Sprintf("postgres://%s@%s/db?sslmode=disable", dsn, ts.addr))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
			t.Fatalf("%s: %v", dsn, err)
		}
	}
	if psql, err := exec.LookPath("psql"); err == nil {
		host, port, _ := net.SplitHostPort(ts.addr)
		cmd := exec.Command(psql, "-h", host, "-p", port, "-U", "tester", "-d", "db", "-X", "-A", "-t", "-c", "SELECT 1")
		cmd.Env = append(os.Environ(), "PGPASSWORD=secret", "PGCONNECT_TIMEOUT=10")
		if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "1" {
			t.Fatalf("psql with SCRAM: %v %s", err, out)
		}
	}
}
