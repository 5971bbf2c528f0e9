package integration

// Typed scans of derived columns (issue 11): pgx and database/sql decode
// a column by the OID its RowDescription gives, so a column of a
// subquery, CTE, view, UNION or set-returning function must be described
// with PostgreSQL's type and send that type's text: a numeric described
// as text scans into a string, not a pgtype.Numeric; a value that does
// not fit the described int4 fails to decode. Each query runs in the
// extended protocol (Describe before any row) and the simple one, and
// its row is scanned into typed Go variables. Run with
// RAFTSQL_REFERENCE_URL to check the same against PostgreSQL 15.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

func TestDescribedTypesScan(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "SET TimeZone = 'UTC'")
	mustExec(t, conn, "CREATE TABLE ds_t (id int4 PRIMARY KEY, i4 int4, i8 int8, n numeric(12,2), r real, f float8, b bool, d date, tz timestamptz, iv interval, j jsonb, ia int4[])")
	mustExec(t, conn, `INSERT INTO ds_t VALUES (1, 1, 10, 1.50, 0.5, 2.25, true, '2024-01-15', '2024-01-15 10:31:00+00', '1 day 02:00:00', '{"a": [1, "x"]}', '{1,2,3}'),
		(2, 2, 20, 2.25, 1.5, 0.5, false, '2024-02-20', '2024-02-20 08:00:00+00', '3 hours', '{"a": [3]}', '{4}')`)
	mustExec(t, conn, "CREATE VIEW ds_v AS SELECT 1 AS one, 'x' AS s, 1.5 AS n, true AS b, sum(i8) AS total, max(tz) AS last FROM ds_t")

	num := func(v pgtype.Numeric) string {
		f, err := v.Float64Value()
		if err != nil || !f.Valid {
			return fmt.Sprintf("invalid numeric %v", err)
		}
		return fmt.Sprint(f.Float64)
	}
	type check struct {
		q     string
		dest  func() []any       // fresh typed destinations
		got   func([]any) string // their values rendered
		want  string
		types string // the described types
	}
	checks := []check{
		{"SELECT s, c, a FROM (SELECT sum(n) AS s, count(*) AS c, avg(i4) AS a FROM ds_t) x",
			func() []any { return []any{new(pgtype.Numeric), new(int64), new(pgtype.Numeric)} },
			func(d []any) string {
				return num(*d[0].(*pgtype.Numeric)) + "|" + fmt.Sprint(*d[1].(*int64)) + "|" + num(*d[2].(*pgtype.Numeric))
			}, "3.75|2|1.5", "numeric,int8,numeric"},
		{"WITH c AS (SELECT max(tz) m, min(d) md, max(iv) mi, sum(r) sr FROM ds_t) SELECT m, md, mi, sr FROM c",
			func() []any { return []any{new(time.Time), new(time.Time), new(pgtype.Interval), new(float32)} },
			func(d []any) string {
				iv := *d[2].(*pgtype.Interval)
				return d[0].(*time.Time).UTC().Format(time.RFC3339) + "|" + d[1].(*time.Time).Format("2006-01-02") + "|" +
					fmt.Sprintf("%dd%dus", iv.Days, iv.Microseconds) + "|" + fmt.Sprint(*d[3].(*float32))
			}, "2024-02-20T08:00:00Z|2024-01-15|1d7200000000us|2", "timestamptz,date,interval,float4"},
		{"SELECT one, s, n, b, total, last FROM ds_v",
			func() []any {
				return []any{new(int32), new(string), new(pgtype.Numeric), new(bool), new(pgtype.Numeric), new(time.Time)}
			},
			func(d []any) string {
				return fmt.Sprint(*d[0].(*int32), "|", *d[1].(*string), "|", num(*d[2].(*pgtype.Numeric)), "|", *d[3].(*bool), "|",
					num(*d[4].(*pgtype.Numeric)), "|", d[5].(*time.Time).UTC().Format(time.RFC3339))
			}, "1|x|1.5|true|30|2024-02-20T08:00:00Z", "int4,text,numeric,bool,numeric,timestamptz"},
		{"SELECT x FROM (SELECT i4 AS x FROM ds_t UNION ALL SELECT 1.5) s WHERE x::text = '1.5'",
			func() []any { return []any{new(pgtype.Numeric)} },
			func(d []any) string { return num(*d[0].(*pgtype.Numeric)) }, "1.5", "numeric"},
		{"SELECT i4 FROM ds_t UNION SELECT i8 FROM ds_t ORDER BY 1 DESC LIMIT 1",
			func() []any { return []any{new(int64)} },
			func(d []any) string { return fmt.Sprint(*d[0].(*int64)) }, "20", "int8"},
		{"SELECT x FROM (SELECT d + 1 AS x FROM ds_t) s ORDER BY 1 LIMIT 1",
			func() []any { return []any{new(time.Time)} },
			func(d []any) string { return d[0].(*time.Time).Format("2006-01-02") }, "2024-01-16", "date"},
		{"SELECT e FROM jsonb_array_elements('[{\"k\": 1}]') e",
			func() []any { return []any{new(map[string]any)} },
			func(d []any) string { return fmt.Sprint(*d[0].(*map[string]any)) }, "map[k:1]", "jsonb"},
		{"SELECT array_cat(ARRAY[1,2], ARRAY[3]), array_prepend(0, ia), ARRAY[1, 2::int8] FROM ds_t WHERE id = 2",
			func() []any { return []any{new([]int32), new([]int32), new([]int64)} },
			func(d []any) string { return fmt.Sprint(*d[0].(*[]int32), *d[1].(*[]int32), *d[2].(*[]int64)) }, "[1 2 3] [0 4] [1 2]", "_int4,_int4,_int8"},
		{"SELECT (SELECT sum(n) FROM ds_t) + 1, COALESCE(tz, now()) FROM ds_t WHERE id = 1",
			func() []any { return []any{new(pgtype.Numeric), new(time.Time)} },
			func(d []any) string {
				return num(*d[0].(*pgtype.Numeric)) + "|" + d[1].(*time.Time).UTC().Format(time.RFC3339)
			},
			"4.75|2024-01-15T10:31:00Z", "numeric,timestamptz"},
		{"SELECT rn, s FROM (SELECT row_number() OVER (ORDER BY id) rn, sum(n) OVER (ORDER BY id) s FROM ds_t) x ORDER BY rn DESC LIMIT 1",
			func() []any { return []any{new(int64), new(pgtype.Numeric)} },
			func(d []any) string { return fmt.Sprint(*d[0].(*int64)) + "|" + num(*d[1].(*pgtype.Numeric)) }, "2|3.75", "int8,numeric"},
	}
	for _, c := range checks {
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeDescribeExec, pgx.QueryExecModeSimpleProtocol} {
			d := c.dest()
			rows, err := conn.Query(ctx, c.q, mode)
			if err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
				continue
			}
			// the described types are the destinations' (pgx would also
			// scan a numeric's text described as text into a
			// pgtype.Numeric, but rows.Values() gives a string then)
			var types []string
			for _, f := range rows.FieldDescriptions() {
				types = append(types, diffTypeName(conn, f.DataTypeOID))
			}
			if rows.Next() {
				err = rows.Scan(d...)
			}
			rows.Close()
			if err == nil {
				err = rows.Err()
			}
			if err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
				continue
			}
			if got := strings.Join(types, ","); got != c.types {
				t.Errorf("%s (%v): described %s, want %s", c.q, mode, got, c.types)
			}
			if got := c.got(d); got != c.want {
				t.Errorf("%s (%v): got %s, want %s", c.q, mode, got, c.want)
			}
		}
	}
}
