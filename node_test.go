package raftsql

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql/membership"
)

func TestConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"no data dir", Config{Name: "n1"}},
		{"self missing", Config{Name: "n9", DataDir: "d", InitialCluster: []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}}}},
		{"duplicate", Config{Name: "n1", DataDir: "d", InitialCluster: []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}, {Name: "n1", RaftAddr: "127.0.0.1:2"}}}},
	} {
		if _, err := Start(context.Background(), tc.cfg); err == nil {
			t.Errorf("%s: Start accepted %+v", tc.name, tc.cfg)
		}
	}
}

// Library errors name the Config field, never a command-line flag: flags
// belong to cmd/raftsql, which maps fields to them.
func TestConfigErrorsNameFieldsNotFlags(t *testing.T) {
	for _, tc := range []struct {
		cfg   Config
		field string
	}{
		{Config{Name: "n1"}, "DataDir"},
		{Config{Name: "n9", DataDir: t.TempDir(), InitialCluster: []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}}}, "Name"},
		{Config{Name: "n1", DataDir: t.TempDir(), InitialCluster: []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}, {Name: "n1", RaftAddr: "127.0.0.1:2"}}}, "InitialCluster"},
	} {
		_, err := Start(context.Background(), tc.cfg)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field || strings.Contains(err.Error(), "--") {
			t.Errorf("Start(%+v) = %v; want a FieldError for %s that names no flag", tc.cfg, err, tc.field)
		}
	}
}

func TestNodeErrorKeepsItsCode(t *testing.T) {
	err := error(&NodeError{Code: "40003", Msg: "outcome unknown", Err: context.DeadlineExceeded})
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatal("a NodeError must not unwrap to its cause: sqlexec would report a statement timeout instead of 40003")
	}
	var se interface{ SQLState() string }
	if !errors.As(err, &se) || se.SQLState() != "40003" {
		t.Fatal("NodeError must carry its SQLSTATE")
	}
}

// With self-repair off (Config.NoSelfRepair), a damaged SQLite file stops
// the node at start with an error that names the file and the remedy, and
// moving the file aside rebuilds it from the Raft log. (Self-repair:
// integration.TestDamagedDatabaseFileRepairedAtStart.)
func TestCorruptDatabaseFileRefusedThenRebuilt(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0", NoSelfRepair: true}
	cfg.InitialCluster = []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:0"}}
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for n.Leader() == 0 {
		select {
		case <-ctx.Done():
			t.Fatal("no leader")
		case <-time.After(10 * time.Millisecond):
		}
	}
	conn, err := pgx.Connect(ctx, "postgres://postgres@"+n.PGAddr().String()+"/db?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t VALUES (1, 'one'), (2, 'two')"} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close(ctx)
	before, _, err := n.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	applied := n.AppliedIndex()
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db.sqlite")
	if err := os.WriteFile(db, []byte("this is not a database file, it was damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	_, err = Start(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), db) || !strings.Contains(err.Error(), "rebuilds it from its Raft log") {
		t.Fatalf("start with a damaged database: %v", err)
	}
	if err := os.Rename(db, db+".damaged"); err != nil {
		t.Fatal(err)
	}
	n, err = Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("start after moving the damaged file aside: %v", err)
	}
	defer n.Close()
	for n.AppliedIndex() < applied {
		select {
		case <-ctx.Done():
			t.Fatalf("rebuilt database stuck at %d, want %d", n.AppliedIndex(), applied)
		case <-time.After(10 * time.Millisecond):
		}
	}
	after, _, err := n.Checksum(ctx)
	if err != nil || after != before {
		t.Fatalf("rebuilt checksum %q (%v), want %q", after, err, before)
	}
}

// A node started with a listener bound by its caller serves on it (no
// port is ever closed and re-bound) and closes it on Close.
func TestStartWithPreboundListeners(t *testing.T) {
	pgLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	raftLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	n, err := Start(context.Background(), Config{Name: "n1", DataDir: t.TempDir(), PGListener: pgLn, RaftListener: raftLn})
	if err != nil {
		t.Fatal(err)
	}
	if n.RaftAddr().String() != raftLn.Addr().String() {
		t.Fatalf("node serves peers on %s, want the given listener's %s", n.RaftAddr(), raftLn.Addr())
	}
	if n.PGAddr().String() != pgLn.Addr().String() {
		t.Fatalf("node serves PostgreSQL on %s, want the given listener's %s", n.PGAddr(), pgLn.Addr())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, "postgres://postgres@"+pgLn.Addr().String()+"/db?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
	conn.Close(ctx)
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ln := range []net.Listener{pgLn, raftLn} {
		if _, err := ln.Accept(); !errors.Is(err, net.ErrClosed) {
			t.Fatalf("Accept on a given listener after Close = %v, want net.ErrClosed", err)
		}
	}
}

// Start owns the listeners it is given: when it fails, it closes them.
func TestFailedStartClosesGivenListeners(t *testing.T) {
	pgLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Start(context.Background(), Config{Name: "n1", PGListener: pgLn}); err == nil {
		t.Fatal("Start without a data directory succeeded")
	}
	if _, err := pgLn.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("Accept after a failed Start = %v, want net.ErrClosed", err)
	}
}
