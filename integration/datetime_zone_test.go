package integration

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestDateTimeSessionZone: timestamptz values are stored in UTC and shown
// in the session's TimeZone (SET TIME ZONE, Go's tz database), as
// PostgreSQL shows them; AT TIME ZONE converts both ways.
func TestDateTimeSessionZone(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	steps := []struct{ sql, want string }{
		{"CREATE TABLE tzs (id int PRIMARY KEY, at timestamptz)", ""},
		{"INSERT INTO tzs VALUES (1, timestamptz '2024-01-31 10:00:00+00'), (2, timestamptz '2024-07-01 10:00:00.25+00')", ""},
		{"SET TIME ZONE 'Europe/Paris'", ""},
		{"SELECT at FROM tzs ORDER BY id", "2024-01-31 11:00:00+01|2024-07-01 12:00:00.25+02"},
		{"SELECT timestamptz '2024-01-31 10:00:00+00'", "2024-01-31 11:00:00+01"},
		{"SELECT at AT TIME ZONE 'America/New_York' FROM tzs ORDER BY id", "2024-01-31 05:00:00|2024-07-01 06:00:00.25"},
		{"SELECT timestamp '2024-07-01 12:00:00' AT TIME ZONE 'UTC'", "2024-07-01 14:00:00+02"},
		{"SET TIME ZONE 'UTC'", ""},
		{"SELECT at FROM tzs ORDER BY id", "2024-01-31 10:00:00+00|2024-07-01 10:00:00.25+00"},
	}
	for _, s := range steps {
		got, _, err := textRows(ctx, conn, s.sql)
		if err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
		if got != s.want {
			t.Errorf("%s:\n got %q\nwant %q", s.sql, got, s.want)
		}
	}
}
