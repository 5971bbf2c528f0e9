package pgdialect

import "testing"

// TestJSONCompare: the json comparisons, sorts and groupings PostgreSQL 15
// refuses (messages and positions as psql showed them), and the forms it
// accepts, which must translate.
func TestJSONCompare(t *testing.T) {
	refused := []struct {
		sql, msg string
		pos      int
	}{
		{`select to_json(1) = to_json(1)`, "operator does not exist: json = json", 19},
		{`select json_build_object('a',1) = json_build_object('a',1)`, "operator does not exist: json = json", 33},
		{`select '1'::json = '1'::json`, "operator does not exist: json = json", 18},
		{`select '1' = '1'::json`, "operator does not exist: unknown = json", 12},
		{`select '1'::json = 1`, "operator does not exist: json = integer", 18},
		{`select (to_json(1)) = to_json(1)`, "operator does not exist: json = json", 21},
		{`select to_json(1) = null`, "operator does not exist: json = unknown", 19},
		{`select cast('1' as json) = '1'`, "operator does not exist: json = unknown", 26},
		{`select x from (values (1)) v(x) where not to_json(x) = '1'`, "operator does not exist: json = unknown", 54},
		{`select to_json(1) = '1' is null`, "operator does not exist: json = unknown", 19},
		{`select to_json(1) <> '1'`, "operator does not exist: json <> unknown", 19},
		{`select to_json(1) < '1'`, "operator does not exist: json < unknown", 19},
		{`select 1 from t order by to_json(id)`, "could not identify an ordering operator for type json", 26},
		{`select 1 from t order by id, to_json(id) desc`, "could not identify an ordering operator for type json", 30},
		{`select distinct '1'::json`, "could not identify an equality operator for type json", 17},
		{`select distinct '1'::json as x`, "could not identify an equality operator for type json", 17},
		{`select 1 group by '1'::json`, "could not identify an equality operator for type json", 19},
		{`select count(distinct to_json(1))`, "could not identify an equality operator for type json", 23},
		{`select max(to_json(1))`, "function max(json) does not exist", 8},
		{`select min(json_agg(x)) from t`, "function min(json) does not exist", 8},
		{`select max(to_jsonb(1))`, "function max(jsonb) does not exist", 8},
		{`select min(jsonb_build_object('a', 1) -> 'a')`, "function min(jsonb) does not exist", 8},
		{`select '1'::money < 5`, "operator does not exist: money < integer", 19},
		{`select abs('1'::money)`, "function abs(money) does not exist", 8},
		{`select '<a/>'::xml = '<a/>'`, "operator does not exist: xml = unknown", 20},
		{`select distinct '<a/>'::xml`, "could not identify an equality operator for type xml", 17},
		{`select '1'::money in (1.5)`, "operator does not exist: money = numeric", 19},
		{`select max('<a/>'::xml)`, "function max(xml) does not exist", 8},
		{`select round('1'::money, 2)`, "function round(money, integer) does not exist", 8},
		{`select '1'::money not between 1 and 2`, "operator does not exist: money < integer", 19},
		{`select nullif('<a/>'::xml, '<a/>')`, "operator does not exist: xml = unknown", 8},
		{`select nullif('1'::money, 0)`, "operator does not exist: money = integer", 8},
		{`select 1 where '1'::money = 3000000000`, "operator does not exist: money = bigint", 27},
	}
	for _, c := range refused {
		_, err := Translate(c.sql)
		e, ok := err.(*Error)
		if !ok || e.Code != "42883" || e.Message != c.msg || e.Position != c.pos {
			t.Errorf("Translate(%q) = %v (%+v), want 42883 %q at %d", c.sql, err, e, c.msg, c.pos)
		}
	}
	for q, want := range map[string]struct {
		msg string
		pos int
	}{
		`select coalesce(1, 1.5, '1'::money)`: {"COALESCE could not convert type money to numeric", 25},
		`select least('1'::money, 2, 3)`:      {"LEAST could not convert type integer to money", 26},
		`select greatest(1, '1'::money)`:      {"GREATEST could not convert type money to integer", 20},
	} {
		_, err := Translate(q)
		if e, ok := err.(*Error); !ok || e.Code != "42846" || e.Message != want.msg || e.Position != want.pos {
			t.Errorf("Translate(%q) = %v, want 42846 %q at %d", q, err, want.msg, want.pos)
		}
	}
	accepted := []string{
		`select '1'::json::jsonb = '1'`,
		`select to_json(1)::text = '1'`,
		`select '1'::jsonb = '1'::jsonb`,
		`select to_json(1) ->> 'a' = '1'`,
		`select to_json(1)`,
		`select 1 from t order by to_jsonb(id)`,
		`select distinct to_json(1)::text`,
		`select x from t where x is distinct from y`,
		`select json from t order by json`,
		`select json_agg(x order by x) from t`,
		`update t set j = '1'::json where id = 1`,
		`select min('1'::money), sum('1'::money), '1'::money < '2'`,
		`select '1'::money in ('1', '2')`,
		`select '1'::money * 2 < '5'`,
		`select coalesce(null, '1'::money, '2')`,
		`select nullif('1'::money, '1')`,
	}
	for _, q := range accepted {
		if _, err := Translate(q); err != nil {
			t.Errorf("Translate(%q) = %v, want no error", q, err)
		}
	}
}
