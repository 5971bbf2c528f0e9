package sqlexec

import (
	"strings"
	"testing"
)

// sessStep is one statement of a table-driven session script: its output
// must contain want, or it must fail with SQLSTATE errCode.
type sessStep struct {
	s       *Session
	sql     string
	want    string // substring of the output
	errCode string
}

func runSessSteps(t *testing.T, steps []sessStep) {
	t.Helper()
	for _, st := range steps {
		out, err := q(t, st.s, st.sql)
		if st.errCode != "" {
			if code(err) != st.errCode {
				t.Errorf("%s: got %q %v (%s), want SQLSTATE %s", st.sql, out, err, code(err), st.errCode)
			}
			continue
		}
		if err != nil || !strings.Contains(out, st.want) {
			t.Errorf("%s: got %q %v, want %q", st.sql, out, err, st.want)
		}
	}
}

// Sequences behave as in PostgreSQL 15 (values and SQLSTATEs compared by
// hand with a real server; integration/ddl_sequences_test.go runs the
// same kind of steps against one), and every nextval is a log entry.
func TestSequences(t *testing.T) {
	e, f := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	steps := []sessStep{
		{a, "CREATE SEQUENCE s1", "C:CREATE SEQUENCE", ""},
		{a, "SELECT currval('s1')", "", "55000"},
		{a, "SELECT lastval()", "", "55000"},
		{a, "SELECT nextval('s1'), nextval('S1'), currval('public.s1'), lastval()", "R[1 2 2 2]", ""},
		{b, "SELECT currval('s1')", "", "55000"},
		{b, "SELECT nextval('s1')", "R[3]", ""},
		{a, "SELECT currval('s1')", "R[2]", ""},
		{a, "CREATE SEQUENCE s1", "", "42P07"},
		{a, "CREATE SEQUENCE IF NOT EXISTS s1", "C:CREATE SEQUENCE", ""},
		{a, "CREATE SEQUENCE s2 INCREMENT BY -1", "", ""},
		{a, "SELECT nextval('s2'), nextval('s2')", "R[-1 -2]", ""},
		{a, "CREATE SEQUENCE s3 MINVALUE 5 MAXVALUE 6 CYCLE", "", ""},
		{a, "SELECT nextval('s3'), nextval('s3'), nextval('s3')", "R[5 6 5]", ""},
		{a, "CREATE SEQUENCE s4 MAXVALUE 2", "", ""},
		{a, "SELECT nextval('s4'), nextval('s4')", "R[1 2]", ""},
		{a, "SELECT nextval('s4')", "", "2200H"},
		{a, "CREATE SEQUENCE s5 MINVALUE 10 MAXVALUE 5", "", "22023"},
		{a, "CREATE SEQUENCE s6 START 0", "", "22023"},
		{a, "CREATE SEQUENCE s7 AS smallint MAXVALUE 100000", "", "22023"},
		{a, "CREATE SEQUENCE s7 AS text", "", "22023"},
		{a, "CREATE SEQUENCE s9 INCREMENT 0", "", "22023"},
		{a, "CREATE SEQUENCE s10 CACHE 0", "", "22023"},
		{a, "SELECT setval('s1', 100), nextval('s1')", "R[100 101]", ""},
		{a, "SELECT setval('s1', 100, false), nextval('s1')", "R[100 100]", ""},
		{a, "SELECT setval('s1', 0)", "", "22003"},
		{a, "SELECT nextval('nosuch')", "", "42P01"},
		{a, "SELECT nextval('other.s1')", "", "3F000"},
		{a, "ALTER SEQUENCE s1 RESTART", "C:ALTER SEQUENCE", ""},
		{a, "SELECT nextval('s1')", "R[1]", ""},
		{a, "ALTER SEQUENCE s1 RESTART WITH 50", "", ""},
		{a, "SELECT nextval('s1')", "R[50]", ""},
		{a, "ALTER SEQUENCE s1 INCREMENT BY 10", "", ""},
		{a, "SELECT nextval('s1')", "R[60]", ""},
		{a, "ALTER SEQUENCE nosuch RESTART", "", "42P01"},
		{a, "ALTER SEQUENCE IF EXISTS nosuch RESTART", "C:ALTER SEQUENCE", ""},
		{a, "CREATE TABLE tt (a int)", "", ""},
		{a, "CREATE SEQUENCE tt", "", "42P07"},
		{a, "CREATE TABLE ord (id bigint PRIMARY KEY DEFAULT nextval('s1'), v text)", "", ""},
		{b, "INSERT INTO ord (v) VALUES ('x') RETURNING id", "R[70]", ""},
		{a, "CREATE SEQUENCE s8", "", ""},
		{a, "DROP SEQUENCE s8", "C:DROP SEQUENCE", ""},
		{a, "DROP SEQUENCE s8", "", "42P01"},
		{a, "DROP SEQUENCE IF EXISTS s8, s2", "C:DROP SEQUENCE", ""},
		{a, "SELECT nextval('s2')", "", "42P01"},
	}
	runSessSteps(t, steps)
	// Reading a sequence's value goes through the log.
	n := f.proposed.Load()
	mustQ(t, a, "SELECT currval('s1')", "")
	if f.proposed.Load() == n {
		t.Error("SELECT currval(...) did not go through the log")
	}
}

// The catalog shows sequences where PostgreSQL 15 does.
func TestSequenceCatalog(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	mustQ(t, a, "CREATE SEQUENCE s1 INCREMENT BY 10", "")
	mustQ(t, a, "CREATE SEQUENCE s2 AS integer MAXVALUE 100 CYCLE", "")
	for _, c := range []struct{ sql, want string }{
		{"SELECT relkind FROM pg_class WHERE relname = 's1'", "R[S]"},
		{"SELECT seqtypid, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle FROM pg_sequence WHERE seqrelid = 's1'::regclass",
			"R[20 1 10 9223372036854775807 1 1 false]"},
		{"SELECT data_type, numeric_precision, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences WHERE sequence_name = 's2'",
			"R[integer 32 1 1 100 1 YES]"},
		{"SELECT sequencename, last_value FROM pg_sequences ORDER BY 1", "R[s1 <nil>] R[s2 <nil>]"},
	} {
		if out, err := q(t, a, c.sql); err != nil || !strings.Contains(out, c.want) {
			t.Errorf("%s: got %q %v, want %q", c.sql, out, err, c.want)
		}
	}
	mustQ(t, a, "SELECT nextval('s1')", "")
	if out, _ := q(t, a, "SELECT last_value FROM pg_sequences WHERE sequencename = 's1'"); !strings.Contains(out, "R[1]") {
		t.Errorf("pg_sequences.last_value after nextval: %q", out)
	}
}

// Inside an explicit transaction nextval behaves as in PostgreSQL
// (seqtxn.go): its values are reserved through the log when drawn, so a
// concurrent nextval of the same sequence neither conflicts nor repeats
// one, a rolled-back transaction does not give them back, and currval
// keeps the last value drawn.
func TestSequenceInTransaction(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE SEQUENCE s", "")
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[1] C:SELECT 1")
	mustQ(t, a, "SELECT nextval('s'), currval('s')", "D[nextval:20,currval:20] R[2 2] C:SELECT 1")
	mustQ(t, a, "COMMIT", "")
	mustQ(t, a, "SELECT currval('s'), lastval()", "D[currval:20,lastval:20] R[2 2] C:SELECT 1")
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[3] C:SELECT 1")
	mustQ(t, a, "ROLLBACK", "")
	mustQ(t, a, "SELECT currval('s')", "D[currval:20] R[3] C:SELECT 1")
	mustQ(t, b, "SELECT nextval('s')", "D[nextval:20] R[4] C:SELECT 1")
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[5] C:SELECT 1")
	mustQ(t, b, "SELECT nextval('s')", "D[nextval:20] R[6] C:SELECT 1")
	mustQ(t, a, "SELECT currval('s')", "D[currval:20] R[5] C:SELECT 1")
	mustQ(t, a, "COMMIT", "C:COMMIT")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[7] C:SELECT 1")
}

// TestSequenceSetvalInTransaction: after its own setval a transaction's
// nextval follows it (not the values reserved through the log), a value
// drawn inside a savepoint rolled back is not handed out again, and
// another session drawing meanwhile neither conflicts nor changes them.
func TestSequenceSetvalInTransaction(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE SEQUENCE s", "")
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT setval('s', 100)", "D[setval:20] R[100] C:SELECT 1")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[101] C:SELECT 1")
	mustQ(t, b, "SELECT nextval('s')", "D[nextval:20] R[1] C:SELECT 1") // setval applies at COMMIT (documented)
	mustQ(t, a, "SAVEPOINT x", "")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[102] C:SELECT 1")
	mustQ(t, a, "ROLLBACK TO x", "")
	mustQ(t, a, "SELECT nextval('s')", "D[nextval:20] R[103] C:SELECT 1")
	mustQ(t, b, "SELECT nextval('s')", "D[nextval:20] R[2] C:SELECT 1")
	mustQ(t, a, "COMMIT", "C:COMMIT")
	mustQ(t, b, "SELECT nextval('s')", "D[nextval:20] R[104] C:SELECT 1")
	mustQ(t, a, "SELECT currval('s')", "D[currval:20] R[103] C:SELECT 1")
}
