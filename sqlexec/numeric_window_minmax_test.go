package sqlexec

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// TestNumericWindowMinMaxFrames: max(n) and min(n) OVER a frame of a
// numeric column run as pg_numeric_wmax/wmin, whose rows enter and leave
// as the frame moves; each row's answer is checked against the fold
// PostgreSQL makes over the frame's rows in order (numeric_larger keeps
// the later of equal values), computed here from the rows themselves.
func TestNumericWindowMinMaxFrames(t *testing.T) {
	c := openBareConn(t)
	exec := func(q string) {
		t.Helper()
		st, err := translate(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range st.Exec {
			if err := c.exec(s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
	}
	exec("CREATE TABLE tw (id int PRIMARY KEY, n numeric)")
	vals := []string{"1.5", "1.50", "2", "2.0", "NULL", "1.500", "2.00", "0.5"}
	var rows []string // rows[i]: the value of id i+1
	x := uint32(7)
	for i := 0; i < 200; i++ {
		x = x*1103515245 + 12345
		v := vals[(x>>16)%uint32(len(vals))]
		rows = append(rows, v)
		exec(fmt.Sprintf("INSERT INTO tw VALUES (%d, %s)", i+1, v))
	}
	for _, f := range []struct {
		frame  string
		lo, hi func(i int) int // the frame's first and last row index for row i
	}{
		{"ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING", func(i int) int { return i - 1 }, func(i int) int { return i + 1 }},
		{"ROWS BETWEEN 5 PRECEDING AND CURRENT ROW", func(i int) int { return i - 5 }, func(i int) int { return i }},
		{"ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", func(i int) int { return i }, func(i int) int { return len(rows) - 1 }},
		{"ROWS BETWEEN 4 PRECEDING AND 2 PRECEDING", func(i int) int { return i - 4 }, func(i int) int { return i - 2 }},
		{"ROWS BETWEEN 2 FOLLOWING AND 6 FOLLOWING", func(i int) int { return i + 2 }, func(i int) int { return i + 6 }},
		{"ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", func(i int) int { return 0 }, func(i int) int { return i }},
	} {
		for _, fn := range []string{"max", "min"} {
			q := fmt.Sprintf("SELECT %s(n) OVER (ORDER BY id %s) FROM tw ORDER BY id", fn, f.frame)
			st, err := translate(q)
			if err != nil {
				t.Fatal(err)
			}
			ls, _, err := c.prepareUser(st.Exec[0])
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if runs := libc.GoString(lib.Xsqlite3_sql(c.tls, ls.p)); !strings.Contains(runs, "pg_numeric_w"+fn+"(") {
				t.Errorf("%s runs as %s", q, runs)
			}
			var got []string
			if _, err := ls.run(nil, func(r []any) error {
				got = append(got, fmt.Sprint(r[0]))
				return nil
			}); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			ls.release()
			for i := range rows {
				if want := frameFold(rows, f.lo(i), f.hi(i), fn == "max"); i >= len(got) || got[i] != want {
					t.Fatalf("%s: row %d: got %v, want %s", q, i+1, got, want)
				}
			}
		}
	}
}

// frameFold is PostgreSQL's max (or min) over rows[lo..hi]: the row's
// value replaces the kept one unless the kept one is strictly better.
func frameFold(rows []string, lo, hi int, max bool) string {
	best, bestRat := "<nil>", (*big.Rat)(nil)
	for i := max0(lo); i <= hi && i < len(rows); i++ {
		if rows[i] == "NULL" {
			continue
		}
		r, _ := new(big.Rat).SetString(rows[i])
		if bestRat != nil {
			if c := bestRat.Cmp(r); max && c > 0 || !max && c < 0 {
				continue
			}
		}
		best, bestRat = rows[i], r
	}
	return best
}

func max0(i int) int {
	if i < 0 {
		return 0
	}
	return i
}
