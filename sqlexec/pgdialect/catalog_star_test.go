package pgdialect

import (
	"slices"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestCatalogStarTypes: SELECT * and rel.* over every pg_catalog view are
// described as the same columns named one by one, booleans included.
func TestCatalogStarTypes(t *testing.T) {
	bools := 0
	for _, v := range catalogViews {
		if !strings.HasPrefix(v.name, "pg_") {
			continue
		}
		cols := CatalogRelColumns(v.name)
		if cols == nil {
			t.Errorf("%s: columns not read from its definition", v.name)
			continue
		}
		named, err := Translate("SELECT " + strings.Join(quoteAll(cols), ", ") + " FROM pg_catalog." + v.name)
		if err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		bools += countOID(named.ColumnOIDs, pgoid.Bool)
		for _, q := range []string{
			"SELECT * FROM " + v.name,
			"SELECT r.* FROM pg_catalog." + v.name + " AS r WHERE true",
			"SELECT " + v.name + ".* FROM " + v.name + " ORDER BY 1",
		} {
			st, err := Translate(q)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if !slices.Equal(st.ColumnOIDs, named.ColumnOIDs) {
				t.Errorf("%s: types %v, named %v", q, st.ColumnOIDs, named.ColumnOIDs)
			}
		}
	}
	if bools == 0 {
		t.Error("no boolean catalog column")
	}
	// two relations, and a * beside other items
	st, err := Translate("SELECT *, 1 AS k FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid")
	if err != nil {
		t.Fatal(err)
	}
	n := len(CatalogRelColumns("pg_sequence"))
	if got := st.ColumnOIDs; len(got) != n+len(CatalogRelColumns("pg_class"))+1 || got[n-1] != pgoid.Bool || got[0] != pgoid.OID || got[len(got)-1] != pgoid.Int4 {
		t.Errorf("join: %v", got)
	}
	// a table beside a catalog relation: the count of * is not known here
	st, err = Translate("SELECT * FROM pg_sequence s, t")
	if err != nil {
		t.Fatal(err)
	}
	if st.ColumnOIDs != nil {
		t.Errorf("beside a table: %v", st.ColumnOIDs)
	}
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = quoteIdent(n)
	}
	return out
}

func countOID(oids []uint32, o uint32) int {
	n := 0
	for _, x := range oids {
		if x == o {
			n++
		}
	}
	return n
}
