package pgdialect

import (
	"errors"
	"testing"
)

// TestFromNames: a name given twice in one FROM clause is PostgreSQL's
// 42712; the same name in different query blocks, behind a join's alias
// or for different schemas' tables is none.
func TestFromNames(t *testing.T) {
	for q, name := range map[string]string{
		"SELECT * FROM t a, u a":                                     "a",
		"SELECT * FROM t a JOIN u A ON true":                         "a",
		"SELECT 1 FROM t, t":                                         "t",
		"SELECT 1 FROM t CROSS JOIN t":                               "t",
		"SELECT 1 FROM t, u x, t":                                    "t",
		"SELECT 1 FROM (t a JOIN u b ON true) JOIN v a ON true":      "a",
		"SELECT 1 FROM t a, (SELECT 1) a":                            "a",
		"SELECT 1 FROM t, (SELECT 1 FROM u) t":                       "t",
		"SELECT 1 FROM generate_series(1, 2), generate_series(1, 3)": "generate_series",
		"SELECT 1 FROM t a JOIN u b USING (id) JOIN v b ON true":     "b",
		"UPDATE t SET g = 1 FROM t WHERE false":                      "t",
		"UPDATE t a SET g = 1 FROM u a WHERE false":                  "a",
		"DELETE FROM t USING t WHERE false":                          "t",
		"WITH c AS (SELECT 1) SELECT * FROM c, c":                    "c",
		"SELECT (SELECT 1 FROM u x, u x) FROM t":                     "x",
		"SELECT 1 FROM t NATURAL JOIN t":                             "t",
		"SELECT 1 FROM t x(a, b), u x":                               "x",
	} {
		_, err := Translate(q)
		var e *Error
		if !errors.As(err, &e) || e.Code != "42712" || e.Message != `table name "`+name+`" specified more than once` {
			t.Errorf("Translate(%q) = %v, want 42712 for %s", q, err, name)
		}
	}
	for _, q := range []string{
		"SELECT 1 FROM t a WHERE EXISTS (SELECT 1 FROM t a)",
		"SELECT 1 FROM (t a JOIN u b ON true) j JOIN t a ON true",
		"SELECT 1 FROM s1.t, s2.t",
		"SELECT 1 FROM t a, t b",
		`SELECT 1 FROM t "A", t a`,
		"SELECT a IS DISTINCT FROM b FROM t",
		"SELECT substring(s FROM 1 FOR 2), extract(year FROM d) FROM t",
		"SELECT * FROM ROWS FROM (unnest(ARRAY[1, 2]), unnest(ARRAY['a'])) WITH ORDINALITY",
		"SELECT 1 FROM t LEFT JOIN u ON t.id = u.id LEFT JOIN v ON v.id = u.id",
		"UPDATE t SET g = 1 FROM u WHERE t.id = u.id",
		"DELETE FROM t USING u WHERE t.id = u.id",
		"SELECT 1 FROM t UNION SELECT 1 FROM t",
		"INSERT INTO t SELECT * FROM t",
		"SELECT * FROM t, LATERAL (SELECT * FROM u t) s",
		"SELECT * FROM jsonb_array_elements('[1]') WITH ORDINALITY e, jsonb_array_elements('[2]') WITH ORDINALITY f",
	} {
		if _, err := Translate(q); err != nil {
			var e *Error
			if errors.As(err, &e) && e.Code == "42712" {
				t.Errorf("Translate(%q) = %v, want no 42712", q, err)
			}
		}
	}
}
