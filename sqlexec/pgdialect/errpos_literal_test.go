package pgdialect

import (
	"fmt"
	"testing"
)

// TestAssignedLiterals pins the string literals an INSERT or UPDATE
// assigns (read with their columns' types before the statement runs):
// VALUES items, SET values, and the items of INSERT ... SELECT's select
// list, also after a WITH list; not under DISTINCT or a set operation.
func TestAssignedLiterals(t *testing.T) {
	cases := []struct{ in, want string }{
		{"INSERT INTO t (i, v) VALUES (1, 'a')", "t [i v] [{v 1 a 33}]"},
		{"INSERT INTO t (i, v) SELECT 'zz', v FROM s WHERE false", "t [i v] [{i 0 zz 29}]"},
		{"INSERT INTO t SELECT 1, 'x'", "t [] [{ 1 x 25}]"},
		{"WITH c AS (SELECT 1) INSERT INTO t (i) SELECT 'zz' FROM c", "t [i] [{i 0 zz 47}]"},
		{"WITH c AS (SELECT 1) UPDATE t SET i = 'q'", "t [i] [{i 0 q 39}]"},
		{"INSERT INTO t (i) SELECT DISTINCT 'zz'", "t [i] []"},
		{"INSERT INTO t (i) SELECT 'zz' UNION SELECT '1'", "t [i] []"},
		{"INSERT INTO t (i) SELECT 'a', 'b'", "t [i] [{i 0 a 26}]"},
	}
	for _, c := range cases {
		tbl, named, lits := AssignedLiterals(c.in)
		if named == nil {
			named = []string{}
		}
		got := fmt.Sprintf("%s %v %v", tbl, named, lits)
		if lits == nil {
			got = fmt.Sprintf("%s %v []", tbl, named)
		}
		if got != c.want {
			t.Errorf("AssignedLiterals(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
