package pgdialect

import "testing"

// TestConditionCollated: a searched CASE takes a WHEN condition's
// collation only where no result names one; a subquery's collations
// stay inside it.
func TestConditionCollated(t *testing.T) {
	for expr, want := range map[string]bool{
		"CASE WHEN x COLLATE pg_numeric > 0 THEN t ELSE vc END":                         true,
		"(CASE WHEN x COLLATE pg_numeric > 0 THEN t END)":                               true,
		"CASE WHEN x COLLATE pg_numeric > 0 THEN t COLLATE pg_interval END":             false,
		"CASE WHEN x > 0 THEN t ELSE vc END":                                            false,
		"CASE WHEN x > (SELECT 1 WHERE a = 'b' COLLATE NOCASE) THEN t END":              false,
		"CASE WHEN x COLLATE pg_numeric > 0 THEN f(t, (SELECT 'a' COLLATE NOCASE)) END": true,
		"CASE x WHEN 1 COLLATE pg_numeric THEN t END":                                   false,
		"CASE WHEN b THEN CASE WHEN x COLLATE pg_numeric > 0 THEN t END END":            false,
		"1": false,
	} {
		if got := conditionCollated(expr); got != want {
			t.Errorf("conditionCollated(%q) = %v, want %v", expr, got, want)
		}
	}
}
