package integration

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestSelectListSRFAndEmptyList runs set-returning calls in a select list
// and empty select lists through pgx's extended protocol (Parse, Describe,
// Execute), as a client sees them: rows, column names and types, and rows
// of no columns. Passes against PostgreSQL 15 (RAFTSQL_REFERENCE_URL).
func TestSelectListSRFAndEmptyList(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE srf_t (id int PRIMARY KEY, n int)"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO srf_t SELECT generate_series(1, 3), 10"); err != nil {
		t.Fatal(err)
	}
	// a numeric series through the write path (every node computes it)
	if _, err := conn.Exec(ctx, "CREATE TABLE srf_n (v numeric)"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO srf_n SELECT generate_series(0.50, 1.5, 0.5)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q, cols, rows string // cols: name:oid, rows: cells joined by "|", rows by ";"
	}{
		{"SELECT generate_series(1, 3)", "generate_series:23", "1;2;3"},
		{"SELECT id, generate_series(1, 2) AS g FROM srf_t WHERE id <= 2 ORDER BY id, g", "id:23,g:23", "1|1;1|2;2|1;2|2"},
		{"SELECT generate_series(1.5, 2.5, 0.5)", "generate_series:1700", "1.5;2.0;2.5"},
		{"SELECT unnest(ARRAY['a', 'b'])", "unnest:25", "a;b"},
		{"SELECT count(*) FROM srf_t", "count:20", "3"},
		{"SELECT v FROM srf_n ORDER BY v", "v:1700", "0.50;1.00;1.50"},
		{"SELECT FROM srf_t WHERE id >= 2", "", ";"},
		{"SELECT WHERE false", "", ""},
		{"SELECT id FROM srf_t s WHERE EXISTS (SELECT FROM srf_t u WHERE u.id = s.id + 1) ORDER BY id", "id:23", "1;2"},
	} {
		rows, err := conn.Query(ctx, c.q)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		var cols []string
		for _, f := range rows.FieldDescriptions() {
			cols = append(cols, fmt.Sprintf("%s:%d", f.Name, f.DataTypeOID))
		}
		var out []string
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Errorf("%s: %v", c.q, err)
				break
			}
			cells := make([]string, len(vals))
			for i, v := range vals {
				cells[i] = fmt.Sprint(v)
				if n, ok := v.(driver.Valuer); ok { // pgtype.Numeric
					if nv, err := n.Value(); err == nil {
						cells[i] = fmt.Sprint(nv)
					}
				}
			}
			out = append(out, strings.Join(cells, "|"))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if got := strings.Join(cols, ","); got != c.cols {
			t.Errorf("%s: columns %q, want %q", c.q, got, c.cols)
		}
		if got := strings.Join(out, ";"); got != c.rows {
			t.Errorf("%s: rows %q, want %q", c.q, got, c.rows)
		}
	}
}
