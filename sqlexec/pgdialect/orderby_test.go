package pgdialect

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestPostgresForms: the translations that give PostgreSQL's answers to
// everyday SQL (the differential corpus in integration/testdata/diff runs
// them against PostgreSQL's recorded answers).
func TestPostgresForms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT a FROM t ORDER BY a", `SELECT a FROM t ORDER BY a NULLS LAST`},
		{"SELECT a FROM t ORDER BY a DESC, b ASC, c NULLS FIRST", `SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC NULLS LAST, c NULLS FIRST`},
		{"SELECT rank() OVER (PARTITION BY d ORDER BY s DESC) FROM t", `SELECT rank() OVER (PARTITION BY d ORDER BY s DESC NULLS FIRST) AS "rank" FROM t`},
		{"SELECT a FROM t ORDER BY a OFFSET 2", `SELECT a FROM t ORDER BY a NULLS LAST LIMIT -1 OFFSET 2`},
		{"SELECT a FROM t OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY", `SELECT a FROM t LIMIT 2 OFFSET 1`},
		{"SELECT a FROM t FETCH FIRST ROW ONLY", `SELECT a FROM t LIMIT 1`},
		{"SELECT a FROM t LIMIT ALL", `SELECT a FROM t LIMIT -1`},
		{"SELECT substring(s FROM 2 FOR 3) FROM t", `SELECT pg_substr(s , 2 , 3) AS "substring" FROM t`},
		{"SELECT trim(leading 'x' FROM s) FROM t", `SELECT pg_trim_leading( 'x' , s) AS "ltrim" FROM t`},
		{"SELECT greatest(a, b) FROM t", `SELECT (CASE WHEN 'numeric' IN (pg_col_numtype(pg_rel_sql('t'), 'a'), pg_col_numtype(pg_rel_sql('t'), 'b')) AND 'float8' NOT IN (pg_col_numtype(pg_rel_sql('t'), 'a'), pg_col_numtype(pg_rel_sql('t'), 'b')) THEN (max(coalesce(CAST(pg_in_numeric(a, -1) AS TEXT) COLLATE pg_numeric, CAST(pg_in_numeric(b, -1) AS TEXT) COLLATE pg_numeric), coalesce(CAST(pg_in_numeric(b, -1) AS TEXT) COLLATE pg_numeric, CAST(pg_in_numeric(a, -1) AS TEXT) COLLATE pg_numeric)) COLLATE pg_numeric) WHEN 'numeric' IN (pg_col_numtype(pg_rel_sql('t'), 'a'), pg_col_numtype(pg_rel_sql('t'), 'b')) THEN max(coalesce(pg_cast_float8(a), pg_cast_float8(b)), coalesce(pg_cast_float8(b), pg_cast_float8(a))) WHEN 'interval' IN (pg_col_dttype(pg_rel_sql('t'), 'a'), pg_col_dttype(pg_rel_sql('t'), 'b')) THEN (max(coalesce((a) COLLATE pg_interval, (b) COLLATE pg_interval), coalesce((b) COLLATE pg_interval, (a) COLLATE pg_interval)) COLLATE pg_minmax) WHEN 'jsonb' IN (pg_col_srctype(pg_rel_sql('t'), 'a'), pg_col_srctype(pg_rel_sql('t'), 'b')) THEN max(coalesce((a) COLLATE pg_jsonb, (b) COLLATE pg_jsonb), coalesce((b) COLLATE pg_jsonb, (a) COLLATE pg_jsonb)) ELSE max(coalesce(a, b), coalesce(b, a)) END COLLATE pg_numeric) AS "greatest" FROM t`},
		{"SELECT greatest(s, 'x') FROM t", `SELECT (CASE WHEN 'interval' IN (pg_col_dttype(pg_rel_sql('t'), 's')) THEN (max(coalesce((s) COLLATE pg_interval, (pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common')) COLLATE pg_interval), coalesce((pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common')) COLLATE pg_interval, (s) COLLATE pg_interval)) COLLATE pg_minmax) WHEN 'jsonb' IN (pg_col_srctype(pg_rel_sql('t'), 's')) THEN max(coalesce((s) COLLATE pg_jsonb, (pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common')) COLLATE pg_jsonb), coalesce((pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common')) COLLATE pg_jsonb, (s) COLLATE pg_jsonb)) ELSE max(coalesce(s, pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common')), coalesce(pg_in_col('x', pg_table_sql('t'), 's', NULL, 'common'), s)) END) AS "greatest" FROM t`},
		{"SELECT greatest(s, 'x', t.u) FROM t", `SELECT (CASE WHEN 'interval' IN (pg_col_dttype(pg_rel_sql('t'), 's'), pg_col_dttype(pg_rel_sql('t'), 'u')) THEN (max(coalesce((s) COLLATE pg_interval, (pg_cast_interval('x')) COLLATE pg_interval, (t.u) COLLATE pg_interval), coalesce((pg_cast_interval('x')) COLLATE pg_interval, (t.u) COLLATE pg_interval, (s) COLLATE pg_interval), coalesce((t.u) COLLATE pg_interval, (s) COLLATE pg_interval, (pg_cast_interval('x')) COLLATE pg_interval)) COLLATE pg_minmax) WHEN 'jsonb' IN (pg_col_srctype(pg_rel_sql('t'), 's'), pg_col_srctype(pg_rel_sql('t'), 'u')) THEN max(coalesce((s) COLLATE pg_jsonb, (pg_cast_jsonb('x')) COLLATE pg_jsonb, (t.u) COLLATE pg_jsonb), coalesce((pg_cast_jsonb('x')) COLLATE pg_jsonb, (t.u) COLLATE pg_jsonb, (s) COLLATE pg_jsonb), coalesce((t.u) COLLATE pg_jsonb, (s) COLLATE pg_jsonb, (pg_cast_jsonb('x')) COLLATE pg_jsonb)) ELSE max(coalesce(s, 'x', t.u), coalesce('x', t.u, s), coalesce(t.u, s, 'x')) END) AS "greatest" FROM t`},
		{"SELECT 1 IS DISTINCT FROM NULL", `SELECT 1 IS DISTINCT FROM NULL AS "?column?"`},
		{"SELECT a IS UNKNOWN FROM t", `SELECT a IS NULL AS "?column?" FROM t`},
		{"DELETE FROM t d USING u WHERE d.k = u.k RETURNING d.k", `DELETE FROM t AS d WHERE EXISTS (SELECT 1 FROM u WHERE d.k = u.k) RETURNING k`},
		{"DELETE FROM t AS d WHERE d.k = 1 RETURNING d.k, d.v", `DELETE FROM t AS d WHERE d.k = 1 RETURNING k, v`},
		{"SELECT string_agg(DISTINCT a, ',') FROM t", `SELECT group_concat(DISTINCT a ORDER BY a NULLS LAST) AS "string_agg" FROM t`},
	} {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		if got := st.Exec[0]; got != c.want {
			t.Errorf("Translate(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	for in, code := range map[string]string{
		"SELECT a FROM t LIMIT -1":                                             "2201W",
		"SELECT a FROM t OFFSET -3":                                            "2201X",
		"SELECT dense_rank(1, 2) WITHIN GROUP (ORDER BY a, b) FROM t":          "0A000",
		"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) OVER () FROM t": "0A000",
		"SELECT string_agg(DISTINCT a, b) FROM t":                              "0A000", // a delimiter that is no constant
		"SELECT substring(s FROM 'a+' FOR '#') FROM t":                         "0A000",
	} {
		_, err := Translate(in)
		var e *Error
		if !errors.As(err, &e) || e.Code != code {
			t.Errorf("Translate(%q) = %v, want %s", in, err, code)
		}
	}
}

// TestNullsLastKeepsIndex: the NULL placement written into ORDER BY does
// not cost an indexed ORDER BY ... LIMIT its index (SQLite reads the NULL
// keys in a second pass instead of sorting).
func TestNullsLastKeepsIndex(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{"CREATE TABLE t (id INTEGER PRIMARY KEY, x int)", "CREATE INDEX t_x ON t (x)"} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{"SELECT * FROM t ORDER BY x LIMIT 10", "SELECT * FROM t ORDER BY x DESC LIMIT 10", "SELECT * FROM t WHERE x > 5 ORDER BY x LIMIT 10"} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Query("EXPLAIN QUERY PLAN " + st.Exec[0])
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var a, b, c int
			var d string
			if err := rows.Scan(&a, &b, &c, &d); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, d)
		}
		rows.Close()
		if p := strings.Join(plan, "; "); !strings.Contains(p, "INDEX t_x") || strings.Contains(p, "TEMP B-TREE") {
			t.Errorf("%s: plan %q, want the index t_x without a sort", st.Exec[0], p)
		}
	}
}
