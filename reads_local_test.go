package raftsql

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql/membership"
)

// A read taking the local read index (a single voter's leader) waits until
// this node has applied that index: it never runs on an older state.
func TestLocalReadWaitsForItsIndex(t *testing.T) {
	n := driverlessNode()
	n.cfg.ReadTimeout = time.Hour
	n.appliedCond = make(chan struct{})
	n.leader.Store(1)
	n.setApplied(3)
	n.localRead.Store(5)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	// Applied 3 < read index 5: the read waits, and so reports the
	// cancellation instead of running.
	if err := (*replicator)(n).ReadBarrier(cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("read at index 5 with 3 applied: %v, want it to wait (context.Canceled)", err)
	}
	errc := make(chan error, 1)
	go func() { errc <- (*replicator)(n).ReadBarrier(context.Background()) }()
	n.setApplied(5)
	// n.readc is nil: a read that went to the driver instead would never
	// return.
	if err := <-errc; err != nil {
		t.Fatalf("read at index 5 once applied: %v", err)
	}
}

// On a one-node cluster every linearizable read takes the local read index
// (no round through the driver), and still sees every write acknowledged
// before it began: writers and readers run side by side, and each read
// looks for the highest key acknowledged before it started.
func TestLocalReadsSeeEveryAcknowledgedWrite(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, url := startOneNode(ctx, t)
	setup, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer setup.Close(ctx)
	if _, err := setup.Exec(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if n.localRead.Load() == 0 {
		t.Fatal("a one-node cluster's leader publishes no local read index")
	}

	const writers, readers, perClient = 4, 4, 200
	var next, acked atomic.Int64
	var wg sync.WaitGroup
	errc := make(chan error, writers+readers)
	client := func(f func(c *pgx.Conn) error) {
		defer wg.Done()
		c, err := pgx.Connect(ctx, url)
		if err != nil {
			errc <- err
			return
		}
		defer c.Close(ctx)
		if err := f(c); err != nil {
			errc <- err
		}
	}
	for range writers {
		wg.Add(1)
		go client(func(c *pgx.Conn) error {
			for range perClient {
				id := next.Add(1)
				if _, err := c.Exec(ctx, "INSERT INTO t VALUES ($1)", id); err != nil {
					return err
				}
				for {
					cur := acked.Load()
					if id <= cur || acked.CompareAndSwap(cur, id) {
						break
					}
				}
			}
			return nil
		})
	}
	for range readers {
		wg.Add(1)
		go client(func(c *pgx.Conn) error {
			for range perClient {
				want := acked.Load()
				if want == 0 {
					continue
				}
				var got int64
				if err := c.QueryRow(ctx, "SELECT id FROM t WHERE id = $1", want).Scan(&got); err != nil {
					return errors.Join(errors.New("an acknowledged write is not visible to a later read"), err)
				}
			}
			return nil
		})
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
}

// startOneNode starts a one-node cluster in a temporary directory, closed
// when the test ends, and returns it, once it leads, with its URL.
func startOneNode(ctx context.Context, t testing.TB) (*Node, string) {
	t.Helper()
	cfg := Config{Name: "n1", DataDir: t.TempDir(), PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0"}
	cfg.InitialCluster = []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:0"}}
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	for n.Leader() == 0 {
		select {
		case <-ctx.Done():
			t.Fatal("no leader")
		case <-time.After(10 * time.Millisecond):
		}
	}
	return n, "postgres://postgres@" + n.PGAddr().String() + "/db?sslmode=disable"
}
