package pgdialect

import (
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestWithDMLParts: WITH ... INSERT/UPDATE/DELETE translates as its
// parts do on their own, so the statement after the list gets the same
// enforcement, column handling and RETURNING as without the WITH (and
// sees the list's CTEs: TestWithDMLScope).
func TestWithDMLParts(t *testing.T) {
	cases := []struct {
		in, tag string
		ctes    []string // each CTE's head and query, as written
		main    string
	}{
		{"WITH c AS (SELECT 1 AS a, 'x' AS b) INSERT INTO t (a, b) SELECT a, b FROM c", "INSERT",
			[]string{"c AS (", "SELECT 1 AS a, 'x' AS b"}, "INSERT INTO t (a, b) SELECT a, b FROM c"},
		{"with recursive r(i) as (select 1 union all select i + 1 from r where i < 3), s as materialized (values (1)) insert into t (a) select i from r returning a::text",
			"INSERT", []string{"r(i) as (", "select 1 union all select i + 1 from r where i < 3", "s as materialized (", "values (1)"},
			"insert into t (a) select i from r returning a::text"},
		{"WITH c AS NOT MATERIALIZED (SELECT 1 AS a) UPDATE t SET b = 'on' WHERE a IN (SELECT a FROM c) RETURNING *", "UPDATE",
			[]string{"c AS NOT MATERIALIZED (", "SELECT 1 AS a"}, "UPDATE t SET b = 'on' WHERE a IN (SELECT a FROM c) RETURNING *"},
		{"WITH c AS (SELECT now()::date AS d) DELETE FROM t WHERE a IN (SELECT 1 FROM c) RETURNING a", "DELETE",
			[]string{"c AS (", "SELECT now()::date AS d"}, "DELETE FROM t WHERE a IN (SELECT 1 FROM c) RETURNING a"},
		{"WITH c AS (SELECT 1) INSERT INTO t (a) VALUES ((SELECT * FROM c)) ON CONFLICT (a) DO UPDATE SET b = 'x'", "INSERT",
			[]string{"c AS (", "SELECT 1"}, "INSERT INTO t (a) VALUES ((SELECT * FROM c)) ON CONFLICT (a) DO UPDATE SET b = 'x'"},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		want := "WITH "
		if strings.HasPrefix(strings.ToUpper(c.in), "WITH RECURSIVE") {
			want += "RECURSIVE "
		}
		for i := 0; i < len(c.ctes); i += 2 {
			q, err := Translate(c.ctes[i+1])
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				want += ", "
			}
			want += c.ctes[i] + q.Exec[0] + ")"
		}
		// the statement after the list as on its own, in the scope of
		// the list (its CTEs' types, its place in the statement)
		x := newTx(c.in)
		_, end, _, _ := x.withList(0)
		m, err := translate(c.main, x.withScope(end))
		if err != nil {
			t.Fatal(err)
		}
		want += " " + m.Exec[0]
		if len(st.Exec) != 1 || st.Exec[0] != want {
			t.Errorf("Translate(%q).Exec\n got %q\nwant %q", c.in, st.Exec, want)
		}
		if st.Tag != c.tag || st.ReadOnly || st.Kind != KindQuery {
			t.Errorf("Translate(%q): tag %q read-only %v kind %v; want %s, writing query", c.in, st.Tag, st.ReadOnly, st.Kind, c.tag)
		}
		if !strings.Contains(m.Exec[0], "pg_in_col(") && c.tag != "DELETE" {
			t.Errorf("Translate(%q): the statement without WITH is not enforced: %q", c.main, m.Exec[0])
		}
	}
}

// TestWithDMLParams: parameters of the CTEs and of the statement are
// numbered across the whole text and typed from either part.
func TestWithDMLParams(t *testing.T) {
	st, err := Translate("WITH c AS (SELECT $1::int AS a) INSERT INTO t (a, b) SELECT a, $2::text FROM c WHERE a > $3")
	if err != nil {
		t.Fatal(err)
	}
	if st.ParamCount != 3 || len(st.ParamOIDs) != 3 || st.ParamOIDs[0] != pgoid.Int4 || st.ParamOIDs[1] != pgoid.Text {
		t.Fatalf("ParamCount %d ParamOIDs %v", st.ParamCount, st.ParamOIDs)
	}
	if !strings.Contains(st.Exec[0], "?1") || !strings.Contains(st.Exec[0], "?3") {
		t.Fatalf("Exec %q", st.Exec[0])
	}
}

func TestWithDMLColumnless(t *testing.T) {
	in := "WITH c AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM c"
	tbl, ok := ColumnlessInsert(in)
	if !ok || tbl != "t" {
		t.Fatalf("ColumnlessInsert = %q, %v", tbl, ok)
	}
	got, err := AddColumnList(in, []string{"id", "name"}, false)
	if err != nil || got != `WITH c AS (SELECT 1 AS a) INSERT INTO t (id) SELECT a FROM c` {
		t.Fatalf("AddColumnList = %q, %v", got, err)
	}
}

// TestWithDMLScope: the statement after a WITH list reads the types of
// the CTEs' columns (a boolean assigned to an integer column is shown to
// be one, for assign_cast.go's 42804) and places an assigned value in the
// whole statement.
func TestWithDMLScope(t *testing.T) {
	cases := []struct{ in, want string }{
		// x's type (bool) and its position (character 55, after the list)
		{"WITH c AS (SELECT true AS x) INSERT INTO t (a) SELECT x FROM c", "'a', NULL, NULL, 'bool', 55)"},
		{"WITH c AS (SELECT true AS x) UPDATE t SET a = c.x FROM c", "'a', NULL, NULL, 'bool', 47)"},
		// unqualified, from the CTE beside the target
		{"WITH c AS (SELECT true AS x) UPDATE t SET a = x FROM c", "'a', NULL, NULL, 'bool', 47)"},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		if len(st.Exec) != 1 || !strings.Contains(st.Exec[0], c.want) {
			t.Errorf("Translate(%q) = %q, want it to hold %q", c.in, st.Exec, c.want)
		}
	}
}
