package pgdialect

import "testing"

// TestPreQualifier reads the qualifier a rewrite puts before a column
// (qualifyEachCols), so the column's table types its arithmetic.
func TestPreQualifier(t *testing.T) {
	for pre, want := range map[string]string{
		"":               "",
		"t.":             "t",
		"(pg_mul(me_sd.": "me_sd",
		`"My T".`:        "My T",
		`("a""b".`:       "",
		"x":              "",
		"1.":             "",
		" .":             "",
	} {
		if got := preQualifier(pre); got != want {
			t.Errorf("preQualifier(%q) = %q, want %q", pre, got, want)
		}
	}
}
