package sqlexec

import (
	"reflect"
	"testing"
)

func TestExplainLines(t *testing.T) {
	got := explainLines([]int64{2, 5, 9, 12, 20}, []int64{0, 2, 5, 0, 0},
		[]string{"SEARCH a USING INDEX i (id=?)", "LIST SUBQUERY 1", "SCAN t", "SEARCH b USING INDEX j (v=?)", "USE TEMP B-TREE FOR ORDER BY"})
	want := []string{"SEARCH a USING INDEX i (id=?)", "  ->  LIST SUBQUERY 1", "        ->  SCAN t", "SEARCH b USING INDEX j (v=?)", "USE TEMP B-TREE FOR ORDER BY"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	if got := explainLines(nil, nil, nil); len(got) != 1 {
		t.Fatalf("empty plan: %q", got)
	}
}
