package sqlexec

import (
	"context"
	"reflect"
	"testing"
)

// sampleFixture is a database with rows in a rowid table, a WITHOUT ROWID
// table with a two-column key, an empty table and an AUTOINCREMENT table
// (one row, and one in sqlite_sequence): 25 rows in all.
func sampleFixture(t *testing.T) *DB {
	t.Helper()
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	mustApply(t, db, 1, cmdOf(1, 1, 1,
		"CREATE TABLE a(id INTEGER PRIMARY KEY, v TEXT)",
		"CREATE TABLE b(k1 TEXT, k2 INTEGER, v REAL, PRIMARY KEY (k1, k2)) WITHOUT ROWID",
		"CREATE TABLE c(x)",
		"CREATE TABLE d(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)",
		"INSERT INTO d(v) VALUES ('one')",
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15) INSERT INTO a(id, v) SELECT i * 3, 'v' || i FROM n",
		"INSERT INTO b VALUES ('x', 2, 1.5), ('x', 1, 2.5), ('a', 9, 0), ('m', 1, NULL), ('m', 0, 1), ('z', 5, 5), ('b', 1, 1), ('b', 2, 2)",
	))
	return db
}

// samplePass runs checks of rows rows from the start until a pass wraps.
func samplePass(t *testing.T, db *DB, rows int) []VerifySample {
	t.Helper()
	var out []VerifySample
	var cur VerifyCursor
	for i := 0; i < 100; i++ {
		s, err := db.SampleChecksum(context.Background(), cur, rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
		if s.Wrapped {
			return out
		}
		// The cursor travels in the log: check it survives encoding.
		enc := EncodeVerifyCursor(nil, s.Next)
		dec, rest, err := DecodeVerifyCursor(append(enc, 7))
		if err != nil || len(rest) != 1 || !reflect.DeepEqual(dec, s.Next) {
			t.Fatalf("cursor %+v round trip: %+v, rest %v, %v", s.Next, dec, rest, err)
		}
		cur = dec
	}
	t.Fatal("no pass wrapped within 100 checks")
	return nil
}

func TestSampleChecksumCoversEveryRowOnce(t *testing.T) {
	db := sampleFixture(t)
	for _, rows := range []int{1, 4, 7, 25, 100} {
		pass := samplePass(t, db, rows)
		total := 0
		for _, s := range pass {
			total += s.Rows
		}
		if total != 25 {
			t.Fatalf("rows %d: a pass hashed %d rows, want 25", rows, total)
		}
		if want := 25/rows + 1; len(pass) > want {
			t.Fatalf("rows %d: a pass took %d checks, want at most %d", rows, len(pass), want)
		}
	}
}

func TestSampleChecksumSameDataSameSums(t *testing.T) {
	p1 := samplePass(t, sampleFixture(t), 5)
	p2 := samplePass(t, sampleFixture(t), 5)
	if !reflect.DeepEqual(p1, p2) {
		t.Fatalf("same data, different samples:\n%+v\n%+v", p1, p2)
	}
}

// TestSampleChecksumFindsOneAlteredRow changes one row behind the log's
// back, in each table in turn: exactly the check whose range holds the row
// differs.
func TestSampleChecksumFindsOneAlteredRow(t *testing.T) {
	for _, tc := range []struct {
		alter  string
		differ int // checks of the pass that differ
	}{
		{"UPDATE a SET v = 'changed' WHERE id = 27", 1},
		{"UPDATE b SET v = 99 WHERE k1 = 'm' AND k2 = 1", 1},
		{"DELETE FROM a WHERE id = 3", 1},
		{"INSERT INTO c VALUES (1)", 1},
		{"UPDATE sqlite_sequence SET seq = 10 WHERE name = 'd'", 1},
		{"CREATE INDEX extra ON a(v)", 6}, // the schema: every check
	} {
		alter := tc.alter
		good := samplePass(t, sampleFixture(t), 5)
		bad := sampleFixture(t)
		if err := bad.withWriter(context.Background(), func(c *lconn, _ *detState) error { return c.exec(alter) }); err != nil {
			t.Fatal(err)
		}
		var cur VerifyCursor
		differ := 0
		for i, g := range good {
			s, err := bad.SampleChecksum(context.Background(), cur, 5)
			if err != nil {
				t.Fatal(err)
			}
			if s.Sum != g.Sum {
				differ++
			}
			// Follow the healthy replica's cursor, as the leader's
			// check entries do.
			cur = good[i].Next
		}
		if differ != tc.differ || len(good) != 6 {
			t.Fatalf("%s: %d of %d checks differ, want %d of 6", alter, differ, len(good), tc.differ)
		}
	}
}

// TestSampleChecksumCursorTableDropped: a check whose cursor names a table
// that no longer exists starts at the next table by name.
func TestSampleChecksumCursorTableDropped(t *testing.T) {
	db := sampleFixture(t)
	s, err := db.SampleChecksum(context.Background(), VerifyCursor{Table: "bb", Key: []any{int64(5)}}, 100)
	if err != nil {
		t.Fatal(err)
	}
	// c is empty; d has 1 row; sqlite_sequence 1 row.
	if s.Rows != 2 || !s.Wrapped {
		t.Fatalf("%+v", s)
	}
}
