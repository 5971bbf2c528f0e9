package sqlexec

import "testing"

// ParameterStatus is asked before every ReadyForQuery: it returns the same
// map while nothing reported changed, and a new one with the new value
// after SET, RESET or a rolled-back SET (cached answers must never hide a
// change from the client).
func TestParameterStatusFollowsChanges(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	first := s.ParameterStatus()
	if first["application_name"] != "app" || first["DateStyle"] != "ISO, MDY" {
		t.Fatal(first)
	}
	if again := s.ParameterStatus(); len(again) != len(first) || again["application_name"] != "app" {
		t.Fatal(again)
	}
	steps := []struct{ sql, key, want string }{
		{"SET application_name = 'x'", "application_name", "x"},
		{"SET TimeZone = 'Europe/Paris'", "TimeZone", "Europe/Paris"},
		{"RESET application_name", "application_name", "app"},
		{"BEGIN; SET application_name = 'in_tx'", "application_name", "in_tx"},
		{"ROLLBACK", "application_name", "app"},
		{"SET SESSION AUTHORIZATION DEFAULT", "TimeZone", "Europe/Paris"},
	}
	for _, st := range steps {
		mustQ(t, s, st.sql, "")
		if got := s.ParameterStatus()[st.key]; got != st.want {
			t.Fatalf("after %s: %s = %q, want %q", st.sql, st.key, got, st.want)
		}
	}
}

// ParameterStatusChanged says "changed" exactly when a reported value
// changed since its previous call, including a change first seen by a
// plain ParameterStatus call in between (pgwire then skips its comparison
// only when nothing can have changed).
func TestParameterStatusChangedReportsEveryChange(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	if m, changed := s.ParameterStatusChanged(); !changed || m["application_name"] != "app" {
		t.Fatalf("first call: %v, %v; want the parameters, changed", m, changed)
	}
	if _, changed := s.ParameterStatusChanged(); changed {
		t.Fatal("changed with nothing set")
	}
	mustQ(t, s, "SELECT 1", "")
	if _, changed := s.ParameterStatusChanged(); changed {
		t.Fatal("changed after a statement that sets nothing")
	}
	mustQ(t, s, "SET application_name = 'x'", "")
	_ = s.ParameterStatus() // sees the change first
	if m, changed := s.ParameterStatusChanged(); !changed || m["application_name"] != "x" {
		t.Fatalf("after SET: %v, %v; want application_name x, changed", m, changed)
	}
	mustQ(t, s, "SET application_name = 'x'", "")
	if _, changed := s.ParameterStatusChanged(); changed {
		t.Fatal("changed after setting the same value")
	}
	tz := s.ParameterStatus()["TimeZone"]
	mustQ(t, s, "BEGIN; SET TimeZone = 'Europe/Paris'", "")
	if m, changed := s.ParameterStatusChanged(); !changed || m["TimeZone"] != "Europe/Paris" {
		t.Fatalf("after SET in a transaction: %v, %v", m["TimeZone"], changed)
	}
	mustQ(t, s, "ROLLBACK", "")
	if m, changed := s.ParameterStatusChanged(); !changed || m["TimeZone"] != tz {
		t.Fatalf("after ROLLBACK: %v, %v; want %s, changed", m["TimeZone"], changed, tz)
	}
}
