package sqlexec

import (
	"strings"
	"testing"
)

// A foreign key violation in a WITHOUT ROWID table (SQLite's option, which
// passes through) is reported as for a rowid table: the constraint and the
// key, found without a rowid (constraint_errors.go violatingKey).
func TestWithoutRowidForeignKeyDetail(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE p (id int PRIMARY KEY)", "")
	mustQ(t, s, "INSERT INTO p VALUES (1)", "")
	mustQ(t, s, "CREATE TABLE c_rowid (id int PRIMARY KEY, pid int REFERENCES p(id))", "")
	mustQ(t, s, "CREATE TABLE c_wr (id int PRIMARY KEY, pid int REFERENCES p(id)) WITHOUT ROWID", "")
	mustQ(t, s, "CREATE TABLE c_rowid_deferred (id int PRIMARY KEY, pid int REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)", "")
	mustQ(t, s, "CREATE TABLE c_wr_deferred (id int PRIMARY KEY, pid int REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED) WITHOUT ROWID", "")
	fkErr := func(sql string) *Error {
		t.Helper()
		_, err := q(t, s, sql)
		pe, ok := err.(*Error)
		if !ok || pe.Code != CodeForeignKeyViolation {
			t.Fatalf("%s: %v, want 23503", sql, err)
		}
		return pe
	}
	twin := strings.NewReplacer(`"c_rowid_deferred"`, `"c_wr_deferred"`, `"c_rowid_deferred_pid_fkey"`, `"c_wr_deferred_pid_fkey"`,
		`"c_rowid"`, `"c_wr"`, `"c_rowid_pid_fkey"`, `"c_wr_pid_fkey"`)
	for _, c := range [][2]string{
		{"INSERT INTO c_rowid VALUES (5, 1), (7, 99)", "INSERT INTO c_wr VALUES (5, 1), (7, 99)"},
		{"BEGIN; INSERT INTO c_rowid_deferred VALUES (2, 98); COMMIT", "BEGIN; INSERT INTO c_wr_deferred VALUES (2, 98); COMMIT"},
	} {
		want, got := fkErr(c[0]), fkErr(c[1])
		if got.DetailText == "" || got.DetailText != want.DetailText {
			t.Errorf("%s: detail %q, want %q (as for the rowid table)", c[1], got.DetailText, want.DetailText)
		}
		if got.Message != twin.Replace(want.Message) {
			t.Errorf("%s: message %q, want %q", c[1], got.Message, twin.Replace(want.Message))
		}
	}
}
