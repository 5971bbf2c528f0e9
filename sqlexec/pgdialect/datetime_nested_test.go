package pgdialect

import (
	"strconv"
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

// TestFactorBesideColumnBounded checks that a product of two columns
// beside a column, typed by its factors for the date/time CASE form
// (ts - iv * n), keeps a long sum of such terms from growing
// exponentially: each level of the form holds its operands twice, and
// without the bound on the operator's text (columnDTOperator) a sum of 12
// products and 12 columns was 29 MB of SQL. The plain arithmetic past the
// bound grows quadratically (each level's type expression holds its
// operands'), so twice the terms may take four times the text.
func TestFactorBesideColumnBounded(t *testing.T) {
	size := func(n int) int {
		var terms []string
		for i := 0; i < n; i++ {
			c := "c" + strconv.Itoa(i) + "_"
			terms = append(terms, c+"a * "+c+"b", c+"c")
		}
		st, err := Translate("SELECT " + strings.Join(terms, " + ") + " FROM t")
		if err != nil {
			t.Fatal(err)
		}
		return len(strings.Join(st.Exec, ";"))
	}
	if s12, s24 := size(12), size(24); s24 > 6*s12 {
		t.Errorf("a sum of 24 products and 24 columns translates to %d bytes, of 12 to %d", s24, s12)
	}
	st, err := Translate("SELECT ts - iv * n FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(st.Exec, ";"); !strings.Contains(got, "pg_dt_sub(") {
		t.Errorf("ts - iv * n takes no date/time operator: %s", got)
	}
}
