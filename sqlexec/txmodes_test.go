package sqlexec

import "testing"

// TestNoTxBlockInString: a query string of several statements is one
// implicit transaction, and PostgreSQL refuses VACUUM (and the other
// PreventInTransactionBlock commands) in it: nothing of the string stays.
func TestNoTxBlockInString(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE nb (i int)", "")
	for _, sql := range []string{
		"INSERT INTO nb VALUES (1); VACUUM",
		"VACUUM; INSERT INTO nb VALUES (2)",
		"INSERT INTO nb VALUES (3); CREATE INDEX CONCURRENTLY nb_i ON nb (i)",
		"INSERT INTO nb VALUES (4); DISCARD ALL",
	} {
		if _, err := q(t, s, sql); code(err) != CodeActiveTransaction {
			t.Errorf("%s: got %v, want 25001", sql, err)
		}
	}
	mustQ(t, s, "SELECT count(*) FROM nb", "D[count:20] R[0] C:SELECT 1")
	mustQ(t, s, "VACUUM", "C:VACUUM")
	mustQ(t, s, "INSERT INTO nb VALUES (5); ANALYZE nb", "")
	mustQ(t, s, "SELECT count(*) FROM nb", "D[count:20] R[1] C:SELECT 1")
}
