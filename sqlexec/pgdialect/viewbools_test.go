package pgdialect

import (
	"fmt"
	"strings"
	"testing"
)

// TestViewBoolColumns: a view's boolean expression columns are declared
// boolean (SQLite's decltype through the raftsql_bools read), hold 1/0/NULL
// as the expression, also for aggregates (the query wrapped) and through
// views of views; other columns keep their types.
func TestViewBoolColumns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE vb (id int, flag boolean, g int, name text);
INSERT INTO vb VALUES (1, true, 1, 'ab'), (2, false, 1, NULL), (3, NULL, 2, 'x');
CREATE VIEW vb1 AS SELECT id, id > 1 AS big, flag AND id > 1 AS both, name IS NULL AS nn, flag FROM vb;
CREATE VIEW vb2 AS SELECT id, NOT big AS small, big FROM vb1;
CREATE VIEW vb3 AS SELECT g, count(*) > 1 AS many, bool_and(flag) AS alltrue FROM vb GROUP BY g;
CREATE VIEW vb4 AS WITH c AS (SELECT id, id > 2 AS hi FROM vb) SELECT id, hi FROM c;
`)
	for _, c := range []struct{ q, want, decl string }{
		{`SELECT big FROM vb1 WHERE id = 2`, "1", "BOOLEAN"},
		{`SELECT both FROM vb1 WHERE id = 3`, "<nil>", "BOOLEAN"},
		{`SELECT nn FROM vb1 WHERE id = 2`, "1", "BOOLEAN"},
		{`SELECT id FROM vb1 WHERE id = 2`, "2", "INT"},
		{`SELECT small FROM vb2 WHERE id = 1`, "1", "BOOLEAN"},
		{`SELECT many FROM vb3 WHERE g = 1`, "1", "BOOLEAN"},
		{`SELECT alltrue FROM vb3 WHERE g = 1`, "0", "BOOLEAN"},
		{`SELECT hi FROM vb4 WHERE id = 3`, "1", "BOOLEAN"},
	} {
		rows, err := db.Query(c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		types, _ := rows.ColumnTypes()
		var v any
		if !rows.Next() {
			t.Fatalf("%s: no row", c.q)
		}
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		got := "<nil>"
		if v != nil {
			got = fmt.Sprint(v)
		}
		if got != c.want || !strings.EqualFold(types[0].DatabaseTypeName(), c.decl) {
			t.Errorf("%s = %s (%s), want %s (%s)", c.q, got, types[0].DatabaseTypeName(), c.want, c.decl)
		}
	}
}
