package pgdialect

import (
	"strings"
	"testing"
)

// TestIntervalSum: sum() and avg() over intervals, as PostgreSQL 15
// answers (interval_pl, interval_avg), also as window functions whose
// frame moves (values removed again); numbers still sum as numbers.
func TestIntervalSum(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ivs (id int, iv interval, a timestamp, b timestamp, n numeric);
INSERT INTO ivs VALUES (1, '100 days', '2024-01-01', '2024-04-11', '1.50'), (2, '9 days', '2024-01-01', '2024-01-10', '2'), (3, '-1 days', '2024-01-01', '2024-01-01 12:00', NULL), (4, NULL, NULL, NULL, NULL)`)
	for q, want := range map[string]string{
		`SELECT sum(iv) FROM ivs`:                    "108 days",
		`SELECT avg(iv) FROM ivs`:                    "36 days",
		`SELECT sum(b - a) FROM ivs`:                 "110 days 12:00:00",
		`SELECT avg(b - a) FROM ivs`:                 "36 days 20:00:00",
		`SELECT sum(iv) FROM ivs WHERE id > 10`:      "<NULL>",
		`SELECT sum(n) FROM ivs`:                     "3.50",
		`SELECT avg(iv) FROM ivs WHERE id IN (1, 2)`: "54 days 12:00:00",
		`SELECT avg(x) FROM (VALUES (interval '1 day'), (interval '1 mon'), (interval '1 sec')) s(x)`:                                              "10 days 08:00:00.333333",
		`SELECT sum(x) FROM (VALUES (interval '1 day'), (interval '1 mon')) s(x)`:                                                                  "1 mon 1 day",
		`SELECT string_agg(w, ',') FROM (SELECT sum(iv) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w FROM ivs WHERE id < 4) s`: "100 days,109 days,8 days",
	} {
		if got := queryOneNoFatal(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
	for q, want := range map[string]string{
		`SELECT sum(x) FROM (VALUES (interval '2147483647 days'), (interval '1 day')) s(x)`: "22008",
		`SELECT sum(x) FROM (VALUES ('1 day'), (2)) s(x)`:                                   "22P02",
	} {
		if got := queryOneNoFatal(t, db, q); !strings.Contains(got, want) {
			t.Errorf("%s: got %s, want SQLSTATE %s", q, got, want)
		}
	}
}
