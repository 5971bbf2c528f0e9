package pgdialect

import (
	"sort"
	"strings"
	"testing"
)

// TestInfoSchemaMatchesPostgres: the information_schema rows for
// testdata/apps_schema.sql are those PostgreSQL 15 shows for it (copied
// from psql against PostgreSQL 15.x; its implicit NOT NULL CHECK rows of
// table_constraints are not emulated).
func TestInfoSchemaMatchesPostgres(t *testing.T) {
	db := openCatalogDB(t, "testdata/apps_schema.sql")
	// rows as psql -At prints them (NULL empty), sorted
	rowsOf := func(q string) []string {
		lines := strings.Split(strings.TrimSuffix(runPG(db, q), "\n"), "\n")
		if strings.HasPrefix(lines[0], "ERROR") {
			t.Fatalf("%s: %s", q, lines[0])
		}
		out := lines[1:]
		for i := range out {
			out[i] = strings.ReplaceAll(out[i], "<NULL>", "")
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		q    string
		want string
	}{
		{`select table_name, column_name, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix,
		  numeric_scale, datetime_precision, collation_name, is_identity, identity_generation, identity_start, identity_increment, identity_maximum,
		  identity_minimum, identity_cycle, is_generated, dtd_identifier, udt_name, is_nullable, is_updatable
		  from information_schema.columns where table_schema = 'public'`, `
posts|id|integer|||32|2|0|||YES|BY DEFAULT|1|1|2147483647|1|NO|NEVER|1|int4|NO|YES
posts|title|text||1073741824||||||NO||||||NO|NEVER|3|text|YES|YES
posts|user_id|bigint|||64|2|0|||NO||||||NO|NEVER|2|int8|YES|YES
users|age|integer|||32|2|0|||NO||||||NO|NEVER|3|int4|YES|YES
users|at|timestamp with time zone||||||6||NO||||||NO|NEVER|6|timestamptz|YES|YES
users|born|date||||||0||NO||||||NO|NEVER|5|date|YES|YES
users|b|boolean||||||||NO||||||NO|NEVER|11|bool|YES|YES
users|d|double precision|||53|2||||NO||||||NO|NEVER|12|float8|YES|YES
users|f|double precision|||53|2||||NO||||||NO|NEVER|7|float8|YES|YES
users|id|bigint|||64|2|0|||NO||||||NO|NEVER|1|int8|NO|YES
users|name|character varying|100|400||||||NO||||||NO|NEVER|2|varchar|NO|YES
users|r|real|||24|2||||NO||||||NO|NEVER|8|float4|YES|YES
users|score|numeric|||10|10|2|||NO||||||NO|NEVER|4|numeric|YES|YES
users|s|smallint|||16|2|0|||NO||||||NO|NEVER|9|int2|YES|YES
users|t|text||1073741824||||||NO||||||NO|NEVER|10|text|YES|YES`},
		{`select constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct
		  from information_schema.table_constraints where table_schema = 'public'`, `
posts_pkey|posts|PRIMARY KEY|NO|NO|YES|
posts_user_id_fkey|posts|FOREIGN KEY|NO|NO|YES|
posts_user_id_title_key|posts|UNIQUE|NO|NO|YES|YES
users_name_key|users|UNIQUE|NO|NO|YES|YES
users_pkey|users|PRIMARY KEY|NO|NO|YES|`},
		{`select constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
		  from information_schema.key_column_usage where table_schema = 'public'`, `
posts_pkey|posts|id|1|
posts_user_id_fkey|posts|user_id|1|1
posts_user_id_title_key|posts|title|2|
posts_user_id_title_key|posts|user_id|1|
users_name_key|users|name|1|
users_pkey|users|id|1|`},
		{`select table_name, column_name, constraint_name from information_schema.constraint_column_usage where table_schema = 'public'`, `
posts|id|posts_pkey
posts|title|posts_user_id_title_key
posts|user_id|posts_user_id_title_key
users|id|posts_user_id_fkey
users|id|users_pkey
users|name|users_name_key`},
		{`select constraint_name, unique_constraint_name, match_option, update_rule, delete_rule from information_schema.referential_constraints`, `
posts_user_id_fkey|users_pkey|NONE|NO ACTION|CASCADE`},
	} {
		got := strings.Join(rowsOf(c.q), "\n")
		if want := strings.TrimSpace(c.want); got != want {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.q, got, want)
		}
	}
}
