package pgdialect

import (
	"database/sql/driver"
	"math"
	"math/rand"
	"testing"
	"time"
)

// TestDateBinInvariants checks date_bin's defining property on random
// timestamps (the values themselves are compared with PostgreSQL by the
// differential corpus, integration/testdata/diff/22_date_bin.sql): the
// result starts a bin of the stride counted from the origin, and the source
// lies in it; a timestamptz bins in absolute time, whatever the zone.
func TestDateBinInvariants(t *testing.T) {
	ny, err := loadZone("America/New_York") // the embedded tz database: present everywhere
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	const span = int64(400 * 365 * 24 * 3600 * 1e6) // microseconds, about 400 years
	for i := 0; i < 2000; i++ {
		src := r.Int63n(2*span) - span
		org := r.Int63n(2*span) - span
		iv := interval{days: r.Int63n(40), us: r.Int63n(3 * usPerDay)}
		if iv.days == 0 && iv.us == 0 {
			iv.us = 1
		}
		stride := iv.days*usPerDay + iv.us
		for _, typ := range []string{"timestamp", "timestamptz"} {
			a := []driver.Value{iv.String(),
				dtOperand{typ: typ, t: fromPGMicros(src)}.format(),
				dtOperand{typ: typ, t: fromPGMicros(org)}.format()}
			got, err := dateBinIn(a, time.UTC)
			if err != nil {
				t.Fatalf("date_bin%v: %v", a, err)
			}
			o, err := operand(got, typ)
			if err != nil {
				t.Fatalf("date_bin%v = %v: %v", a, got, err)
			}
			res := pgMicros(o.t)
			if res > src || src-res >= stride || (res-org)%stride != 0 {
				t.Fatalf("date_bin%v = %v: not the bin of the source", a, got)
			}
			if typ == "timestamptz" {
				if z, err := dateBinIn(a, ny); err != nil || z != got {
					t.Fatalf("date_bin%v in New York = %v, %v; in UTC %v", a, z, err, got)
				}
			}
		}
	}
}

// TestCheckedInt64 checks the overflow tests against math/big-free bounds.
func TestCheckedInt64(t *testing.T) {
	for _, c := range []struct {
		a, b         int64
		add, sub, mu bool
	}{
		{math.MaxInt64, 1, false, true, true},
		{math.MinInt64, 1, true, false, true},
		{math.MinInt64, -1, false, true, false},
		{math.MaxInt64 / 2, 3, true, true, false},
		{-(math.MaxInt64 / 2), 2, true, true, true},
		{106751992, usPerDay, true, true, false},
		{0, math.MinInt64, true, false, true},
	} {
		if _, ok := addInt64(c.a, c.b); ok != c.add {
			t.Errorf("addInt64(%d, %d) ok = %v", c.a, c.b, ok)
		}
		if _, ok := subInt64(c.a, c.b); ok != c.sub {
			t.Errorf("subInt64(%d, %d) ok = %v", c.a, c.b, ok)
		}
		if _, ok := mulInt64(c.a, c.b); ok != c.mu {
			t.Errorf("mulInt64(%d, %d) ok = %v", c.a, c.b, ok)
		}
	}
}
