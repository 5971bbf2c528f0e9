package integration

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestZZDebug(t *testing.T) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, os.Getenv("DBG_URL"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []any{5, int64(5), "5"} {
		rows, err := c.Query(ctx, `SELECT g, g * 2 FROM generate_series(1, $1::int) AS g`, pgx.QueryExecModeSimpleProtocol, a)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
		}
		t.Logf("%T: %v", a, err)
	}
	_, err = c.Exec(ctx, "SELECT $1::int", pgx.QueryExecModeSimpleProtocol, 5)
	t.Logf("exec: %v", err)
}
