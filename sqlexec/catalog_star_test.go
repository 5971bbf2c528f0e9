package sqlexec

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// TestCatalogRelColumns: the columns pgdialect reads from each pg_catalog
// view's definition (catalog_star.go, the types of SELECT *) are the
// columns SQLite gives the view.
func TestCatalogRelColumns(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	err := db.withReader(context.Background(), func(c *lconn) error {
		views, err := queryStrings(c, "SELECT name FROM temp.sqlite_schema WHERE type = 'view' AND name LIKE 'pg\\_%' ESCAPE '\\' ORDER BY name")
		if err != nil {
			return err
		}
		if len(views) < 20 {
			t.Fatalf("catalog views: %v", views)
		}
		for _, v := range views {
			cols, err := queryStrings(c, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", v)
			if err != nil {
				return err
			}
			for i, col := range cols {
				if j := strings.LastIndexByte(col, ':'); j > 0 {
					cols[i] = col[:j] // SQLite's name for a repeated one
				}
			}
			if got := pgdialect.CatalogRelColumns(v); !slices.Equal(got, cols) {
				t.Errorf("%s: read %q, SQLite %q", v, got, cols)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
