package pgdialect

import (
	"strings"
	"testing"
)

// TestNestedDTBounded checks that recording the type of + and - over
// columns for an outer operator (datetime_nested.go) keeps a long sum of
// columns bounded: each recorded level takes columnDTOperator's CASE
// form, which holds its operands twice, and a stale record of an inner
// level (a + b of a + b + c starts at the same token) made a sum of
// twelve columns 3.5 MB of SQL.
func TestNestedDTBounded(t *testing.T) {
	terms := make([]string, 12)
	for i := range terms {
		terms[i] = string(rune('a' + i))
	}
	st, err := Translate("SELECT " + strings.Join(terms, " + ") + " FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Join(st.Exec, ";")); n > 4*maxDTNested {
		t.Errorf("a sum of 12 columns translates to %d bytes, want at most %d", n, 4*maxDTNested)
	}
	// the nesting people write still takes the date/time type
	st, err = Translate("SELECT ts - iv - iv - iv FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(strings.Join(st.Exec, ";"), "pg_dt_result("); got == 0 {
		t.Errorf("ts - iv - iv - iv records no nested type: %s", st.Exec)
	}
}
