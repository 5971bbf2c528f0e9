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

// deferredStep is one statement of TestDeferredForeignKeysReplicated, run
// on node (0..2) of the cluster (the same server with
// RAFTSQL_REFERENCE_URL).
type deferredStep struct {
	node int
	sql  string
	// code, msg, detail, constraint: the error PostgreSQL 15 gives ("" =
	// success).
	code, msg, detail, constraint string
}

// TestDeferredForeignKeysReplicated: deferred foreign keys on a 3-node
// cluster, the statements spread over the nodes: cyclic references
// committed together, a deferred violation failing the COMMIT (23503,
// PostgreSQL's message, DETAIL and constraint; nothing stored on any
// node), SET CONSTRAINTS deferring and re-checking. Every node then reads
// the same rows and the replicas' checksums agree. Passes against
// PostgreSQL 15 with RAFTSQL_REFERENCE_URL.
func TestDeferredForeignKeysReplicated(t *testing.T) {
	urls, c := e2eCluster(t)
	conns := make([]*pgx.Conn, 3)
	for i := range conns {
		conns[i] = connect(t, urls[i])
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const cMsg = `insert or update on table "dfr_c" violates foreign key constraint "dfr_c_pid_fkey"`
	steps := []deferredStep{
		{node: 0, sql: "CREATE TABLE dfr_p (id int PRIMARY KEY)"},
		{node: 0, sql: "CREATE TABLE dfr_c (id int PRIMARY KEY, pid int REFERENCES dfr_p INITIALLY DEFERRED)"},
		{node: 0, sql: "CREATE TABLE dfr_d (id int PRIMARY KEY, pid int, CONSTRAINT dfr_d_fk FOREIGN KEY (pid) REFERENCES dfr_p DEFERRABLE)"},
		{node: 0, sql: "CREATE TABLE dfr_a (id int PRIMARY KEY, b_id int)"},
		{node: 0, sql: "CREATE TABLE dfr_b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES dfr_a DEFERRABLE INITIALLY DEFERRED)"},
		{node: 0, sql: "ALTER TABLE dfr_a ADD CONSTRAINT dfr_a_b_fk FOREIGN KEY (b_id) REFERENCES dfr_b DEFERRABLE INITIALLY DEFERRED"},
		// cyclic references, committed together
		{node: 1, sql: "BEGIN"},
		{node: 1, sql: "INSERT INTO dfr_a VALUES (1, 1)"},
		{node: 1, sql: "INSERT INTO dfr_b VALUES (1, 1)"},
		{node: 1, sql: "COMMIT"},
		// a violation left at COMMIT
		{node: 2, sql: "BEGIN"},
		{node: 2, sql: "INSERT INTO dfr_c VALUES (1, 42)"},
		{node: 2, sql: "SELECT count(*) FROM dfr_c"},
		{node: 2, sql: "COMMIT", code: "23503", msg: cMsg, detail: `Key (pid)=(42) is not present in table "dfr_p".`, constraint: "dfr_c_pid_fkey"},
		// the session goes on after the failed COMMIT
		{node: 2, sql: "INSERT INTO dfr_p VALUES (42)"},
		// autocommit: checked at the statement's end
		{node: 0, sql: "INSERT INTO dfr_c VALUES (2, 43)", code: "23503", msg: cMsg, detail: `Key (pid)=(43) is not present in table "dfr_p".`, constraint: "dfr_c_pid_fkey"},
		{node: 0, sql: "INSERT INTO dfr_c VALUES (2, 42)"},
		// the referenced side
		{node: 1, sql: "BEGIN"},
		{node: 1, sql: "DELETE FROM dfr_p WHERE id = 42"},
		{node: 1, sql: "COMMIT", code: "23503", msg: `update or delete on table "dfr_p" violates foreign key constraint "dfr_c_pid_fkey" on table "dfr_c"`,
			detail: `Key (id)=(42) is still referenced from table "dfr_c".`, constraint: "dfr_c_pid_fkey"},
		// DEFERRABLE INITIALLY IMMEDIATE, deferred for one transaction
		{node: 2, sql: "BEGIN"},
		{node: 2, sql: "INSERT INTO dfr_d VALUES (1, 7)", code: "23503", msg: `insert or update on table "dfr_d" violates foreign key constraint "dfr_d_fk"`,
			detail: `Key (pid)=(7) is not present in table "dfr_p".`, constraint: "dfr_d_fk"},
		{node: 2, sql: "ROLLBACK"},
		{node: 2, sql: "BEGIN"},
		{node: 2, sql: "SET CONSTRAINTS ALL DEFERRED"},
		{node: 2, sql: "INSERT INTO dfr_d VALUES (1, 7)"},
		{node: 2, sql: "INSERT INTO dfr_p VALUES (7)"},
		{node: 2, sql: "COMMIT"},
		// IMMEDIATE checks what is pending
		{node: 0, sql: "BEGIN"},
		{node: 0, sql: "SET CONSTRAINTS dfr_d_fk DEFERRED"},
		{node: 0, sql: "INSERT INTO dfr_d VALUES (2, 8)"},
		{node: 0, sql: "SET CONSTRAINTS dfr_d_fk IMMEDIATE", code: "23503", msg: `insert or update on table "dfr_d" violates foreign key constraint "dfr_d_fk"`,
			detail: `Key (pid)=(8) is not present in table "dfr_p".`, constraint: "dfr_d_fk"},
		{node: 0, sql: "ROLLBACK"},
		{node: 1, sql: "BEGIN"},
		{node: 1, sql: "SET CONSTRAINTS dfr_a_b_fk DEFERRED"},
		{node: 1, sql: "INSERT INTO dfr_a VALUES (2, 2)"},
		{node: 1, sql: "INSERT INTO dfr_b VALUES (2, 2)"},
		{node: 1, sql: "SET CONSTRAINTS ALL IMMEDIATE"},
		{node: 1, sql: "COMMIT"},
		{node: 1, sql: "SET CONSTRAINTS dfr_d_fk DEFERRED"}, // outside a transaction: a warning
		{node: 2, sql: "SET CONSTRAINTS dfr_p_pkey DEFERRED", code: "42809", msg: `constraint "dfr_p_pkey" is not deferrable`},
		{node: 2, sql: "SET CONSTRAINTS dfr_nosuch DEFERRED", code: "42704", msg: `constraint "dfr_nosuch" does not exist`},
	}
	for i, s := range steps {
		_, err := conns[s.node].Exec(ctx, s.sql)
		var pe *pgconn.PgError
		switch {
		case s.code == "" && err != nil:
			t.Fatalf("step %d (%s): %v", i, s.sql, err)
		case s.code == "":
		case !errors.As(err, &pe):
			t.Fatalf("step %d (%s): got %v, want %s", i, s.sql, err, s.code)
		case pe.Code != s.code || pe.Message != s.msg || pe.Detail != s.detail || pe.ConstraintName != s.constraint:
			t.Fatalf("step %d (%s):\n got %s %q %q %q\nwant %s %q %q %q", i, s.sql, pe.Code, pe.Message, pe.Detail, pe.ConstraintName,
				s.code, s.msg, s.detail, s.constraint)
		}
	}
	// An extended-protocol pipeline is one implicit transaction up to its
	// Sync: SET CONSTRAINTS holds for it, and a violation fails it.
	b := &pgx.Batch{}
	b.Queue("SET CONSTRAINTS ALL DEFERRED")
	b.Queue("INSERT INTO dfr_d VALUES (3, 9)")
	b.Queue("INSERT INTO dfr_p VALUES (9)")
	if err := conns[0].SendBatch(ctx, b).Close(); err != nil {
		t.Fatalf("batch: %v", err)
	}
	b = &pgx.Batch{}
	b.Queue("INSERT INTO dfr_c VALUES (5, 77)")
	b.Queue("SELECT 1")
	var pe *pgconn.PgError
	if err := conns[1].SendBatch(ctx, b).Close(); !errors.As(err, &pe) || pe.Code != "23503" || pe.Detail != `Key (pid)=(77) is not present in table "dfr_p".` {
		t.Fatalf("batch with a violation: got %v", err)
	}
	const read = `SELECT (SELECT string_agg(id || ':' || pid, ',' ORDER BY id) FROM dfr_c), (SELECT string_agg(id || ':' || pid, ',' ORDER BY id) FROM dfr_d),
 (SELECT string_agg(id || ':' || b_id, ',' ORDER BY id) FROM dfr_a), (SELECT string_agg(id::text, ',' ORDER BY id) FROM dfr_p)`
	for i, conn := range conns {
		var cs, ds, as, ps string
		if err := conn.QueryRow(ctx, read).Scan(&cs, &ds, &as, &ps); err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		if got := fmt.Sprintf("%s %s %s %s", cs, ds, as, ps); got != "2:42 1:7,3:9 1:1,2:2 7,9,42" {
			t.Fatalf("node %d reads %s", i, got)
		}
	}
	if c != nil {
		checkChecksums(t, c)
	}
}
