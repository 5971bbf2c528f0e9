package sqlexec

import (
	"strings"
	"testing"
)

// TestFromItemAliases: column alias lists on tables, LATERAL.
func TestFromItemAliases(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE fa (id int PRIMARY KEY, v text)", "")
	mustQ(t, s, "INSERT INTO fa VALUES (1, 'a'), (2, 'b')", "")
	if got, err := q(t, s, "SELECT t.x, y FROM fa AS t(x, y) WHERE t.x > 1"); err != nil || !strings.Contains(got, "R[2 b]") {
		t.Errorf("alias list: %s, %v", got, err)
	}
	if got, err := q(t, s, "SELECT a.x, b.y FROM fa a(x, y) JOIN fa b(x, y) ON a.x = b.x ORDER BY 1"); err != nil || !strings.Contains(got, "R[1 a] R[2 b]") {
		t.Errorf("alias lists in a join: %s, %v", got, err)
	}
	for sql, want := range map[string]string{
		"SELECT * FROM fa AS t(x, y, z)":                      "42P10",
		"SELECT * FROM fa AS t(x)":                            "0A000",
		"SELECT * FROM fa, LATERAL (SELECT fa.id + 1 AS x) l": "0A000",
	} {
		if _, err := q(t, s, sql); code(err) != want {
			t.Errorf("%s: %v, want %s", sql, err, want)
		}
	}
}
