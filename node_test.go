package raftsql

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestParseInitialCluster(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"n1=127.0.0.1:7001", 1, true},
		{"n1=127.0.0.1:7001,n2=127.0.0.1:7002, n3=127.0.0.1:7003", 3, true},
		{"", 0, false},
		{"n1", 0, false},
		{"=127.0.0.1:7001", 0, false},
		{"n1=nohostport", 0, false},
	} {
		ms, err := ParseInitialCluster(tc.in)
		if (err == nil) != tc.ok || len(ms) != tc.want {
			t.Errorf("ParseInitialCluster(%q) = %v, %v", tc.in, ms, err)
		}
	}
}

func TestConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"no data dir", Config{Name: "n1"}},
		{"self missing", Config{Name: "n9", DataDir: "d", InitialCluster: []Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}}}},
		{"duplicate", Config{Name: "n1", DataDir: "d", InitialCluster: []Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}, {Name: "n1", RaftAddr: "127.0.0.1:2"}}}},
	} {
		if _, err := Start(context.Background(), tc.cfg); err == nil {
			t.Errorf("%s: Start accepted %+v", tc.name, tc.cfg)
		}
	}
}

func TestMemberIDStableAndDistinct(t *testing.T) {
	if MemberID("n1") != MemberID("n1") || MemberID("n1") == MemberID("n2") || MemberID("") == 0 {
		t.Fatal("member ids must be stable, distinct and non-zero")
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

// A damaged SQLite file stops the node at start with an error that names
// the file and the remedy, and moving the file aside rebuilds it from the
// Raft log.
func TestCorruptDatabaseFileRefusedThenRebuilt(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0"}
	cfg.InitialCluster = []Member{{Name: "n1", RaftAddr: "127.0.0.1:0"}}
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
