package integration

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// The fields of constraint violations and other errors that applications
// and ORMs read (pgconn.PgError: SQLSTATE, message, DETAIL, HINT, schema,
// table, column, constraint) as PostgreSQL 15 sets them, on every node of
// a 3-node cluster and in both protocols. With RAFTSQL_REFERENCE_URL the
// same table runs against PostgreSQL itself.

type pgErrWant struct {
	code, msg, detail, hint, schema, table, column, constraint string
}

func pgErrFields(err error) (pgErrWant, bool) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return pgErrWant{}, false
	}
	return pgErrWant{pe.Code, pe.Message, pe.Detail, pe.Hint, pe.SchemaName, pe.TableName, pe.ColumnName, pe.ConstraintName}, true
}

func TestConstraintErrorFields(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	setup, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer setup.Close(ctx)
	for _, sql := range []string{
		"CREATE TABLE ef_parent (id int PRIMARY KEY, code text UNIQUE)",
		"CREATE TABLE ef_child (id int PRIMARY KEY, parent_id int REFERENCES ef_parent(id), qty int NOT NULL CHECK (qty > 0), note text DEFAULT 'n')",
		"CREATE TABLE ef_pk2 (a int, b text, PRIMARY KEY (a, b))",
		"CREATE TABLE ef_named (id int PRIMARY KEY, a int, b text, CONSTRAINT ef_ab FOREIGN KEY (a, b) REFERENCES ef_pk2)",
		"CREATE TABLE ef_lower (id int PRIMARY KEY, code text)",
		"CREATE UNIQUE INDEX ef_code_lower ON ef_lower (lower(code))",
		"INSERT INTO ef_parent VALUES (1, 'a'), (2, 'b')",
		"INSERT INTO ef_child VALUES (1, 1, 5)",
		"INSERT INTO ef_pk2 VALUES (1, 'x')",
		"INSERT INTO ef_named VALUES (1, 1, 'x')",
		"INSERT INTO ef_lower VALUES (1, 'a')",
	} {
		if _, err := setup.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	fkChild := "insert or update on table \"ef_child\" violates foreign key constraint \"ef_child_parent_id_fkey\""
	cases := []struct {
		sql  string
		want pgErrWant
	}{
		{"INSERT INTO ef_child VALUES (2, 99, 5)", pgErrWant{code: "23503", msg: fkChild,
			detail: `Key (parent_id)=(99) is not present in table "ef_parent".`, schema: "public", table: "ef_child", constraint: "ef_child_parent_id_fkey"}},
		{"INSERT INTO ef_child VALUES (2, 1, 5), (3, 77, 5)", pgErrWant{code: "23503", msg: fkChild,
			detail: `Key (parent_id)=(77) is not present in table "ef_parent".`, schema: "public", table: "ef_child", constraint: "ef_child_parent_id_fkey"}},
		{"DELETE FROM ef_parent WHERE id = 1", pgErrWant{code: "23503",
			msg:    `update or delete on table "ef_parent" violates foreign key constraint "ef_child_parent_id_fkey" on table "ef_child"`,
			detail: `Key (id)=(1) is still referenced from table "ef_child".`, schema: "public", table: "ef_child", constraint: "ef_child_parent_id_fkey"}},
		{"UPDATE ef_pk2 SET b = 'y'", pgErrWant{code: "23503",
			msg:    `update or delete on table "ef_pk2" violates foreign key constraint "ef_ab" on table "ef_named"`,
			detail: `Key (a, b)=(1, x) is still referenced from table "ef_named".`, schema: "public", table: "ef_named", constraint: "ef_ab"}},
		{"INSERT INTO ef_child (id, parent_id, qty) VALUES (4, 1, NULL)", pgErrWant{code: "23502",
			msg:    `null value in column "qty" of relation "ef_child" violates not-null constraint`,
			detail: "Failing row contains (4, 1, null, n).", schema: "public", table: "ef_child", column: "qty"}},
		{"UPDATE ef_child SET qty = -1", pgErrWant{code: "23514",
			msg:    `new row for relation "ef_child" violates check constraint "ef_child_qty_check"`,
			detail: "Failing row contains (1, 1, -1, n).", schema: "public", table: "ef_child", constraint: "ef_child_qty_check"}},
		{"UPDATE ef_parent SET code = 'b' WHERE id = 1", pgErrWant{code: "23505",
			msg:    `duplicate key value violates unique constraint "ef_parent_code_key"`,
			detail: "Key (code)=(b) already exists.", schema: "public", table: "ef_parent", constraint: "ef_parent_code_key"}},
		{"INSERT INTO ef_lower VALUES (2, 'z'), (3, 'A')", pgErrWant{code: "23505",
			msg:    `duplicate key value violates unique constraint "ef_code_lower"`,
			detail: "Key (lower(code))=(a) already exists.", schema: "public", table: "ef_lower", constraint: "ef_code_lower"}},
		{"SELECT 1234.5::numeric(5,2)", pgErrWant{code: "22003", msg: "numeric field overflow",
			detail: "A field with precision 5, scale 2 must round to an absolute value less than 10^3."}},
		{"SELECT nosuchfunc(1, 'a')", pgErrWant{code: "42883", msg: "function nosuchfunc(integer, unknown) does not exist",
			hint: "No function matches the given name and argument types. You might need to add explicit type casts."}},
	}
	for node, u := range urls {
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeSimpleProtocol} {
			cfg, err := pgx.ParseConfig(u)
			if err != nil {
				t.Fatal(err)
			}
			cfg.DefaultQueryExecMode = mode
			conn, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				_, err := conn.Exec(ctx, c.sql)
				got, ok := pgErrFields(err)
				if !ok || got != c.want {
					t.Errorf("node %d, mode %v: %s:\n got %+v (%v)\nwant %+v", node, mode, c.sql, got, err, c.want)
				}
			}
			// In an interactive transaction: the same error, and the
			// transaction is aborted as in PostgreSQL.
			tx, err := conn.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tx.Exec(ctx, cases[0].sql)
			if got, _ := pgErrFields(err); got != cases[0].want {
				t.Errorf("node %d, mode %v: in a transaction: got %+v (%v)", node, mode, got, err)
			}
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
			conn.Close(ctx)
		}
	}
	// The constraint the error names is the one the catalog shows.
	for _, table := range []string{"ef_child", "ef_named"} {
		var conname, icname string
		if err := setup.QueryRow(ctx, fmt.Sprintf("SELECT conname FROM pg_constraint WHERE conrelid = '%s'::regclass AND contype = 'f'", table)).Scan(&conname); err != nil {
			t.Fatal(err)
		}
		if err := setup.QueryRow(ctx, "SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = $1 AND constraint_type = 'FOREIGN KEY'", table).Scan(&icname); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"ef_child": "ef_child_parent_id_fkey", "ef_named": "ef_ab"}[table]
		if conname != want || icname != want {
			t.Errorf("%s: pg_constraint %q, information_schema %q, errors name %q", table, conname, icname, want)
		}
	}
	// Nothing the errors' explanations ran is left behind.
	var n int
	if err := setup.QueryRow(ctx, "SELECT count(*) FROM ef_child").Scan(&n); err != nil || n != 1 {
		t.Errorf("ef_child has %d rows (%v), want 1", n, err)
	}
}
