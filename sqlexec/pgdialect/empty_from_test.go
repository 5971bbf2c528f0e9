package pgdialect

import "testing"

// TestTranslateEmptyFromClause: statements cut short (found by sqlexec's
// FuzzSession) were an index out of range in a translation pass, reported
// as XX000.
func TestTranslateEmptyFromClause(t *testing.T) {
	for _, sql := range []string{
		"SELECT string_agg(name, ', ' ORDER BY name) FROM",
		"SELECT a FROM",
		"SELECT count(*) FROM ",
		// an empty argument of greatest/least at the end: the type
		// resolution pass indexed past the end
		"SELECT greatest(1, NULL, 3), least(NULL,",
		"SELECT least(1,",
	} {
		if _, err := Translate(sql); err != nil {
			if e, ok := err.(*Error); ok && e.Code == "XX000" {
				t.Fatalf("Translate(%q): %v", sql, err)
			}
		}
	}
}
