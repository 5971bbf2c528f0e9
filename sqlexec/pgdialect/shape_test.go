package pgdialect

import (
	"strings"
	"testing"
)

func TestLiteralShape(t *testing.T) {
	for _, c := range []struct{ sql, lifted string }{
		{"UPDATE pgbench_accounts SET abalance = abalance + -4424 WHERE aid = 40181;", "4424 40181"},
		{"SELECT abalance FROM pgbench_accounts WHERE aid = 40181;", "40181"},
		{"INSERT INTO h (tid, bid, aid, delta, mtime) VALUES (37, 1, 40181, -4424, CURRENT_TIMESTAMP);", "37 40181 4424"},
		{"INSERT INTO h VALUES (12, 'x'), (13, 'y') RETURNING id", "12 13"},
		{"SELECT * FROM t WHERE a = 12 AND b > 345 ORDER BY a LIMIT 10", "12 345"},
		// never lifted: type modifiers, LIMIT, subscripts, function
		// arguments, casts, one digit, leading zeros, 10 digits
		{"SELECT x::varchar(12), round(n, 12), a[12] FROM t LIMIT 12 OFFSET 12", ""},
		{"SELECT * FROM t WHERE a = 12::int8 OR b = '12'::int OR c = 7 OR d = 012 OR e = 1234567890", ""},
		{"SELECT * FROM t WHERE a = 12 * 3", ""},
		{"INSERT INTO t VALUES (f(12), 12.5, 1e3)", ""},
		{"SELECT * FROM (VALUES (12)) v(x) WHERE x = 13", "12 13"},
	} {
		key, lits, ok := LiteralShape(c.sql)
		var got []string
		for _, l := range lits {
			got = append(got, c.sql[l.Start:l.End])
		}
		if strings.Join(got, " ") != c.lifted || ok != (c.lifted != "") {
			t.Errorf("%s: lifted %q (ok %v), want %q", c.sql, got, ok, c.lifted)
		}
		if ok && len(key) != len(c.sql) {
			t.Errorf("%s: key %q is not the text's length", c.sql, key)
		}
	}
}
