package pgdialect

import (
	"errors"
	"testing"
)

// TestSchemaQualifiedNames: public.t and "public"."t" mean t in every
// statement; DDL naming another schema is 3F000.
func TestSchemaQualifiedNames(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE SCHEMA IF NOT EXISTS public;
CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null);
INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (1, false);
UPDATE public.schema_migrations SET dirty = true WHERE public.schema_migrations.version = 1;
CREATE INDEX ix ON public.schema_migrations (dirty);
ALTER TABLE public.schema_migrations ADD COLUMN note text;
CREATE TABLE public.child (id int primary key, v bigint references "public"."schema_migrations" (version));
DROP INDEX public.ix;
`)
	if got := queryOne(t, db, `SELECT count(*) FROM "public".schema_migrations WHERE dirty`); got != "1" {
		t.Fatalf("count = %s", got)
	}
	execAll(t, db, `DELETE FROM public.schema_migrations; DROP TABLE public.child, "public"."schema_migrations"`)
	for _, q := range []string{
		`CREATE TABLE other.t (a int)`,
		`CREATE TABLE IF NOT EXISTS "other"."t" (a int)`,
		`CREATE INDEX i ON other.t (a)`,
		`ALTER TABLE other.t ADD COLUMN b int`,
		`DROP TABLE public.a, other.t`,
		`CREATE TABLE t (a int REFERENCES other.p (id))`,
	} {
		_, err := Translate(q)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != "3F000" {
			t.Errorf("%s: err = %v, want 3F000", q, err)
		}
	}
	// alias.column and a join's ON are not schemas; SQLite's temp and main
	// are left to the write allow-list
	for _, q := range []string{
		`CREATE TABLE temp.x (a int)`,
		`CREATE VIEW v AS SELECT a.x FROM a JOIN b ON a.x = b.x`,
		`CREATE INDEX i ON t (a) WHERE t.a > 0`,
	} {
		if _, err := Translate(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// TestInsertDefaultValues: DEFAULT items in VALUES (bun's form) and
// DEFAULT VALUES; the forms the rewrite cannot express are 0A000.
func TestInsertDefaultValues(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE b (id bigserial primary key, name text, n int default 7)`)
	for _, c := range []struct{ q, want string }{
		{`INSERT INTO "b" ("id", "name", "n") VALUES (DEFAULT, 'x', 1) RETURNING "id"`, "1"},
		{`INSERT INTO b (id, name, n) VALUES (DEFAULT, 'a,b', (1+2)), (DEFAULT, 'y', 5) RETURNING id`, "2"},
		{`INSERT INTO b (name, n) VALUES ('z', DEFAULT) RETURNING n`, "7"},
		{`INSERT INTO b (id, n) VALUES (DEFAULT, DEFAULT) RETURNING n`, "7"},
		{`INSERT INTO b DEFAULT VALUES RETURNING id`, "6"},
		{`SELECT count(*) FROM b WHERE n = 7`, "3"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %s, want %s", c.q, got, c.want)
		}
	}
	for _, q := range []string{
		`INSERT INTO b VALUES (DEFAULT, 'x', DEFAULT)`,
		`INSERT INTO b (id, name) VALUES (DEFAULT, 'x'), (3, DEFAULT)`,
		`INSERT INTO b (id, n) VALUES (DEFAULT, DEFAULT), (DEFAULT, DEFAULT)`,
	} {
		_, err := Translate(q)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != "0A000" {
			t.Errorf("%s: err = %v, want 0A000", q, err)
		}
	}
}
