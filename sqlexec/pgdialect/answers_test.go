package pgdialect

import (
	"database/sql"
	"strings"
	"testing"
)

// wantAnswers checks that each query of answers (PostgreSQL 15's answers)
// gives its value on db.
func wantAnswers(t *testing.T, db *sql.DB, answers map[string]string) {
	t.Helper()
	for q, want := range answers {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s = %q, want %q", q, got, want)
		}
	}
}

// wantSQLStates checks that each query of codes fails on db with its
// SQLSTATE.
func wantSQLStates(t *testing.T, db *sql.DB, codes map[string]string) {
	t.Helper()
	for q, code := range codes {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(st.Exec[0]); err == nil || !strings.Contains(err.Error(), code) {
			t.Errorf("%s: err %v, want SQLSTATE %s", q, err, code)
		}
	}
}
