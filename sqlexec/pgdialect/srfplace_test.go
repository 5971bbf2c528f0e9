package pgdialect

import (
	"errors"
	"testing"
)

// TestSRFPlacement checks the refusals of a set-returning call where
// PostgreSQL refuses one: SQLSTATE, message and position as PostgreSQL 15
// reports them (psql -v VERBOSITY=verbose), and that the placements it
// accepts translate.
func TestSRFPlacement(t *testing.T) {
	for _, c := range []struct {
		q, code, msg string
		pos          int
	}{
		{"SELECT * FROM t WHERE unnest(tags) = 'a'", "0A000", "set-returning functions are not allowed in WHERE", 23},
		{"SELECT * FROM t WHERE coalesce(unnest(ia), 1) = 1", "0A000", "set-returning functions are not allowed in WHERE", 32},
		{"SELECT * FROM t JOIN t b ON b.id = generate_series(1,2)", "0A000", "set-returning functions are not allowed in JOIN conditions", 36},
		{"SELECT count(*) FROM t GROUP BY id HAVING generate_series(1,2) > 0", "0A000", "set-returning functions are not allowed in HAVING", 43},
		{"SELECT 1 LIMIT generate_series(1,2)", "0A000", "set-returning functions are not allowed in LIMIT", 16},
		{"SELECT 1 FETCH FIRST generate_series(1,2) ROWS ONLY", "0A000", "set-returning functions are not allowed in LIMIT", 22},
		{"SELECT 1 OFFSET generate_series(1,2)", "0A000", "set-returning functions are not allowed in OFFSET", 17},
		{"VALUES (1), (generate_series(1,2))", "0A000", "set-returning functions are not allowed in VALUES", 14},
		{"VALUES (generate_series(1,2))", "0A000", "set-returning functions are not allowed in VALUES", 9},
		{"INSERT INTO t (id) VALUES (generate_series(10,11)), (5)", "0A000", "set-returning functions are not allowed in VALUES", 28},
		{"UPDATE t SET id = generate_series(1,2) WHERE false", "0A000", "set-returning functions are not allowed in UPDATE", 19},
		{"DELETE FROM t WHERE id = generate_series(1,2)", "0A000", "set-returning functions are not allowed in WHERE", 26},
		{"INSERT INTO t (id) VALUES (1) RETURNING unnest(ARRAY[id, id])", "0A000", "set-returning functions are not allowed in RETURNING", 41},
		{"SELECT sum(1) FILTER (WHERE generate_series(1,2) > 1)", "0A000", "set-returning functions are not allowed in FILTER", 29},
		{"SELECT * FROM t, LATERAL unnest(ARRAY[unnest(t.ia)])", "0A000", "set-returning functions must appear at top level of FROM", 39},
		{"SELECT * FROM generate_series(1, generate_series(1,2))", "0A000", "set-returning functions must appear at top level of FROM", 34},
		{"SELECT CASE WHEN unnest(ARRAY[1]) = 1 THEN 1 END", "42804", "argument of CASE/WHEN must not return a set", 18},
		{"SELECT CASE 1 WHEN unnest(ARRAY[1]) THEN 1 END", "42804", "argument of CASE/WHEN must not return a set", 15},
		{"SELECT CASE unnest(ARRAY[1]) WHEN 1 THEN 2 END", "0A000", "set-returning functions are not allowed in CASE", 13},
		{"SELECT CASE WHEN true THEN 1 ELSE unnest(ARRAY[1]) END", "0A000", "set-returning functions are not allowed in CASE", 35},
		{"SELECT coalesce(1, unnest(ARRAY[1]))", "0A000", "set-returning functions are not allowed in COALESCE", 20},
		{"SELECT sum(coalesce(unnest(ARRAY[1]),1))", "0A000", "set-returning functions are not allowed in COALESCE", 21},
		{"SELECT coalesce(sum(unnest(ARRAY[1])), 1)", "0A000", "aggregate function calls cannot contain set-returning function calls", 21},
		{"SELECT string_agg(x, regexp_split_to_table('a,b', ',')) FROM v", "0A000", "aggregate function calls cannot contain set-returning function calls", 22},
		{"SELECT max(generate_series(1,3)) OVER ()", "0A000", "window function calls cannot contain set-returning function calls", 12},
		{"SELECT lag(unnest(ARRAY[2,1])) OVER ()", "0A000", "window function calls cannot contain set-returning function calls", 12},
	} {
		_, err := Translate(c.q)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != c.code || pe.Message != c.msg || pe.Position != c.pos {
			t.Errorf("%s: err %#v, want %s %q at %d", c.q, err, c.code, c.msg, c.pos)
		}
	}
	// accepted by PostgreSQL: no placement error (each may still be
	// refused as unsupported, never with a placement message)
	for _, q := range []string{
		"SELECT nullif(unnest(ARRAY[1]), 2)",
		"SELECT abs(unnest(ARRAY[-1,2]))",
		"SELECT 1 FROM t WHERE EXISTS (SELECT unnest(t.ia))",
		"SELECT sum(1) OVER (PARTITION BY generate_series(1,2))",
		"SELECT row_number() OVER (ORDER BY unnest(ARRAY[2,1]))",
		"SELECT DISTINCT ON (generate_series(1,2)) 1",
		"SELECT * FROM t, unnest(t.ia) u JOIN t b ON b.id = u",
		"SELECT * FROM t JOIN t b ON b.id = t.id JOIN unnest(t.ia) u ON true",
		"SELECT * FROM ROWS FROM (unnest(ARRAY[1]), generate_series(1, 2))",
		"INSERT INTO t (id) VALUES (generate_series(10,11))",
		"SELECT CASE WHEN sum(1) > 0 THEN 1 END, unnest(ARRAY[1])",
	} {
		_, err := Translate(q)
		var pe *Error
		if errors.As(err, &pe) && pe.Position != 0 && pe.Code != "42601" {
			t.Errorf("%s: err %v, want no placement error", q, err)
		}
	}
}
