package pgdialect

import "testing"

// A client's call of one of raftsql's own functions is PostgreSQL's 42883
// for a function it does not have; PostgreSQL's own pg_ functions, and
// relations named pg_..., are not refused.
func TestInternalCall(t *testing.T) {
	for _, c := range []struct {
		q, code, msg string
	}{
		{"SELECT pg_in_col(1, 'x', 'y')", "42883", "function pg_in_col(integer, unknown, unknown) does not exist"},
		{"SELECT PG_TABLE_SQL('t')", "42883", "function pg_table_sql(unknown) does not exist"},
		{`SELECT "pg_in_col"(1)`, "42883", "function pg_in_col(integer) does not exist"},
		{"SELECT pg_catalog.pg_seq_create('s')", "42883", "function pg_catalog.pg_seq_create(unknown) does not exist"},
		{"SELECT x FROM t JOIN pg_jsonb_each('{}') ON true", "42883", "function pg_jsonb_each(unknown) does not exist"},
		{"SELECT pg_in_col(pg_table_sql('t'), 1)", "42883", "function pg_table_sql(unknown) does not exist"},
		{"SELECT raftsql_set_config('a', 'b', false)", "42883", "function raftsql_set_config(unknown, unknown, boolean) does not exist"},
		{"SELECT [pg_now]()", "42601", `syntax error at or near "["`},
		{"SELECT a FROM t JOIN u ON pg_in_col(1) = 1", "42883", "function pg_in_col(integer) does not exist"},
		{"ALTER TABLE t ALTER COLUMN c TYPE int USING pg_cast_int4(c)", "42883", "function pg_cast_int4 does not exist"},
		{"SELECT pg_now() AS n", "42883", "function pg_now() does not exist"},
		{"SELECT 1 FETCH FIRST pg_add(1, 1) ROWS ONLY", "42883", "function pg_add(integer, integer) does not exist"},
		{"CREATE INDEX i ON pg_things (a)", "", ""},
		{"WITH pg_w(a) AS (SELECT 1) SELECT * FROM pg_w", "", ""},
		{"SELECT pg_typeof(1), pg_backend_pid(), pg_sleep(0)", "", ""},
		{"INSERT INTO pg_things (a) VALUES (1)", "", ""},
		{"CREATE TABLE pg_things (a int)", "", ""},
		{"SELECT 'pg_in_col(1)'", "", ""},
		{`SELECT "PG_SLEEP"(0)`, "42883", "function PG_SLEEP(integer) does not exist"},
	} {
		err := InternalCall(c.q)
		if c.code == "" {
			if err != nil {
				t.Errorf("%s: %v", c.q, err)
			}
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.Code != c.code || e.Message != c.msg {
			t.Errorf("%s: %v, want %s %s", c.q, err, c.code, c.msg)
		}
	}
}
