package pgdialect

import (
	"database/sql/driver"
	"testing"
)

// pg_get_viewdef under pg_dump's empty search_path qualifies every
// relation of a FROM list, also inside the parentheses PostgreSQL's own
// view text puts around joins (a dump of a PostgreSQL view restored into
// raftsql and dumped again must load back into PostgreSQL).
func TestDumpViewdefQualifies(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`CREATE VIEW v AS SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id`,
			` SELECT o.id FROM public.orders o JOIN public.customers c ON c.id = o.customer_id;`},
		{`CREATE VIEW v AS SELECT o.id FROM (orders o JOIN customers c ON ((c.id = o.customer_id))) WHERE (o.total > (100)::numeric)`,
			` SELECT o.id FROM (public.orders o JOIN public.customers c ON ((c.id = o.customer_id))) WHERE (o.total > (100)::numeric);`},
		{`CREATE VIEW v AS SELECT a.x FROM ((a JOIN b ON (a.x = b.x)) JOIN c ON (c.x = a.x))`,
			` SELECT a.x FROM ((public.a JOIN public.b ON (a.x = b.x)) JOIN public.c ON (c.x = a.x));`},
		{`CREATE VIEW v AS SELECT s.n FROM (SELECT n FROM t) s, u`,
			` SELECT s.n FROM (SELECT n FROM public.t) s, public.u;`},
		{`CREATE VIEW v AS WITH w AS (SELECT 1 AS n) SELECT n FROM w, generate_series(1, 2) g`,
			` WITH w AS (SELECT 1 AS n) SELECT n FROM w, generate_series(1, 2) g;`},
	} {
		got, err := fnDumpViewdef(nil, []driver.Value{c.in})
		if err != nil || got != c.want {
			t.Errorf("%s:\n got %v, %v\nwant %s", c.in, got, err, c.want)
		}
	}
}

// An enum column's default shows as PostgreSQL shows it ('v'::type),
// whether it was written 'v', 'v'::type or 'v'::public.type (pg_dump).
func TestEnumDefaultDisplay(t *testing.T) {
	for _, d := range []string{`'draft'`, `((pg_enum_cast('status', 'draft') COLLATE pg_enum_status))`} {
		got, err := fnDefaultDisplay(nil, []driver.Value{d, nil, "t", "c", "status"})
		if err != nil || got != `'draft'::status` {
			t.Errorf("default %s: got %v, %v; want 'draft'::status", d, got, err)
		}
		q, _ := fnDumpQualify(nil, []driver.Value{got})
		if q != `'draft'::public.status` {
			t.Errorf("default %s for pg_dump: got %v; want 'draft'::public.status", d, q)
		}
	}
	if got, _ := fnDefaultDisplay(nil, []driver.Value{`'x'`, nil, "t", "c", "text"}); got != `'x'::text` {
		t.Errorf("text default: got %v", got)
	}
}

// pg_dump's qualification leaves built-in types alone.
func TestDumpQualifyBuiltins(t *testing.T) {
	for in, want := range map[string]string{
		`nextval('s'::regclass)`: `nextval('public.s'::regclass)`,
		`'{}'::jsonb`:            `'{}'::jsonb`,
		`'{}'::text[]`:           `'{}'::text[]`,
		`'a'::character varying`: `'a'::character varying`,
		`'2020-01-01 00:00:00+00'::timestamp with time zone`: `'2020-01-01 00:00:00+00'::timestamp with time zone`,
		`'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid`:       `'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid`,
		`'\x'::bytea`:    `'\x'::bytea`,
		`'1'::numeric`:   `'1'::numeric`,
		`'x'::"My Type"`: `'x'::public."My Type"`,
	} {
		if got, _ := fnDumpQualify(nil, []driver.Value{in}); got != want {
			t.Errorf("%s: got %v, want %s", in, got, want)
		}
	}
}
