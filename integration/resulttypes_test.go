package integration

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestAggregateResultTypes: the type of an aggregate column follows
// PostgreSQL's rules from the argument's declared type, never from the
// data: the description is the same on an empty table and a full one, in
// every protocol mode, on every node; sum(bigint) scans into an int64.
func TestAggregateResultTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE agg(id int PRIMARY KEY, b bigint, s smallint, f float8, r real, t text)")
	const q = `SELECT sum(b), sum(id), sum(s), sum(f), sum(r), avg(id), avg(f), min(t), max(b) AS m, count(*),
		sum(DISTINCT a.b) FILTER (WHERE id > 0), sum(CASE WHEN id > 1 THEN 1 ELSE 0 END) FROM agg a`
	// int8 20, numeric 1700, float8 701, float4 700, text 25
	want := "[1700 20 20 701 700 1700 701 25 20 20 1700 20]"
	check := func(stage string) {
		for n, u := range urls {
			c := connectScript(t, u)
			for _, m := range allModes {
				rows, err := c.Query(ctx, q, m)
				if err != nil {
					t.Fatalf("%s node %d %v: %v", stage, n, m, err)
				}
				var oids []uint32
				for _, fd := range rows.FieldDescriptions() {
					oids = append(oids, fd.DataTypeOID)
				}
				for rows.Next() {
				}
				rows.Close()
				if err := rows.Err(); err != nil {
					t.Fatalf("%s node %d %v: %v", stage, n, m, err)
				}
				if got := fmt.Sprint(oids); got != want {
					t.Errorf("%s node %d %v: types %s, want %s", stage, n, m, got, want)
				}
			}
		}
	}
	check("empty")
	mustExec(t, conn, "INSERT INTO agg VALUES (1, 9000000000, 2, 1.5, 2.5, 'x'), (2, 1, 3, 2, 0.5, 'y')")
	check("full")
	for _, m := range allModes {
		var sum int64
		if err := conn.QueryRow(ctx, "SELECT sum(b) FROM agg", m).Scan(&sum); err != nil || sum != 9000000001 {
			t.Errorf("%v: sum(bigint) scanned into int64: %d %v", m, sum, err)
		}
	}
	var none *int64
	if err := conn.QueryRow(ctx, "SELECT sum(b) FROM agg WHERE id < 0", pgx.QueryExecModeCacheStatement).Scan(&none); err != nil || none != nil {
		t.Errorf("sum over no rows: %v %v", none, err)
	}
}
