package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite" // a foreign SQLite file, made as an application would

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/sqlexec"
)

// startOne starts a single-node cluster in dir and waits until it is ready.
func startOne(t *testing.T, dir string) *raftsql.Node {
	t.Helper()
	n, err := raftsql.Start(context.Background(), raftsql.Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	select {
	case <-n.Ready():
	case <-ctx.Done():
		t.Fatal("node never ready")
	}
	return n
}

func TestBackupAndRestoreCommands(t *testing.T) {
	n := startOne(t, t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, "postgres://postgres@"+n.PGAddr().String()+"/raftsql?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"CREATE TABLE kv (k TEXT PRIMARY KEY, v INT, at timestamptz)",
		"INSERT INTO kv SELECT 'k' || g, g, '2024-01-01 00:00:00+00' FROM generate_series(1, 500) g",
		"CREATE INDEX kv_v ON kv (v)",
		"CREATE VIEW big AS SELECT * FROM kv WHERE v > 250",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The node may apply entries that change no data (a new term's empty
	// entry, member-table updates) at any moment: the backup must hold the
	// same data as the node at an index between these two readings.
	sum0, at0, err := n.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(n.PGAddr().String())
	out := filepath.Join(t.TempDir(), "app.db")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"backup", "--host", host, "--port", port, "--sslmode", "disable", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr.String())
	}
	rep, err := sqlexec.CheckFile(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	sum, at, err := n.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Raftsql || rep.AppliedIndex < at0 || rep.AppliedIndex > at || rep.Checksum != sum || sum != sum0 {
		t.Fatalf("backup: %+v; the node has checksum %s at %d and %s at %d", rep, sum0, at0, sum, at)
	}
	var meta backupMeta
	b, err := os.ReadFile(out + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &meta); err != nil || meta.AppliedIndex != rep.AppliedIndex || meta.ClusterID == "" || meta.ClusterID == "unknown" {
		t.Fatalf("side file: %s (%v)", b, err)
	}
	if fi, _ := os.Stat(out); fi == nil || fi.Size() != meta.Bytes {
		t.Fatalf("side file says %d bytes", meta.Bytes)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".app.db.tmp-*")); len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}

	// --check writes nothing.
	stdout.Reset()
	if code := run([]string{"restore", "--check", "--from", out}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "can be restored: 1 tables, 1 indexes, 1 views") {
		t.Fatalf("restore --check: exit %d: %s %s", code, stdout.String(), stderr.String())
	}

	// Restore into a new data directory, serve it, and find the same data.
	dir := filepath.Join(t.TempDir(), "restored")
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"restore", "--from", out, "--data-dir", dir, "--raft-listen", "127.0.0.1:0"}, &stdout, &stderr); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "raftsql backup (applied index") {
		t.Fatalf("restore said: %s", stdout.String())
	}
	// A restore never overwrites: the directory is not empty now.
	stderr.Reset()
	if code := run([]string{"restore", "--from", out, "--data-dir", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is not empty") {
		t.Fatalf("restore into a used directory: exit %d: %s", code, stderr.String())
	}
	r := startOne(t, dir)
	rsum, _, err := r.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rsum != sum {
		t.Fatalf("restored checksum %s, backup's %s", rsum, sum)
	}
	rc, err := pgx.Connect(ctx, "postgres://postgres@"+r.PGAddr().String()+"/raftsql?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close(ctx)
	var cnt int
	if err := rc.QueryRow(ctx, "SELECT count(*) FROM big").Scan(&cnt); err != nil || cnt != 250 {
		t.Fatalf("restored view: %d, %v", cnt, err)
	}
	if _, err := rc.Exec(ctx, "INSERT INTO kv VALUES ('new', 1, now())"); err != nil {
		t.Fatalf("write to the restored cluster: %v", err)
	}
}

func TestBackupCommandErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"backup", "--port", "5432"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "-o FILE") {
		t.Fatalf("no -o: exit %d: %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"restore", "--from", "x.db"}, &out, &errb); code != 2 {
		t.Fatalf("no --data-dir: exit %d: %s", code, errb.String())
	}
	errb.Reset()
	dir := t.TempDir()
	if code := run([]string{"restore", "--from", filepath.Join(dir, "missing.db"), "--data-dir", filepath.Join(dir, "d")}, &out, &errb); code != 1 {
		t.Fatalf("missing file: exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "d", "RESTORING")); err == nil {
		t.Fatal("a failed restore left its mark")
	}

	// A refused file: every reason, one per line, and nothing written.
	fts := filepath.Join(dir, "fts.db")
	db, err := sql.Open("sqlite", fts)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE VIRTUAL TABLE docs USING fts5(body)", "CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, v TEXT DEFAULT (sqlite_version()))"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for _, args := range [][]string{{"restore", "--check", "--from", fts}, {"restore", "--from", fts, "--data-dir", filepath.Join(dir, "f")}} {
		errb.Reset()
		if code := run(args, &out, &errb); code != 1 || !strings.Contains(errb.String(), "cannot be imported:\n  - virtual table docs (USING fts5)") ||
			!strings.Contains(errb.String(), "\n  - table t: function sqlite_version()") || !strings.Contains(errb.String(), `warning: column t.at: declared type "DATETIME"`) {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "f")); len(ents) > 0 {
		t.Fatalf("a refused restore left %d files", len(ents))
	}
}
