package sqlexec

import (
	"fmt"
	"strings"
	"testing"
)

// TestNotify: NOTIFY is delivered to the listening sessions of the node
// after its entry commits, de-duplicated within a transaction (same
// channel and payload once, first occurrence order), not at all when the
// transaction or a savepoint rolls back; LISTEN / UNLISTEN are local.
func TestNotify(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	a.info.BackendPID = 7
	take := func(s *Session) string {
		var out []string
		for _, n := range s.TakeNotifications() {
			out = append(out, fmt.Sprintf("%s:%s:%d", n.Channel, n.Payload, n.PID))
		}
		return strings.Join(out, " ")
	}
	mustQ(t, b, "LISTEN jobs", "C:LISTEN")
	mustQ(t, b, `LISTEN "Mixed"`, "C:LISTEN")
	for _, sql := range []string{
		"NOTIFY jobs, 'one'",
		"BEGIN",
		"NOTIFY jobs, 'two'",
		"NOTIFY jobs, 'three'",
		"NOTIFY jobs, 'two'",
		"NOTIFY other, 'unheard'",
		"SAVEPOINT s",
		"NOTIFY jobs, 'undone'",
		"ROLLBACK TO s",
		"NOTIFY Mixed, 'folded'",
		`NOTIFY "Mixed"`,
		"COMMIT",
		"BEGIN",
		"NOTIFY jobs, 'lost'",
		"ROLLBACK",
	} {
		if _, err := q(t, a, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if got, want := take(b), "jobs:one:7 jobs:two:7 jobs:three:7 Mixed::7"; got != want {
		t.Fatalf("delivered %q, want %q", got, want)
	}
	if got := take(a); got != "" {
		t.Fatalf("a does not listen but got %q", got)
	}
	// the same notification in separate transactions is delivered twice
	mustQ(t, a, "NOTIFY jobs, 'x'", "C:NOTIFY")
	mustQ(t, a, "NOTIFY jobs, 'x'", "C:NOTIFY")
	if got, want := take(b), "jobs:x:7 jobs:x:7"; got != want {
		t.Fatalf("delivered %q, want %q", got, want)
	}
	if _, err := q(t, a, "NOTIFY jobs, '"+strings.Repeat("x", 8000)+"'"); code(err) != "22023" {
		t.Fatalf("long payload: %v, want 22023", err)
	}
	// pg_notify as a statement of its own
	mustQ(t, a, "SELECT pg_notify('jobs', 'f')", "D[pg_notify:25] R[] C:SELECT 1")
	mustQ(t, a, "select pg_catalog.pg_notify('jobs', NULL) AS n", "D[n:25] R[] C:SELECT 1")
	if got, want := take(b), "jobs:f:7 jobs::7"; got != want {
		t.Fatalf("delivered %q, want %q", got, want)
	}
	for sql, want := range map[string]string{
		"SELECT pg_notify(NULL, 'x')":                              "22023",
		"SELECT pg_notify('', 'x')":                                "22023",
		"SELECT pg_notify('jobs', 'x' || 'y')":                     "0A000",
		"SELECT 1, pg_notify('jobs', 'x')":                         "0A000",
		"SELECT pg_notify('jobs')":                                 "42883",
		"SELECT pg_notify(repeat('c', 64), 'x')":                   "0A000",
		"SELECT pg_notify('" + strings.Repeat("c", 64) + "', 'x')": "22023",
	} {
		if _, err := q(t, a, sql); code(err) != want {
			t.Errorf("%s: %v, want %s", sql, err, want)
		}
	}
	// allowed in a READ ONLY transaction, as in PostgreSQL
	for _, sql := range []string{"BEGIN READ ONLY", "NOTIFY jobs, 'ro'", "COMMIT"} {
		if _, err := q(t, a, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if got, want := take(b), "jobs:ro:7"; got != want {
		t.Fatalf("delivered %q, want %q", got, want)
	}
	mustQ(t, b, "UNLISTEN *", "C:UNLISTEN")
	mustQ(t, a, "NOTIFY jobs, 'y'", "C:NOTIFY")
	if got := take(b); got != "" {
		t.Fatalf("after UNLISTEN *: %q", got)
	}
	for _, sql := range []string{"LISTEN", "NOTIFY", "NOTIFY a, b", "LISTEN 'a'", "NOTIFY a, 'b', 'c'"} {
		if _, err := q(t, a, sql); code(err) != "42601" {
			t.Errorf("%s: %v, want 42601", sql, err)
		}
	}
}

// TestListenTransactional: LISTEN / UNLISTEN in a transaction block take
// effect at COMMIT, never after ROLLBACK, a failed transaction or ROLLBACK
// TO a savepoint set before them; pg_listening_channels() shows the
// committed channels in LISTEN order.
func TestListenTransactional(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	heard := func() int { return len(b.TakeNotifications()) }
	steps := []struct{ sql, want string }{
		{"BEGIN", "C:BEGIN"},
		{"LISTEN c1", "C:LISTEN"},
		{"SELECT pg_listening_channels()", "D[pg_listening_channels:25] C:SELECT 0"},
		{"ROLLBACK", "C:ROLLBACK"},
		{"SELECT pg_listening_channels()", "D[pg_listening_channels:25] C:SELECT 0"},
		{"BEGIN", "C:BEGIN"},
		{"LISTEN c2", "C:LISTEN"},
		{"SAVEPOINT s", "C:SAVEPOINT"},
		{"LISTEN c3", "C:LISTEN"},
		{"ROLLBACK TO s", "C:ROLLBACK"},
		{"LISTEN c1", "C:LISTEN"},
		{"COMMIT", "C:COMMIT"},
		{"SELECT * FROM pg_listening_channels()", "D[pg_listening_channels:25] R[c2] R[c1] C:SELECT 2"},
		{"select pg_catalog.pg_listening_channels() AS ch", "D[ch:25] R[c2] R[c1] C:SELECT 2"},
		{"SELECT * FROM pg_listening_channels() AS l(name)", "D[name:25] R[c2] R[c1] C:SELECT 2"},
		{"BEGIN", "C:BEGIN"},
		{"UNLISTEN *", "C:UNLISTEN"},
		{"SELECT 1/0", ""},
		{"COMMIT", "C:ROLLBACK"},
		{"SELECT pg_listening_channels()", "D[pg_listening_channels:25] R[c2] R[c1] C:SELECT 2"},
		{"BEGIN", "C:BEGIN"},
		{"UNLISTEN c2", "C:UNLISTEN"},
		{"COMMIT", "C:COMMIT"},
		{"SELECT pg_listening_channels()", "D[pg_listening_channels:25] R[c1] C:SELECT 1"},
	}
	for _, st := range steps {
		if st.want == "" {
			_, _ = q(t, b, st.sql)
			continue
		}
		mustQ(t, b, st.sql, st.want)
	}
	mustQ(t, a, "NOTIFY c2", "C:NOTIFY")
	mustQ(t, a, "NOTIFY c3", "C:NOTIFY")
	if n := heard(); n != 0 {
		t.Fatalf("heard %d notifications on channels not listened to", n)
	}
	mustQ(t, a, "NOTIFY c1", "C:NOTIFY")
	if n := heard(); n != 1 {
		t.Fatalf("heard %d notifications on c1, want 1", n)
	}
	for _, sql := range []string{"SELECT count(*) FROM pg_listening_channels()", "SELECT pg_listening_channels(), 1"} {
		if _, err := q(t, b, sql); code(err) != "0A000" {
			t.Errorf("%s: %v, want 0A000", sql, err)
		}
	}
}
