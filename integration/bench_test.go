package integration

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// BenchmarkInsert measures single-row INSERT throughput and latency on a
// 3-node in-process cluster, clients spread over all nodes:
//
//	go test ./integration -run '^$' -bench Insert -benchtime 2000x
func BenchmarkInsert(b *testing.B) {
	for _, clients := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			benchCluster(b, clients, func(ctx context.Context, conn *pgx.Conn, i int64) error {
				_, err := conn.Exec(ctx, "INSERT INTO bench (v) VALUES ($1)", i)
				return err
			})
		})
	}
}

// BenchmarkPointRead measures linearizable point reads spread over all
// nodes.
func BenchmarkPointRead(b *testing.B) {
	for _, clients := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			benchCluster(b, clients, func(ctx context.Context, conn *pgx.Conn, i int64) error {
				var v int64
				return conn.QueryRow(ctx, "SELECT v FROM bench WHERE id = $1", i%100+1).Scan(&v)
			})
		})
	}
}

func benchCluster(b *testing.B, clients int, op func(context.Context, *pgx.Conn, int64) error) {
	c := startMemCluster(b, 3)
	c.waitLeader(10 * time.Second)
	ctx := context.Background()
	setup, err := pgx.Connect(ctx, c.url(0))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := setup.Exec(ctx, "CREATE TABLE bench (id serial PRIMARY KEY, v INTEGER)"); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if _, err := setup.Exec(ctx, fmt.Sprintf("INSERT INTO bench (v) VALUES (%d)", i)); err != nil {
			b.Fatal(err)
		}
	}
	setup.Close(ctx)
	conns := make([]*pgx.Conn, clients)
	for i := range conns {
		conns[i], err = pgx.Connect(ctx, c.url(i%3))
		if err != nil {
			b.Fatal(err)
		}
		defer conns[i].Close(ctx)
	}
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				t0 := time.Now()
				if err := op(ctx, conns[w], i); err != nil {
					b.Error(err)
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	if len(all) > 0 {
		b.ReportMetric(float64(len(all))/elapsed.Seconds(), "ops/s")
		b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
	}
}
