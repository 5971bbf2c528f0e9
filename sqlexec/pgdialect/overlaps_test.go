package pgdialect

import "testing"

// TestOverlaps: (a, b) OVERLAPS (c, d) answers as PostgreSQL 15 (values
// recorded from it): half-open periods, ends in either order, an interval
// end, NULL ends, columns, in a select list and a WHERE clause.
func TestOverlaps(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ovl (id int, d date, a timestamp, b timestamp);
INSERT INTO ovl VALUES (1, '2024-01-31', '2024-01-01', '2024-04-11'), (2, '2024-02-29', '2024-01-01', '2024-01-10'), (3, '2024-03-01', '2024-01-01', '2024-01-01 12:00')`)
	for q, want := range map[string]string{
		`SELECT (date '2024-01-01', date '2024-01-10') OVERLAPS (date '2024-01-05', date '2024-01-20')`:                        "t",
		`SELECT (date '2024-01-01', date '2024-01-05') OVERLAPS (date '2024-01-05', date '2024-01-20')`:                        "f",
		`SELECT (date '2024-01-10', date '2024-01-01') OVERLAPS (date '2024-01-05', date '2024-01-20')`:                        "t",
		`SELECT (date '2024-01-01', date '2024-01-01') OVERLAPS (date '2024-01-01', date '2024-01-01')`:                        "t",
		`SELECT (timestamp '2024-01-01 10:00', interval '2 hours') OVERLAPS (timestamp '2024-01-01 11:00', interval '1 hour')`: "t",
		`SELECT (time '10:00', time '11:00') OVERLAPS (time '11:00', time '12:00')`:                                            "f",
		`SELECT (date '2024-01-01', NULL::date) OVERLAPS (date '2024-01-05', date '2024-01-20')`:                               "<NULL>",
		`SELECT (NULL::date, date '2024-01-10') OVERLAPS (date '2024-01-05', date '2024-01-20')`:                               "t",
		`SELECT (date '2024-01-06', NULL::date) OVERLAPS (date '2024-01-05', date '2024-01-20')`:                               "t",
		`SELECT (NULL::date, NULL::date) OVERLAPS (date '2024-01-05', date '2024-01-20')`:                                      "<NULL>",
		`SELECT string_agg(id::text, ',') FROM ovl WHERE (a, b) OVERLAPS (timestamp '2024-01-05', interval '2 days')`:          "1,2",
		`SELECT string_agg(id::text, ',') FROM ovl WHERE (d, d + 1) OVERLAPS (date '2024-02-29', date '2024-03-01')`:           "2",
	} {
		if got := queryOneNoFatal(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}
