package pgdialect

import (
	"strings"
	"testing"
)

// fakeJSONCatalog: groupcheck_test.go's tables, s.h a json column, s.v
// a jsonb column, p.a an xml column, p.b a money column, p.c and t.id
// integer columns, t.name a text column, w.id a macaddr column.
type fakeJSONCatalog struct{ fakeGroupCatalog }

func (fakeJSONCatalog) TypedColumns(name string) map[string]string {
	switch strings.ToLower(name) {
	case "s":
		return map[string]string{"h": "json", "v": "jsonb"}
	case "p":
		return map[string]string{"a": "xml", "b": "money", "c": "integer"}
	case "t":
		return map[string]string{"id": "integer", "name": "text"}
	case "w":
		return map[string]string{"id": "macaddr"}
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
	// the expected answers are PostgreSQL 15's for the same query on such
	// tables (25_typedgaps_money)
	refused = append(refused, []struct{ sql, msg, at string }{
		{`select c from p where b = c`, "operator does not exist: money = integer", "= c"},
		{`select p.c from p join t on p.b < t.id`, "operator does not exist: money < integer", "< t.id"},
		{`select c from p where b = CAST(c AS TEXT)`, "operator does not exist: money = text", "= CAST"},
		{`select coalesce(b, c) from p`, "COALESCE could not convert type integer to money", "c)"},
		{`select coalesce(c, b) from p`, "COALESCE could not convert type money to integer", "b)"},
		{`select coalesce(NULL, b, 1) from p`, "COALESCE could not convert type integer to money", "1)"},
		{`select nullif(b, c) from p`, "operator does not exist: money = integer", "nullif"},
		{`select max(coalesce(b, 0), coalesce(0, b)) from p`, "GREATEST could not convert type integer to money", ""},
		{`select min(coalesce(c, b), coalesce(b, c)) from p`, "LEAST could not convert type integer to money", ""},
		{`select CASE WHEN c > 1 THEN b ELSE 0 END from p`, "CASE/WHEN could not convert type money to integer", "b ELSE"},
		{`select CASE WHEN c > 1 THEN b WHEN c = 1 THEN 1 END from p`, "CASE/WHEN could not convert type integer to money", "1 END"},
		{`select CASE WHEN c > 1 THEN b ELSE CAST(c AS TEXT) END from p`, "CASE types text and money cannot be matched", "b ELSE"},
		{`select a from p union all select c from p`, "UNION types xml and integer cannot be matched", "c from p$"},
		{`select b from p union all select name from t`, "UNION types money and text cannot be matched", "name"},
		{`select min(id) from w`, "function min(macaddr) does not exist", "min("},
		// a number compared with a string (39_arr_int_text)
		{`select id from t where id = name`, "operator does not exist: integer = text", "= name"},
		{`select id from t where name < id`, "operator does not exist: text < integer", "< id"},
		{`select id from t where name = 5`, "operator does not exist: text = integer", "= 5"},
		{`select id from t where id = CAST('5' AS TEXT)`, "operator does not exist: integer = text", "= CAST"},
		{`select id from t where id in (name)`, "operator does not exist: integer = text", "in ("},
		{`select id from t where id between name and 5`, "operator does not exist: integer >= text", "between"},
		{`select id from t where id IS DISTINCT FROM name`, "operator does not exist: integer = text", "IS DISTINCT"},
		{`select p.c from p join t on p.c = t.name`, "operator does not exist: integer = text", "= t.name"},
	}...)
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
		`select coalesce(b, b), coalesce(c, 1.5), nullif(b, '1') from p`,
		`select CASE WHEN c > 1 THEN c ELSE 0 END, CASE WHEN c > 1 THEN b END from p`,
		`select c from p union all select id from t`,
		`select id, name from t where id = 1 and name = 'x'`,
		`select id from t where id = '5' and name = '5' and id in ('1', 2) and name IS NOT DISTINCT FROM 'x'`,
		`select id from t where CAST(id AS TEXT) = name`,
		`select id from t where id = pg_cast_int4(name)`,
	}
	for _, q := range accepted {
		if r, ok := CheckTypedColumns(q, fakeJSONCatalog{}); ok {
			t.Errorf("CheckTypedColumns(%q) = %+v, want none", q, r)
		}
	}
}
