package integration

import (
	"context"
	"testing"
)

// TestEnums: CREATE TYPE ... AS ENUM, enum columns (22P02 for a value not
// in the type), ALTER TYPE ... ADD VALUE, DROP TYPE and the catalog rows,
// as PostgreSQL 15 answers (RAFTSQL_REFERENCE_URL runs the same steps
// against it); pgx scans enum values into strings.
func TestEnums(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	runScript(t, a, []sqlStep{
		{sql: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')"},
		{sql: "CREATE TYPE mood AS ENUM ('x')", code: "42710"},
		{sql: "CREATE TABLE person (name text PRIMARY KEY, current_mood mood NOT NULL)"},
		{sql: "INSERT INTO person VALUES ('a', 'ok'), ('b', 'sad')"},
		{sql: "INSERT INTO person VALUES ('c', 'meh')", code: "22P02"},
		{sql: "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'"},
		{sql: "ALTER TYPE mood ADD VALUE 'meh'", code: "42710"},
		{sql: "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'"},
		{sql: "ALTER TYPE mood ADD VALUE 'x' AFTER 'nosuch'", code: "22023"},
		{sql: "INSERT INTO person VALUES ('c', 'meh')"},
		{sql: "UPDATE person SET current_mood = 'bad' WHERE name = 'a'", code: "22P02"},
		{sql: "SELECT enumlabel, enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY enumsortorder",
			rows: "sad|1\nmeh|1.5\nok|2\nhappy|3"},
		{sql: "SELECT typname, typtype::text, typcategory::text FROM pg_type WHERE typname = 'mood'", rows: "mood|e|E"},
		{sql: "SELECT name, current_mood FROM person WHERE current_mood = 'meh'", rows: "c|meh"},
		{sql: "DROP TYPE mood", code: "2BP01"},
		{sql: "DROP TYPE nosuch", code: "42704"},
		{sql: "DROP TYPE IF EXISTS nosuch"},
		{sql: "DROP TABLE person"},
		{sql: "DROP TYPE mood"},
		{sql: "SELECT count(*) FROM pg_type WHERE typname = 'mood'", rows: "0"},
	})
	for _, u := range urls {
		c := connectScript(t, u)
		var n int
		if err := c.QueryRow(context.Background(), "SELECT count(*) FROM pg_enum").Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: pg_enum rows %d %v", u, n, err)
		}
		c.Close(context.Background())
	}
}
