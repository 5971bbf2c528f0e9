package sqlexec

import (
	"context"
	"testing"
)

// A write whose constants fail as PostgreSQL's planner makes them fail
// (1/0 under WHERE false) is refused before it is proposed: the error is
// PostgreSQL's and the log does not grow, as a prepared statement's
// Execute and a write inside a transaction block are.
func TestPlanConstantsRefuseBeforeProposal(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	ctx := context.Background()
	mustQ(t, s, "CREATE TABLE t(x int, a int)", "")
	mustQ(t, s, "INSERT INTO t VALUES (1, 10)", "")
	before := f.proposed.Load()
	for _, sql := range []string{
		"UPDATE t SET a = 1/0 WHERE false",
		"INSERT INTO t SELECT 1/0 WHERE false",
		"DELETE FROM t WHERE x = sqrt(-1)",
		"UPDATE t SET a = 'abc'::int WHERE x = 5",
	} {
		if err := s.SimpleQuery(ctx, sql, &rec{}); code(err) == "" || code(err)[:2] != "22" {
			t.Errorf("%s: %v, want a data exception", sql, err)
		}
	}
	st, err := s.Prepare(ctx, "UPDATE t SET a = 2147483647 + 1 WHERE x = $1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Execute(ctx, []any{"7"}, &rec{}); code(err) != "22003" {
		t.Errorf("prepared: %v, want 22003", err)
	}
	if n := f.proposed.Load(); n != before {
		t.Fatalf("refused writes were proposed (%d proposals, want %d)", n, before)
	}
	mustQ(t, s, "BEGIN", "")
	if err := s.SimpleQuery(ctx, "UPDATE t SET a = 1/0 WHERE false", &rec{}); code(err) != "22012" {
		t.Errorf("in a transaction: %v, want 22012", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	if n := f.proposed.Load(); n != before {
		t.Fatalf("a refused write in a transaction was proposed (%d proposals, want %d)", n, before)
	}
	got, _ := q(t, s, "SELECT x, a FROM t")
	if want := "D[x:23,a:23] R[1 10] C:SELECT 1"; got != want {
		t.Fatalf("table: %s, want %s", got, want)
	}
}

// The session remembers a constant's verdict (planConstKey) only for the
// schema it was reached under: the same literal after the enum gained the
// label is judged again.
func TestPlanConstantsVerdictFollowsSchema(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	ctx := context.Background()
	mustQ(t, s, "CREATE TABLE t(x int)", "")
	mustQ(t, s, "CREATE TYPE mood AS ENUM ('sad')", "")
	const byenum = "SELECT x FROM t WHERE x = 0 AND 'happy'::mood IS NOT NULL"
	for range 2 {
		if err := s.SimpleQuery(ctx, byenum, &rec{}); code(err) != "22P02" {
			t.Fatalf("a label the enum lacks: %v, want 22P02", err)
		}
	}
	mustQ(t, s, "ALTER TYPE mood ADD VALUE 'happy'", "")
	if err := s.SimpleQuery(ctx, byenum, &rec{}); err != nil {
		t.Fatalf("after ADD VALUE: %v", err)
	}
}
