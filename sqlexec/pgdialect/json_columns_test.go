package pgdialect

import (
	"strings"
	"testing"
)

// fakeJSONCatalog: groupcheck_test.go's tables, s.h a json column.
type fakeJSONCatalog struct{ fakeGroupCatalog }

func (fakeJSONCatalog) JSONColumns(name string) map[string]bool {
	if strings.EqualFold(name, "s") {
		return map[string]bool{"h": true}
	}
	return nil
}

func (fakeJSONCatalog) JSONBColumns(string) map[string]bool { return nil }

// TestCheckJSONColumns: a json column compared, sorted, grouped or given
// to min is refused at the token PostgreSQL names; other columns, casts,
// and what the level reading cannot resolve are let through.
func TestCheckJSONColumns(t *testing.T) {
	refused := []struct{ sql, msg, at string }{
		{`select g from s where h = pg_in_col('1', (SELECT sql FROM sqlite_schema WHERE name = 's'), 'h', NULL, 'unknown')`, "operator does not exist: json = unknown", "= pg_in_col"},
		{`select g from s x where x.h < pg_in_col('1', (SELECT sql FROM sqlite_schema WHERE name = 's'), 'h', NULL, 'unknown')`, "operator does not exist: json < unknown", "< pg_in_col"},
		{`select h from s order by h NULLS LAST`, "could not identify an ordering operator for type json", "h NULLS"},
		{`select distinct h from s`, "could not identify an equality operator for type json", "h from"},
		{`select h from s group by h`, "could not identify an equality operator for type json", "h$"},
		{`select min(h) AS "min" from s`, "function min(json) does not exist", "min("},
		{`select count(distinct h) from s`, "could not identify an equality operator for type json", "h)"},
		{`select a.g from s a join s b on a.h = b.h`, "operator does not exist: json = json", "= b.h"},
		{`select id from t where id in (select g from s where h = h)`, "operator does not exist: json = json", "= h)"},
	}
	for _, c := range refused {
		r, ok := CheckJSONColumns(c.sql, fakeJSONCatalog{})
		at := strings.TrimSuffix(c.at, "$")
		want := strings.Index(c.sql, at)
		if strings.HasSuffix(c.at, "$") {
			want = strings.LastIndex(c.sql, at)
		}
		if !ok || r.Message != c.msg || r.Off != want {
			t.Errorf("CheckJSONColumns(%q) = %+v, %v; want %q at %d", c.sql, r, ok, c.msg, want)
		}
	}
	accepted := []string{
		`select g from s where g = 'x' order by v`,
		`select h from s where CAST(h AS TEXT) = 'x'`,
		`select g from s where pg_jsonb_get(h, 'a', 1) = 'x'`,
		`select h from s where h IS NULL`,
		`select h from s`,
		`select id, name from t order by name`,
		`with s as (select 1 as h) select h from s order by h`,
	}
	for _, q := range accepted {
		if r, ok := CheckJSONColumns(q, fakeJSONCatalog{}); ok {
			t.Errorf("CheckJSONColumns(%q) = %+v, want none", q, r)
		}
	}
}
