package sqlexec

import (
	"context"
	"testing"
)

// A prepared write remembers that it passed the write allow-list only for
// the schema it was checked against: a trigger created since (whose body
// calls a function the allow-list refuses) makes the next Execute refuse
// it before proposing, as a fresh statement is.
func TestVerdictFollowsSchema(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	ctx := context.Background()
	mustQ(t, s, "CREATE TABLE t(id int, v text)", "")
	mustQ(t, s, "CREATE TABLE log(v text)", "")
	st, err := s.Prepare(ctx, "INSERT INTO log(v) VALUES ($1)", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := st.Execute(ctx, []any{"a"}, &rec{}); err != nil {
			t.Fatalf("execute %d: %v", i, err)
		}
	}
	// Raw SQLite DDL, as a schema written before the allow-list: the
	// trigger body is compiled only when a write fires it.
	trigger := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "CREATE TRIGGER tr AFTER INSERT ON log BEGIN INSERT INTO t(v) VALUES (total_changes()); END"}}}
	trigger.RequestID[0] = 0xEE
	if r, err := f.Propose(ctx, trigger); err != nil || r.Err != nil {
		t.Fatalf("create trigger: %v %v", err, r.Err)
	}
	before := f.proposed.Load()
	err = st.Execute(ctx, []any{"b"}, &rec{})
	if code(err) != CodeFeatureNotSupported {
		t.Fatalf("execute after the trigger: %v, want 0A000", err)
	}
	if n := f.proposed.Load(); n != before {
		t.Fatalf("refused write was proposed (%d proposals, want %d)", n, before)
	}
	// Dropping the trigger makes it pass again.
	drop := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "DROP TRIGGER tr"}}}
	drop.RequestID[0] = 0xEF
	if r, err := f.Propose(ctx, drop); err != nil || r.Err != nil {
		t.Fatalf("drop trigger: %v %v", err, r.Err)
	}
	if err := st.Execute(ctx, []any{"c"}, &rec{}); err != nil {
		t.Fatalf("execute after the drop: %v", err)
	}
	got, _ := q(t, s, "SELECT string_agg(v, ',' ORDER BY v) FROM log")
	if want := "D[string_agg:25] R[a,a,a,c] C:SELECT 1"; got != want {
		t.Fatalf("log: %s, want %s", got, want)
	}
}

// A prepared write answers current_user with the session's name at every
// Execute: the name travels with each entry (Command.User).
func TestVerdictKeepsNames(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	ctx := context.Background()
	mustQ(t, s, "CREATE TABLE log(v text, w text)", "")
	st, err := s.Prepare(ctx, "INSERT INTO log(v, w) VALUES (current_user, $1)", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"a", "b", "c"} {
		if err := st.Execute(ctx, []any{a}, &rec{}); err != nil {
			t.Fatalf("execute %s: %v", a, err)
		}
	}
	got, _ := q(t, s, "SELECT string_agg(v || w, ',' ORDER BY w) FROM log")
	if want := "D[string_agg:25] R[ua,ub,uc] C:SELECT 1"; got != want {
		t.Fatalf("log: %s, want %s", got, want)
	}
}
