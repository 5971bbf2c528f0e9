package pgdialect

import "testing"

func TestDroppedIfExists(t *testing.T) {
	for sql, want := range map[string][2]string{
		"DROP INDEX IF EXISTS i":                              {"index", "i"},
		`DROP VIEW IF EXISTS "V" /* raftsql:drop restrict */`: {"view", "V"},
		"DROP INDEX i":           {"", ""},
		"DROP TABLE IF EXISTS t": {"", ""},
		"SELECT 1":               {"", ""},
	} {
		if o, n := DroppedIfExists(sql); [2]string{o, n} != want {
			t.Errorf("%s: %s %s, want %v", sql, o, n, want)
		}
	}
}
