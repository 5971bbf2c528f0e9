package pgdialect

import (
	"strings"
	"testing"
)

// TestWallClockAtDSTChange: timestamp AT TIME ZONE and make_timestamptz
// resolve a wall-clock time in a spring-forward gap with the offset before
// the change and an ambiguous one after a fall-back with the offset after
// it, as PostgreSQL does (answers recorded from PostgreSQL 15).
func TestWallClockAtDSTChange(t *testing.T) {
	db := openCatalogDB(t, "")
	wantAnswers(t, db, map[string]string{
		"SELECT timestamp '2024-03-10 02:30' AT TIME ZONE 'America/New_York'": "2024-03-10 07:30:00+00",
		"SELECT timestamp '2024-11-03 01:30' AT TIME ZONE 'America/New_York'": "2024-11-03 06:30:00+00",
		"SELECT timestamp '2024-03-31 02:30' AT TIME ZONE 'Europe/Berlin'":    "2024-03-31 01:30:00+00",
		"SELECT timestamp '2024-10-27 02:30' AT TIME ZONE 'Europe/Berlin'":    "2024-10-27 01:30:00+00",
		"SELECT timestamp '2024-07-01 12:00' AT TIME ZONE 'America/New_York'": "2024-07-01 16:00:00+00",
		"SELECT make_timestamptz(2024, 3, 10, 2, 30, 0, 'America/New_York')":  "2024-03-10 07:30:00+00",
		"SELECT make_timestamptz(2024, 11, 3, 1, 30, 0, 'America/New_York')":  "2024-11-03 06:30:00+00",
		"SELECT make_timestamptz(2024, 7, 1, 12, 0, 0, 'Europe/Berlin')":      "2024-07-01 10:00:00+00",
	})
}

// TestAtTimeZoneColumnName: a AT TIME ZONE z is named timezone, as
// PostgreSQL names its timezone(z, a); inside a larger expression it is
// not.
func TestAtTimeZoneColumnName(t *testing.T) {
	for q, want := range map[string]string{
		"SELECT timestamp '2024-07-01 12:00' AT TIME ZONE 'UTC'":  `AS "timezone"`,
		"SELECT ts AT TIME ZONE 'Europe/Berlin' FROM t":           `AS "timezone"`,
		"SELECT ts AT TIME ZONE 'UTC' + interval '1 hour' FROM t": `AS "?column?"`,
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(st.Exec[0], want) {
			t.Errorf("%s => %s, want %s", q, st.Exec[0], want)
		}
	}
}
