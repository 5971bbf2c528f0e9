package pgdialect

import (
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestSRFSelectList checks set-returning calls in a select list and numeric
// series (answers from PostgreSQL 15), and the refusals where the rows
// would not be PostgreSQL's.
func TestSRFSelectList(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct {
		q, want string
		oid     uint32
	}{
		{"SELECT generate_series(1, 3)", "generate_series;1;2;3", pgoid.Int4},
		{"SELECT generate_series(1, 3) * 2 AS x, 'a'", "x|?column?;2|a;4|a;6|a", pgoid.Int4},
		{"SELECT generate_series(1.5, 3, 0.5)", "generate_series;1.5;2.0;2.5;3.0", pgoid.Numeric},
		{"SELECT generate_series(3, 1.5, -0.5)", "generate_series;3;2.5;2.0;1.5", pgoid.Numeric},
		{"SELECT * FROM generate_series(1.50, 2, 0.5) g", "g;1.50;2.00", 0},
		{"SELECT generate_series(1::bigint, 3)", "generate_series;1;2;3", pgoid.Int8},
		{"SELECT generate_series('2024-01-01'::timestamp, '2024-01-02', '12 hours')", "generate_series;2024-01-01 00:00:00;2024-01-01 12:00:00;2024-01-02 00:00:00", pgoid.Timestamp},
		{"SELECT generate_series(3, 1)", "generate_series", pgoid.Int4},
		{"SELECT generate_series(1, 3) ORDER BY 1 DESC LIMIT 2", "generate_series;3;2", pgoid.Int4},
		{"SELECT abs(generate_series(-1, 1))", "abs;1;0;1", 0},
		{"SELECT generate_series(1, 2) FROM (VALUES (1), (2)) v(x)", "generate_series;1;2;1;2", pgoid.Int4},
		{"SELECT unnest(ARRAY[1, 2]) + 1", "?column?;2;3", 0},
		{"SELECT generate_series(1, 2) UNION ALL SELECT 5", "generate_series;1;2;5", 0},
		{"SELECT count(*) FROM (SELECT generate_series('2024-01-01'::timestamp with time zone, '2024-01-01'::timestamptz + interval '2 hours', '1 hour'::interval)) s", "count;3", 0},
		{"SELECT generate_series(CAST(1 AS bigint), 2)", "generate_series;1;2", pgoid.Int8},
		// several calls run in lockstep, NULL past a call's end
		{"SELECT generate_series(1, 2), generate_series(1, 3)", "generate_series|generate_series;1|1;2|2;<NULL>|3", pgoid.Int4},
		{"SELECT generate_series(1, 2), unnest(ARRAY[1])", "generate_series|unnest;1|1;2|<NULL>", pgoid.Int4},
		// arguments that read the row: the series gathered per row
		{"SELECT x, generate_series(1, x) FROM (VALUES (1), (2)) v(x)", "x|generate_series;1|1;2|1;2|2", 0},
		{`SELECT generate_series(1, "x") FROM (VALUES (1)) v(x)`, "generate_series;1", 0},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if got := strings.ReplaceAll(strings.TrimSuffix(runPG(db, c.q), "\n"), "\n", ";"); got != c.want {
			t.Errorf("%s = %q, want %q\n%s", c.q, got, c.want, st.Exec[0])
		}
		if c.oid != 0 && (len(st.ColumnOIDs) == 0 || st.ColumnOIDs[0] != c.oid) {
			t.Errorf("%s: column types %v, want %d first", c.q, st.ColumnOIDs, c.oid)
		}
	}
	for q, code := range map[string]string{
		"SELECT generate_series(1.0, 2, 0)": "22023",
		"SELECT generate_series(1, 2, 0)":   "22023",
	} {
		if got := runPG(db, q); !strings.Contains(got, code) {
			t.Errorf("%s = %q, want SQLSTATE %s", q, got, code)
		}
	}
	for _, q := range []string{
		"SELECT generate_series(1, 2), jsonb_array_elements('[1]')", // not zipped
		"SELECT count(*), generate_series(1, 2)",                    // expanded after aggregating
		"SELECT x, generate_series(1, 2) FROM (VALUES (1)) v(x) GROUP BY x",
		"SELECT row_number() OVER (), generate_series(1, 2)",
	} {
		if _, err := Translate(q); err == nil || !strings.Contains(err.Error(), "supported") {
			t.Errorf("%s: err %v, want a 0A000 refusal", q, err)
		}
	}
}

// TestTypeofArgTypedCalls checks pg_typeof of aggregate and math calls
// typed from their argument (answers from PostgreSQL 15).
func TestTypeofArgTypedCalls(t *testing.T) {
	db := openCatalogDB(t, "")
	q := "SELECT pg_typeof(sum(1.5)), pg_typeof(avg(1)), pg_typeof(round(1.5::float8)), pg_typeof(sqrt(2)), pg_typeof(sum(1)), pg_typeof(sum(1::bigint)), " +
		"pg_typeof(avg(1.5::float8)), pg_typeof(sqrt(2.0)), pg_typeof(exp(1)), pg_typeof(ln(2.0)), pg_typeof(ceil(1.5::float8)), pg_typeof(floor(2)), " +
		"pg_typeof(max(1)), pg_typeof(min('a'::text)), pg_typeof(round(2)), pg_typeof(cbrt(2)), pg_typeof(sqrt(2::numeric)), pg_typeof(exp(2.5))"
	want := "numeric|numeric|double precision|double precision|bigint|numeric|double precision|numeric|double precision|numeric|double precision|double precision|" +
		"integer|text|double precision|double precision|numeric|numeric"
	lines := strings.Split(strings.TrimSuffix(runPG(db, q), "\n"), "\n")
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("%s\n = %q\nwant %q", q, got, want)
	}
}
