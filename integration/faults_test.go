package integration

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Writers on every node while random members are SIGKILLed and restarted:
// every acknowledged insert is present exactly once on every node at the
// end, nothing unacknowledged-but-reported appears twice, and the replicas'
// checksums match. RAFTSQL_LONG=1 runs more rounds.
func TestKillRestartUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	rounds := 4
	if os.Getenv("RAFTSQL_LONG") != "" {
		rounds = 20
	}
	c := startProcCluster(t, 3)
	c.leader(20 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	setup := connect(t, c.nodes[0].url())
	if _, err := setup.Exec(ctx, "CREATE TABLE acked (id INTEGER PRIMARY KEY, writer INTEGER)"); err != nil {
		t.Fatal(err)
	}
	setup.Close(ctx)

	var (
		mu       sync.Mutex
		acked    = map[int]bool{}
		unknown  = map[int]bool{} // outcome not known to the client
		stop     atomic.Bool
		wg       sync.WaitGroup
		attempts atomic.Int64
	)
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var conn *pgx.Conn
			for i := 0; !stop.Load(); i++ {
				id := w*1_000_000 + i
				if conn == nil {
					cctx, ccancel := context.WithTimeout(ctx, time.Second)
					conn, _ = pgx.Connect(cctx, c.nodes[(w+i)%3].url())
					ccancel()
					if conn == nil {
						time.Sleep(20 * time.Millisecond)
						continue
					}
				}
				attempts.Add(1)
				wctx, wcancel := context.WithTimeout(ctx, 3*time.Second)
				_, err := conn.Exec(wctx, fmt.Sprintf("INSERT INTO acked VALUES (%d, %d)", id, w))
				wcancel()
				mu.Lock()
				if err == nil {
					acked[id] = true
				} else {
					unknown[id] = true
				}
				mu.Unlock()
				if err != nil {
					conn.Close(context.Background())
					conn = nil
				}
			}
			if conn != nil {
				conn.Close(context.Background())
			}
		}(w)
	}

	defer func() { // also when a wait below fails the test
		stop.Store(true)
		wg.Wait()
	}()
	// Faults are paced by the workload, not by the clock: each kill comes
	// after a random number of further acknowledged writes, and a victim
	// restarts only once the survivors acknowledged more writes without it.
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for r := 0; r < rounds; r++ {
		awaitAcks(t, &mu, acked, 5+rng.Intn(20))
		victim := c.nodes[rng.Intn(3)]
		t.Logf("round %d: SIGKILL %s", r, victim.name)
		c.kill(victim)
		awaitAcks(t, &mu, acked, 1+rng.Intn(20))
		c.start(victim)
	}
	awaitAcks(t, &mu, acked, 10)
	stop.Store(true)
	wg.Wait()

	// Every node converges; count what each holds.
	c.leader(20 * time.Second)
	procChecksums(t, c)
	mu.Lock()
	defer mu.Unlock()
	for _, p := range c.nodes {
		conn := connect(t, p.url())
		rows, err := conn.Query(ctx, "SELECT id FROM acked", pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			t.Fatal(err)
		}
		have := map[int]bool{}
		for rows.Next() {
			var id int
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			if have[id] {
				t.Fatalf("%s: id %d twice", p.name, id)
			}
			have[id] = true
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for id := range acked {
			if !have[id] {
				t.Fatalf("%s: acknowledged insert %d is missing (acknowledged %d, attempts %d)", p.name, id, len(acked), attempts.Load())
			}
		}
		for id := range have {
			if !acked[id] && !unknown[id] {
				t.Fatalf("%s: id %d was never written by a client", p.name, id)
			}
		}
	}
	if len(acked) == 0 {
		t.Fatal("no write was acknowledged")
	}
	// The whole cluster down at once, then back: same data everywhere.
	var total int
	if err := connect(t, c.nodes[0].url()).QueryRow(ctx, "SELECT count(*) FROM acked", pgx.QueryExecModeSimpleProtocol).Scan(&total); err != nil {
		t.Fatal(err)
	}
	for _, p := range c.nodes {
		c.kill(p)
	}
	for _, p := range c.nodes {
		c.start(p)
	}
	c.leader(20 * time.Second)
	procChecksums(t, c)
	for _, p := range c.nodes {
		var n int
		if err := connect(t, p.url()).QueryRow(ctx, "SELECT count(*) FROM acked").Scan(&n); err != nil || n != total {
			t.Fatalf("%s after a full restart: %d rows (%v), want %d", p.name, n, err, total)
		}
	}
	t.Logf("%d acknowledged, %d with an error (outcome unknown to the client), %d attempts", len(acked), len(unknown), attempts.Load())
}

// awaitAcks waits until n more writes than now are in acked (guarded by
// mu); the deadline only bounds a failing run.
func awaitAcks(t *testing.T, mu *sync.Mutex, acked map[int]bool, n int) {
	t.Helper()
	mu.Lock()
	want := len(acked) + n
	mu.Unlock()
	deadline := time.Now().Add(60 * time.Second)
	for {
		mu.Lock()
		have := len(acked)
		mu.Unlock()
		if have >= want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("writers acknowledged %d of %d writes within the deadline", have, want)
		}
		time.Sleep(10 * time.Millisecond) // poll interval
	}
}
