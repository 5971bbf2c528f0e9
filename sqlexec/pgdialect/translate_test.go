package pgdialect

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"SELECT 1", []string{"SELECT 1"}},
		{"SELECT 1; SELECT 2;", []string{"SELECT 1", "SELECT 2"}},
		{" ; ;; -- ping\n", nil},
		{"-- ping", nil},
		{"/* a; /* nested; */ b; */ SELECT 1", []string{"SELECT 1"}},
		{"SELECT 'a;b', \"c;d\", E'x\\';y'; SELECT 2", []string{"SELECT 'a;b', \"c;d\", E'x\\';y'", "SELECT 2"}},
		{"SELECT $$a;b$$; SELECT $tag$ $$; $tag$", []string{"SELECT $$a;b$$", "SELECT $tag$ $$; $tag$"}},
		{"SELECT 1 -- c;\n; SELECT 2", []string{"SELECT 1", "SELECT 2"}},
		{"SELECT /* a */ 1 -- c\n", []string{"SELECT /* a */ 1"}},
		{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE u SET n = CASE WHEN 1 THEN 2 END; DELETE FROM v; END; SELECT 1",
			[]string{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE u SET n = CASE WHEN 1 THEN 2 END; DELETE FROM v; END", "SELECT 1"}},
		{"BEGIN; INSERT INTO t VALUES (1); END;", []string{"BEGIN", "INSERT INTO t VALUES (1)", "END"}},
		{"SELECT 'unterminated; SELECT 2", []string{"SELECT 'unterminated; SELECT 2"}},
		{"SELECT (1;2); SELECT 3", []string{"SELECT (1;2)", "SELECT 3"}},
		{"SELECT 1; /* open ; -- still", []string{"SELECT 1", "/* open ; -- still"}},
		{"SELECT 1 /* open", []string{"SELECT 1 /* open"}},
	}
	for _, c := range cases {
		got := Split(c.in)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

type tcase struct {
	in    string
	kind  Kind
	exec  []string
	tag   string
	name  string
	value string
	oids  []uint32
}

var translateCases = []tcase{
	// plain SQLite / PostgreSQL common SQL keeps its text
	{in: "SELECT id, name FROM users WHERE id = 1", kind: KindQuery, exec: []string{"SELECT id, name FROM users WHERE id = 1"}, tag: "SELECT"},
	{in: "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);", kind: KindQuery,
		exec: []string{"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (" + inDecl("?1", "pgbench_history", "tid") + ", " + inDecl("?2", "pgbench_history", "bid") + ", " + inDecl("?3", "pgbench_history", "aid") + ", " + inDecl("?4", "pgbench_history", "delta") + ", " + inDeclFrom("pg_text(pg_now(), 'timestamptz')", "pgbench_history", "mtime", "'timestamptz', 83") + ")"}, tag: "INSERT", oids: []uint32{0, 0, 0, 0}},
	{in: "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2", kind: KindQuery,
		exec: []string{"UPDATE pgbench_accounts SET abalance = " + inDecl("(pg_add(abalance ,  ?1, "+colTypeQuery("pg_col_numtype", "pgbench_accounts", "abalance")+") COLLATE pg_numeric)", "pgbench_accounts", "abalance") + " WHERE aid = ?2"}, tag: "UPDATE", oids: []uint32{0, 0}},
	{in: "INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING id, created_at", kind: KindQuery,
		exec: []string{"INSERT INTO t (a) VALUES (" + inDecl("?1", "t", "a") + ") ON CONFLICT (a) DO UPDATE SET b = " + inDeclFrom("pg_tstz_text(excluded.b, (SELECT type FROM pragma_table_xinfo('t') WHERE name = 'b' COLLATE NOCASE))", "t", "b", colTypeQuery("pg_col_decltype", "t", "b")+", 65") + " RETURNING id, created_at"}, tag: "INSERT", oids: []uint32{0}},
	{in: "DELETE FROM t WHERE a = $1 RETURNING *", kind: KindQuery, exec: []string{"DELETE FROM t WHERE a = ?1 RETURNING *"}, tag: "DELETE", oids: []uint32{0}},
	// WITH d AS (DELETE ...) SELECT ...: refused with 0A000 (withdml_test.go)
	{in: "SELECT 1", kind: KindQuery, exec: []string{`SELECT 1 AS "?column?"`}, tag: "SELECT"},
	{in: "select 'a' as x, now(), CURRENT_TIMESTAMP", kind: KindQuery,
		exec: []string{`select 'a' as x, pg_now() AS "now", pg_now() AS "current_timestamp"`}, tag: "SELECT"},
	{in: "TABLE users", kind: KindQuery, exec: []string{"SELECT * FROM users"}, tag: "SELECT"},
	{in: "VALUES (1, 'a')", kind: KindQuery, exec: []string{"VALUES (1, 'a')"}, tag: "SELECT"},
	// parameters and casts
	{in: "SELECT $1::int, $2::text LIMIT $3", kind: KindQuery,
		exec: []string{`SELECT pg_cast_int4(?1) AS "int4", CAST(?2 AS TEXT) AS "text" LIMIT ?3`}, tag: "SELECT", oids: []uint32{23, 25, 20}},
	{in: "SELECT x::bool::int, (a+b)::numeric(10,2), f(x)::float8 FROM t", kind: KindQuery,
		exec: []string{`SELECT pg_num_int(pg_cast_by_source(x, 'bool', ` + colTypeQuery("pg_col_srctype", "t", "x") + `), 'int4') AS "x", (CAST(pg_in_numeric(pg_float4_numeric(((CASE WHEN max(` + colTypeQuery("pg_col_dttype", "t", "a") + `, ` + colTypeQuery("pg_col_dttype", "t", "b") + `) <> '' THEN pg_dt_add(a, ` + colTypeQuery("pg_col_dttype", "t", "a") + `, b, ` + colTypeQuery("pg_col_dttype", "t", "b") + `) ELSE (pg_add(a, b, (SELECT pg_arith_type('+', ` + colTypeQuery("pg_col_optype", "t", "a") + `, ` + colTypeQuery("pg_col_optype", "t", "b") + `))) COLLATE pg_numeric) END COLLATE pg_numeric)), (SELECT pg_arith_type('+', ` + colTypeQuery("pg_col_optype", "t", "a") + `, ` + colTypeQuery("pg_col_optype", "t", "b") + `))), 655366) AS TEXT) COLLATE pg_numeric) AS "numeric", pg_cast_float8(f(x)) AS "f" FROM t`}, tag: "SELECT"},
	{in: "SELECT CAST(x AS varchar(10)), CAST(y AS boolean) FROM t", kind: KindQuery,
		exec: []string{`SELECT pg_cast_len(pg_text(x , (SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 't' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('t'), 'x'), ''), type) END FROM pragma_table_xinfo('t') WHERE name = 'x' COLLATE NOCASE)), 10, false) AS "x", pg_cast_by_source(y , 'bool', ` + colTypeQuery("pg_col_srctype", "t", "y") + `) AS "y" FROM t`}, tag: "SELECT"},
	{in: "SELECT '\\x0102'::bytea, '2024-01-02'::date, date '2024-01-01'", kind: KindQuery,
		exec: []string{`SELECT pg_bytea('\x0102') AS "bytea", pg_cast_date('2024-01-02') AS "date", pg_cast_date('2024-01-01')  AS "date"`}, tag: "SELECT"},
	{in: "SELECT 'users'::regclass, 23::regtype", kind: KindQuery,
		exec: []string{`SELECT pg_regclass_named((SELECT pg_quote_ident(pgd_relname) FROM pgd_relnames WHERE pgd_rel_oid = pg_regclass('users')), 'users') AS "regclass", pg_regtype_name(23) AS "regtype"`}, tag: "SELECT"},
	// strings
	{in: "SELECT E'a\\nb\\'c', $$x'y$$, $t$ $$ $t$", kind: KindQuery,
		exec: []string{"SELECT 'a\nb''c' AS \"?column?\", 'x''y' AS \"?column?\", ' $$ ' AS \"?column?\""}, tag: "SELECT"},
	// operators
	{in: "SELECT * FROM t WHERE a ILIKE $1 AND b NOT ILIKE 'x' AND c ~ '^a' AND d !~* 'B'", kind: KindQuery,
		exec: []string{"SELECT * FROM t WHERE a GLOB ?1 AND b NOT GLOB 'x' AND c  REGEXP  '^a' AND d  NOT REGEXP CAST(x'ff01' AS TEXT) ||  'B'"}, tag: "SELECT", oids: []uint32{0}},
	{in: "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default", kind: KindQuery,
		exec: []string{"SELECT c.relname FROM pg_class c WHERE c.relname  REGEXP  '^(t)$'"}, tag: "SELECT"},
	{in: "SELECT * FROM information_schema.tables", kind: KindQuery, exec: []string{"SELECT * FROM information_schema_tables"}, tag: "SELECT"},
	{in: "SELECT * FROM t WHERE y = ANY (SELECT z FROM u) FOR UPDATE", kind: KindQuery, exec: []string{"SELECT * FROM t WHERE y  IN (SELECT z FROM u)"}, tag: "SELECT"},
	{in: "SELECT * FROM t LIMIT ALL", kind: KindQuery, exec: []string{"SELECT * FROM t LIMIT -1"}, tag: "SELECT"},
	{in: "SELECT current_user, current_schema, version()", kind: KindQuery,
		exec: []string{`SELECT current_user() AS "current_user", current_schema() AS "current_schema", version() AS "version"`}, tag: "SELECT"},
	{in: "SELECT gen_random_uuid()", kind: KindQuery, exec: []string{`SELECT pg_uuid_format(randomblob(16)) AS "gen_random_uuid"`}, tag: "SELECT"},
	{in: "select x from generate_series(1, 3) as x", kind: KindQuery,
		exec: []string{"select x from (WITH RECURSIVE pg_gs(v) AS (SELECT 1 WHERE CASE WHEN (1) > 0 THEN (1) <= (3) ELSE (1) >= (3) END UNION ALL SELECT v + (1) FROM pg_gs WHERE CASE WHEN (1) > 0 THEN v + (1) <= (3) ELSE v + (1) >= (3) END) SELECT CAST(v AS INTEGER) AS x FROM pg_gs) as x"}, tag: "SELECT"},
	{in: "SELECT * FROM t WHERE ts > now() - interval '1 day 2 hours' AND ts < $1::timestamptz + '30 min'::interval", kind: KindQuery,
		// each value taken into the text domain of the column's type (datetime_as_column.go)
		exec: []string{"SELECT * FROM t WHERE ts > pg_dt_as(pg_dt_sub(pg_now() , 'timestamptz',  pg_cast_interval('1 day 2 hours') , 'interval'), 'timestamptz', pg_col_dttype(pg_rel_sql('t'), 'ts')) AND ts < pg_dt_as(pg_dt_add(pg_cast_timestamptz(?1) , 'timestamptz',  pg_cast_interval('30 min'), 'interval'), 'timestamptz', pg_col_dttype(pg_rel_sql('t'), 'ts'))"}, tag: "SELECT", oids: []uint32{1184}},
	// transactions
	{in: "BEGIN", kind: KindBegin, exec: []string{"BEGIN"}, tag: "BEGIN"},
	{in: "begin isolation level serializable read only", kind: KindBegin, exec: []string{"BEGIN"}, tag: "BEGIN", value: "isolation level serializable read only"},
	{in: "START TRANSACTION", kind: KindBegin, exec: []string{"BEGIN"}, tag: "START TRANSACTION"},
	{in: "END", kind: KindCommit, exec: []string{"COMMIT"}, tag: "COMMIT"},
	{in: "COMMIT WORK", kind: KindCommit, exec: []string{"COMMIT"}, tag: "COMMIT"},
	{in: "ABORT", kind: KindRollback, exec: []string{"ROLLBACK"}, tag: "ROLLBACK"},
	{in: "SAVEPOINT sp1", kind: KindSavepoint, exec: []string{"SAVEPOINT sp1"}, tag: "SAVEPOINT", name: "sp1"},
	{in: "RELEASE SAVEPOINT sp1", kind: KindRelease, exec: []string{"RELEASE SAVEPOINT sp1"}, tag: "RELEASE", name: "sp1"},
	{in: "ROLLBACK TO sp1", kind: KindRollbackTo, exec: []string{"ROLLBACK TO SAVEPOINT sp1"}, tag: "ROLLBACK", name: "sp1"},
	{in: "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", kind: KindSetTransaction, tag: "SET", value: "ISOLATION LEVEL SERIALIZABLE"},
	// settings
	{in: "SET search_path TO public", kind: KindSet, tag: "SET", name: "search_path", value: "public"},
	{in: "SET SESSION datestyle = ISO, MDY", kind: KindSet, tag: "SET", name: "datestyle", value: "iso, mdy"},
	{in: "SET TIME ZONE 'UTC'", kind: KindSet, tag: "SET", name: "timezone", value: "UTC"},
	{in: "SET application_name = DEFAULT", kind: KindReset, tag: "SET", name: "application_name"},
	{in: "SHOW server_version", kind: KindShow, tag: "SHOW", name: "server_version"},
	{in: "SHOW TIME ZONE", kind: KindShow, tag: "SHOW", name: "timezone"},
	{in: "RESET ALL", kind: KindReset, tag: "RESET", name: "all"},
	// maintenance
	{in: "vacuum analyze pgbench_accounts", kind: KindNoop, tag: "VACUUM"},
	{in: "ANALYZE", kind: KindNoop, tag: "ANALYZE"},
	{in: "CHECKPOINT", kind: KindNoop, tag: "CHECKPOINT"},
	{in: "-- ping", kind: KindEmpty},
	// DDL
	{in: "CREATE TABLE users (id SERIAL PRIMARY KEY, name text NOT NULL, created_at timestamp with time zone DEFAULT now())", kind: KindQuery,
		exec: []string{"CREATE TABLE users (id int4 /*serial*/ NOT NULL DEFAULT (nextval('users_id_seq')) PRIMARY KEY, name text NOT NULL" + inCheckSQL("text", "name", -1) + ", created_at timestamptz COLLATE pg_datetime DEFAULT (pg_in_timestamptz((pg_now()), -1))" + inCheckSQL("timestamptz", "created_at", -1) + ")",
			"SELECT pg_seq_create('users_id_seq', 'as=integer owned=users.id', 0)"}, tag: "CREATE TABLE"},
	{in: "CREATE TABLE t (id bigserial, n varchar(20) DEFAULT 'x'::character varying)", kind: KindQuery,
		exec: []string{"CREATE TABLE t (id int8 /*bigserial*/ NOT NULL DEFAULT (nextval('t_id_seq')), n varchar(20) DEFAULT (CAST('x' AS VARCHAR))" + inCheckSQL("varchar", "n", 24) + ")",
			"SELECT pg_seq_create('t_id_seq', 'as=bigint owned=t.id', 0)"}, tag: "CREATE TABLE"},
	{in: "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, u uuid DEFAULT gen_random_uuid())", kind: KindQuery,
		exec: []string{"CREATE TABLE t (id int4 /*identity:a:int*/ NOT NULL DEFAULT (nextval('t_id_seq'))  PRIMARY KEY, u uuid DEFAULT (pg_uuid_format(randomblob(16)))" + inCheckSQL("uuid", "u", -1) + ")",
			"SELECT pg_seq_create('t_id_seq', 'as=integer owned=t.id', 0)"}, tag: "CREATE TABLE"},
	{in: "create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100)", kind: KindQuery,
		exec: []string{"create table pgbench_branches(bid int not null" + inCheckSQL("int4", "bid", -1) + ",bbalance int" + inCheckSQL("int4", "bbalance", -1) + ",filler char(88)" + inCheckSQL("bpchar", "filler", 92) + ")"}, tag: "CREATE TABLE"},
	{in: "alter table pgbench_branches add primary key (bid)", kind: KindQuery,
		exec: []string{TableChange{Table: "pgbench_branches", Column: "pgbench_branches_pkey", Action: "primary key"}.statement(),
			"CREATE UNIQUE INDEX pgbench_branches_pkey ON pgbench_branches (bid)",
			TableChange{Table: "pgbench_branches", Column: "bid", Action: "set not null"}.statement()}, tag: "ALTER TABLE"},
	{in: "alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey foreign key (bid) references pgbench_branches", kind: KindQuery, tag: "ALTER TABLE",
		exec: []string{TableChange{Table: "pgbench_tellers", Column: "pgbench_tellers_bid_fkey", Action: "add foreign key",
			Expr: "foreign key (bid) references pgbench_branches"}.statement()}},
	{in: "CREATE INDEX ON t (a, b)", kind: KindQuery, exec: []string{"CREATE INDEX t_a_b_idx ON t (a, b)"}, tag: "CREATE INDEX"},
	{in: "CREATE INDEX CONCURRENTLY i ON public.t USING btree (a)", kind: KindQuery, exec: []string{"CREATE INDEX  i ON t  (a)"}, tag: "CREATE INDEX"},
	{in: "drop table if exists pgbench_accounts, pgbench_branches", kind: KindDropTables,
		exec: []string{"DROP TABLE IF EXISTS pgbench_accounts" + pgbenchDropMark, "DROP TABLE IF EXISTS pgbench_branches" + pgbenchDropMark}, tag: "DROP TABLE"},
	{in: "truncate table pgbench_accounts, pgbench_branches restart identity cascade", kind: KindTruncate,
		exec: []string{"DELETE FROM pgbench_accounts " + truncMark("cascade-restart", "pgbench_accounts", "pgbench_branches"),
			"DELETE FROM pgbench_branches " + truncMark("cascade-restart", "pgbench_accounts", "pgbench_branches"),
			"SELECT pg_seq_restart_owned('pgbench_accounts')", "SELECT pg_seq_restart_owned('pgbench_branches')"}, tag: "TRUNCATE TABLE"},
	{in: "truncate pgbench_history", kind: KindTruncate, exec: []string{"DELETE FROM pgbench_history " + truncMark("restrict", "pgbench_history")}, tag: "TRUNCATE TABLE"},
	{in: "CREATE SCHEMA IF NOT EXISTS public", kind: KindNoop, tag: "CREATE SCHEMA"},
	// COPY
	{in: "copy pgbench_accounts from stdin with (freeze on)", kind: KindCopyFrom, tag: "COPY"},
	{in: "COPY ( SELECT id, name FROM users ORDER BY id ) TO STDOUT", kind: KindCopyTo, tag: "COPY"},
}

func TestTranslate(t *testing.T) {
	for _, c := range translateCases {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		if st.Kind != c.kind || st.Tag != c.tag || st.Name != c.name || !strings.EqualFold(st.Value, c.value) {
			t.Errorf("Translate(%q) = kind %v tag %q name %q value %q; want %v %q %q %q", c.in, st.Kind, st.Tag, st.Name, st.Value, c.kind, c.tag, c.name, c.value)
		}
		if len(st.Exec) != len(c.exec) || len(c.exec) > 0 && !reflect.DeepEqual(st.Exec, c.exec) {
			t.Errorf("Translate(%q).Exec\n got %q\nwant %q", c.in, st.Exec, c.exec)
		}
		if c.oids != nil && !reflect.DeepEqual(st.ParamOIDs, c.oids) {
			t.Errorf("Translate(%q).ParamOIDs = %v, want %v", c.in, st.ParamOIDs, c.oids)
		}
		if st.ParamCount != len(st.ParamOIDs) {
			t.Errorf("Translate(%q): ParamCount %d but %d ParamOIDs", c.in, st.ParamCount, len(st.ParamOIDs))
		}
	}
}

func TestTranslateCopy(t *testing.T) {
	cases := []struct {
		in   string
		want CopySpec
	}{
		{"COPY users (name, email) FROM STDIN", CopySpec{Table: "users", Columns: []string{"name", "email"}, Format: "text", Delimiter: "\t", Null: `\N`}},
		{"copy pgbench_accounts from stdin with (freeze on)", CopySpec{Table: "pgbench_accounts", Format: "text", Delimiter: "\t", Null: `\N`, Freeze: true}},
		{"COPY t FROM STDIN WITH CSV HEADER DELIMITER ';'", CopySpec{Table: "t", Format: "csv", Delimiter: ";", Null: "", Quote: `"`, Escape: `"`, Header: true}},
		{"COPY public.t (a) TO STDOUT (FORMAT csv, HEADER true, NULL 'NULL', QUOTE '''')", CopySpec{Table: "t", Columns: []string{"a"}, Format: "csv", Delimiter: ",", Null: "NULL", Quote: "'", Escape: "'", Header: true}},
		{`copy "pgx_items" ( "name", "qty" ) from stdin binary;`, CopySpec{Table: "pgx_items", Columns: []string{"name", "qty"}, Format: "binary", Delimiter: "\t", Null: `\N`}},
		{"COPY (SELECT id, email, name, score FROM users ORDER BY id) to stdout with (format csv, header)", CopySpec{Format: "csv", Delimiter: ",", Null: "", Quote: `"`, Escape: `"`, Header: true, Query: "SELECT id, email, name, score FROM users ORDER BY id NULLS LAST"}},
		{"COPY (SELECT 1::int) TO STDOUT", CopySpec{Format: "text", Delimiter: "\t", Null: `\N`, Query: `SELECT pg_cast_int4(1) AS "int4"`, QueryOIDs: []uint32{pgoid.Int4}}},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.in, err)
			continue
		}
		if st.Copy == nil || !reflect.DeepEqual(*st.Copy, c.want) {
			t.Errorf("Translate(%q).Copy\n got %+v\nwant %+v", c.in, st.Copy, c.want)
		}
	}
}

func TestTranslateDropIfExists(t *testing.T) {
	st, err := Translate("DROP TABLE IF EXISTS a, public.b CASCADE")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(st.DropIfExists, []string{"a", "b"}) {
		t.Fatalf("DropIfExists = %q", st.DropIfExists)
	}
}

func TestColumnOIDs(t *testing.T) {
	cases := []struct {
		in   string
		want []uint32
	}{
		{"SELECT id, created_at IS NOT NULL AS has_ts, count(*), true, 1::int8 FROM users", []uint32{0, pgoid.Bool, pgoid.Int8, pgoid.Bool, pgoid.Int8}},
		{"SELECT a.attnotnull, c.relkind FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c", []uint32{pgoid.Bool, pgoid.Char}},
		{"SELECT *, true FROM t", nil},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st.ColumnOIDs, c.want) {
			t.Errorf("%q: ColumnOIDs = %v, want %v", c.in, st.ColumnOIDs, c.want)
		}
	}
}

func TestUnsupported(t *testing.T) {
	for _, in := range []string{
		"CREATE EXTENSION IF NOT EXISTS postgis",
		"CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql",
		"DO $$ BEGIN END $$",
		"SELECT ARRAY[[1,2],[3,4]]", "SELECT x @> ANY(arr) FROM t", "SELECT max(x) = ALL(arr) FROM t",
		"SELECT arr[1][2] FROM t", "SELECT * FROM t, unnest(t.a, t.b)",
		"SELECT DISTINCT ON (a) * FROM t",
		"CREATE TEMP SEQUENCE s", "ALTER SEQUENCE s RENAME TO t",
		"CREATE SCHEMA app", "DROP SCHEMA app",
		"CREATE TABLE p (a int) PARTITION BY RANGE (a)", "CREATE TABLE c () INHERITS (p)",
		"CREATE INDEX i ON t USING gin (doc)",
		"ALTER TABLE t ALTER COLUMN a SET GENERATED ALWAYS SET INCREMENT BY 2", "ALTER TABLE t ADD CHECK (a > 0) NO INHERIT",
		"INSERT INTO t VALUES (DEFAULT, 1)",

		"SELECT U&'x'",
		"COPY t FROM '/etc/passwd'", "COPY t TO PROGRAM 'cat'",
		"CREATE MATERIALIZED VIEW v AS SELECT 1",
		"CREATE OR REPLACE TEMP VIEW v AS SELECT 1", "CREATE TYPE pair AS (a int, b int)", "ALTER TYPE e RENAME VALUE 'a' TO 'b'", "CREATE DOMAIN d AS int",
		"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()",
		"CREATE TRIGGER tr AFTER UPDATE ON t FOR EACH STATEMENT EXECUTE PROCEDURE f()",
		// width_bucket's array form and pg_column_size: refused rather than
		// answered by the value's text (widthbucket.go, column_size.go)
		"SELECT width_bucket(5, ARRAY[1, 3, 7])", "SELECT width_bucket(x, thresholds) FROM t",
		"SELECT pg_column_size(1)", "SELECT pg_column_size(a) FROM t",
	} {
		_, err := Translate(in)
		var e *Error
		if !errors.As(err, &e) || e.Code != "0A000" {
			t.Errorf("Translate(%q) = %v, want 0A000", in, err)
		} else if e.Message == "" {
			t.Errorf("Translate(%q): empty message", in)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, in := range []string{"SET", "SET x", "SHOW", "DROP TABLE", "COPY t", "SELECT 1::", "TRUNCATE", "SELEC $1", "FOO"} {
		_, err := Translate(in)
		var e *Error
		if !errors.As(err, &e) || e.Code == "0A000" || e.Code == "XX000" {
			t.Errorf("Translate(%q) = %v, want a syntax error", in, err)
		}
	}
}

func TestParamCols(t *testing.T) {
	cases := []struct {
		in   string
		want []ParamCol
	}{
		{"INSERT INTO pgx_items (name, qty, flag) VALUES ($1, $2::int, $3) ON CONFLICT (name) DO UPDATE SET qty = excluded.qty",
			[]ParamCol{{Table: "pgx_items", Column: "name"}, {Table: "pgx_items", Column: "qty"}, {Table: "pgx_items", Column: "flag"}}},
		{"UPDATE pgx_items SET flag = $1 WHERE id = $2", []ParamCol{{Table: "pgx_items", Column: "flag"}, {Table: "pgx_items", Column: "id"}}},
		{"SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id WHERE o.amount > $1 AND $2 = u.email AND u.id IN ($3, $4) LIMIT $5",
			[]ParamCol{{Table: "orders", Column: "amount"}, {Table: "users", Column: "email"}, {Table: "users", Column: "id"}, {Table: "users", Column: "id"}, {}}},
		{"DELETE FROM t WHERE a LIKE $1", []ParamCol{{Table: "t", Column: "a"}}},
		{"SELECT $1::int", nil},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st.ParamCols, c.want) {
			t.Errorf("%q: ParamCols = %v, want %v", c.in, st.ParamCols, c.want)
		}
	}
}

// inCheckSQL is the CHECK constraint CREATE TABLE adds to a column of an
// enforced type (enforce.go).
func inCheckSQL(typ, col string, typmod int) string {
	check := "pg_in_" + typ + "(" + col + ", " + strconv.Itoa(typmod) + ") IS " + col
	if f := fastCanonical("pg_in_"+typ, col, int64(typmod)); f != "" {
		check = f + " OR " + check
	}
	return " CONSTRAINT pgdialect_in_" + typ + "_" + col + " CHECK (" + check + ")"
}

// inDecl is a value of INSERT/UPDATE as enforceDML wraps it.
func inDecl(expr, tbl, col string) string {
	return "pg_in_col(" + expr + ", pg_table_sql('" + tbl + "'), '" + col + "')"
}

// inDeclFrom is inDecl with the value's type from, the SQL that
// assign_cast.go passes as pg_in_col's sixth argument.
func inDeclFrom(expr, tbl, col, from string) string {
	return strings.TrimSuffix(inDecl(expr, tbl, col), ")") + ", NULL, NULL, " + from + ")"
}
