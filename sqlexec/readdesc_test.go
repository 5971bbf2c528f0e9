package sqlexec

import (
	"testing"
)

// A read's description is kept on its compiled statement (readdesc.go):
// these fail if it outlives a schema change or serves other column hints.

func TestReadDescriptionFollowsSchema(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	s := newSess(t, NewEngine(db, &fakeReplicator{db: db}, EngineOptions{}))
	steps := []struct{ sql, want string }{
		{"CREATE TABLE t(a boolean)", ""},
		{"INSERT INTO t VALUES (true)", ""},
		{"SELECT * FROM t", "D[a:16] R[true] C:SELECT 1"},
		{"SELECT * FROM t", "D[a:16] R[true] C:SELECT 1"},
		{"SELECT * FROM t", "D[a:16] R[true] C:SELECT 1"}, // from the memo (two read connections)
		{"ALTER TABLE t ADD COLUMN b integer", ""},
		{"UPDATE t SET b = 7", ""},
		{"SELECT * FROM t", "D[a:16,b:23] R[true 7] C:SELECT 1"},
		{"DROP TABLE t", ""},
		{"CREATE TABLE t(a integer)", ""},
		{"INSERT INTO t VALUES (1)", ""},
		// A stale description would call a an int4 bool and print true.
		{"SELECT * FROM t", "D[a:23] R[1] C:SELECT 1"},
	}
	for _, st := range steps {
		got, err := q(t, s, st.sql)
		if err != nil {
			t.Fatalf("%s: %v", st.sql, err)
		}
		if st.want != "" && got != st.want {
			t.Fatalf("%s: got %q, want %q", st.sql, got, st.want)
		}
	}
}

func TestReadDescriptionFollowsHints(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	s := newSess(t, NewEngine(db, &fakeReplicator{db: db}, EngineOptions{}))
	for _, sql := range []string{"CREATE TABLE t(v text)", "INSERT INTO t VALUES ('x')"} {
		if _, err := q(t, s, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// Both translate to the same SQLite text; only the hint differs.
	// Each runs twice in a row: the pool's two read connections (openTest)
	// take turns, so both hold the first one's description before the
	// second one comes.
	for _, c := range []struct{ sql, want string }{
		{"SELECT v::text AS a FROM t", "D[a:25] R[x] C:SELECT 1"},
		{"SELECT v::varchar AS a FROM t", "D[a:1043] R[x] C:SELECT 1"},
		{"SELECT v::text AS a FROM t", "D[a:25] R[x] C:SELECT 1"},
	} {
		for range 2 {
			got, err := q(t, s, c.sql)
			if err != nil {
				t.Fatalf("%s: %v", c.sql, err)
			}
			if got != c.want {
				t.Fatalf("%s: got %q, want %q", c.sql, got, c.want)
			}
		}
	}
}
