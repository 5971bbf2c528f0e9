package pgdialect

import (
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgrange"
)

// The canonical forms are PostgreSQL 15's output of the same literals.
func TestRangeCanonical(t *testing.T) {
	for _, c := range []struct {
		typ     uint32
		in, out string
	}{
		{pgoid.Int4Range, "[1,5]", "[1,6)"},
		{pgoid.Int4Range, "(1,2)", "empty"},
		{pgoid.Int4Range, "(,10]", "(,11)"},
		{pgoid.Int4Range, "[,5]", "(,6)"},
		{pgoid.Int4Range, ` [ "1" , 5 ] `, "[1,6)"},
		{pgoid.Int8Range, "[-5,-1]", "[-5,0)"},
		{pgoid.NumRange, "[1.5,2.50]", "[1.5,2.50]"},
		{pgoid.NumRange, "(1,1]", "empty"},
		{pgoid.NumRange, "[1e2,2e2)", "[100,200)"},
		{pgoid.DateRange, "[2024-01-01,2024-01-31]", "[2024-01-01,2024-02-01)"},
		{pgoid.DateRange, "(,infinity]", "(,infinity]"},
		{pgoid.DateRange, "[-infinity,2024-01-01]", "[-infinity,2024-01-02)"},
		{pgoid.TsRange, "[2024-01-01 10:00,2024-01-01 12:30:15.5)", `["2024-01-01 10:00:00","2024-01-01 12:30:15.5")`},
		{pgoid.TstzRange, "[2024-01-01 10:00+02,)", `["2024-01-01 08:00:00+00",)`},
	} {
		r, err := parseRange(rangeKinds[c.typ], c.in, nil)
		if err != nil || pgrange.Format(r) != c.out {
			t.Errorf("%s %q = %q, %v; want %q", pgoid.TypeName(c.typ), c.in, pgrange.Format(r), err, c.out)
		}
	}
	for _, c := range []struct {
		typ       uint32
		in, errIs string
	}{
		{pgoid.Int4Range, "[5,1)", "22000"},
		{pgoid.Int4Range, "[a,5)", "22P02"},
		{pgoid.Int4Range, "[1,2147483647]", "22003"},
		{pgoid.DateRange, "[2024-02-30,)", "22008"},
		{pgoid.DateRange, "[today,)", "0A000"}, // raftsql refuses the relative words in a bound (PostgreSQL reads the clock)
	} {
		if _, err := parseRange(rangeKinds[c.typ], c.in, nil); err == nil || !strings.Contains(err.Error(), c.errIs) {
			t.Errorf("%s %q: %v, want %s", pgoid.TypeName(c.typ), c.in, err, c.errIs)
		}
	}
}

// The order is PostgreSQL 15's (SELECT string_agg(r::text, ' ' ORDER BY
// r) FROM unnest(...) r), which the pg_range collation follows.
func TestRangeOrder(t *testing.T) {
	for _, want := range []string{
		"empty (,3) (,) [-2,0) [0,9) [1,4) [1,5) [1,)",
		"empty (,5] [1,1] [1,5) [1,5] [1,) (1,5) (1,5]",
	} {
		s := strings.Fields(want)
		for i := range s {
			for j := range s {
				got, exp := compareRangeText(s[i], s[j]), i-j
				if got < 0 != (exp < 0) || got > 0 != (exp > 0) {
					t.Errorf("compare %s %s = %d", s[i], s[j], got)
				}
			}
		}
	}
}

// rangeOpsPG is PostgreSQL 15's answer for each pair of numranges a, b:
// a, b, @>, &&, <<, >>, &<, &>, -|-, + (ERR: not contiguous), *, - (ERR:
// not contiguous).
var rangeOpsPG = []string{
	"empty|empty|t|f|f|f|f|f|f|empty|empty|empty",
	"empty|(,2]|f|f|f|f|f|f|f|(,2]|empty|empty",
	"empty|[1,5)|f|f|f|f|f|f|f|[1,5)|empty|empty",
	"empty|(1,5]|f|f|f|f|f|f|f|(1,5]|empty|empty",
	"empty|[3,3]|f|f|f|f|f|f|f|[3,3]|empty|empty",
	"empty|[5,7)|f|f|f|f|f|f|f|[5,7)|empty|empty",
	"(,2]|empty|t|f|f|f|f|f|f|(,2]|empty|(,2]",
	"(,2]|(,2]|t|t|f|f|t|t|f|(,2]|(,2]|empty",
	"(,2]|[1,5)|f|t|f|f|t|f|f|(,5)|[1,2]|(,1)",
	"(,2]|(1,5]|f|t|f|f|t|f|f|(,5]|(1,2]|(,1]",
	"(,2]|[3,3]|f|f|t|f|t|f|f|ERR|empty|(,2]",
	"(,2]|[5,7)|f|f|t|f|t|f|f|ERR|empty|(,2]",
	"[1,5)|empty|t|f|f|f|f|f|f|[1,5)|empty|[1,5)",
	"[1,5)|(,2]|f|t|f|f|f|t|f|(,5)|[1,2]|(2,5)",
	"[1,5)|[1,5)|t|t|f|f|t|t|f|[1,5)|[1,5)|empty",
	"[1,5)|(1,5]|f|t|f|f|t|f|f|[1,5]|(1,5)|[1,1]",
	"[1,5)|[3,3]|t|t|f|f|f|f|f|[1,5)|[3,3]|ERR",
	"[1,5)|[5,7)|f|f|t|f|t|f|t|[1,7)|empty|[1,5)",
	"(1,5]|empty|t|f|f|f|f|f|f|(1,5]|empty|(1,5]",
	"(1,5]|(,2]|f|t|f|f|f|t|f|(,5]|(1,2]|(2,5]",
	"(1,5]|[1,5)|f|t|f|f|f|t|f|[1,5]|(1,5)|[5,5]",
	"(1,5]|(1,5]|t|t|f|f|t|t|f|(1,5]|(1,5]|empty",
	"(1,5]|[3,3]|t|t|f|f|f|f|f|(1,5]|[3,3]|ERR",
	"(1,5]|[5,7)|f|t|f|f|t|f|f|(1,7)|[5,5]|(1,5)",
	"[3,3]|empty|t|f|f|f|f|f|f|[3,3]|empty|[3,3]",
	"[3,3]|(,2]|f|f|f|t|f|t|f|ERR|empty|[3,3]",
	"[3,3]|[1,5)|f|t|f|f|t|t|f|[1,5)|[3,3]|empty",
	"[3,3]|(1,5]|f|t|f|f|t|t|f|(1,5]|[3,3]|empty",
	"[3,3]|[3,3]|t|t|f|f|t|t|f|[3,3]|[3,3]|empty",
	"[3,3]|[5,7)|f|f|t|f|t|f|f|ERR|empty|[3,3]",
	"[5,7)|empty|t|f|f|f|f|f|f|[5,7)|empty|[5,7)",
	"[5,7)|(,2]|f|f|f|t|f|t|f|ERR|empty|[5,7)",
	"[5,7)|[1,5)|f|f|f|t|f|t|t|[1,7)|empty|[5,7)",
	"[5,7)|(1,5]|f|t|f|f|f|t|f|(1,7)|[5,5]|(5,7)",
	"[5,7)|[3,3]|f|f|f|t|f|t|f|ERR|empty|[5,7)",
	"[5,7)|[5,7)|t|t|f|f|t|t|f|[5,7)|[5,7)|empty",
}

func TestRangeOps(t *testing.T) {
	k := rangeKinds[pgoid.NumRange]
	for _, row := range rangeOpsPG {
		f := strings.Split(row, "|")
		a, _ := parseRange(k, f[0], nil)
		b, _ := parseRange(k, f[1], nil)
		for i, op := range []string{"@>", "&&", "<<", ">>", "&<", "&>", "-|-"} {
			if got := rangeBoolOps[op](a, b); (f[2+i] == "t") != got {
				t.Errorf("%s %s %s = %v, want %s", f[0], op, f[1], got, f[2+i])
			}
		}
		for i, op := range []string{"+", "*", "-"} {
			r, err := rangeSetOps[op](k, a, b)
			want := f[9+i]
			if want == "ERR" {
				if err == nil || !strings.Contains(err.Error(), "22000") {
					t.Errorf("%s %s %s = %s, %v; want 22000", f[0], op, f[1], pgrange.Format(r), err)
				}
				continue
			}
			if err != nil || pgrange.Format(r) != want {
				t.Errorf("%s %s %s = %s, %v; want %s", f[0], op, f[1], pgrange.Format(r), err, want)
			}
		}
	}
}
