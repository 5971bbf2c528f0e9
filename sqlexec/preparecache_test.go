package sqlexec

import (
	"context"
	"testing"
)

func prepareCols(t *testing.T, s *Session, sql string) *PreparedStatement {
	t.Helper()
	ps, err := s.Prepare(context.Background(), sql, nil)
	if err != nil {
		t.Fatalf("Prepare %s: %v", sql, err)
	}
	return ps.(*PreparedStatement)
}

// A Parse of a text parsed before is answered from the earlier one while
// the schema and the settings are the same, and parsed anew after either
// moves.
func TestPrepareKept(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE pk(a integer PRIMARY KEY)", "")
	const q = "SELECT * FROM pk WHERE a = $1"
	p1 := prepareCols(t, s, q)
	p2 := prepareCols(t, s, q)
	if p1 == p2 || p1.st != p2.st || len(p2.cols) != 1 {
		t.Fatalf("second Parse of the same text: new statement %v, same translation %v, %d columns; want a copy of the first", p1 != p2, p1.st == p2.st, len(p2.cols))
	}
	// a closed statement does not close the kept one
	if err := p2.Close(); err != nil {
		t.Fatal(err)
	}
	if p3 := prepareCols(t, s, q); p3.closed {
		t.Fatal("Parse answered with a closed statement")
	}
	mustQ(t, s, "ALTER TABLE pk ADD COLUMN b text", "")
	p4 := prepareCols(t, s, q)
	if p4.st == p1.st || len(p4.cols) != 2 {
		t.Fatalf("after ALTER TABLE: same translation %v, %d columns; want a new description with 2", p4.st == p1.st, len(p4.cols))
	}
	mustQ(t, s, "SET search_path = public", "")
	if p5 := prepareCols(t, s, q); p5.st == p4.st {
		t.Fatal("after SET: the Parse was answered from one made under other settings")
	}
	// in a transaction that changed the schema, never kept
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "ALTER TABLE pk ADD COLUMN c text", "")
	if p6 := prepareCols(t, s, q); len(p6.cols) != 3 {
		t.Fatalf("in a transaction that added a column: %d columns, want 3", len(p6.cols))
	}
	mustQ(t, s, "ROLLBACK", "")
	if p7 := prepareCols(t, s, q); len(p7.cols) != 2 {
		t.Fatalf("after the rollback: %d columns, want 2", len(p7.cols))
	}
}
