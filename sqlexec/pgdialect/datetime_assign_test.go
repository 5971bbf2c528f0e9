package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
	"time"
)

// TestTstzText: pg_tstz_text converts a timestamptz (by its type
// argument) to its text in the session zone, the form each column type's
// input reads as PostgreSQL's assignment cast converts; other values pass
// unchanged. Expected values checked with PostgreSQL 15.
func TestTstzText(t *testing.T) {
	for _, c := range []struct {
		zone string
		args []driver.Value
		want driver.Value
	}{
		{"America/New_York", []driver.Value{"2024-03-10 12:00:00+00", "timestamptz"}, "2024-03-10 08:00:00-04"},
		{"America/New_York", []driver.Value{"2024-01-10 12:00:00.25+00", "timestamp with time zone"}, "2024-01-10 07:00:00.25-05"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00+00", "TIMESTAMPTZ(3)"}, "2024-03-10 17:30:00+05:30"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00+00", "auto"}, "2024-03-10 17:30:00+05:30"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00", "auto"}, "2024-03-10 12:00:00"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00", "timestamp"}, "2024-03-10 12:00:00"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00+00", "text"}, "2024-03-10 12:00:00+00"},
		{"Asia/Kolkata", []driver.Value{"2024-03-10 12:00:00+00", nil}, "2024-03-10 12:00:00+00"},
		{"Asia/Kolkata", []driver.Value{"infinity", "timestamptz"}, "infinity"},
		{"Asia/Kolkata", []driver.Value{nil, "timestamptz"}, nil},
	} {
		z, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tstzText(c.args, z)
		if err != nil || got != c.want {
			t.Errorf("%s pg_tstz_text%v = %v, %v; want %v", c.zone, c.args, got, err, c.want)
		}
	}
}

// TestTstzAssignTranslation: which stored values are converted, and how
// their type is found.
func TestTstzAssignTranslation(t *testing.T) {
	const uTz = "pg_tstz_text(tz, coalesce((SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 'u' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('u'), 'tz'), ''), type) END FROM pragma_table_xinfo('u')"
	for _, c := range []struct{ sql, has, hasNot string }{
		{"INSERT INTO t (a, b) SELECT 1, tz FROM u", uTz, ""},
		{"INSERT INTO t (a, b) SELECT 1, tz AS x FROM u", uTz, ""},
		{"INSERT INTO t (a, b) SELECT 1, tz x FROM u", uTz, ""},
		{"INSERT INTO t SELECT 1, u.tz FROM u", "pg_tstz_text(u.tz, (SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 'u' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('u'), 'tz'), ''), type) END FROM pragma_table_xinfo('u') WHERE name = 'tz'", ""},
		{"INSERT INTO t (a, b) SELECT 1, tz FROM u UNION SELECT 2, tz FROM u", "", "pg_tstz_text"},
		{"INSERT INTO t (a, b) SELECT 1, tz + interval '1 hour' FROM u", "pg_tstz_text((pg_dt_add(", ""},
		{"INSERT INTO t (a, b) SELECT 1, now() FROM u", "pg_text(", ""},
		{"INSERT INTO t (a, b) VALUES (1, $1::timestamptz)", "pg_text(pg_cast_timestamptz(?1), 'timestamptz')", ""},
		{"INSERT INTO t (a, b) VALUES (1, CAST('2024-01-01 00:00+00' AS timestamptz))", "pg_text(", ""},
		{"INSERT INTO t (a, b) VALUES (1, '2024-01-01 00:00+00')", "", "pg_text"},
		{"INSERT INTO t (a, b) VALUES (1, $1)", "", "pg_tstz_text"},
		{"INSERT INTO t (a, b) VALUES (1, '2024-01-01'::date)", "", "pg_text"},
		{"UPDATE t SET b = u.tz FROM u WHERE t.a = u.id", "pg_tstz_text(u.tz, (SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 'u' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('u'), 'tz'), ''), type) END FROM pragma_table_xinfo('u')", ""},
		{"UPDATE t SET b = (SELECT tz FROM u LIMIT 1)", "(SELECT pg_tstz_text(tz, coalesce((SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 'u' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('u'), 'tz'), ''), type) END FROM pragma_table_xinfo('u')", ""},
		{"UPDATE t SET b = (SELECT DISTINCT tz FROM u)", "(SELECT DISTINCT pg_tstz_text(tz", ""},
		{"INSERT INTO t (a, b) SELECT DISTINCT 1, tz x FROM u", uTz, ""},
		{"INSERT INTO t (a, b) SELECT DISTINCT ON (tz) 1, tz FROM u", "", "pg_tstz_text"},
		{"UPDATE t SET b = date_trunc('day', now())", "pg_text(", ""},
		{"INSERT INTO t (a, b) VALUES (1, NULL) ON CONFLICT (a) DO UPDATE SET c = EXCLUDED.b", "pg_tstz_text(excluded.b, (SELECT type FROM pragma_table_xinfo('t') WHERE name = 'b'", ""},
		// untyped columns: read by pg_tstz_assign
		{"INSERT INTO t (a, b) SELECT 1, tz FROM u UNION SELECT 2, tz FROM u", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", ""},
		{"INSERT INTO t SELECT 1, tz FROM u UNION ALL SELECT 2, tz FROM u", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", ""},
		{"INSERT INTO t SELECT 1, x FROM (SELECT tz AS x FROM u) s", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", "pg_tstz_assign(pgdialect_c1"},
		{"INSERT INTO t SELECT 1, s.x FROM (SELECT tz AS x FROM u) s", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", ""},
		{"INSERT INTO t WITH c AS (SELECT tz FROM u) SELECT 1, tz FROM c", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", ""},
		{"INSERT INTO t SELECT 1, CASE WHEN a THEN tz END FROM u", "pg_in_col(pg_tstz_assign(pgdialect_c2, ", ""},
		{"INSERT INTO t SELECT -1, '2024-01-01 00:00:00+00' FROM u", "", "pg_tstz_assign"},
		{"INSERT INTO t SELECT 1, now() FROM u", "", "pg_tstz_assign(pgdialect_c2"},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		got := strings.Join(st.Exec, ";")
		if !strings.Contains(got, c.has) {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.has)
		}
		if c.hasNot != "" && strings.Contains(got, c.hasNot) {
			t.Errorf("%s:\n got %s\nwant no %s", c.sql, got, c.hasNot)
		}
	}
}

// TestTstzAssign: pg_tstz_assign converts a value in timestamptz's stored
// form bound for a date, time, timetz or timestamp column (an untyped
// column of INSERT ... SELECT: a derived table's, a UNION's) to its text
// in the session zone; other values and columns pass unchanged. The
// column's input then reads the local fields (2024-03-10 08:00:00 in
// New York, as PostgreSQL 15 stores it).
func TestTstzAssign(t *testing.T) {
	const create = "CREATE TABLE w (id int, ts timestamp, d date, t time, tt timetz, x text, z timestamptz)"
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v, col, want driver.Value
	}{
		{"2024-03-10 12:00:00+00", "ts", "2024-03-10 08:00:00-04"},
		{"2024-03-10 12:00:00.5+00", int64(1), "2024-03-10 08:00:00.5-04"},
		{"2024-03-10 03:00:00+00", "d", "2024-03-09 22:00:00-05"},
		{"2024-03-10 12:00:00+00", "t", "2024-03-10 08:00:00-04"},
		{"2024-03-10 12:00:00+00", "tt", "2024-03-10 08:00:00-04"},
		{"2024-03-10 12:00:00+00", "x", "2024-03-10 12:00:00+00"},    // text: not converted
		{"2024-03-10 12:00:00+00", "z", "2024-03-10 12:00:00+00"},    // the same instant
		{"2024-03-10 12:00:00+00", "nope", "2024-03-10 12:00:00+00"}, // no such column
		{"2024-03-10 12:00:00", "ts", "2024-03-10 12:00:00"},         // a timestamp
		{"2024-03-10 12:00+00", "ts", "2024-03-10 12:00+00"},         // not the stored form: a literal's text
		{"infinity", "ts", "infinity"},
		{int64(5), "id", int64(5)},
		{nil, "ts", nil},
	} {
		got, err := tstzAssign([]driver.Value{c.v, create, c.col}, ny)
		if err != nil || got != c.want {
			t.Errorf("pg_tstz_assign(%v, %v) = %v, %v; want %v", c.v, c.col, got, err, c.want)
		}
	}
}
