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

// TestDefaultCurrentUser: a column DEFAULT current_user (session_user,
// current_role, user) is the inserting session's user, evaluated per row
// at apply from the entry's user, not the creator's fixed at CREATE.
func TestDefaultCurrentUser(t *testing.T) {
	e, _ := newTestEngine(t)
	alice, bob := sessAs(t, e, "alice"), sessAs(t, e, "bob")
	mustQ(t, alice, "CREATE TABLE du (i int, a text DEFAULT current_user, b name DEFAULT session_user, c text DEFAULT current_role, d text DEFAULT user)", "")
	mustQ(t, alice, "INSERT INTO du (i) VALUES (1)", "")
	mustQ(t, bob, "INSERT INTO du (i) VALUES (2)", "")
	mustQ(t, bob, "BEGIN", "")
	mustQ(t, bob, "INSERT INTO du (i) VALUES (3)", "")
	mustQ(t, bob, "COMMIT", "")
	mustQ(t, alice, "INSERT INTO du (i) VALUES (4); INSERT INTO du (i, a) VALUES (5, user)", "")
	mustQ(t, bob, "SELECT i, a, b, c, d FROM du ORDER BY i",
		"D[i:23,a:25,b:19,c:25,d:25] R[1 alice alice alice alice] R[2 bob bob bob bob] R[3 bob bob bob bob] R[4 alice alice alice alice] R[5 alice alice alice alice] C:SELECT 5")
}
