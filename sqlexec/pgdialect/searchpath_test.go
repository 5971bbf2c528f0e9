package pgdialect

import (
	"reflect"
	"testing"
)

// current_schemas() as PostgreSQL 15 answers it (recorded from it).
func TestSearchPathSchemas(t *testing.T) {
	for _, c := range []struct {
		path     string
		implicit bool
		want     []string
	}{
		{``, false, nil},
		{``, true, []string{"pg_catalog"}},
		{`"$user", public`, false, []string{"public"}},
		{`"$user", public`, true, []string{"pg_catalog", "public"}},
		{`nope, pg_catalog, public, information_schema`, true, []string{"pg_catalog", "public", "information_schema"}},
		{`"Public"`, false, nil},
		{`PUBLIC`, false, []string{"public"}},
		{`public, public`, false, []string{"public"}},
	} {
		if got := SearchPathSchemas(c.path, "postgres", c.implicit); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q (%v): got %q, want %q", c.path, c.implicit, got, c.want)
		}
	}
}

// The relations a statement names without a schema, which an empty
// search_path does not find.
func TestUnqualifiedRelations(t *testing.T) {
	for _, c := range []struct {
		sql     string
		names   []string
		created string
	}{
		{`SELECT * FROM t`, []string{"t"}, ""},
		{`SELECT * FROM public.t, u JOIN public.v ON true LEFT JOIN w USING (id)`, []string{"u", "w"}, ""},
		{`SELECT o.id FROM (orders o JOIN public.customers c ON c.id = o.cid)`, []string{"orders"}, ""},
		{`WITH w AS (SELECT 1) SELECT * FROM w, generate_series(1, 2) g, pg_catalog.pg_class`, nil, ""},
		{`SELECT (SELECT max(x) FROM inner_t) FROM public.t WHERE id IN (SELECT id FROM other)`, []string{"inner_t", "other"}, ""},
		{`INSERT INTO t (a) SELECT a FROM public.u`, []string{"t"}, ""},
		{`INSERT INTO public.t VALUES (1)`, nil, ""},
		{`UPDATE t SET a = 1 FROM u WHERE t.id = u.id`, []string{"u", "t"}, ""},
		{`DELETE FROM ONLY t WHERE id = 1`, []string{"t"}, ""},
		{`COPY t (a, b) FROM stdin`, []string{"t"}, ""},
		{`COPY public.t (a, b) FROM stdin`, nil, ""},
		{`TRUNCATE TABLE a, public.b, c`, []string{"a", "c"}, ""},
		{`ALTER TABLE IF EXISTS ONLY t ADD CONSTRAINT k UNIQUE (a)`, []string{"t"}, ""},
		{`ALTER TABLE ONLY public.t ADD CONSTRAINT k UNIQUE (a)`, nil, ""},
		{`DROP TABLE IF EXISTS a, public.b`, []string{"a"}, ""},
		{`CREATE INDEX i ON t USING btree (lower(a))`, []string{"t"}, ""},
		{`CREATE UNIQUE INDEX i ON public.t (a)`, nil, ""},
		{`CREATE TABLE t (a int)`, nil, "t"},
		{`CREATE TABLE IF NOT EXISTS public.t (a int)`, nil, ""},
		{`CREATE TEMP TABLE t (a int)`, nil, ""},
		{`CREATE VIEW v AS SELECT * FROM public.t`, nil, "v"},
		{`CREATE SEQUENCE public.s`, nil, ""},
		{`CREATE TYPE mood AS ENUM ('a')`, nil, "mood"},
		{`SELECT pg_catalog.set_config('search_path', '', false)`, nil, ""},
	} {
		refs, cr := UnqualifiedRelations(c.sql)
		var names []string
		for _, r := range refs {
			names = append(names, r.Name)
			if c.sql[r.Pos:r.Pos+len(r.Name)] != r.Name {
				t.Errorf("%s: %q at %d", c.sql, r.Name, r.Pos)
			}
		}
		created := cr.Name
		if !reflect.DeepEqual(names, c.names) || created != c.created {
			t.Errorf("%s: got %q %q, want %q %q", c.sql, names, created, c.names, c.created)
		}
	}
}
