package integration

// The range types through pgx (issue 11): booking applications keep
// periods in daterange and tstzrange columns as pgtype.Range values, which
// pgx sends and reads in the binary format (range_send/range_recv; the
// text format in the simple protocol), and find rows by containment and
// overlap. Like the rest of pgx_test.go this runs against PostgreSQL too
// (RAFTSQL_REFERENCE_URL), which keeps the expectations PostgreSQL's.

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// TestPgxRangeTypes writes range parameters in every QueryExecMode, reads
// them back on another node and finds rows by @> and && with parameters.
func TestPgxRangeTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	w := connect(t, urls[1])
	r := connect(t, urls[2])
	mustExec(t, w, "CREATE TABLE rangep (id bigint PRIMARY KEY, seats int4range, during daterange, slot tstzrange, price numrange)")
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	modes := []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}
	for i, mode := range modes {
		id := int64(i + 1)
		// [i+1, i+3] is canonicalised to [i+1, i+4)
		seats := pgtype.Range[pgtype.Int4]{Lower: pgtype.Int4{Int32: int32(i + 1), Valid: true}, Upper: pgtype.Int4{Int32: int32(i + 3), Valid: true},
			LowerType: pgtype.Inclusive, UpperType: pgtype.Inclusive, Valid: true}
		during := pgtype.Range[pgtype.Date]{Lower: pgtype.Date{Time: day(10*i + 1), Valid: true}, Upper: pgtype.Date{Time: day(10*i + 5), Valid: true},
			LowerType: pgtype.Inclusive, UpperType: pgtype.Exclusive, Valid: true}
		slot := pgtype.Range[pgtype.Timestamptz]{Lower: pgtype.Timestamptz{Time: day(i + 1).Add(10 * time.Hour), Valid: true},
			LowerType: pgtype.Inclusive, UpperType: pgtype.Unbounded, Valid: true}
		if _, err := w.Exec(ctx, "INSERT INTO rangep VALUES ($1, $2, $3, $4, '[1.5,2.50]')", mode, id, seats, during, slot); err != nil {
			t.Fatalf("mode %v: insert: %v", mode, err)
		}
		var gotSeats pgtype.Range[pgtype.Int4]
		var gotDuring pgtype.Range[pgtype.Date]
		var gotSlot pgtype.Range[pgtype.Timestamptz]
		var text string
		err := r.QueryRow(ctx, "SELECT seats, during, slot, seats::text || ' ' || price::text FROM rangep WHERE id = $1", mode, id).
			Scan(&gotSeats, &gotDuring, &gotSlot, &text)
		if err != nil {
			t.Fatalf("mode %v: select: %v", mode, err)
		}
		if gotSeats.Lower.Int32 != int32(i+1) || gotSeats.Upper.Int32 != int32(i+4) || gotSeats.LowerType != pgtype.Inclusive || gotSeats.UpperType != pgtype.Exclusive {
			t.Errorf("mode %v: seats = %+v, want [%d,%d)", mode, gotSeats, i+1, i+4)
		}
		if !gotDuring.Lower.Time.Equal(day(10*i+1)) || !gotDuring.Upper.Time.Equal(day(10*i+5)) {
			t.Errorf("mode %v: during = %+v", mode, gotDuring)
		}
		if !gotSlot.Lower.Time.Equal(day(i+1).Add(10*time.Hour)) || gotSlot.UpperType != pgtype.Unbounded {
			t.Errorf("mode %v: slot = %+v", mode, gotSlot)
		}
		if want := "[" + itoa(i+1) + "," + itoa(i+4) + ") [1.5,2.50]"; text != want {
			t.Errorf("mode %v: text = %q, want %q", mode, text, want)
		}
		var n int64
		if err := r.QueryRow(ctx, "SELECT id FROM rangep WHERE during @> $1::date", mode, day(10*i+2)).Scan(&n); err != nil || n != id {
			t.Errorf("mode %v: during @> $1::date: %d, %v", mode, n, err)
		}
		probe := pgtype.Range[pgtype.Date]{Lower: pgtype.Date{Time: day(10*i + 4), Valid: true}, Upper: pgtype.Date{Time: day(10*i + 6), Valid: true},
			LowerType: pgtype.Inclusive, UpperType: pgtype.Exclusive, Valid: true}
		if err := r.QueryRow(ctx, "SELECT id FROM rangep WHERE during && $1::daterange", mode, probe).Scan(&n); err != nil || n != id {
			t.Errorf("mode %v: during && $1::daterange: %d, %v", mode, n, err)
		}
	}
}
