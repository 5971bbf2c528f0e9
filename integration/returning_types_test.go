package integration

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestReturningCastScans checks that pgx (extended protocol: the
// statement is described before it runs) scans RETURNING casts into the
// cast's Go type, as against PostgreSQL: RETURNING b::text of a boolean
// column was once described as a boolean and the scan into a string
// failed. Runs against RAFTSQL_REFERENCE_URL too.
func TestReturningCastScans(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, e2eURLs(t)[0])
	if _, err := conn.Exec(ctx, "CREATE TABLE rcs (id serial PRIMARY KEY, b boolean, n integer, x numeric)"); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeSimpleProtocol} {
		var (
			b, n, x, bv string
			n8          int64
			bi          int32
		)
		err := conn.QueryRow(ctx, "INSERT INTO rcs (b, n, x) VALUES (true, 5, 1.50) RETURNING b::text, n::text, x::text, b::varchar(3), n::int8, b::int", mode).
			Scan(&b, &n, &x, &bv, &n8, &bi)
		if err != nil {
			t.Fatalf("mode %v: INSERT RETURNING: %v", mode, err)
		}
		if b != "true" || n != "5" || x != "1.50" || bv != "tru" || n8 != 5 || bi != 1 {
			t.Errorf("mode %v: INSERT RETURNING got %q %q %q %q %d %d, want true 5 1.50 tru 5 1", mode, b, n, x, bv, n8, bi)
		}
		if err := conn.QueryRow(ctx, "UPDATE rcs SET b = NOT b WHERE n = 5 AND id = (SELECT max(id) FROM rcs) RETURNING b::text", mode).Scan(&b); err != nil || b != "false" {
			t.Errorf("mode %v: UPDATE RETURNING b::text: %q, %v (want false)", mode, b, err)
		}
		if err := conn.QueryRow(ctx, "DELETE FROM rcs WHERE id = (SELECT max(id) FROM rcs) RETURNING CAST(b AS text)", mode).Scan(&b); err != nil || b != "false" {
			t.Errorf("mode %v: DELETE RETURNING CAST(b AS text): %q, %v (want false)", mode, b, err)
		}
	}
}
