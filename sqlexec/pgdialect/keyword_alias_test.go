package pgdialect

import "testing"

// TestKeywordAliases: a keyword SQLite cannot read as a name is quoted
// where PostgreSQL reads it as a label or a qualified column; AS before a
// query, a type or a transaction mode is left alone.
func TestKeywordAliases(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT i.indisprimary AS primary FROM pg_index i":     `SELECT i.indisprimary AS "primary" FROM pg_index i`,
		"SELECT x.order FROM (SELECT 1 AS order) x":            `SELECT x."order" FROM (SELECT 1 AS "order") x`,
		"SELECT 1 AS table":                                    `SELECT 1 AS "table"`,
		"CREATE TABLE t AS TABLE u":                            "CREATE TABLE t AS TABLE u",
		"CREATE VIEW v AS SELECT 1":                            "CREATE VIEW v AS SELECT 1",
		"SELECT CAST(a AS int) AS key FROM t":                  "SELECT CAST(a AS int) AS key FROM t",
		"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY": "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
		"WITH w AS (SELECT 1) SELECT * FROM w":                 "WITH w AS (SELECT 1) SELECT * FROM w",
	} {
		if got := keywordAliases(in); got != want {
			t.Errorf("%s:\n got %s\nwant %s", in, got, want)
		}
	}
}
