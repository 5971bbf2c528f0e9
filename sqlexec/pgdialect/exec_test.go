package pgdialect

import (
	"database/sql"
	"regexp"
	"strings"
	"testing"
)

// execAll translates and runs every statement of script on db.
func execAll(t *testing.T, db *sql.DB, script string) {
	t.Helper()
	for _, q := range Split(script) {
		st, err := Translate(q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", q, err)
		}
		for _, e := range st.Exec {
			if err := execTranslated(db, e); err != nil { // serial_test.go
				t.Fatalf("exec %q (from %q): %v", e, q, err)
			}
		}
	}
}

func queryOne(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	st, err := Translate(q)
	if err != nil {
		t.Fatalf("Translate(%q): %v", q, err)
	}
	rows, err := db.Query(st.Exec[0], args...)
	if err != nil {
		t.Fatalf("query %q (from %q): %v", st.Exec[0], q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if !rows.Next() {
		t.Fatalf("query %q: no rows (%v)", st.Exec[0], rows.Err())
	}
	if err := rows.Scan(ptrs...); err != nil {
		t.Fatal(err)
	}
	v := vals[0]
	oid := uint32(0)
	if len(st.ColumnOIDs) > 0 {
		oid = st.ColumnOIDs[0]
	}
	return renderValue(v, oid)
}

// TestTranslatedSQLRuns executes translated PostgreSQL on SQLite: the
// pgbench -i sequence and the forms applications send.
func TestTranslatedSQLRuns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;
create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22));
create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) with (fillfactor=100);
create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84)) with (fillfactor=100);
create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100);
begin;
truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;
insert into pgbench_branches(bid,bbalance) select bid, 0 from generate_series(1, 1) as bid;
insert into pgbench_tellers(tid,bid,tbalance) select tid, (tid - 1) / 10 + 1, 0 from generate_series(1, 10) as tid;
insert into pgbench_accounts(aid,bid,abalance,filler) select aid, (aid - 1) / 100000 + 1, 0, '' from generate_series(1, 1000) as aid;
commit;
vacuum analyze pgbench_branches;
alter table pgbench_branches add primary key (bid);
alter table pgbench_tellers add primary key (tid);
alter table pgbench_accounts add primary key (aid);
alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey foreign key (bid) references pgbench_branches;
CREATE TABLE users (id SERIAL PRIMARY KEY, name text NOT NULL, email varchar(255) UNIQUE,
  created_at timestamp with time zone DEFAULT now(), balance numeric(12,2) DEFAULT 0, active boolean DEFAULT true,
  u uuid DEFAULT gen_random_uuid(), flags jsonb DEFAULT '{}'::jsonb);
INSERT INTO users (name, email) VALUES ('alice', 'a@x'), (E'b\'ob', 'b@x');
UPDATE users SET active = false WHERE name ILIKE 'B%';
`)
	for _, c := range []struct{ q, want string }{
		{"select count(*) from pgbench_tellers", "10"},
		{"select sum(aid) from pgbench_accounts", "500500"},
		{"SELECT count(*) FROM generate_series(10, 1, -3)", "4"},
		{"SELECT name FROM users WHERE name ~* '^B' ", "b'ob"},
		{"SELECT count(*) FROM users WHERE name !~ 'x'", "2"},
		{"SELECT active FROM users WHERE id = 2", "0"},
		{"SELECT active::int FROM users WHERE id = 1", "1"},
		{"SELECT 'yes'::boolean", "t"},
		{"SELECT 1 = 1", "t"},
		{"SELECT '42'::int + 1", "43"},
		{"SELECT 'pgbench_tellers'::regclass = (SELECT oid FROM pg_catalog.pg_class WHERE relname = 'pgbench_tellers')", "t"},
		{"SELECT c.oid::regclass FROM pg_class c WHERE relname = 'users'", "users"},
		{"SELECT current_user", "postgres"},
		{"SELECT current_schemas(true)", "{pg_catalog,public}"},
		{"SELECT length(gen_random_uuid()::text)", "36"},
		{"SELECT count(*) FROM users WHERE created_at <= now()", "2"},
		{"SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'", "8"},
		{"SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'created_at'", "timestamp with time zone"},
		{"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'", "5"},
		{"SELECT pg_catalog.format_type('varchar'::regtype, 24)", "character varying(20)"},
		{"SELECT $$it's$$ || E'\\x41'", "it'sA"},
		{"SELECT 7 / 2", "3"},
		{"select o.n, p.partstrat, pg_catalog.count(i.inhparent) from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1", "2"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	if got := queryOne(t, db, "SELECT gen_random_uuid()"); !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(got) {
		t.Errorf("gen_random_uuid() = %q", got)
	}
	if got := queryOne(t, db, "SELECT u FROM users WHERE id = 1"); len(got) != 36 {
		t.Errorf("uuid default = %q", got)
	}
	if got := queryOne(t, db, "SELECT abalance FROM pgbench_accounts WHERE aid = $1", 7); got != "0" {
		t.Errorf("param query = %q", got)
	}
	if got := queryOne(t, db, "SELECT sum(g) FROM generate_series($1::int, $2) AS g", 1, 4); got != "10" {
		t.Errorf("generate_series with params = %q", got)
	}
	if got := queryOne(t, db, "SELECT $2::text || $1::text", "a", "b"); got != "ba" {
		t.Errorf("positional params = %q", got)
	}
	// pgbench's primary key emulation is a unique index
	if _, err := db.Exec("INSERT INTO pgbench_branches(bid, bbalance) VALUES (1, 0)"); err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Errorf("duplicate pk insert: %v", err)
	}
}

func TestIntervalArithmetic(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT '2024-01-31 10:00:00'::timestamp + interval '1 day 2 hours'", "2024-02-01 12:00:00"},
		{"SELECT '2024-01-31 10:00:00'::timestamp - '90 min'::interval", "2024-01-31 08:30:00"},
		{"SELECT '2024-01-01 00:00:00'::timestamp + interval '1 week'", "2024-01-08 00:00:00"},
		{"SELECT '2024-01-01 00:00:00'::timestamp + interval '01:02:03'", "2024-01-01 01:02:03"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
