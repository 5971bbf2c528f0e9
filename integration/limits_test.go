package integration

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/raftsql/raftsql"
)

// The limits that protect a node from hostile or broken clients, through a
// real node: a slow-loris client is dropped while others are served, an
// idle session is closed with 57P05.
func TestClientLimits(t *testing.T) {
	c, url := scramNode(t, func(cfg *raftsql.Config) {
		cfg.AuthenticationTimeout = 200 * time.Millisecond
		cfg.IdleSessionTimeout = 300 * time.Millisecond
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// Slow loris: half a startup packet, then silence.
	loris, err := net.Dial("tcp", c.pgAddrs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer loris.Close()
	loris.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := loris.Write([]byte{0, 0, 0, 80, 0, 3, 0}); err != nil {
		t.Fatal(err)
	}
	admin, err := pgx.Connect(ctx, url("postgres", "pw"))
	if err != nil {
		t.Fatalf("served while a slow-loris client waits: %v", err)
	}
	if _, err := admin.Exec(ctx, "CREATE ROLE bob LOGIN PASSWORD 'b'"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(loris); err != nil {
		t.Fatalf("slow-loris client not dropped: %v", err)
	}

	// Idle session: closed with 57P05 once idle for longer than the limit.
	msg, err := admin.PgConn().ReceiveMessage(ctx)
	er, _ := msg.(*pgproto3.ErrorResponse)
	if pgCode(err) != "57P05" && (er == nil || er.Code != "57P05") {
		t.Fatalf("idle session: got %#v, %v; want FATAL 57P05", msg, err)
	}
	admin.Close(ctx)
}

// The last connection slot is a superuser's.
func TestReservedSuperuserSlot(t *testing.T) {
	_, url := scramNode(t, func(cfg *raftsql.Config) {
		cfg.MaxConnections = 3
		cfg.ReservedConnections = 1
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var conns []*pgx.Conn
	defer func() {
		for _, cn := range conns {
			cn.Close(ctx)
		}
	}()
	admin, err := pgx.Connect(ctx, url("postgres", "pw"))
	if err != nil {
		t.Fatal(err)
	}
	conns = append(conns, admin)
	if _, err := admin.Exec(ctx, "CREATE ROLE bob LOGIN PASSWORD 'b'"); err != nil {
		t.Fatal(err)
	}
	bob, err := pgx.Connect(ctx, url("bob", "b"))
	if err != nil {
		t.Fatal(err)
	}
	conns = append(conns, bob)
	_, err = pgx.Connect(ctx, url("bob", "b"))
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "53300" {
		t.Fatalf("bob in the reserved slot: %v, want 53300", err)
	}
	su, err := pgx.Connect(ctx, url("postgres", "pw"))
	if err != nil {
		t.Fatalf("superuser in the reserved slot: %v", err)
	}
	conns = append(conns, su)
}

// scramNode starts one node with SCRAM authentication (superuser postgres,
// password "pw") and the settings tweak sets; url makes a client URL.
func scramNode(t *testing.T, tweak func(cfg *raftsql.Config)) (c *memCluster, url func(user, pw string) string) {
	t.Helper()
	c = startMemClusterWith(t, 1, func(cfg *raftsql.Config) {
		cfg.Auth = raftsql.AuthSCRAM
		cfg.SuperuserPassword = "pw"
		tweak(cfg)
	})
	c.waitLeader(10 * time.Second)
	return c, func(user, pw string) string {
		return "postgres://" + user + ":" + pw + "@" + c.pgAddrs[0] + "/raftsql?sslmode=disable"
	}
}
