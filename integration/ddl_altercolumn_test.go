package integration

import (
	"context"
	"testing"
)

// TestAlterColumn: ALTER TABLE ... ALTER COLUMN (SET/DROP NOT NULL,
// SET/DROP DEFAULT, TYPE with and without USING) on a table with rows, an
// index, a trigger, a view and a referencing table, with PostgreSQL 15's
// values and errors (RAFTSQL_REFERENCE_URL runs the same steps against
// it); every node ends with the same table.
func TestAlterColumn(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	runScript(t, a, []sqlStep{
		{sql: "CREATE TABLE ac (id int PRIMARY KEY, name text, qty int, price numeric(10,2), note varchar(10), flag boolean)"},
		{sql: "INSERT INTO ac VALUES (1, 'a', 5, 1.5, 'hello', true), (2, NULL, NULL, NULL, NULL, NULL)"},
		{sql: "CREATE INDEX ac_name ON ac (name)"},
		{sql: "CREATE TABLE ac_log (n int)"},
		{sql: "CREATE TABLE ac_child (id int PRIMARY KEY, ac_id int REFERENCES ac (id) ON DELETE CASCADE)"},
		{sql: "INSERT INTO ac_child VALUES (10, 1), (20, 2)"},
		{sql: "CREATE VIEW ac_names AS SELECT id, name FROM ac"},
		{sql: "ALTER TABLE ac ALTER COLUMN name SET NOT NULL", code: "23502"},
		{sql: "UPDATE ac SET name = 'b' WHERE id = 2"},
		{sql: "ALTER TABLE ac ALTER COLUMN name SET NOT NULL"},
		{sql: "INSERT INTO ac (id) VALUES (3)", code: "23502"},
		{sql: "ALTER TABLE ac ALTER COLUMN name DROP NOT NULL"},
		{sql: "ALTER TABLE ac ALTER COLUMN id DROP NOT NULL", code: "42P16"},
		{sql: "ALTER TABLE ac ALTER COLUMN nosuch SET NOT NULL", code: "42703"},
		{sql: "ALTER TABLE nosuch ALTER COLUMN x SET NOT NULL", code: "42P01"},
		{sql: "ALTER TABLE ac ALTER COLUMN qty SET DEFAULT 7"},
		{sql: "INSERT INTO ac (id, name) VALUES (3, 'c') RETURNING qty", rows: "7"},
		{sql: "ALTER TABLE ac ALTER qty DROP DEFAULT"},
		{sql: "INSERT INTO ac (id, name) VALUES (4, 'd') RETURNING qty", rows: "<nil>"},
		{sql: "ALTER TABLE ac ALTER COLUMN qty TYPE bigint"},
		{sql: "ALTER TABLE ac ALTER COLUMN note TYPE varchar(3)", code: "22001"},
		{sql: "ALTER TABLE ac ALTER COLUMN note TYPE varchar(5)"},
		{sql: "ALTER TABLE ac ALTER COLUMN qty TYPE text"},
		{sql: "SELECT id, qty FROM ac ORDER BY id", rows: "1|5\n2|<nil>\n3|7\n4|<nil>"},
		{sql: "ALTER TABLE ac ALTER COLUMN qty TYPE integer", code: "42804"},
		{sql: "ALTER TABLE ac ALTER COLUMN qty TYPE integer USING qty::integer"},
		{sql: "SELECT sum(qty) FROM ac", rows: "12"},
		{sql: "ALTER TABLE ac ALTER COLUMN flag SET DATA TYPE text"},
		{sql: "SELECT flag FROM ac WHERE id = 1", rows: "true"},
		{sql: "ALTER TABLE ac ALTER COLUMN price TYPE integer"},
		{sql: "SELECT price FROM ac WHERE id = 1", rows: "2"},
		{sql: "ALTER TABLE ac ALTER COLUMN note TYPE integer USING note::integer", code: "22P02"},
		{sql: "SELECT note FROM ac WHERE id = 1", rows: "hello"},
		// Nothing else changed: the index, the view, the referencing rows.
		{sql: "SELECT name FROM ac_names ORDER BY id", rows: "a\nb\nc\nd"},
		{sql: "SELECT count(*) FROM ac_child", rows: "2"},
		{sql: "SELECT indexname FROM pg_indexes WHERE tablename = 'ac' ORDER BY 1", rows: "ac_name\nac_pkey"},
		{sql: "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'ac' ORDER BY ordinal_position",
			rows: "id|integer|NO\nname|text|YES\nqty|integer|YES\nprice|integer|YES\nnote|character varying|YES\nflag|text|YES"},
		{sql: "DELETE FROM ac WHERE id = 1"},
		{sql: "SELECT count(*) FROM ac_child", rows: "1"},
	})
	for _, u := range urls {
		c := connectScript(t, u)
		runScript(t, c, []sqlStep{
			{sql: "SELECT id, name, qty, price, note, flag FROM ac ORDER BY id", rows: "2|b|<nil>|<nil>|<nil>|<nil>\n3|c|7|<nil>|<nil>|<nil>\n4|d|<nil>|<nil>|<nil>|<nil>"},
		})
		c.Close(context.Background())
	}
}

// TestAddDropColumnIfExists: ADD COLUMN IF NOT EXISTS and DROP COLUMN IF
// EXISTS skip when the column is there / missing, as PostgreSQL 15 does.
func TestAddDropColumnIfExists(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	runScript(t, a, []sqlStep{
		{sql: "CREATE TABLE ie (id int PRIMARY KEY)"},
		{sql: "INSERT INTO ie VALUES (1)"},
		{sql: "ALTER TABLE ie ADD COLUMN IF NOT EXISTS v text DEFAULT 'x'"},
		{sql: "ALTER TABLE ie ADD COLUMN IF NOT EXISTS v integer"},
		{sql: "ALTER TABLE ie ADD COLUMN v integer", code: "42701"},
		{sql: "SELECT id, v FROM ie", rows: "1|x"},
		{sql: "ALTER TABLE ie DROP COLUMN IF EXISTS nosuch"},
		{sql: "ALTER TABLE ie DROP COLUMN IF EXISTS v"},
		{sql: "ALTER TABLE ie DROP COLUMN v", code: "42703"},
		{sql: "SELECT count(*) FROM information_schema.columns WHERE table_name = 'ie'", rows: "1"},
	})
}
