package pgdialect

import (
	"strings"
	"testing"
)

// TestViewColumnsDistinct: a view whose query repeats a column name is
// 42701, as PostgreSQL; a column list, or a name the statement spells
// itself ("k:1"), is not.
func TestViewColumnsDistinct(t *testing.T) {
	db := openCatalogDB(t, "")
	for q, code := range map[string]string{
		`CREATE VIEW vc1 AS SELECT 1 AS k, 2 AS k`:        "42701",
		`CREATE VIEW vc2 (a, b) AS SELECT 1 AS k, 2 AS k`: "",
		`CREATE VIEW vc3 AS SELECT 1 AS k, 2 AS "k:1"`:    "",
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		var got error
		for _, e := range st.Exec {
			if got = execTranslated(db, e); got != nil {
				break
			}
		}
		if code == "" && got != nil || code != "" && (got == nil || !strings.Contains(got.Error(), "specified more than once")) {
			t.Errorf("%s: %v, want %q", q, got, code)
		}
	}
}
