package sqlexec

import (
	"strings"
	"testing"
)

// TestUsingStarColumnOrder: SELECT * over a USING or NATURAL join lists
// the join columns first, then the left table's, then the right's, as
// PostgreSQL does (a client scanning by position gets each value in its
// place); the answers are PostgreSQL 15's.
func TestUsingStarColumnOrder(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE u1 (a int, k int, b text, k2 int)", "")
	mustQ(t, s, "CREATE TABLE u2 (c int, k int, d text, k2 int)", "")
	mustQ(t, s, "INSERT INTO u1 VALUES (1, 1, 'x', 10), (2, 2, 'y', 20)", "")
	mustQ(t, s, "INSERT INTO u2 VALUES (3, 2, 'z', 20), (4, 3, 'w', 30)", "")
	for _, c := range [][2]string{
		{"SELECT * FROM u1 JOIN u2 USING (k)", "D[k:23,a:23,b:25,k2:23,c:23,d:25,k2:23] R[2 2 y 20 3 z 20]"},
		{"SELECT * FROM u1 RIGHT JOIN u2 USING (k) ORDER BY 1", "D[k:23,a:23,b:25,k2:23,c:23,d:25,k2:23] R[2 2 y 20 3 z 20] R[3 <nil> <nil> <nil> 4 w 30]"},
		{"SELECT * FROM u1 FULL JOIN u2 USING (k2, k) ORDER BY 1", "R[10 1 1 x <nil> <nil>] R[20 2 2 y 3 z] R[30 3 <nil> <nil> 4 w]"},
		{"SELECT * FROM u1 NATURAL JOIN u2", "D[k:23,k2:23,a:23,b:25,c:23,d:25] R[2 20 2 y 3 z]"},
		{"SELECT DISTINCT * FROM u1 x JOIN u2 AS y USING (k) WHERE k > 0", "D[k:23,a:23,b:25,k2:23,c:23,d:25,k2:23] R[2 2 y 20 3 z 20]"},
	} {
		got, err := q(t, s, c[0])
		if err != nil || !strings.Contains(got, c[1]) {
			t.Errorf("%s: %s, %v; want %s", c[0], got, err, c[1])
		}
	}
}
