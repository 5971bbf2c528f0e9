package pgdialect

import (
	"sort"
	"strings"
	"testing"
)

// TestIntervalOrder: interval columns sort, compare and aggregate by value
// (30-day months, 24-hour days), as PostgreSQL 15 answers.
func TestIntervalOrder(t *testing.T) {
	vals := []string{"1 mon", "3 days", "-1 days", "25:00:00", "1 day", "1 year", "00:00:01", "1 day -01:00:00", "-1 mon +32 days"}
	sorted := append([]string(nil), vals...)
	sort.SliceStable(sorted, func(i, j int) bool { return compareIntervalText(sorted[i], sorted[j]) < 0 })
	// PostgreSQL 15: SELECT v FROM unnest(...) v ORDER BY v::interval
	want := "-1 days,00:00:01,1 day -01:00:00,1 day,25:00:00,-1 mon +32 days,3 days,1 mon,1 year"
	if got := strings.Join(sorted, ","); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
	if compareIntervalText("1 mon", "30 days") != 0 || compareIntervalText("-1 mon +31 days", "1 day") != 0 || compareIntervalText("x", "1 day") != 1 {
		t.Error("equal spans / a text that is no interval")
	}
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ivo (id int, iv interval);
CREATE INDEX ivo_iv ON ivo (iv);
INSERT INTO ivo VALUES (1, '1 mon'), (2, '3 days'), (3, '2 days 25:00:00'), (4, NULL)`)
	for q, want := range map[string]string{
		`SELECT string_agg(id::text, ',' ORDER BY iv) FROM ivo`: "2,3,1,4",
		`SELECT max(iv) FROM ivo`:                               "1 mon",
		`SELECT min(iv) FROM ivo`:                               "3 days",
		`SELECT count(*) FROM ivo WHERE iv > '4 days'`:          "1",
		`SELECT count(*) FROM ivo WHERE iv = '30 days'`:         "1",
		`SELECT string_agg(id::text, ',') FROM (SELECT id FROM ivo WHERE iv < '1 mon' ORDER BY iv DESC) s`: "3,2",
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}

// TestIntervalExpressionOrder: interval expressions that are no column
// (timestamp - timestamp of two columns, interval arithmetic with a typed
// operand) order, aggregate and group by value too, as PostgreSQL 15
// answers; date and timestamp results keep their text order, and a
// comparison keeps the other operand's collation.
func TestIntervalExpressionOrder(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ive (id int, a timestamp, b timestamp, iv interval);
INSERT INTO ive VALUES (1, '2024-01-01', '2024-04-11', '100 days'), (2, '2024-01-01', '2024-01-10', '9 days'), (3, '2024-01-01', '2024-01-01 12:00', '-1 days')`)
	for q, want := range map[string]string{
		`SELECT string_agg(id::text, ',' ORDER BY b - a) FROM ive`:                                        "3,2,1",
		`SELECT string_agg(id::text, ',' ORDER BY b - a DESC) FROM ive`:                                   "1,2,3",
		`SELECT max(b - a) FROM ive`:                                                                      "101 days",
		`SELECT min(ive.b - ive.a) FROM ive`:                                                              "12:00:00",
		`SELECT max(b - timestamp '2024-01-01') FROM ive`:                                                 "101 days",
		`SELECT string_agg(id::text, ',') FROM (SELECT id FROM ive ORDER BY interval '1 mon' + iv) s`:     "3,2,1",
		`SELECT string_agg(id::text, ',') FROM (SELECT id FROM ive ORDER BY b + interval '1 day' DESC) s`: "1,2,3",
		`SELECT count(*) FROM ive WHERE b > a + interval '5 days'`:                                        "2",
		`SELECT count(DISTINCT b - a + interval '1 mon') FROM ive`:                                        "3",
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
	// numbers first, then intervals by value, then other text
	ordered := []string{"-3", "10", "-1 days", "12:00:00", "9 days", "1 mon", "101 days", "2024-01-01", "2024-01-01 10:00:00", "abc"}
	for i := range ordered {
		for j := range ordered {
			if got, want := compareNumericText(ordered[i], ordered[j]), sign(i-j); got != want {
				t.Errorf("pg_numeric(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	for _, s := range []string{"2024-01-31", "2024-01-31 10:00:00", "2024-01-31 10:00:00+00", "0044-03-15 BC"} {
		if _, err := parseInterval(s); err == nil || !datePrefix(s) {
			t.Errorf("%q: datePrefix must imply no interval", s)
		}
	}
}
