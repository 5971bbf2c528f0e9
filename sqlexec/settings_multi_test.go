package sqlexec

import (
	"context"
	"fmt"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// zoneRec records, at each result's Describe, the zone the session
// reports then (Location): the zone the wire server prints that
// result's timestamptz values in.
type zoneRec struct {
	rec
	s     *Session
	zones []string
}

func (z *zoneRec) Describe(cols []pgwire.Column) error {
	name := "UTC"
	if loc := z.s.Location(); loc != nil {
		name = loc.String()
	}
	z.zones = append(z.zones, name)
	return z.rec.Describe(cols)
}

// TestSetInMultiStatementString: every statement of a query string sees
// the settings the statements before it left, as in PostgreSQL: its
// rows print in that zone, and zoneless timestamptz input in it is read
// in it also on the fast path of strings that write (multistmt.go),
// which proposed its entry in UTC whatever the session's zone.
func TestSetInMultiStatementString(t *testing.T) {
	e, f := newTestEngine(t)
	s, utc := newSess(t, e), newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id int PRIMARY KEY, a timestamptz)", "")
	mustQ(t, s, "INSERT INTO t VALUES (0, '2024-01-01 12:00+00')", "")

	w := &zoneRec{s: s}
	for _, sql := range []string{
		"SET TIME ZONE 'America/New_York'; SELECT a FROM t",
		"BEGIN; SET LOCAL TimeZone = 'Asia/Tokyo'; SELECT a FROM t; COMMIT; SELECT a FROM t",
	} {
		if err := s.SimpleQuery(context.Background(), sql, w); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if got := fmt.Sprint(w.zones); got != "[America/New_York Asia/Tokyo America/New_York]" {
		t.Fatalf("zones %s", got)
	}

	mustQ(t, s, "SET TimeZone = 'Asia/Tokyo'", "C:SET")
	mustQ(t, s, "INSERT INTO t VALUES (1, '2024-01-01 09:00'); INSERT INTO t VALUES (2, '2024-01-01 09:00')", "C:INSERT 0 1 C:INSERT 0 1")
	mustQ(t, s, "SET TimeZone = 'UTC'; SET TimeZone = 'Europe/Paris'; INSERT INTO t VALUES (3, '2024-01-01 01:00'); INSERT INTO t VALUES (4, '2024-01-01 01:00')", "")
	mustQ(t, utc, "SELECT id, a::text FROM t WHERE id > 0 ORDER BY id",
		"D[id:23,a:25] R[1 2024-01-01 00:00:00+00] R[2 2024-01-01 00:00:00+00] R[3 2024-01-01 00:00:00+00] R[4 2024-01-01 00:00:00+00] C:SELECT 4")
	checkReplay(t, e, f)
}

// TestSetLocalUntilSync: SET LOCAL in an extended-protocol pipeline holds
// for the statements after it until Sync (PostgreSQL warns that it is
// not in a transaction block, and applies it to the transaction that
// ends at Sync); SET LOCAL name TO DEFAULT is undone at the end of its
// transaction as any SET LOCAL.
func TestSetLocalUntilSync(t *testing.T) {
	ctx := context.Background()
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	set, err := s.Prepare(ctx, "SET LOCAL TimeZone = 'Asia/Tokyo'", nil)
	if err != nil {
		t.Fatal(err)
	}
	show, err := s.Prepare(ctx, "SHOW TimeZone", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.PipelineHint(false)
	w := &rec{}
	if err := set.Execute(ctx, nil, w); err != nil || fmt.Sprint(w.out) != "[N:25P01 C:SET]" {
		t.Fatal(err, w.out)
	}
	s.PipelineHint(true)
	w = &rec{}
	if err := show.Execute(ctx, nil, w); err != nil || fmt.Sprint(w.out) != "[R[Asia/Tokyo] C:SHOW]" {
		t.Fatal(err, w.out)
	}
	if err := s.EndPipeline(ctx); err != nil {
		t.Fatal(err)
	}
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[UTC] C:SHOW")

	mustQ(t, s, "SET TimeZone = 'Europe/Paris'", "")
	mustQ(t, s, "BEGIN; SET LOCAL TimeZone TO DEFAULT; SHOW TimeZone; COMMIT", "C:BEGIN C:SET D[TimeZone:25] R[UTC] C:SHOW C:COMMIT")
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[Europe/Paris] C:SHOW")
}
