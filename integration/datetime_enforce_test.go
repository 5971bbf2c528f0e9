package integration

// datetime_enforce_test.go: date/time columns enforce their type on every
// write path, as PostgreSQL 15 does (RAFTSQL_REFERENCE_URL runs the same
// table against it), and relative input ('today', 'now') stores the same
// value on every replica.

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// datetimeEnforceE2E: statements in order on one connection, with their
// text results (rows "|", columns ",") or SQLSTATEs.
var datetimeEnforceE2E = []sqlStep{
	{sql: "SET TIME ZONE 'UTC'"},
	{sql: "CREATE TABLE de (id int PRIMARY KEY, d date, t time, tz timetz, ts timestamp(0), tstz timestamptz, iv interval)"},
	{sql: "INSERT INTO de (id, d) VALUES (1, 'garbage')", code: "22007"},
	{sql: "INSERT INTO de (id, d) VALUES (1, '2024-02-30')", code: "22008"},
	{sql: "INSERT INTO de (id, t) VALUES (1, '25:00')", code: "22008"},
	{sql: "INSERT INTO de (id, tz) VALUES (1, 'noon')", code: "22007"},
	{sql: "INSERT INTO de (id, ts) VALUES (1, '2024-13-01 00:00')", code: "22008"},
	{sql: "INSERT INTO de (id, tstz) VALUES (1, 'soon')", code: "22007"},
	{sql: "INSERT INTO de (id, iv) VALUES (1, '1 fortnight')", code: "22007"},
	{sql: "INSERT INTO de (id, d) VALUES (1, 20240101)", code: "42804"},
	{sql: "INSERT INTO de (id, d) SELECT 1, 'nope'", code: "22007"},
	{sql: "INSERT INTO de VALUES (1, 'January 8, 1999', '4:05 PM', '04:05:06 PST', '2024-01-31 10:11:12.6', '2024-01-31 10:11:12+02', '1.5 days')"},
	{sql: "INSERT INTO de (id, d) SELECT 2, '2024-1-2'"},
	{sql: "INSERT INTO de (id, d) VALUES (3, 'infinity')"},
	{sql: "INSERT INTO de (id, d) VALUES (3, 'epoch') ON CONFLICT (id) DO UPDATE SET d = '2000-02-29'"},
	{sql: "INSERT INTO de (id, d) VALUES (4, 'epoch') ON CONFLICT (id) DO UPDATE SET d = '2000-03-01'"},
	{sql: "INSERT INTO de (id, d) VALUES (4, 'epoch') ON CONFLICT (id) DO UPDATE SET d = '2001-02-29'", code: "22008"},
	{sql: "UPDATE de SET d = '2023-02-29' WHERE id = 1", code: "22008"},
	{sql: "UPDATE de SET ts = '2024-02-29 23:59:59.7' WHERE id = 2"},
	{sql: "SELECT id, d, t, tz, ts, tstz, iv FROM de ORDER BY id",
		rows: "1,1999-01-08,16:05:00,04:05:06-08,2024-01-31 10:11:13,2024-01-31 08:11:12+00,1 day 12:00:00|" +
			"2,2024-01-02,,,2024-03-01 00:00:00,,|3,2000-02-29,,,,,|4,1970-01-01,,,,,"},
	{sql: "SELECT id FROM de WHERE d = 'Jan 2, 2024'", rows: "2"},
	{sql: "SELECT id FROM de WHERE tstz = '2024-01-31 09:11:12+01'", rows: "1"},
	{sql: "SELECT id FROM de WHERE d > '1999-12-31' ORDER BY id", rows: "2|3"},
	// Date/time operators on bare columns (datetime_columns.go).
	{sql: "SELECT d + 1, d - date '2024-01-01', d + interval '1 month', 2 + d, id + 1 FROM de WHERE id = 2", rows: "2024-01-03,1,2024-02-02 00:00:00,2024-01-04,3"},
	{sql: "SELECT de.ts - de.ts, a.d - b.d FROM de, de AS b, de AS a WHERE de.id = 2 AND b.id = 3 AND a.id = 2", rows: "00:00:00,8708"},
	{sql: "SELECT id FROM de WHERE d + 1 > '2000-01-01' ORDER BY id", rows: "2|3"},
	{sql: "SELECT id FROM de WHERE d - 1 BETWEEN '1999-01-01' AND '2000-03-01' ORDER BY id", rows: "1|3"},
	{sql: "SELECT id FROM de WHERE d IS NOT NULL ORDER BY d + 1 DESC LIMIT 1", rows: "2"},
	{sql: "SELECT id FROM de WHERE id + 0.5 BETWEEN 1 AND 2", rows: "1"},
	{sql: "SELECT id FROM de WHERE id + 0.5 > 3 ORDER BY id - 0.5", rows: "3|4"},
	{sql: "UPDATE de SET d = d + 7 WHERE id = 2"},
	{sql: "UPDATE de SET id = id + 10 WHERE id = 2"},
	{sql: "SELECT id, d, d - 1 FROM de WHERE id = 12", rows: "12,2024-01-09,2024-01-08"},
	{sql: "UPDATE de SET id = id - 10 WHERE id = 12"},
	// Defaults go through the column's type too.
	{sql: "CREATE TABLE dd (id int PRIMARY KEY, at timestamptz DEFAULT now(), on_day date DEFAULT CURRENT_DATE, ts timestamp DEFAULT now(), lit date DEFAULT 'Feb 29, 2024')"},
	{sql: "INSERT INTO dd (id) VALUES (1)"},
	{sql: "SELECT count(*) FROM dd WHERE at <= now() AND at > now() - interval '1 hour' AND on_day = CURRENT_DATE AND lit = date '2024-02-29'", rows: "1"},
	{sql: "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'dd'::regclass ORDER BY adnum", rows: "now()|CURRENT_DATE|now()|'2024-02-29'::date"},
	// COPY FROM is covered by the COPY tests; INSERT ... SELECT from a text column:
	{sql: "CREATE TABLE src (s text)"},
	{sql: "INSERT INTO src VALUES ('2024-06-01'), ('not a date')"},
	{sql: "INSERT INTO de (id, d) SELECT 10 + row_number() OVER (), s::date FROM src", code: "22007"},
	{sql: "SELECT count(*) FROM de", rows: "4"},
}

func TestDateTimeEnforceE2E(t *testing.T) { runTextScript(t, datetimeEnforceE2E) }

// TestDateTimeColumnResultTypes: + and - on a bare column are typed from
// the column's declared type before any row exists, date/time columns as
// PostgreSQL's date/time operators, number columns as its arithmetic.
func TestDateTimeColumnResultTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE dct (id int PRIMARY KEY, d date, d2 date, ts timestamp, n numeric(10,2))")
	const (
		int4, numeric, date, interval = 23, 1700, 1082, 1186
	)
	q := "SELECT d + 1, 1 + d, d - 1, d - d2, ts - ts, id + 1, n - 0.5 FROM dct"
	for _, mode := range allModes {
		checkResultTypes(ctx, t, conn, q, mode, []uint32{date, date, date, int4, interval, int4, numeric})
	}
}

// TestDateTimeRelativeInputReplicated: 'today', 'now' and 'tomorrow'
// written on the leader are resolved once, at the entry's pinned time, so
// every replica stores the same value although the nodes' clocks differ
// by days; the table reads on every node and the replicas' checksums
// agree.
func TestDateTimeRelativeInputReplicated(t *testing.T) {
	skew := map[string]time.Duration{"n1": 0, "n2": 72 * time.Hour, "n3": -72 * time.Hour}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		d := skew[cfg.Name]
		cfg.Clock = func() time.Time { return time.Now().Add(d) }
	})
	lead := c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := connect(t, c.url(lead))
	for _, s := range []string{
		"CREATE TABLE rel (id int PRIMARY KEY, d date, ts timestamptz, tn timestamp DEFAULT 'now')",
		"INSERT INTO rel (id, d, ts) VALUES (1, 'today', 'now')",
		"INSERT INTO rel (id, d, ts) SELECT 2, 'tomorrow', 'now'",
		"UPDATE rel SET d = 'yesterday' WHERE id = 1",
	} {
		if _, err := w.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	var rows []string
	for i := 0; i < 3; i++ {
		r := connect(t, withParam(c.url(i), "default_query_exec_mode", "simple_protocol"))
		got, _, err := textRowsOIDs(ctx, r, "SELECT id, d, ts, tn FROM rel ORDER BY id")
		if err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		rows = append(rows, got)
	}
	t.Logf("rows: %q", rows)
	if rows[0] != rows[1] || rows[1] != rows[2] {
		t.Fatalf("replicas differ: %q", rows)
	}
	checkChecksums(t, c)
}

// TestDateTimeCopy: COPY FROM converts date/time values as INSERT does and
// refuses an invalid one with PostgreSQL's SQLSTATE, storing no row.
func TestDateTimeCopy(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "SET TIME ZONE 'UTC'")
	mustExec(t, conn, "CREATE TABLE dc (id int PRIMARY KEY, d date, ts timestamptz, iv interval)")
	if _, err := conn.PgConn().CopyFrom(ctx, strings.NewReader("1\tJan 8, 1999\t2024-01-31 10:00+02\t1.5 days\n2\tgarbage\t\\N\t\\N\n"), "COPY dc FROM STDIN"); pgCode(err) != "22007" {
		t.Fatalf("COPY of an invalid date: %v, want 22007", err)
	}
	tag, err := conn.PgConn().CopyFrom(ctx, strings.NewReader("1\tJan 8, 1999\t2024-01-31 10:00+02\t1.5 days\n2\t2024-02-29\t\\N\t\\N\n"), "COPY dc FROM STDIN")
	if err != nil || tag.String() != "COPY 2" {
		t.Fatalf("COPY: %v %v", tag, err)
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT id, d::text, ts::text, iv::text FROM dc ORDER BY id", rows: "1|1999-01-08|2024-01-31 08:00:00+00|1 day 12:00:00\n2|2024-02-29|<nil>|<nil>"}})
}
