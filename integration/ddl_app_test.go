package integration

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DDL and DML of migrations (issue 11) on a three-node cluster, through a
// follower and the extended protocol (pgx's default): a NOTICE decided at
// apply reaches the client of the node it talks to once; ON CONFLICT ON
// CONSTRAINT with parameters; CREATE TABLE (LIKE ...) creates the same
// table on every node.
func TestDDLAppThroughFollower(t *testing.T) {
	c := startMemCluster(t, 3)
	leader := c.waitLeader(30 * time.Second)
	follower := (leader + 1) % 3
	conn := connectScript(t, c.url(follower))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	notices := func() string {
		var out []string
		for _, n := range takeNotices(conn) {
			out = append(out, n.Code+" "+n.Message)
		}
		return strings.Join(out, "\n")
	}
	exec(`CREATE TABLE da_s (id serial PRIMARY KEY, k text NOT NULL, v int DEFAULT 7, CONSTRAINT da_s_k UNIQUE (k), CHECK (v > 0))`)
	takeNotices(conn)
	exec(`DROP INDEX IF EXISTS da_nope`)
	if got := notices(); got != `00000 index "da_nope" does not exist, skipping` {
		t.Fatalf("notices: %q", got)
	}
	exec(`CREATE TABLE IF NOT EXISTS da_s (x int)`)
	if got := notices(); got != `42P07 relation "da_s" already exists, skipping` {
		t.Fatalf("notices: %q", got)
	}
	for i := 0; i < 2; i++ {
		exec(`INSERT INTO da_s (k, v) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT da_s_k DO UPDATE SET v = da_s.v + excluded.v`, "a", 5)
	}
	var v int
	if err := conn.QueryRow(ctx, `SELECT v FROM da_s WHERE k = 'a'`).Scan(&v); err != nil || v != 10 {
		t.Fatalf("upsert: v = %d, %v", v, err)
	}
	exec(`CREATE TABLE da_l (LIKE da_s INCLUDING ALL, extra text)`)
	want := "id:integer:true:nextval('da_s_id_seq'::regclass) k:text:true: v:integer:false:7 extra:text:false:"
	for i := 0; i < 3; i++ {
		nc := connectScript(t, c.url(i))
		rows, err := nc.Query(ctx, `SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), '')
			FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE a.attrelid = 'da_l'::regclass AND a.attnum > 0 ORDER BY a.attnum`, pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var name, typ, dflt string
			var nn bool
			if err := rows.Scan(&name, &typ, &nn, &dflt); err != nil {
				t.Fatal(err)
			}
			got = append(got, name+":"+typ+":"+map[bool]string{true: "true", false: "false"}[nn]+":"+dflt)
		}
		if err := rows.Err(); err != nil || strings.Join(got, " ") != want {
			t.Fatalf("node %d: %s, %v\nwant %s", i, strings.Join(got, " "), err, want)
		}
		var cons int
		if err := nc.QueryRow(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'da_l'::regclass`).Scan(&cons); err != nil || cons != 3 {
			t.Fatalf("node %d: %d constraints (want da_l_pkey, da_l_k_key, da_s_v_check), %v", i, cons, err)
		}
	}
	exec(`INSERT INTO da_l (k) VALUES ('a') ON CONFLICT ON CONSTRAINT da_l_k_key DO NOTHING`)
	exec(`INSERT INTO da_l (k) VALUES ('a') ON CONFLICT ON CONSTRAINT da_l_k_key DO NOTHING`)
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM da_l`).Scan(&v); err != nil || v != 1 {
		t.Fatalf("da_l rows: %d, %v", v, err)
	}
	if got := notices(); got != "" {
		t.Fatalf("unexpected notices: %q", got)
	}
	var pe *pgconn.PgError
	if _, err := conn.Exec(ctx, `LOCK TABLE da_s`); !errors.As(err, &pe) || pe.Code != "25P01" {
		t.Fatalf("LOCK outside a transaction block: %v", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE da_s, da_l IN SHARE MODE NOWAIT`); err != nil {
		t.Fatalf("LOCK in a transaction: %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}
