package integration

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestPgxJSONTableFunctions scans the columns of the set-returning JSON
// functions in FROM through pgx in every QueryExecMode: a jsonb value into
// a map and into []byte (its text), a _text value into a string, alone
// and after a table the function reads (runs against PostgreSQL too, see
// pgx_test.go).
func TestPgxJSONTableFunctions(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := connect(t, urls[0])
	mustExec(t, c, `CREATE TABLE pj (id int PRIMARY KEY, doc jsonb)`)
	mustExec(t, c, `INSERT INTO pj VALUES (1, '{"b": {"n": 2}, "a": {"n": 1}}')`)
	for _, mode := range allModes {
		t.Run(mode.String(), func(t *testing.T) {
			for _, q := range []string{
				`SELECT * FROM jsonb_each('{"b": {"n": 2}, "a": {"n": 1}}')`,
				`SELECT j.key, j.value FROM pj, jsonb_each(pj.doc) j WHERE pj.id = 1 ORDER BY 1`, // (j.* here is described by its values: docs)
			} {
				rows, err := c.Query(ctx, q, mode)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				var keys []string
				var vals []map[string]any
				for rows.Next() {
					var k string
					var v map[string]any
					if err := rows.Scan(&k, &v); err != nil {
						t.Fatalf("%s: scan: %v", q, err)
					}
					keys, vals = append(keys, k), append(vals, v)
				}
				if err := rows.Err(); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if want := []string{"a", "b"}; !reflect.DeepEqual(keys, want) {
					t.Errorf("%s: keys %v, want %v", q, keys, want)
				}
				if want := []map[string]any{{"n": float64(1)}, {"n": float64(2)}}; !reflect.DeepEqual(vals, want) {
					t.Errorf("%s: values %v, want %v", q, vals, want)
				}
			}
			var raw []byte
			if err := c.QueryRow(ctx, `SELECT value FROM jsonb_array_elements('[{"b":1,"a":"x"}]')`, mode).Scan(&raw); err != nil {
				t.Fatal(err)
			}
			if string(raw) != `{"a": "x", "b": 1}` {
				t.Errorf("jsonb_array_elements value as []byte: %s", raw)
			}
			var s string
			if err := c.QueryRow(ctx, `SELECT x FROM jsonb_array_elements_text('["q"]') AS t(x)`, mode).Scan(&s); err != nil {
				t.Fatal(err)
			}
			if s != "q" {
				t.Errorf("jsonb_array_elements_text value: %q", s)
			}
		})
	}
}
