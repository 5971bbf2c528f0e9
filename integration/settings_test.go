package integration

// The settings that change how values read and print (DateStyle,
// IntervalStyle, standard_conforming_strings, extra_float_digits) take
// PostgreSQL 15's values and print them as PostgreSQL does; a value
// PostgreSQL accepts but raftsql does not implement is refused with
// 0A000 rather than accepted and ignored. Run with RAFTSQL_REFERENCE_URL
// to check the same cases against a real PostgreSQL: there the refused
// values are accepted (want), here they are refused (raftsql).

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestSettingValuesMatchPostgres(t *testing.T) {
	urls := e2eURLs(t)
	ref := os.Getenv("RAFTSQL_REFERENCE_URL") != ""
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	for _, c := range []struct {
		set, show string
		want      string // PostgreSQL's SHOW after set, or ERR:code of set
		raftsql   string // raftsql's answer where it refuses ("" = want)
	}{
		{"SET DateStyle = 'ISO, MDY'", "SHOW DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = iso", "SHOW DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = 'mdy'", "SHOW DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = 'bogus'", "", "ERR:22023", ""},
		{"SET DateStyle = 'ISO, MDY, SQL'", "", "ERR:22023", ""},
		{"SET DateStyle = 'ISO, DMY'", "SHOW DateStyle", "ISO, DMY", "ERR:0A000"},
		{"SET DateStyle = 'German'", "SHOW DateStyle", "German, DMY", "ERR:0A000"},
		{"SET DateStyle = 'SQL, DMY'", "SHOW DateStyle", "SQL, DMY", "ERR:0A000"},
		{"SET DateStyle = 'Postgres'", "SHOW DateStyle", "Postgres, MDY", "ERR:0A000"},
		{"SET DateStyle = 'ymd'", "SHOW DateStyle", "ISO, YMD", "ERR:0A000"},
		{"SET IntervalStyle = POSTGRES", "SHOW IntervalStyle", "postgres", ""},
		{"SET IntervalStyle = bogus", "", "ERR:22023", ""},
		{"SET IntervalStyle = sql_standard", "SHOW IntervalStyle", "sql_standard", "ERR:0A000"},
		{"SET IntervalStyle = iso_8601", "SHOW IntervalStyle", "iso_8601", "ERR:0A000"},
		{"SET IntervalStyle = postgres_verbose", "SHOW IntervalStyle", "postgres_verbose", "ERR:0A000"},
		{"SET standard_conforming_strings = on", "SHOW standard_conforming_strings", "on", ""},
		{"SET standard_conforming_strings = bogus", "", "ERR:22023", ""},
		// (pgx refuses simple-protocol queries once it is off: no SHOW)
		{"SET standard_conforming_strings = off", "", "", "ERR:0A000"},
		{"SET extra_float_digits = 3", "SELECT 0.1::float8 + 0.2::float8, 0.1::float4", "0.30000000000000004|0.1", ""},
		{"SET extra_float_digits = 2.5", "SHOW extra_float_digits", "2", ""},
		{"SET extra_float_digits = 4", "", "ERR:22023", ""},
		{"SET extra_float_digits = 'abc'", "", "ERR:22023", ""},
		{"SET extra_float_digits = 0", "SELECT 0.1::float8 + 0.2::float8", "0.3", "ERR:0A000"},
		{"SET extra_float_digits = -3", "SELECT 0.1::float8 + 0.2::float8", "0.3", "ERR:0A000"},
	} {
		want := c.want
		if c.raftsql != "" && !ref {
			want = c.raftsql
		}
		got := textRows(ctx, conn, c.set)
		if got == "" && c.show != "" {
			got = textRows(ctx, conn, c.show)
		}
		if got != want {
			t.Errorf("%s; %s = %q, want %q", c.set, c.show, got, want)
		}
		for _, reset := range []string{"RESET DateStyle", "RESET IntervalStyle", "RESET standard_conforming_strings", "RESET extra_float_digits"} {
			mustExec(t, conn, reset)
		}
	}
}
