package sqlexec

import (
	"context"
	"testing"
)

// TestSessionTimeZoneWrites: a timestamptz written without a zone is
// wall-clock time in the session's TimeZone, the zone travels in the
// entry, and a replica replaying the log stores the same value.
func TestSessionTimeZoneWrites(t *testing.T) {
	e, f := newTestEngine(t)
	paris, utc := newSess(t, e), newSess(t, e)
	mustQ(t, paris, "CREATE TABLE ev(id int PRIMARY KEY, at timestamptz, d date)", "")
	mustQ(t, paris, "SET TimeZone = 'europe/paris'", "C:SET")
	mustQ(t, paris, "SHOW TimeZone", "D[TimeZone:25] R[Europe/Paris] C:SHOW")
	mustQ(t, paris, "INSERT INTO ev VALUES (1, '2024-01-01 10:00', NULL)", "")
	mustQ(t, paris, "INSERT INTO ev VALUES (2, '2024-07-01 10:00:00', NULL)", "")
	mustQ(t, paris, "INSERT INTO ev VALUES (3, '2024-01-01 10:00+00', NULL)", "")
	mustQ(t, paris, "BEGIN; INSERT INTO ev VALUES (4, '2024-03-31 02:30', NULL); COMMIT", "")
	mustQ(t, paris, "INSERT INTO ev VALUES (5, '2024-01-01 10:00'::timestamptz, NULL)", "")
	got, _ := q(t, utc, "SELECT id, at::text FROM ev ORDER BY id")
	want := "D[id:23,at:25] R[1 2024-01-01 09:00:00+00] R[2 2024-07-01 08:00:00+00] R[3 2024-01-01 10:00:00+00] R[4 2024-03-31 01:30:00+00] R[5 2024-01-01 09:00:00+00] C:SELECT 5"
	if got != want {
		t.Fatalf("stored:\n got %s\nwant %s", got, want)
	}
	// Reads read literals in the session's zone too.
	mustQ(t, paris, "SELECT ('2024-01-01 10:00'::timestamptz)::text", "")
	got, _ = q(t, paris, "SELECT count(*) FROM ev WHERE at = '2024-01-01 10:00'")
	if got != "D[count:20] R[2] C:SELECT 1" {
		t.Fatalf("read in Paris: %s", got)
	}

	checkReplay(t, e, f)
}

// checkReplay applies the engine's log to a fresh database, as a replica
// does, and fails unless it ends with the same contents: the entries
// carry everything their result depends on (zone, time).
func checkReplay(t *testing.T, e *Engine, f *fakeReplicator) {
	t.Helper()
	want0, _, _ := e.DB().Checksum(context.Background())
	db := openTest(t, t.TempDir())
	defer db.Close()
	for i, data := range f.log {
		if r := db.Apply(uint64(i+1), data); r.Err != nil {
			t.Fatalf("replay %d: %v", i+1, r.Err)
		}
	}
	if got, _, _ := db.Checksum(context.Background()); got != want0 {
		t.Fatal("replica diverged")
	}
}

func TestSessionTimeZoneSet(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, v := range []string{"'Nowhere'", "'Europe/Nowhere'", "''", "'../etc/passwd'", "'EST5EDT x'"} {
		if _, err := q(t, s, "SET TimeZone = "+v); code(err) != "22023" {
			t.Fatalf("SET TimeZone = %s: %v", v, err)
		}
	}
	mustQ(t, s, "SET TIME ZONE 'America/New_York'", "C:SET")
	mustQ(t, s, "SHOW TIME ZONE", "")
	mustQ(t, s, "RESET TimeZone", "")
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[UTC] C:SHOW")
	// One transaction applies in one zone: changing it after the first
	// statement is refused, before it is fine.
	mustQ(t, s, "CREATE TABLE t(a timestamptz)", "")
	mustQ(t, s, "BEGIN; SET LOCAL TimeZone = 'Asia/Tokyo'; INSERT INTO t VALUES ('2024-01-01 09:00'); COMMIT", "")
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[UTC] C:SHOW")
	mustQ(t, s, "SELECT a::text FROM t", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO t VALUES ('2024-01-01 09:00')", "")
	if _, err := q(t, s, "SET TimeZone = 'Asia/Tokyo'"); code(err) != "0A000" {
		t.Fatalf("SET in a transaction after a write: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "SET TimeZone = 'Asia/Tokyo'", "")
	for _, sql := range []string{"RESET TimeZone", "RESET ALL", "SET TIME ZONE LOCAL"} {
		mustQ(t, s, "BEGIN", "")
		mustQ(t, s, "INSERT INTO t VALUES ('2024-01-03 09:00')", "")
		if _, err := q(t, s, sql); code(err) != "0A000" {
			t.Fatalf("%s in a transaction after a write: %v", sql, err)
		}
		mustQ(t, s, "ROLLBACK", "")
	}
	mustQ(t, s, "RESET TimeZone", "")
	// A multi-statement string with a SET takes the transaction path.
	mustQ(t, s, "SET TimeZone = 'Asia/Tokyo'; INSERT INTO t VALUES ('2024-01-02 09:00')", "")
	mustQ(t, s, "SELECT a::text FROM t ORDER BY a", "")
}

func TestCommandTimeZoneRoundTrip(t *testing.T) {
	for _, c := range []*Command{
		{Timestamp: 1, TimeZone: "Europe/Paris"},
		{Timestamp: 1, User: "u", TimeZone: "Europe/Paris"},
		{Timestamp: 1, Sequences: "x"},
		{Timestamp: 1},
	} {
		got, err := DecodeCommand(EncodeCommand(c))
		if err != nil {
			t.Fatal(err)
		}
		if got.TimeZone != c.TimeZone || got.User != c.User || got.Sequences != c.Sequences {
			t.Fatalf("round trip: got %+v want %+v", got, c)
		}
	}
	// Entries of UTC sessions encode as before (no trailing fields).
	if a, b := EncodeCommand(&Command{Timestamp: 1}), EncodeCommand(&Command{Timestamp: 1, TimeZone: ""}); string(a) != string(b) || len(a) != 2+16+1+1+1+1+1 {
		t.Fatalf("UTC entry grew: %d bytes", len(a))
	}
}

// TestSessionTimeZoneCopy: COPY converts zoneless timestamptz text in the
// session's zone before proposing.
func TestSessionTimeZoneCopy(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE c(id int, at timestamptz)", "")
	mustQ(t, s, "SET TimeZone = 'Europe/Paris'", "")
	w := &rec{copyIn: [][]any{{"1", "2024-01-01 10:00"}}}
	if err := s.SimpleQuery(context.Background(), "COPY c FROM STDIN", w); err != nil {
		t.Fatal(err)
	}
	mustQ(t, s, "RESET TimeZone", "")
	mustQ(t, s, "SELECT at::text FROM c", "D[at:25] R[2024-01-01 09:00:00+00] C:SELECT 1")
}

// TestSetLocalTimeZoneApplies: a transaction's entry applies in the zone
// its statements ran in, also when SET LOCAL chose it (SET LOCAL is undone
// when the transaction ends, before its COMMIT is proposed).
func TestSetLocalTimeZoneApplies(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id int PRIMARY KEY, a timestamptz, b text)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET LOCAL TimeZone = 'America/New_York'", "")
	mustQ(t, s, "INSERT INTO t VALUES (1, '2024-01-01 09:00', '2024-01-01 09:00'::timestamptz::text)", "")
	mustQ(t, s, "SELECT b FROM t", "D[b:25] R[2024-01-01 09:00:00-05] C:SELECT 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[UTC] C:SHOW")
	mustQ(t, s, "SELECT a::text, b FROM t", "D[a:25,b:25] R[2024-01-01 14:00:00+00 2024-01-01 09:00:00-05] C:SELECT 1")
}
