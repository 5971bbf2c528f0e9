package integration

// float8/float4 special values through pgx (issue 11): Infinity and
// -Infinity as parameters in the binary and text formats, read back in
// both, found by equality, ordered, copied in with binary COPY. A NaN
// parameter is refused with 0A000 (SQLite binds a NaN as NULL: it used to
// be stored as NULL, a silently wrong row); PostgreSQL stores it, so with
// RAFTSQL_REFERENCE_URL the same test checks that instead.

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestPgxFloatSpecialValues(t *testing.T) {
	urls, cluster := e2eCluster(t)
	reference := cluster == nil
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	w := connect(t, urls[1])
	r := connect(t, urls[2])
	mustExec(t, w, "CREATE TABLE fspx (id bigint PRIMARY KEY, f float8, r real)")

	modes := []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}
	id := int64(0)
	for _, mode := range modes {
		for _, v := range []float64{math.Inf(1), math.Inf(-1)} {
			id++
			if _, err := w.Exec(ctx, "INSERT INTO fspx VALUES ($1, $2, $3)", mode, id, v, float32(v)); err != nil {
				t.Fatalf("mode %v: insert %v: %v", mode, v, err)
			}
			var f float64
			var f4 float32
			var text string
			err := r.QueryRow(ctx, "SELECT f, r, f::text FROM fspx WHERE id = $1", mode, id).Scan(&f, &f4, &text)
			if err != nil {
				t.Fatalf("mode %v: select %v: %v", mode, v, err)
			}
			want := "Infinity"
			if v < 0 {
				want = "-Infinity"
			}
			if f != v || float64(f4) != v || text != want {
				t.Errorf("mode %v: got %v %v %q, want %v %v %q", mode, f, f4, text, v, v, want)
			}
			var n int64
			if err := r.QueryRow(ctx, "SELECT count(*) FROM fspx WHERE id = $1 AND f = $2 AND r = $3", mode, id, v, float32(v)).Scan(&n); err != nil || n != 1 {
				t.Errorf("mode %v: WHERE f = $2 AND r = $3 of %v: %d, %v; want 1", mode, v, n, err)
			}
		}
		var f float64
		if err := r.QueryRow(ctx, "SELECT $1::float8 * 2", mode, math.Inf(-1)).Scan(&f); err != nil || !math.IsInf(f, -1) {
			t.Errorf("mode %v: $1::float8 * 2 of -Infinity: %v, %v", mode, f, err)
		}
	}
	var n int64
	if err := r.QueryRow(ctx, "SELECT count(*) FROM fspx WHERE f = $1", math.Inf(1)).Scan(&n); err != nil || n != int64(len(modes)) {
		t.Errorf("count of Infinity rows: %d, %v; want %d", n, err, len(modes))
	}

	// ordering: -Infinity below every number, Infinity above
	mustExec(t, w, "INSERT INTO fspx VALUES (100, 1.5, 1.5)")
	rows, err := r.Query(ctx, "SELECT DISTINCT f FROM fspx ORDER BY f")
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[float64])
	if err != nil || len(got) != 3 || !math.IsInf(got[0], -1) || got[1] != 1.5 || !math.IsInf(got[2], 1) {
		t.Errorf("ORDER BY f: %v, %v; want [-Inf 1.5 +Inf]", got, err)
	}

	// binary COPY
	src := pgx.CopyFromRows([][]any{{int64(200), math.Inf(1), float32(math.Inf(-1))}})
	if c, err := w.CopyFrom(ctx, pgx.Identifier{"fspx"}, []string{"id", "f", "r"}, src); err != nil || c != 1 {
		t.Fatalf("CopyFrom Infinity: %d, %v", c, err)
	}
	var f float64
	var f4 float32
	if err := r.QueryRow(ctx, "SELECT f, r FROM fspx WHERE id = 200").Scan(&f, &f4); err != nil || !math.IsInf(f, 1) || !math.IsInf(float64(f4), -1) {
		t.Errorf("copied Infinity: %v %v, %v", f, f4, err)
	}

	// NaN: refused, never NULL, in every mode and by COPY
	for i, mode := range modes {
		nid := int64(300 + i)
		_, err := w.Exec(ctx, "INSERT INTO fspx VALUES ($1, $2, $3)", mode, nid, math.NaN(), float32(1))
		var back *float64
		qerr := r.QueryRow(ctx, "SELECT $1::float8", mode, math.NaN()).Scan(&back)
		if reference {
			if err != nil || qerr != nil || back == nil || !math.IsNaN(*back) {
				t.Errorf("mode %v: PostgreSQL stores and returns NaN: %v, %v, %v", mode, err, qerr, back)
			}
			continue
		}
		if code := pgCode(err); code != "0A000" {
			t.Errorf("mode %v: NaN parameter into float8: %v, want 0A000", mode, err)
		}
		if code := pgCode(qerr); code != "0A000" {
			t.Errorf("mode %v: SELECT $1::float8 of NaN: %v (%v), want 0A000", mode, qerr, back)
		}
	}
	_, err = w.CopyFrom(ctx, pgx.Identifier{"fspx"}, []string{"id", "f", "r"},
		pgx.CopyFromRows([][]any{{int64(400), 1.0, float32(math.NaN())}}))
	if !reference && pgCode(err) != "0A000" {
		t.Errorf("CopyFrom NaN into real: %v, want 0A000", err)
	}
	if !reference {
		if err := r.QueryRow(ctx, "SELECT count(*) FROM fspx WHERE f IS NULL OR r IS NULL OR id >= 300").Scan(&n); err != nil || n != 0 {
			t.Errorf("rows from refused NaN writes: %d, %v; want none", n, err)
		}
	}
}
