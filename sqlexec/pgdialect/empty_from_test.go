package pgdialect

import "testing"

// TestTranslateEmptyFromClause: a statement ending in FROM (found by
// sqlexec's FuzzSession) was an index out of range in the derived-column
// pass, reported as XX000.
func TestTranslateEmptyFromClause(t *testing.T) {
	for _, sql := range []string{
		"SELECT string_agg(name, ', ' ORDER BY name) FROM",
		"SELECT a FROM",
		"SELECT count(*) FROM ",
	} {
		if _, err := Translate(sql); err != nil {
			if e, ok := err.(*Error); ok && e.Code == "XX000" {
				t.Fatalf("Translate(%q): %v", sql, err)
			}
		}
	}
}
