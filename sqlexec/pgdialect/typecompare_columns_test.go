package pgdialect

import (
	"strings"
	"testing"
)

// fakeJSONCatalog: groupcheck_test.go's tables, s.h a json column, s.v
// a jsonb column, p.a an xml column, p.b a money column.
type fakeJSONCatalog struct{ fakeGroupCatalog }

func (fakeJSONCatalog) TypedColumns(name string) map[string]string {
	switch strings.ToLower(name) {
	case "s":
		return map[string]string{"h": "json", "v": "jsonb"}
	case "p":
		return map[string]string{"a": "xml", "b": "money"}
	}
	return nil
}

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
		{`select a from p order by a`, "could not identify an ordering operator for type xml", "a$"},
		{`select a from p union select a from p`, "could not identify an equality operator for type xml", "a from"},
		{`select c from p where a = pg_cast_xml('<a/>')`, "operator does not exist: xml = xml", "= pg_cast_xml"},
		{`select c from p where b < 5`, "operator does not exist: money < integer", "< 5"},
		{`select c from p where 1.5 = b`, "operator does not exist: numeric = money", "= b"},
		{`select c from p where b in ('1', 2)`, "operator does not exist: money = integer", "in ("},
		{`select c from p where b between '1' and 2`, "operator does not exist: money <= integer", "between"},
		{`select c from p where b not between 1 and '2'`, "operator does not exist: money < integer", "not between"},
		{`select abs(b, (SELECT pg_col_numtype('x', 'b'))) from p`, "function abs(money) does not exist", "abs("},
		{`select max(v) from s`, "function max(jsonb) does not exist", "max("},
		{`select h from s union all select v from s`, "UNION could not convert type jsonb to json", "v from s$"},
		{`select a from p union all select h from s`, "UNION could not convert type json to xml", "h from s$"},
		{`select a from p union all select CAST(c AS TEXT) from p`, "UNION types xml and text cannot be matched", "CAST("},
		{`select b from p union all select 1`, "UNION could not convert type integer to money", "1$"},
		{`select round(b, 1) from p`, "function round(money, integer) does not exist", "round("},
		{`select (CASE WHEN 1 = 1 THEN CAST(pg_numlog(10, b) AS TEXT) ELSE pg_log(b) END) from p`, "function log(money) does not exist", ""},
	}
	for _, c := range refused {
		r, ok := CheckTypedColumns(c.sql, fakeJSONCatalog{})
		at := strings.TrimSuffix(c.at, "$")
		want := strings.Index(c.sql, at)
		if strings.HasSuffix(c.at, "$") {
			want = strings.LastIndex(c.sql, at)
		}
		if c.at == "" {
			want = -1 // a renamed function
		}
		if !ok || r.Message != c.msg || r.Off != want {
			t.Errorf("CheckTypedColumns(%q) = %+v, %v; want %q at %d", c.sql, r, ok, c.msg, want)
		}
	}
	for q, want := range map[string]string{
		`CREATE INDEX i ON p (c, a DESC)`:              `data type xml has no default operator class for access method "btree"`,
		`CREATE UNIQUE INDEX IF NOT EXISTS i ON s (h)`: `data type json has no default operator class for access method "btree"`,
		`CREATE INDEX i ON p (b)`:                      "",
		`CREATE INDEX i ON p ((a IS NULL))`:            "",
	} {
		r, ok := CheckTypedColumns(q, fakeJSONCatalog{})
		if ok != (want != "") || ok && (r.Code != "42704" || r.Message != want || r.Off != -1) {
			t.Errorf("CheckTypedColumns(%q) = %+v, %v; want 42704 %q", q, r, ok, want)
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
		`select b from p where b < pg_in_col('5', (SELECT sql FROM sqlite_schema WHERE name = 'p'), 'b', NULL, 'unknown') order by b`,
		`select min(b), max(b) from p group by b`,
		`select c from p where b in ('1', '2')`,
		`select c from p where c < 5 and c between 1 and 2`,
		`select sum(b) from p`,
		`select v from s union select v from s order by v`,
		`select b from p union all select '1' union all select b from p`,
		`select g from s union all select 1 union all select 1.5`,
	}
	for _, q := range accepted {
		if r, ok := CheckTypedColumns(q, fakeJSONCatalog{}); ok {
			t.Errorf("CheckTypedColumns(%q) = %+v, want none", q, r)
		}
	}
}
