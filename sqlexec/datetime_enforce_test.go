package sqlexec

import (
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// TestDateTimeEnforced: date/time columns refuse what PostgreSQL refuses,
// with its SQLSTATE, on every write path, and store the canonical form.
func TestDateTimeEnforced(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE d (id int PRIMARY KEY, d date, t time, tz timetz, ts timestamp(0), tstz timestamptz, iv interval)", "")
	for _, c := range []struct{ sql, code string }{
		{"INSERT INTO d (id, d) VALUES (1, 'garbage')", "22007"},
		{"INSERT INTO d (id, d) VALUES (1, '2024-02-30')", "22008"},
		{"INSERT INTO d (id, t) VALUES (1, '25:00')", "22008"},
		{"INSERT INTO d (id, tz) VALUES (1, 'noon')", "22007"},
		{"INSERT INTO d (id, ts) VALUES (1, '2024-13-01 00:00')", "22008"},
		{"INSERT INTO d (id, tstz) VALUES (1, 'yesterday-ish')", "22007"},
		{"INSERT INTO d (id, iv) VALUES (1, '1 fortnight')", "22007"},
		{"INSERT INTO d (id, d) SELECT 1, 'nope'", "22007"},
		{"INSERT INTO d (id, d) VALUES (1, 20240101)", "42804"},
	} {
		if _, err := q(t, s, c.sql); code(err) != c.code {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.code)
		}
	}
	mustQ(t, s, "INSERT INTO d VALUES (1, 'January 8, 1999', '4:05 PM', '04:05:06 PST', '2024-01-31 10:11:12.6', '2024-01-31 10:11:12+02', '1.5 days')", "")
	mustQ(t, s, "INSERT INTO d (id, d) SELECT 2, '2024-1-2'", "")
	mustQ(t, s, "INSERT INTO d (id, d) VALUES (3, 'infinity') ON CONFLICT (id) DO UPDATE SET d = '2000-02-29'", "")
	mustQ(t, s, "INSERT INTO d (id, d) VALUES (3, 'epoch') ON CONFLICT (id) DO UPDATE SET d = '2000-02-29'", "")
	if _, err := q(t, s, "UPDATE d SET d = '2023-02-29' WHERE id = 1"); code(err) != "22008" {
		t.Errorf("UPDATE to an invalid date: %v", err)
	}
	mustQ(t, s, "UPDATE d SET ts = '2024-02-29 23:59:59.7' WHERE id = 2", "")
	got, err := q(t, s, "SELECT id, d::text, t::text, tz::text, ts::text, tstz::text, iv::text FROM d ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"R[1 1999-01-08 16:05:00 04:05:06-08 2024-01-31 10:11:13 2024-01-31 08:11:12+00 1 day 12:00:00]",
		"R[2 2024-01-02 <nil> <nil> 2024-03-01 00:00:00 <nil> <nil>]",
		"R[3 2000-02-29 <nil> <nil> <nil> <nil> <nil>]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	}
	// A literal compared with a date/time column is read as the column's type.
	mustQ(t, s, "SELECT id FROM d WHERE d = 'Jan 2, 2024'", "")
	if got, _ := q(t, s, "SELECT id FROM d WHERE d = 'Jan 2, 2024'"); !strings.Contains(got, "R[2]") {
		t.Errorf("comparison with a literal: %s", got)
	}
}

// TestDateTimeEnforcedPinned: 'today' and 'now' written through the
// translated INSERT, INSERT ... SELECT and UPDATE store the entry's
// pinned time on nodes whose clocks differ.
func TestDateTimeEnforcedPinned(t *testing.T) {
	pinned := time.Date(2024, 2, 29, 23, 30, 0, 123456000, time.UTC)
	var stmts []string
	for _, sql := range []string{
		"CREATE TABLE d (id int PRIMARY KEY, d date, ts timestamptz, t timestamp(0))",
		"INSERT INTO d VALUES (1, 'today', 'now', 'tomorrow')",
		"INSERT INTO d (id, d, ts, t) SELECT 2, 'yesterday', 'now', 'now'",
		"UPDATE d SET t = 'now' WHERE id = 1",
	} {
		st, err := pgdialect.Translate(sql)
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, st.Exec...)
	}
	got := applyOnClocks(t, pinned, stmts, "SELECT group_concat(id || ',' || d || ',' || ts || ',' || t, ';') FROM (SELECT * FROM d ORDER BY id)")
	want := "1,2024-02-29,2024-02-29 23:30:00.123456+00,2024-02-29 23:30:00;2,2024-02-28,2024-02-29 23:30:00.123456+00,2024-02-29 23:30:00"
	for _, g := range got {
		if g != want {
			t.Errorf("stored %q, want %q", g, want)
		}
	}
}

// TestDateTimeBadStoredValueReadable: a table from before date/time
// enforcement that holds values PostgreSQL would refuse still reads (in
// any session time zone), and new writes to it are converted.
func TestDateTimeBadStoredValueReadable(t *testing.T) {
	e, f := newTestEngine(t)
	if r := f.db.Apply(1, cmdOf(1, 1, 1,
		`CREATE TABLE old (id INTEGER PRIMARY KEY, d date, tz timestamptz, iv interval)`,
		`INSERT INTO old VALUES (1, 'garbage', 'not a time', 'forever'), (2, 20240101, 1.5, x'00')`)); r.Err != nil {
		t.Fatal(r.Err)
	}
	f.next = 1
	s := newSess(t, e)
	for _, tz := range []string{"UTC", "Europe/Paris"} {
		mustQ(t, s, "SET TIME ZONE '"+tz+"'", "")
		if got, err := q(t, s, "SELECT id, d, tz, iv FROM old ORDER BY id"); err != nil || !strings.Contains(got, "garbage") {
			t.Errorf("reading bad stored values (%s): %s, %v", tz, got, err)
		}
	}
	mustQ(t, s, "INSERT INTO old (id, d, tz) VALUES (3, 'Jan 2, 2024', '2024-01-02 03:04:05+01')", "")
	mustQ(t, s, "SET TIME ZONE 'UTC'", "")
	if got, _ := q(t, s, "SELECT d, tz FROM old WHERE id = 3"); !strings.Contains(got, "R[2024-01-02 2024-01-02 02:04:05+00]") {
		t.Errorf("converted write: %s", got)
	}
	if _, err := q(t, s, "INSERT INTO old (id, d) VALUES (4, 'garbage')"); code(err) != "22007" {
		t.Errorf("invalid write to an old table: %v", err)
	}
}
