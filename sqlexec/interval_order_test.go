package sqlexec

import (
	"strings"
	"testing"
)

// TestIntervalColumnOrder: an interval column orders by value, also
// through an index, after ALTER COLUMN ... TYPE interval (its index is
// rebuilt) and in a transaction.
func TestIntervalColumnOrder(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE ivs (id int PRIMARY KEY, iv text)", "")
	mustQ(t, s, "CREATE INDEX ivs_iv ON ivs (iv)", "")
	mustQ(t, s, "INSERT INTO ivs VALUES (1, '1 mon'), (2, '3 days'), (3, '1 year'), (4, '02:00:00')", "")
	mustQ(t, s, "ALTER TABLE ivs ALTER COLUMN iv TYPE interval USING iv::interval", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO ivs VALUES (5, '2 days')", "")
	for sql, want := range map[string]string{
		"SELECT id FROM ivs ORDER BY iv":                    "R[4] R[5] R[2] R[1] R[3]",
		"SELECT id FROM ivs WHERE iv > '1 day' ORDER BY iv": "R[5] R[2] R[1] R[3]",
		"SELECT max(iv), min(iv) FROM ivs":                  "R[1 year 02:00:00]",
	} {
		if got, err := q(t, s, sql); err != nil || !strings.Contains(got, want) {
			t.Errorf("%s:\n got %s, %v\nwant %s", sql, got, err, want)
		}
	}
	mustQ(t, s, "COMMIT", "")
	if got, err := q(t, s, "PRAGMA integrity_check"); err != nil || !strings.Contains(got, "ok") {
		t.Errorf("integrity_check: %s, %v", got, err)
	}
}
