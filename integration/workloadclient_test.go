package integration

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// runClient is the loop of one sequential workload client against url
// until ctx ends: it connects (prepare, when set, configures the new
// session), runs step with a context of timeout, and after an error
// drops the connection (its state is unknown) and connects again. A
// node that is down or paused keeps its clients retrying.
func runClient(ctx context.Context, url string, timeout time.Duration, prepare func(context.Context, *pgx.Conn) error, step func(context.Context, *pgx.Conn) error) {
	var conn *pgx.Conn
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	for ctx.Err() == nil {
		if conn == nil {
			cctx, cancel := context.WithTimeout(ctx, timeout)
			c, err := pgx.Connect(cctx, url)
			if err == nil && prepare != nil {
				if err = prepare(cctx, c); err != nil {
					c.Close(context.Background())
				}
			}
			cancel()
			if err != nil {
				sleepCtx(ctx, 50*time.Millisecond)
				continue
			}
			conn = c
		}
		opCtx, cancel := context.WithTimeout(ctx, timeout)
		err := step(opCtx, conn)
		cancel()
		if err != nil {
			conn.Close(context.Background())
			conn = nil
		}
	}
}
