package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// A transaction's statements on an otherwise idle node run without
// replaying the earlier ones: the speculative state is kept between them
// (keptspec.go). Before, a transaction of n statements ran n(n+1)/2.
// mustRows is mustQ comparing rows and tags only (no descriptions).
func mustRows(t *testing.T, s *Session, sql, want string) {
	t.Helper()
	got, err := q(t, s, sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	if got = withoutDesc(got); want != "" && got != want {
		t.Fatalf("%s:\n got %s\nwant %s", sql, got, want)
	}
}

func withoutDesc(out string) string {
	var keep []string
	for _, f := range strings.Fields(out) {
		if !strings.HasPrefix(f, "D[") {
			keep = append(keep, f)
		}
	}
	return strings.Join(keep, " ")
}

func TestKeptSpecNoReplay(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE ks(id integer PRIMARY KEY, v text)", "")
	mustRows(t, s, "BEGIN", "")
	before := specReplays.Load()
	for i := 1; i <= 40; i++ {
		mustRows(t, s, fmt.Sprintf("INSERT INTO ks VALUES (%d, 'v%d')", i, i), "C:INSERT 0 1")
	}
	// a read and a describe on the transaction's state see its writes
	mustRows(t, s, "SELECT count(*), sum(id) FROM ks", "R[40 820] C:SELECT 1")
	if _, err := s.Prepare(context.Background(), "SELECT v FROM ks WHERE id = $1", nil); err != nil {
		t.Fatal(err)
	}
	mustRows(t, s, "UPDATE ks SET v = 'w' WHERE id = 40", "C:UPDATE 1")
	if n := specReplays.Load() - before; n != 0 {
		t.Fatalf("%d replays of the transaction's earlier statements on an idle node, want 0", n)
	}
	mustRows(t, s, "COMMIT", "")
	mustRows(t, s, "SELECT count(*), max(v) FROM ks", "R[40 w] C:SELECT 1")
}

// Anything applied between two statements of a transaction rolls its kept
// state back first: the apply never commits a speculation's writes, and
// the transaction's next statement replays on the new state.
func TestKeptSpecDroppedByApply(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	asserts := openTxAsserts.Load()
	defer func() {
		if n := openTxAsserts.Load() - asserts; n != 0 {
			t.Errorf("the apply found %d transactions left open on its connection", n)
		}
	}()
	mustRows(t, a, "CREATE TABLE kd(id integer PRIMARY KEY, n integer)", "")
	mustRows(t, a, "INSERT INTO kd VALUES (1, 100)", "")
	mustRows(t, a, "BEGIN", "")
	mustRows(t, a, "INSERT INTO kd VALUES (2, 5)", "C:INSERT 0 1")
	mustRows(t, a, "SELECT n FROM kd WHERE id = 1", "R[100] C:SELECT 1")
	before := specReplays.Load()
	mustRows(t, b, "INSERT INTO kd VALUES (3, 7)", "C:INSERT 0 1")
	mustRows(t, b, "SELECT id FROM kd ORDER BY id", "R[1] R[3] C:SELECT 2")
	mustRows(t, a, "SELECT id FROM kd ORDER BY id", "R[1] R[2] R[3] C:SELECT 3")
	if n := specReplays.Load() - before; n != 1 {
		t.Fatalf("%d replays after a write was applied, want 1", n)
	}
	mustRows(t, b, "UPDATE kd SET n = 0 WHERE id = 1", "C:UPDATE 1")
	// What a saw (n = 100) no longer holds: the next statement replays
	// and finds it, and COMMIT fails.
	mustRows(t, a, "INSERT INTO kd VALUES (4, 1)", "C:INSERT 0 1")
	if _, err := q(t, a, "COMMIT"); code(err) != CodeSerialization {
		t.Fatalf("COMMIT after a conflicting write: %v, want 40001", err)
	}
	mustRows(t, b, "SELECT id, n FROM kd ORDER BY id", "R[1 0] R[3 7] C:SELECT 2")
	// a transaction rolled back leaves nothing either
	mustRows(t, a, "BEGIN", "")
	mustRows(t, a, "INSERT INTO kd VALUES (5, 5)", "C:INSERT 0 1")
	mustRows(t, a, "ROLLBACK", "")
	mustRows(t, b, "INSERT INTO kd VALUES (6, 6)", "C:INSERT 0 1")
	mustRows(t, b, "SELECT id FROM kd ORDER BY id", "R[1] R[3] R[6] C:SELECT 3")
}

// Two transactions of one node interleaved statement by statement: each
// statement's speculation drops the other's kept state, and both commit
// what their clients saw.
func TestKeptSpecInterleaved(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustRows(t, a, "CREATE TABLE ki(id serial PRIMARY KEY, who text)", "")
	mustRows(t, a, "BEGIN", "")
	mustRows(t, b, "BEGIN", "")
	var want [2][]string
	for i := 0; i < 6; i++ {
		for k, s := range []*Session{a, b} {
			out, err := q(t, s, fmt.Sprintf("INSERT INTO ki(who) VALUES ('%c%d') RETURNING id", 'a'+k, i))
			if err != nil {
				t.Fatal(err)
			}
			want[k] = append(want[k], strings.TrimSuffix(withoutDesc(out), " C:INSERT 0 1"))
		}
	}
	// each sees its own rows, with the ids it was given (reading the
	// other's would make the second COMMIT fail: 40001)
	mustRows(t, a, "SELECT id FROM ki WHERE who LIKE 'a%' ORDER BY id", strings.Join(want[0], " ")+" C:SELECT 6")
	mustRows(t, b, "SELECT id FROM ki WHERE who LIKE 'b%' ORDER BY id", strings.Join(want[1], " ")+" C:SELECT 6")
	mustRows(t, a, "COMMIT", "")
	mustRows(t, b, "COMMIT", "")
	mustRows(t, a, "SELECT count(*), count(DISTINCT id) FROM ki", "R[12 12] C:SELECT 1")
	for k, s := range []*Session{a, b} {
		mustRows(t, s, fmt.Sprintf("SELECT id FROM ki WHERE who LIKE '%c%%' ORDER BY id", 'a'+k), strings.Join(want[k], " ")+" C:SELECT 6")
	}
}

// What a replay rebuilds outside SQLite is kept with the state: deferred
// constraint mode and the transaction's sequence values.
func TestKeptSpecSessionState(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE kp(id integer PRIMARY KEY)", "")
	mustRows(t, s, "CREATE TABLE kc(id serial PRIMARY KEY, p integer REFERENCES kp DEFERRABLE)", "")
	mustRows(t, s, "BEGIN", "")
	mustRows(t, s, "SET CONSTRAINTS ALL DEFERRED", "")
	mustRows(t, s, "INSERT INTO kc(p) VALUES (1) RETURNING id", "R[1] C:INSERT 0 1")
	mustRows(t, s, "INSERT INTO kc(p) VALUES (1) RETURNING id", "R[2] C:INSERT 0 1")
	mustRows(t, s, "SELECT currval('kc_id_seq')", "R[2] C:SELECT 1")
	mustRows(t, s, "INSERT INTO kp VALUES (1)", "C:INSERT 0 1")
	mustRows(t, s, "COMMIT", "")
	mustRows(t, s, "SELECT id, p FROM kc ORDER BY id", "R[1 1] R[2 1] C:SELECT 2")
	// and a deferred violation still fails at COMMIT
	mustRows(t, s, "BEGIN", "")
	mustRows(t, s, "SET CONSTRAINTS ALL DEFERRED", "")
	mustRows(t, s, "INSERT INTO kc(p) VALUES (9)", "C:INSERT 0 1")
	mustRows(t, s, "INSERT INTO kc(p) VALUES (1)", "C:INSERT 0 1")
	if _, err := q(t, s, "COMMIT"); code(err) != "23503" {
		t.Fatalf("COMMIT with a deferred violation: %v, want 23503", err)
	}
	mustRows(t, s, "SELECT count(*) FROM kc", "R[2] C:SELECT 1")
}
