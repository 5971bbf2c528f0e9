package pgdialect

import "testing"

// TestJSONBOrder: jsonb compares and orders by value as PostgreSQL 15's
// jsonb btree does (answers recorded from PostgreSQL 15), in casts,
// columns, -> results and ORDER BY.
func TestJSONBOrder(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE jo (id int PRIMARY KEY, j jsonb);
INSERT INTO jo VALUES (1, '1'), (2, '"a"'), (3, 'null'), (4, 'true'), (5, 'false'), (6, '[1]'), (7, '{"a":1}'), (8, '2.5'), (9, '[]'), (10, '{}'), (11, '"B"'), (12, '[0,1]'), (13, '{"b":1,"a":1.0}'), (14, '1.0')`)
	for q, want := range map[string]string{
		"SELECT '1.50'::jsonb = '1.5'::jsonb":                                "t",
		`SELECT '{"a":1}'::jsonb = '{"a":1.0}'::jsonb`:                       "t",
		"SELECT '[1,2]'::jsonb = '[2,1]'::jsonb":                             "f",
		"SELECT '[1,2,3]'::jsonb > '[1,3]'::jsonb":                           "t",
		`SELECT '{"b":1}'::jsonb > '{"a":1,"b":1}'::jsonb`:                   "f",
		`SELECT '{"b":1}'::jsonb < '{"c":0}'::jsonb`:                         "t",
		"SELECT string_agg(id::text, ',' ORDER BY j, id) FROM jo":            "9,3,11,2,1,14,8,5,4,6,12,10,7,13",
		"SELECT string_agg(id::text, ',' ORDER BY id) FROM jo WHERE j = '1'": "1,14",
		`SELECT count(*) FROM jo WHERE j = '{"a":1,"b":1}'`:                  "1",
		`SELECT count(DISTINCT j) FROM jo`:                                   "13",
		`SELECT id FROM jo WHERE j->'a' = '1' ORDER BY id DESC LIMIT 1`:      "13",
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}
