package sqlexec

import (
	"strings"
	"testing"
)

// TestInsertDefaultSomeRows: DEFAULT in some rows only takes each
// column's default from the schema (bun's bulk insert).
func TestInsertDefaultSomeRows(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE b (id bigserial PRIMARY KEY, t text, pages bigint DEFAULT 100, at timestamptz DEFAULT now())", "")
	for _, c := range [][2]string{
		{"INSERT INTO public.b (id, t, pages) VALUES (DEFAULT, 'x', DEFAULT), (DEFAULT, 'y', 7) RETURNING id, pages", "R[1 100] R[2 7] C:INSERT 0 2"},
		{"INSERT INTO b VALUES (DEFAULT, 'z', DEFAULT, DEFAULT), (10, DEFAULT, 5, DEFAULT) RETURNING id, t, pages", "R[3 z 100] R[10 <nil> 5] C:INSERT 0 2"},
	} {
		got, err := q(t, s, c[0])
		if err != nil || !strings.HasSuffix(got, c[1]) {
			t.Fatalf("%s: %s, %v; want ...%s", c[0], got, err, c[1])
		}
	}
	if _, err := q(t, s, "INSERT INTO nosuch (a) VALUES (DEFAULT), (1)"); code(err) != "0A000" {
		t.Fatalf("unknown table: %v", err)
	}
}
