package pgdialect

import "testing"

// TestUpdateTargetMerge: an unknown column that is only a SET target of
// a MERGE's UPDATE action is named with the target table, at the target;
// one the statement also reads is not.
func TestUpdateTargetMerge(t *testing.T) {
	q := "MERGE INTO tt AS t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET (v, nosuch) = (1, 2)"
	table, name, pos, ok := UpdateTarget(q, "nosuch")
	if !ok || table != "tt" || name != "nosuch" || pos != 76 {
		t.Errorf("UpdateTarget = %q %q %d %v", table, name, pos, ok)
	}
	if _, _, _, ok := UpdateTarget("MERGE INTO tt t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET nosuch = nosuch", "nosuch"); ok {
		t.Error("a column the statement reads was taken for a SET target")
	}
}
