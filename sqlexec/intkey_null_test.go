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

// TestOldIntegerKeyConverted: a table stored before integer keys became
// int4 (SQLite's INTEGER PRIMARY KEY, the rowid alias) still numbers an
// omitted key max(id)+1, the documented difference; ALTER COLUMN ... SET
// DEFAULT rebuilds it with an int4 key, and DROP DEFAULT then leaves the
// key PostgreSQL's: an omitted key is 23502.
func TestOldIntegerKeyConverted(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	f.mu.Lock()
	f.next++
	r := f.db.Apply(f.next, cmdOf(1, 1, 0x71, "CREATE TABLE ok_old (id integer PRIMARY KEY NOT NULL, v text)"))
	f.mu.Unlock()
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	mustQ(t, s, "INSERT INTO ok_old (v) VALUES ('a')", "")
	mustQ(t, s, "SELECT id FROM ok_old", "D[id:23] R[1] C:SELECT 1")
	mustQ(t, s, "ALTER TABLE ok_old ALTER COLUMN id SET DEFAULT 0", "")
	mustQ(t, s, "ALTER TABLE ok_old ALTER COLUMN id DROP DEFAULT", "")
	wantCode(t, s, "INSERT INTO ok_old (v) VALUES ('b')", "23502")
	mustQ(t, s, "SELECT id, v FROM ok_old", "D[id:23,v:25] R[1 a] C:SELECT 1")
}
