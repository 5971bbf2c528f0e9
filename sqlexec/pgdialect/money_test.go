package pgdialect

import (
	"cmp"
	"math"
	"math/rand"
	"testing"
)

// TestMoneyTextRoundTrip: every count of cents survives its stored text
// (formatMoney) read back by the collation's reader (moneyCents) and by
// money's input function (parseMoney), and the collation orders the
// texts as the cents. The expected outputs of the conversions themselves
// are recorded from PostgreSQL in integration/testdata/diff/25_types2_money.
func TestMoneyTextRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	vals := []int64{0, 1, -1, 5, -5, 99, 100, -100, 123456, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	for range 2000 {
		vals = append(vals, r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)))
	}
	for i, c := range vals {
		s := formatMoney(c)
		if got, ok := moneyCents(s); !ok || got != c {
			t.Fatalf("moneyCents(%q) = %d, %v; want %d", s, got, ok, c)
		}
		if got, err := parseMoney(s); err != nil || got != c {
			t.Fatalf("parseMoney(%q) = %d, %v; want %d", s, got, err, c)
		}
		d := vals[(i+1)%len(vals)]
		if got, want := compareMoneyText(s, formatMoney(d)), cmp.Compare(c, d); got != want {
			t.Fatalf("compareMoneyText(%q, %q) = %d; want %d", s, formatMoney(d), got, want)
		}
	}
}

// TestMoneyCentsRejects: texts that are not money's stored form are not
// read as money by the value checks (isMoney), so numbers and other text
// keep their own meaning in arithmetic and sums.
func TestMoneyCentsRejects(t *testing.T) {
	for _, s := range []string{"", "1.00", "$1", "$1.0", "$.00", "-1.00", "$1,00", "$1.00x", "$$1.00", "--$1.00", "$99999999999999999999.00"} {
		if isMoney(s) {
			t.Errorf("isMoney(%q) = true", s)
		}
	}
}
