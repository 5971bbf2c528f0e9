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
