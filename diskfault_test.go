package raftsql

import (
	"context"
	"errors"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/cockroachdb/pebble/v2/vfs/errorfs"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql/logstore"
)

// Disk faults under a running node: the Raft log's file system fails a
// sync (fsync) or reports the disk full while a write is in flight. The
// write must not be acknowledged (its entry is not known to be durable),
// the node must stop rather than retry the sync and trust it (after a
// failed fsync the kernel may have dropped the dirty pages: PostgreSQL's
// "fsyncgate"), and a restart must recover from what is durable and
// serve again. Both ways of persisting: one Ready at a time, and
// pipelined (Config.PipelinedLogWrites).
func TestDiskFaultStopsTheNode(t *testing.T) {
	for _, pipelined := range []bool{false, true} {
		t.Run(map[bool]string{false: "serial", true: "pipelined"}[pipelined], func(t *testing.T) {
			testDiskFaultStopsTheNode(t, pipelined)
		})
	}
}

func testDiskFaultStopsTheNode(t *testing.T, pipelined bool) {
	for _, tc := range []struct {
		name   string
		inject func(op errorfs.Op) error
	}{
		{"fsync fails", func(op errorfs.Op) error {
			if (op.Kind == errorfs.OpFileSync || op.Kind == errorfs.OpFileSyncData || op.Kind == errorfs.OpFileSyncTo) && strings.HasSuffix(op.Path, ".log") {
				return errorfs.ErrInjected
			}
			return nil
		}},
		{"disk full", func(op errorfs.Op) error {
			if op.Kind == errorfs.OpFileWrite && strings.HasSuffix(op.Path, ".log") {
				return syscall.ENOSPC
			}
			return nil
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			toggle := &errorfs.Toggle{Injector: errorfs.InjectorFunc(tc.inject)}
			n := startDiskFaultNode(t, dir, errorfs.Wrap(vfs.Default, toggle), pipelined)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			conn := connectNode(ctx, t, n)
			mustExec(ctx, t, conn, "CREATE TABLE t (id int PRIMARY KEY)")
			mustExec(ctx, t, conn, "INSERT INTO t VALUES (1)")

			toggle.On()
			_, err := conn.Exec(ctx, "INSERT INTO t VALUES (2)")
			var pgErr *pgconn.PgError
			if err == nil {
				t.Fatal("a write whose log entry could not be made durable was acknowledged")
			}
			if errors.As(err, &pgErr) && pgErr.Code != "40003" && !strings.HasPrefix(pgErr.Code, "57P") {
				t.Fatalf("the write failed with %s %s: want 40003 (outcome unknown) or 57P0x (node stopping)", pgErr.Code, pgErr.Message)
			}
			select {
			case <-n.Done():
			case <-ctx.Done():
				t.Fatal("the node kept running after its log failed to persist")
			}
			if err := n.Err(); !errors.Is(err, logstore.ErrFatal) {
				t.Fatalf("node error = %v, want the log store's fatal error", err)
			}
			t.Logf("the write in flight: %v; the node: %v", err, n.Err())
			// Never retried and trusted: a later write is refused too.
			if _, err := conn.Exec(ctx, "INSERT INTO t VALUES (3)"); err == nil {
				t.Fatal("the stopped node acknowledged a write")
			}
			conn.Close(ctx)
			n.Close()

			// Restart on a healthy disk: recovered from the durable state,
			// serving again. Row 2's outcome was unknown: either is fine.
			toggle.Off()
			n = startDiskFaultNode(t, dir, nil, pipelined)
			defer n.Close()
			conn = connectNode(ctx, t, n)
			defer conn.Close(ctx)
			mustExec(ctx, t, conn, "INSERT INTO t VALUES (4)")
			var ids []int
			rows, err := conn.Query(ctx, "SELECT id FROM t ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int
				if err := rows.Scan(&id); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			if rows.Err() != nil || len(ids) < 2 || ids[0] != 1 || ids[len(ids)-1] != 4 || len(ids) > 3 || (len(ids) == 3 && ids[1] != 2) {
				t.Fatalf("rows after the restart = %v, %v: want 1, maybe 2, and 4", ids, rows.Err())
			}
		})
	}
}

func startDiskFaultNode(t *testing.T, dir string, fs vfs.FS, pipelined bool) *Node {
	t.Helper()
	pgLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	n, err := Start(context.Background(), Config{Name: "n1", DataDir: dir, PGListener: pgLn, RaftListen: "127.0.0.1:0", logFS: fs, PipelinedLogWrites: pipelined})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func connectNode(ctx context.Context, t *testing.T, n *Node) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(ctx, "postgres://postgres@"+n.PGAddr().String()+"/db?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

func mustExec(ctx context.Context, t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
