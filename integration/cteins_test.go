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

// TestWritableWithAndRestrictReplicated: WITH ... INSERT/UPDATE/DELETE
// (non-data-modifying CTEs) on a 3-node cluster, the statements spread
// over the nodes, with parameters, RETURNING, column filling and type
// conversions as without the WITH, in autocommit and in a transaction; a
// data-modifying CTE whose main statement writes the table it modified is
// refused (0A000, skipped against PostgreSQL, which runs it; the rest of
// data-modifying WITH: TestDataModifyingCTEReplicated); ON DELETE / ON UPDATE RESTRICT violations are 23503 with
// PostgreSQL's message, DETAIL and constraint. Every node then reads the
// same rows and the replicas' checksums agree. Passes against PostgreSQL
// 15 with RAFTSQL_REFERENCE_URL.
func TestWritableWithAndRestrictReplicated(t *testing.T) {
	urls, c := e2eCluster(t)
	conns := make([]*pgx.Conn, 3)
	for i := range conns {
		conns[i] = connect(t, urls[i])
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	still := func(parent, con, child, key string) (string, string) {
		return `update or delete on table "` + parent + `" violates foreign key constraint "` + con + `" on table "` + child + `"`,
			"Key " + key + ` is still referenced from table "` + child + `".`
	}
	pMsg, pDetail := still("cw_p", "cw_c_pid_fkey", "cw_c", "(id)=(1)")
	cMsg, cDetail := still("cw_p", "cw_c_pcode_fkey", "cw_c", "(code)=(b)")
	steps := []struct {
		node int
		sql  string
		args []any
		// the rows returned (joined by ","), or the error PostgreSQL 15 gives
		rows, code, msg, detail, constraint string
		raftsqlOnly                         bool
	}{
		{node: 0, sql: "CREATE TABLE cw_t (id int PRIMARY KEY, name text, flag boolean, n numeric(10,2), extra text DEFAULT 'dflt')"},
		{node: 1, sql: "WITH c AS (SELECT 1 AS a, 'x' AS b) INSERT INTO cw_t (id, name) SELECT a, b FROM c RETURNING id::text || ':' || name", rows: "1:x"},
		{node: 1, sql: "WITH c AS (SELECT 2 AS a, 'y' AS b) INSERT INTO cw_t SELECT a, b FROM c RETURNING extra", rows: "dflt"},
		{node: 0, sql: "WITH c(a, b) AS (VALUES (3, 1.5)) INSERT INTO cw_t (id, n) SELECT a, b FROM c RETURNING n::text", rows: "1.50"},
		{node: 1, sql: "WITH c AS (SELECT $1::int AS a, $2::text AS b) INSERT INTO cw_t (id, name, n) SELECT a, b, 2.555 FROM c RETURNING n::text", args: []any{4, "p"}, rows: "2.56"},
		{node: 2, sql: "WITH RECURSIVE r(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM r WHERE i < 12) INSERT INTO cw_t (id) SELECT i FROM r RETURNING id::text", rows: "10,11,12"},
		{node: 0, sql: "WITH c AS (SELECT 1 AS a) UPDATE cw_t SET name = 'upd', flag = 'on' WHERE id IN (SELECT a FROM c) RETURNING name || ':' || flag::text", rows: "upd:true"},
		{node: 1, sql: "WITH c AS (SELECT 1 AS a) UPDATE cw_t SET flag = 'maybe' WHERE id IN (SELECT a FROM c)", code: "22P02", msg: `invalid input syntax for type boolean: "maybe"`},
		{node: 2, sql: "WITH c AS (SELECT 10 AS a UNION ALL SELECT 11) DELETE FROM cw_t WHERE id IN (SELECT a FROM c) RETURNING id::text", rows: "10,11"},
		{node: 0, sql: "WITH d AS (DELETE FROM cw_t WHERE id = 12 RETURNING *) INSERT INTO cw_t (id) SELECT id + 100 FROM d", code: "0A000", raftsqlOnly: true},
		{node: 1, sql: "BEGIN"},
		{node: 1, sql: "WITH c AS (SELECT 20 AS a) INSERT INTO cw_t (id, flag) SELECT a, 'yes' FROM c"},
		{node: 1, sql: "WITH c AS (SELECT 20 AS a) UPDATE cw_t SET name = 'txn' WHERE id = (SELECT a FROM c) RETURNING name", rows: "txn"},
		{node: 1, sql: "COMMIT"},
		{node: 2, sql: "CREATE TABLE cw_p (id int PRIMARY KEY, code text UNIQUE)"},
		{node: 2, sql: "CREATE TABLE cw_c (id int PRIMARY KEY, pid int REFERENCES cw_p ON DELETE RESTRICT, pcode text REFERENCES cw_p (code) ON UPDATE RESTRICT)"},
		{node: 0, sql: "INSERT INTO cw_p VALUES (1, 'a'), (2, 'b'), (3, 'c')"},
		{node: 0, sql: "INSERT INTO cw_c VALUES (10, 1, 'b')"},
		{node: 1, sql: "DELETE FROM cw_p WHERE id = 1", code: "23503", msg: pMsg, detail: pDetail, constraint: "cw_c_pid_fkey"},
		{node: 2, sql: "DELETE FROM cw_p WHERE id >= $1", args: []any{1}, code: "23503", msg: pMsg, detail: pDetail, constraint: "cw_c_pid_fkey"},
		{node: 0, sql: "UPDATE cw_p SET code = upper(code)", code: "23503", msg: cMsg, detail: cDetail, constraint: "cw_c_pcode_fkey"},
		{node: 1, sql: "WITH k AS (SELECT 1 AS id) DELETE FROM cw_p WHERE id IN (SELECT id FROM k)", code: "23503", msg: pMsg, detail: pDetail, constraint: "cw_c_pid_fkey"},
		{node: 2, sql: "BEGIN"},
		{node: 2, sql: "DELETE FROM cw_p WHERE id = 1", code: "23503", msg: pMsg, detail: pDetail, constraint: "cw_c_pid_fkey"},
		{node: 2, sql: "ROLLBACK"},
		{node: 0, sql: "DELETE FROM cw_p WHERE id = 3 RETURNING code", rows: "c"},
	}
	for i, s := range steps {
		if s.raftsqlOnly && c == nil {
			continue
		}
		var got []string
		rows, err := conns[s.node].Query(ctx, s.sql, s.args...)
		if err == nil {
			for rows.Next() {
				var v string
				if err := rows.Scan(&v); err != nil {
					t.Fatalf("step %d (%s): %v", i, s.sql, err)
				}
				got = append(got, v)
			}
			rows.Close()
			err = rows.Err()
		}
		var pe *pgconn.PgError
		switch {
		case s.code == "" && err != nil:
			t.Fatalf("step %d (%s): %v", i, s.sql, err)
		case s.code == "":
			if g := strings.Join(got, ","); g != s.rows {
				t.Fatalf("step %d (%s): rows %q, want %q", i, s.sql, g, s.rows)
			}
		case !errors.As(err, &pe):
			t.Fatalf("step %d (%s): got %v, want %s", i, s.sql, err, s.code)
		case pe.Code != s.code || s.msg != "" && (pe.Message != s.msg || pe.Detail != s.detail || pe.ConstraintName != s.constraint):
			t.Fatalf("step %d (%s):\n got %s %q %q %q\nwant %s %q %q %q", i, s.sql, pe.Code, pe.Message, pe.Detail, pe.ConstraintName,
				s.code, s.msg, s.detail, s.constraint)
		}
	}
	const read = `SELECT (SELECT string_agg(concat_ws(':', id, name, flag::text, n, extra), ',' ORDER BY id) FROM cw_t),
 (SELECT string_agg(id || ':' || code, ',' ORDER BY id) FROM cw_p)`
	for i, conn := range conns {
		var ts, ps string
		if err := conn.QueryRow(ctx, read).Scan(&ts, &ps); err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		const want = "1:upd:true:dflt,2:y:dflt,3:1.50:dflt,4:p:2.56:dflt,12:dflt,20:txn:true:dflt 1:a,2:b"
		if got := ts + " " + ps; got != want {
			t.Fatalf("node %d reads %s, want %s", i, got, want)
		}
	}
	if c != nil {
		checkChecksums(t, c)
	}
}
