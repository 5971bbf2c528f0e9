package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestMakeIntervalNamed: make_interval with named arguments (=> and :=),
// after positional ones, with PostgreSQL 15's values and errors.
func TestMakeIntervalNamed(t *testing.T) {
	db := openCatalogDB(t, "")
	for q, want := range map[string]string{
		`SELECT make_interval(years => 1, months => 2, days => 3, hours => 4, mins => 5, secs => 6.5)`: "1 year 2 mons 3 days 04:05:06.5",
		`SELECT make_interval(days => 10)`:                           "10 days",
		`SELECT make_interval(1, days => 2, secs => 1.5)`:            "1 year 2 days 00:00:01.5",
		`SELECT make_interval(secs := 2)`:                            "00:00:02",
		`SELECT make_interval(weeks => 2, hours => -1)`:              "14 days -01:00:00",
		`SELECT make_interval(days => NULL) IS NULL`:                 "t",
		`SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5)`:                "1 year 2 mons 25 days 05:06:07.5",
		`SELECT make_interval(mins => 1 + 1, "hours" => 1)`:          "01:02:00",
		`SELECT make_interval(foo => 1)`:                             "ERR 42883",
		`SELECT make_interval(days => 1, days => 2)`:                 "ERR 42601",
		`SELECT make_interval(days => 1, 2)`:                         "ERR 42601",
		`SELECT make_interval(1, years => 2)`:                        "ERR 42883",
		`SELECT make_interval(1, 2, months => 3)`:                    "ERR 42883",
		`SELECT make_interval(1, 2, weeks => 3)`:                     "1 year 2 mons 21 days",
		`SELECT make_interval(days => 1.5)`:                          "ERR 42883",
		`SELECT make_interval(days => 9223372036854775807)`:          "ERR 42883",
		`SELECT make_interval(1.5::float8)`:                          "ERR 42883",
		`SELECT make_interval(days => -2147483648)`:                  "-2147483648 days",
		`SELECT make_interval(secs => 1.5::float8, days => 2::int2)`: "2 days 00:00:01.5",
	} {
		if code, ok := strings.CutPrefix(want, "ERR "); ok {
			if _, err := Translate(q); !errors.As(err, new(*Error)) || err.(*Error).Code != code {
				t.Errorf("%s: got %v, want SQLSTATE %s", q, err, code)
			}
			continue
		}
		got := queryOneNoFatal(t, db, q)
		if got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}
