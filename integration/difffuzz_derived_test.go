package integration

// The derived-table queries of the differential fuzz tester
// (difffuzz_test.go): the generator's plain, grouped and shape queries
// read n25fz_t through a FROM subquery or a CTE of its rows, the
// everyday shape neither difffuzz_gen_test.go nor
// difffuzz_shapes_test.go wrote: a derived table's columns are typed
// apart from a table's (derivedcols.go), where the translation sees no
// declared types. Seeded apart (fuzzDerivedSalt), so a seed's other
// queries stay what they were.

import (
	"strings"
	"testing"
)

// fuzzDerivedSalt seeds a seed's derived-table query apart.
const fuzzDerivedSalt = 0x4445524956 // "DERIV"

// fuzzDerivedFrom is the FROM item the generated queries read.
const fuzzDerivedFrom = " FROM n25fz_t a"

// derivedQuery is one random query over a derived copy of n25fz_t.
func (g *fuzzGen) derivedQuery() string {
	var q string
	switch g.n(4) {
	case 0, 1:
		q = g.plainQuery()
	case 2:
		q = g.groupQuery()
	default:
		q = g.shapeQuery()
	}
	if g.chance(0.5) {
		return strings.Replace(q, fuzzDerivedFrom, " FROM (SELECT * FROM n25fz_t) a", 1)
	}
	return "WITH d AS (SELECT * FROM n25fz_t) " + strings.Replace(q, fuzzDerivedFrom, " FROM d a", 1)
}

// TestFuzzDerivedQuery: the derived source replaces the query's own
// table, the first FROM of the statement.
func TestFuzzDerivedQuery(t *testing.T) {
	for s := uint64(0); s < 200; s++ {
		q := newFuzzGen(s ^ fuzzDerivedSalt).derivedQuery()
		if strings.Contains(q, fuzzDerivedFrom+" ") || strings.HasSuffix(q, fuzzDerivedFrom) || !strings.Contains(q, " a") {
			t.Fatalf("seed %d: the query still reads n25fz_t: %s", s, q)
		}
	}
}
