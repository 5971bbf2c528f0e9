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
		{"SET DateStyle = 'ISO, DMY'", "DateStyle", "ISO, DMY"},
		{"RESET application_name", "application_name", "app"},
		{"BEGIN; SET application_name = 'in_tx'", "application_name", "in_tx"},
		{"ROLLBACK", "application_name", "app"},
		{"SET SESSION AUTHORIZATION DEFAULT", "DateStyle", "ISO, DMY"},
	}
	for _, st := range steps {
		mustQ(t, s, st.sql, "")
		if got := s.ParameterStatus()[st.key]; got != st.want {
			t.Fatalf("after %s: %s = %q, want %q", st.sql, st.key, got, st.want)
		}
	}
}
