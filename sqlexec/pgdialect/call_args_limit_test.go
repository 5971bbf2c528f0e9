package pgdialect

import (
	"strconv"
	"strings"
	"testing"
)

// A call of more than 100 arguments is PostgreSQL's 54023 at its name;
// GREATEST, LEAST, COALESCE, VALUES, IN lists and column lists of more
// are not calls and stay as they were.
func TestCallArgsLimit(t *testing.T) {
	list := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = strconv.Itoa(i)
		}
		return strings.Join(s, ", ")
	}
	cols := func(n int, typ string) string {
		s := make([]string, n)
		for i := range s {
			s[i] = "c" + strconv.Itoa(i) + typ
		}
		return strings.Join(s, ", ")
	}
	for _, c := range []struct {
		q   string
		pos int // 0: translates
	}{
		{"SELECT concat(" + list(101) + ")", 8},
		{"SELECT pg_catalog.concat(" + list(101) + ")", 8},
		{"SELECT concat(" + list(101) + ") AS c", 8},
		{"SELECT 1 FROM t JOIN u ON concat(" + list(101) + ") = ''", 27},
		{"CREATE INDEX i ON t (" + cols(101, "") + ")", 0},
		{"SELECT length(nosuch(" + list(101) + "))", 15},
		{"SELECT string_agg(x, ',' ORDER BY " + list(101) + ") FROM t", 0},
		{"SELECT concat(" + list(100) + ")", 0},
		{"SELECT greatest(" + list(101) + "), least(" + list(101) + "), coalesce(" + list(101) + ")", 0},
		{"SELECT 1 IN (" + list(101) + ")", 0},
		{"VALUES (" + list(101) + ")", 0},
		{"CREATE TABLE t (" + cols(101, " int") + ")", 0},
		{"INSERT INTO t (" + cols(101, "") + ") VALUES (" + list(101) + ")", 0},
		{"WITH w(" + cols(101, "") + ") AS (SELECT 1) SELECT 1", 0},
	} {
		_, err := Translate(c.q)
		if c.pos == 0 {
			if e, ok := err.(*Error); ok && e.Code == "54023" {
				t.Errorf("%.60s: %v", c.q, err)
			}
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.Code != "54023" || e.Position != c.pos {
			t.Errorf("%.60s: %v (%#v), want 54023 at %d", c.q, err, err, c.pos)
		}
	}
}
