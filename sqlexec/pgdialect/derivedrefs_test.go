package pgdialect

import (
	"reflect"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func TestDerivedColumns(t *testing.T) {
	q := DerivedColumns(`WITH c(a, b) AS (SELECT max(ts), 1 FROM t) SELECT s, x.s AS y, c.a, b, v.*, 1 + s FROM (SELECT sum(amt) AS s FROM t) x, c JOIN v ON true, generate_series(1, 2) g WHERE s > 0`)
	if q == nil {
		t.Fatal("nil")
	}
	wantRels := []DerivedRel{
		{Alias: "x", SQL: "WITH c(a, b) AS (SELECT max(ts), 1 FROM t) SELECT sum(amt) AS s FROM t"},
		{Alias: "c", SQL: "WITH c(a, b) AS (SELECT max(ts), 1 FROM t) SELECT max(ts), 1 FROM t", Cols: []string{"a", "b"}},
		{Alias: "v", Name: "v"},
		{},
	}
	if !reflect.DeepEqual(q.Rels, wantRels) {
		t.Errorf("rels:\n got %#v\nwant %#v", q.Rels, wantRels)
	}
	wantItems := []DerivedItem{{Rel: -1, Col: "s"}, {Rel: 0, Col: "s"}, {Rel: 1, Col: "a"}, {Rel: -1, Col: "b"}, {Rel: 2, Star: true}, {Rel: -2}}
	if !reflect.DeepEqual(q.Items, wantItems) {
		t.Errorf("items:\n got %#v\nwant %#v", q.Items, wantItems)
	}
	if q.Rels[3].Known() || !q.Rels[2].Known() {
		t.Error("Known")
	}
	for _, sql := range []string{
		"SELECT 1",
		"SELECT a FROM t UNION SELECT b FROM u",
		"INSERT INTO t VALUES (1)",
	} {
		if q := DerivedColumns(sql); q != nil {
			t.Errorf("%s: %#v, want nil", sql, q)
		}
	}
	// a LATERAL subquery is correlated: not a statement of its own
	if q := DerivedColumns("SELECT m FROM t, LATERAL (SELECT max(i) m FROM u WHERE u.id = t.id) l"); q == nil || q.Rels[1].Known() {
		t.Errorf("lateral: %#v", q)
	}
}

// TestDerivedColumnsJSONEach: a json table function kept as json_each
// after a table (json_srf_from.go) is a relation of typed columns, its
// collated value a bare reference, its ordinality int8.
func TestDerivedColumnsJSONEach(t *testing.T) {
	for _, c := range []struct {
		fn   string
		want uint32
	}{{"jsonb_array_elements", pgoid.JSONB}, {"json_each", pgoid.JSON}, {"jsonb_each_text", pgoid.Text}} {
		st, err := Translate("SELECT * FROM t, " + c.fn + "(t.doc) WITH ORDINALITY e")
		if err != nil {
			t.Fatal(err)
		}
		q := DerivedColumns(st.Exec[0])
		if q == nil || len(q.Rels) != 2 || !q.Rels[1].Known() || q.Rels[1].Alias != "e" {
			t.Fatalf("%s: %#v", st.Exec[0], q)
		}
		if got := q.Rels[1].Types[1]; got != c.want {
			t.Errorf("%s: value %d, want %d", c.fn, got, c.want)
		}
		items := q.Items
		if len(items) < 3 || !items[0].Star || items[len(items)-2] != (DerivedItem{Rel: 1, Col: "value"}) || items[len(items)-1].Type != pgoid.Int8 {
			t.Errorf("%s: items %#v", st.Exec[0], items)
		}
	}
	// json_each of SQLite's own (no pg_ function): not known
	if q := DerivedColumns("SELECT * FROM t, json_each(t.doc) e"); q == nil || q.Rels[1].Known() {
		t.Errorf("json_each: %#v", q)
	}
}

func TestColumnIndex(t *testing.T) {
	if i := ColumnIndex([]string{"A", "b"}, nil, "a"); i != 0 {
		t.Errorf("case: %d", i)
	}
	if i := ColumnIndex([]string{"a", "b"}, []string{"x"}, "a"); i != -1 {
		t.Errorf("renamed: %d", i)
	}
	if i := ColumnIndex([]string{"a", "a"}, nil, "a"); i != -1 {
		t.Errorf("ambiguous: %d", i)
	}
}

// A column inside a derived table's query is typed by its own block's
// tables: d + 1 over a date column is date arithmetic there too.
func TestBlockColumnTypes(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want bool // the column's run-time type is read from t
	}{
		{"SELECT x FROM (SELECT d + 1 AS x FROM t) s", true},
		{"WITH w AS (SELECT d + 1 AS x FROM t) SELECT x FROM w", true},
		{"SELECT x FROM (SELECT d + 1 AS x FROM t JOIN u ON true) s", false},            // either table's
		{"SELECT x FROM (SELECT d + 1 AS x FROM (SELECT 1 AS d) q) s", false},           // a derived column
		{"WITH t AS (SELECT 1 AS d) SELECT x FROM (SELECT d + 1 AS x FROM t) s", false}, // t is the CTE
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		got := strings.Contains(st.Exec[0], "pg_col_dttype(pg_rel_sql('t'), 'd')")
		if got != c.want {
			t.Errorf("%s: typed from t %v, want %v\n%s", c.sql, got, c.want, st.Exec[0])
		}
	}
}
