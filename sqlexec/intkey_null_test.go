package sqlexec

import (
	"context"
	"errors"
	"testing"
)

// TestCopyIntegerKeyNull: COPY into a table whose key is an integer
// PRIMARY KEY without a DEFAULT fails with 23502, as in PostgreSQL, when
// the key column is left out or a row gives \N for it, instead of
// numbering the rows max(id)+1 (SQLite's rowid alias); the table keeps
// no row of the failed COPY.
func TestCopyIntegerKeyNull(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE ck (id integer PRIMARY KEY, v text)", "")
	for _, c := range []struct {
		sql  string
		rows [][]any
	}{
		{"COPY ck (v) FROM STDIN", [][]any{{"a"}}},
		{"COPY ck FROM STDIN", [][]any{{int64(1), "a"}, {nil, "b"}}},
	} {
		err := s.SimpleQuery(context.Background(), c.sql, &rec{copyIn: c.rows})
		var ee *Error
		if !errors.As(err, &ee) || ee.Code != "23502" || ee.Column != "id" {
			t.Fatalf("%s: %v (%+v), want 23502 on id", c.sql, err, ee)
		}
	}
	mustQ(t, s, "SELECT count(*) FROM ck", "D[count:20] R[0] C:SELECT 1")
}
