package sqlexec

import (
	"strconv"
	"testing"
)

// PostgreSQL's 42803 for an ungrouped column, through the session: reads,
// writes through the log, prepared statements; and no refusal of what
// PostgreSQL accepts (pgdialect/groupcheck.go).
func TestGroupCheck(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, st := range []string{
		"CREATE TABLE s (g int, h int, v int)",
		"INSERT INTO s VALUES (1, 1, 10), (1, 2, 20), (2, 1, 30)",
		"CREATE TABLE k (id serial PRIMARY KEY, s2 int2, i4 int4, i8 int8, n numeric(10,2), nn numeric, r real, f float8, d date, ts timestamp, tz timestamptz, iv interval, b bool, t text, vc varchar(20), c char(3), u uuid, j jsonb, by bytea, ia int[], ta text[])",
		"INSERT INTO k (i4, i8) VALUES (1, 2)",
	} {
		mustQ(t, s, st, "")
	}
	for _, c := range []struct{ sql, want string }{
		{"SELECT g, v FROM s GROUP BY g", `42803 column "s.v" must appear in the GROUP BY clause or be used in an aggregate function @11`},
		{"SELECT g FROM s GROUP BY g ORDER BY h", `42803 column "s.h" must appear in the GROUP BY clause or be used in an aggregate function @37`},
		{"SELECT v, count(*) FROM s", `42803 column "s.v" must appear in the GROUP BY clause or be used in an aggregate function @8`},
		{"INSERT INTO s SELECT g, v, 1 FROM s GROUP BY g", `42803 column "s.v" must appear in the GROUP BY clause or be used in an aggregate function @25`},
		{"SELECT i4 + 1, i8 * 2, n * 2, f / 2, s2 + s2, d + 1, ts - ts FROM k", "ok"},
		{"SELECT greatest(i4, 2), least(i8, 1) FROM k", "ok"},
		{"SELECT g, sum(v) FROM s GROUP BY g ORDER BY g", "ok"},
		{"SELECT id, t, count(*) FROM k GROUP BY id", "ok"},
		{"SELECT count(*) FROM s", "ok"},
	} {
		_, err := q(t, s, c.sql)
		got := "ok"
		if err != nil {
			e, _ := err.(*Error)
			if e == nil {
				t.Fatalf("%s: %v", c.sql, err)
			}
			got = e.Code + " " + e.Message
			if e.Code == "42803" {
				got += " @" + strconv.Itoa(e.Pos)
			}
		}
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}

}
