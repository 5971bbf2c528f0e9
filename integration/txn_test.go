package integration

// Interactive transactions across a 3-node cluster (issue 6): own writes,
// RETURNING, ROLLBACK, the failed-transaction state, savepoints and lost
// updates (40001); the bank workload is in txn_bank_test.go.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func txStatus(c *pgx.Conn) string { return string(c.PgConn().TxStatus()) }

// BEGIN ... COMMIT sees its own writes; the ids RETURNING gave inside the
// transaction are the ids that end up committed, even while another node
// inserts into the same table (the transaction then either commits with
// exactly those ids or fails with 40001 and is retried).
func TestTxnOwnWritesAndReturning(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	a := connect(t, urls[1])
	b := connect(t, urls[2])
	mustExec(t, a, "CREATE TABLE items (id serial PRIMARY KEY, label text NOT NULL, qty integer NOT NULL DEFAULT 1)")
	mustExec(t, a, "INSERT INTO items (label) VALUES ('seed')")

	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeCacheStatement} {
		t.Run(mode.String(), func(t *testing.T) {
			for attempt := 1; ; attempt++ {
				if attempt > 20 {
					t.Fatal("no commit after 20 attempts")
				}
				tag := mustExec(t, a, "BEGIN")
				if tag.String() != "BEGIN" || txStatus(a) != "T" {
					t.Fatalf("BEGIN: tag %q status %s", tag, txStatus(a))
				}
				var before int64
				if err := a.QueryRow(ctx, "SELECT count(*) FROM items", mode).Scan(&before); err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for i := 0; i < 3; i++ {
					var id int64
					label := fmt.Sprintf("%s-%d-%d", mode, attempt, i)
					if err := a.QueryRow(ctx, "INSERT INTO items (label) VALUES ($1) RETURNING id", mode, label).Scan(&id); err != nil {
						t.Fatalf("insert returning: %v", err)
					}
					ids = append(ids, id)
					if i == 1 && attempt == 1 {
						// Another node writes into the same table meanwhile.
						mustExec(t, b, "INSERT INTO items (label) VALUES ('concurrent')")
					}
				}
				// Own writes are visible, including UPDATE and DELETE results.
				var n int64
				if err := a.QueryRow(ctx, "SELECT count(*) FROM items WHERE label LIKE $1", mode, fmt.Sprintf("%s-%d-%%", mode, attempt)).Scan(&n); err != nil || n != 3 {
					t.Fatalf("own writes: count %d, %v", n, err)
				}
				tag, err := a.Exec(ctx, "UPDATE items SET qty = qty + 10 WHERE id = $1 OR id = $2", mode, ids[0], ids[1])
				if err != nil || tag.String() != "UPDATE 2" {
					t.Fatalf("update in txn: %q %v", tag, err)
				}
				var qty int64
				if err := a.QueryRow(ctx, "UPDATE items SET qty = qty * 2 WHERE id = $1 RETURNING qty", mode, ids[0]).Scan(&qty); err != nil || qty != 22 {
					t.Fatalf("update returning in txn: %d %v", qty, err)
				}
				if txStatus(a) != "T" {
					t.Fatalf("status %s inside transaction, want T", txStatus(a))
				}
				// Before COMMIT no other node sees the rows.
				var other int64
				if err := b.QueryRow(ctx, "SELECT count(*) FROM items WHERE label LIKE $1", fmt.Sprintf("%s-%d-%%", mode, attempt)).Scan(&other); err != nil {
					t.Fatal(err)
				}
				if other != 0 {
					t.Fatalf("uncommitted rows visible on another node: %d", other)
				}
				tag, err = a.Exec(ctx, "COMMIT")
				if pgCode(err) == "40001" {
					t.Logf("attempt %d: 40001 at COMMIT (a concurrent write changed what the transaction read); retrying", attempt)
					if txStatus(a) != "I" {
						t.Fatalf("status after failed COMMIT %s, want I", txStatus(a))
					}
					var left int64
					b.QueryRow(ctx, "SELECT count(*) FROM items WHERE label LIKE $1", fmt.Sprintf("%s-%d-%%", mode, attempt)).Scan(&left)
					if left != 0 {
						t.Fatalf("a transaction that failed with 40001 left %d rows", left)
					}
					continue
				}
				if err != nil || tag.String() != "COMMIT" {
					t.Fatalf("COMMIT: %q %v", tag, err)
				}
				if txStatus(a) != "I" {
					t.Fatalf("status after COMMIT %s, want I", txStatus(a))
				}
				// The committed rows carry exactly the RETURNING ids, on every node.
				for ni, u := range urls {
					c := connect(t, u)
					rows, err := c.Query(ctx, "SELECT id, qty FROM items WHERE label LIKE $1 ORDER BY label", fmt.Sprintf("%s-%d-%%", mode, attempt))
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for rows.Next() {
						var id, q int64
						rows.Scan(&id, &q)
						got = append(got, fmt.Sprintf("%d:%d", id, q))
					}
					if rows.Err() != nil {
						t.Fatal(rows.Err())
					}
					want := fmt.Sprintf("%d:22 %d:11 %d:1", ids[0], ids[1], ids[2])
					if strings.Join(got, " ") != want {
						t.Errorf("node %d: committed rows %v, RETURNING inside the transaction promised %s", ni, got, want)
					}
				}
				_ = before
				return
			}
		})
	}

	// The same through pgx.Tx.
	tx, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := tx.QueryRow(ctx, "INSERT INTO items (label, qty) VALUES ($1, $2) RETURNING id", "tx", 5).Scan(&id); err != nil {
		t.Fatal(err)
	}
	var q int64
	if err := tx.QueryRow(ctx, "SELECT qty FROM items WHERE id = $1", id).Scan(&q); err != nil || q != 5 {
		t.Fatalf("pgx.Tx own write: %d %v", q, err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.QueryRow(ctx, "SELECT qty FROM items WHERE id = $1", id).Scan(&q); err != nil || q != 5 {
		t.Fatalf("committed pgx.Tx row on another node: %d %v", q, err)
	}
}

// ROLLBACK discards every write of the transaction, on every node.
func TestTxnRollback(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[0])
	mustExec(t, a, "CREATE TABLE rb (id integer PRIMARY KEY, v text)")
	mustExec(t, a, "INSERT INTO rb VALUES (1, 'keep'), (2, 'keep')")
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "INSERT INTO rb VALUES (3, 'gone')")
	mustExec(t, a, "UPDATE rb SET v = 'changed' WHERE id = 1")
	mustExec(t, a, "DELETE FROM rb WHERE id = 2")
	var n int64
	if err := a.QueryRow(ctx, "SELECT count(*) FROM rb WHERE v = 'keep'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("inside txn: %d keep rows (%v), want 0", n, err)
	}
	if tag := mustExec(t, a, "ROLLBACK"); tag.String() != "ROLLBACK" {
		t.Errorf("ROLLBACK tag %q", tag)
	}
	// DDL is transactional too.
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "CREATE TABLE rb_new (id integer PRIMARY KEY)")
	mustExec(t, a, "INSERT INTO rb_new VALUES (1)")
	mustExec(t, a, "ROLLBACK")
	if _, err := connect(t, urls[1]).Exec(ctx, "SELECT * FROM rb_new"); pgCode(err) != "42P01" {
		t.Errorf("table created in a rolled back transaction: %v, want 42P01", err)
	}
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "CREATE TABLE rb_kept (id integer PRIMARY KEY)")
	mustExec(t, a, "INSERT INTO rb_kept VALUES (1), (2)")
	mustExec(t, a, "COMMIT")
	if err := connect(t, urls[2]).QueryRow(ctx, "SELECT count(*) FROM rb_kept").Scan(&n); err != nil || n != 2 {
		t.Errorf("table created in a committed transaction: %d rows, %v", n, err)
	}
	// pgx.Tx rollback.
	tx, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO rb VALUES ($1, $2)", 4, "gone"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	for i, u := range urls {
		c := connect(t, u)
		var got string
		if err := c.QueryRow(ctx, "SELECT string_agg(id || '=' || v, ',' ORDER BY id) FROM rb").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != "1=keep,2=keep" {
			t.Errorf("node %d after rollbacks: %s", i, got)
		}
	}
}

// An error inside a transaction: status E, every statement but ROLLBACK
// gets 25P02, COMMIT answers ROLLBACK, nothing is applied. Savepoints
// recover from an error.
func TestTxnFailedState(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[2])
	mustExec(t, a, "CREATE TABLE fs (id integer PRIMARY KEY, v text)")
	mustExec(t, a, "INSERT INTO fs VALUES (1, 'one')")
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeCacheStatement, pgx.QueryExecModeExec} {
		t.Run(mode.String(), func(t *testing.T) {
			mustExec(t, a, "BEGIN")
			if _, err := a.Exec(ctx, "INSERT INTO fs VALUES ($1, $2)", mode, 10, "in failed txn"); err != nil {
				t.Fatal(err)
			}
			_, err := a.Exec(ctx, "INSERT INTO fs VALUES ($1, $2)", mode, 1, "dup")
			if pgCode(err) != "23505" {
				t.Fatalf("duplicate: %v, want 23505", err)
			}
			if txStatus(a) != "E" {
				t.Fatalf("status after error %s, want E", txStatus(a))
			}
			var one int
			err = a.QueryRow(ctx, "SELECT $1::int", mode, 1).Scan(&one)
			if pgCode(err) != "25P02" {
				t.Fatalf("SELECT in failed txn: %v, want 25P02", err)
			}
			_, err = a.Exec(ctx, "INSERT INTO fs VALUES ($1, $2)", mode, 11, "x")
			if pgCode(err) != "25P02" {
				t.Fatalf("INSERT in failed txn: %v, want 25P02", err)
			}
			if txStatus(a) != "E" {
				t.Fatalf("status %s, want E", txStatus(a))
			}
			tag, err := a.Exec(ctx, "COMMIT")
			if err != nil || tag.String() != "ROLLBACK" {
				t.Fatalf("COMMIT of failed txn: %q %v, want tag ROLLBACK", tag, err)
			}
			if txStatus(a) != "I" {
				t.Fatalf("status %s after COMMIT of failed txn, want I", txStatus(a))
			}
			var n int64
			if err := a.QueryRow(ctx, "SELECT count(*) FROM fs WHERE id >= 10").Scan(&n); err != nil || n != 0 {
				t.Fatalf("failed txn applied %d rows (%v)", n, err)
			}
		})
	}

	// Savepoints.
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "INSERT INTO fs VALUES (20, 'a')")
	if tag := mustExec(t, a, "SAVEPOINT s1"); tag.String() != "SAVEPOINT" {
		t.Errorf("SAVEPOINT tag %q", tag)
	}
	if _, err := a.Exec(ctx, "INSERT INTO fs VALUES (1, 'dup')"); pgCode(err) != "23505" {
		t.Fatalf("dup after savepoint: %v", err)
	}
	if tag := mustExec(t, a, "ROLLBACK TO SAVEPOINT s1"); tag.String() != "ROLLBACK" || txStatus(a) != "T" {
		t.Errorf("ROLLBACK TO: tag %q status %s, want ROLLBACK T", tag, txStatus(a))
	}
	mustExec(t, a, "INSERT INTO fs VALUES (21, 'b')")
	mustExec(t, a, "SAVEPOINT s2")
	mustExec(t, a, "INSERT INTO fs VALUES (22, 'discarded')")
	mustExec(t, a, "ROLLBACK TO s2")
	if tag := mustExec(t, a, "RELEASE SAVEPOINT s2"); tag.String() != "RELEASE" {
		t.Errorf("RELEASE tag %q", tag)
	}
	if tag := mustExec(t, a, "COMMIT"); tag.String() != "COMMIT" {
		t.Errorf("COMMIT tag %q", tag)
	}
	b := connect(t, urls[0])
	var got string
	if err := b.QueryRow(ctx, "SELECT string_agg(id::text, ',' ORDER BY id) FROM fs WHERE id >= 20").Scan(&got); err != nil || got != "20,21" {
		t.Errorf("after savepoints: %q %v, want 20,21", got, err)
	}
	// BEGIN ISOLATION LEVEL and SET TRANSACTION are accepted.
	for _, s := range []string{"BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN ISOLATION LEVEL READ COMMITTED", "BEGIN; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"} {
		if _, err := a.Exec(ctx, s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
		mustExec(t, a, "COMMIT")
	}
}

// Two clients on different nodes read-modify-write one row in explicit
// transactions; the second to commit must get 40001, and the counter
// shows exactly one increment.
func TestTxnLostUpdate(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[0])
	b := connect(t, urls[1])
	mustExec(t, a, "CREATE TABLE counter (id integer PRIMARY KEY, v integer NOT NULL)")
	mustExec(t, a, "INSERT INTO counter VALUES (1, 0)")

	read := func(c *pgx.Conn) int {
		var v int
		if err := c.QueryRow(ctx, "SELECT v FROM counter WHERE id = 1").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	mustExec(t, a, "BEGIN")
	mustExec(t, b, "BEGIN")
	va := read(a)
	vb := read(b)
	if va != 0 || vb != 0 {
		t.Fatalf("reads %d %d", va, vb)
	}
	mustExec(t, a, "UPDATE counter SET v = $1 WHERE id = 1", va+1)
	if tag := mustExec(t, a, "COMMIT"); tag.String() != "COMMIT" {
		t.Fatalf("first COMMIT tag %q", tag)
	}
	_, err := b.Exec(ctx, "UPDATE counter SET v = $1 WHERE id = 1", vb+1)
	if err == nil {
		// raftsql detects the conflict at COMMIT (PostgreSQL already at
		// the UPDATE); either is fine, a successful COMMIT is not.
		var tag pgconn.CommandTag
		tag, err = b.Exec(ctx, "COMMIT")
		if err == nil {
			t.Fatalf("second read-modify-write committed (tag %q): lost update", tag)
		}
	} else {
		b.Exec(ctx, "ROLLBACK")
	}
	if pgCode(err) != "40001" {
		t.Fatalf("second transaction: %v, want SQLSTATE 40001", err)
	}
	if txStatus(b) != "I" {
		t.Errorf("status after 40001: %s", txStatus(b))
	}
	for i, u := range urls {
		c := connect(t, u)
		if v := read(c); v != 1 {
			t.Errorf("node %d: counter %d, want 1", i, v)
		}
	}

	// Many clients incrementing with retries: no increment lost.
	const clients, incs = 6, 5
	var wg sync.WaitGroup
	var retries atomic.Int64
	for k := 0; k < clients; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			c, err := pgx.Connect(ctx, urls[k%3])
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close(context.Background())
			for i := 0; i < incs; i++ {
				for attempt := 0; ; attempt++ {
					if attempt > 100 {
						t.Errorf("client %d: no commit in 100 attempts", k)
						return
					}
					err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
						var v int
						if err := tx.QueryRow(ctx, "SELECT v FROM counter WHERE id = 1").Scan(&v); err != nil {
							return err
						}
						_, err := tx.Exec(ctx, "UPDATE counter SET v = $1 WHERE id = 1", v+1)
						return err
					})
					if err == nil {
						break
					}
					if code := pgCode(err); code == "40001" || code == "40P01" {
						retries.Add(1)
						continue
					}
					t.Errorf("client %d: %v", k, err)
					return
				}
			}
		}(k)
	}
	wg.Wait()
	t.Logf("%d increments, %d retries on 40001", clients*incs, retries.Load())
	for i, u := range urls {
		c := connect(t, u)
		if v := read(c); v != 1+clients*incs {
			t.Errorf("node %d: counter %d, want %d", i, v, 1+clients*incs)
		}
	}
}

// A client that stalls inside a write transaction does not stall the
// cluster: other clients on every node keep writing and reading the same
// table; the stalled transaction then fails with 40001 at COMMIT if what
// it read changed, and commits otherwise.
func TestTxnStalledClientDoesNotBlock(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[0])
	mustExec(t, a, "CREATE TABLE st (id integer PRIMARY KEY, v integer NOT NULL)")
	mustExec(t, a, "INSERT INTO st VALUES (1, 0), (2, 0)")
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "UPDATE st SET v = v + 1 WHERE id = 1")
	for i, u := range urls {
		c := connect(t, u)
		wctx, wcancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := c.Exec(wctx, "UPDATE st SET v = v + 10 WHERE id = 2")
		var v int
		if err == nil {
			err = c.QueryRow(wctx, "SELECT v FROM st WHERE id = 2").Scan(&v)
		}
		wcancel()
		if err != nil || v != 10*(i+1) {
			t.Fatalf("node %d while another client holds a write transaction open: v=%d %v", i, v, err)
		}
	}
	// The open transaction read and wrote only row 1: it commits.
	if tag, err := a.Exec(ctx, "COMMIT"); err != nil || tag.String() != "COMMIT" {
		t.Fatalf("COMMIT of the stalled transaction: %q %v", tag, err)
	}
	b := connect(t, urls[2])
	var got string
	if err := b.QueryRow(ctx, "SELECT string_agg(v::text, ',' ORDER BY id) FROM st").Scan(&got); err != nil || got != "1,30" {
		t.Errorf("final rows %q %v, want 1,30", got, err)
	}
}

// now() inside a transaction is the transaction's start time, the same in
// every statement, and the value stored is the value the client saw.
func TestTxnNowIsTransactionStart(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[1])
	mustExec(t, a, "CREATE TABLE tn (id integer PRIMARY KEY, at timestamptz NOT NULL)")
	tx, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var t1, t2, ret time.Time
	if err := tx.QueryRow(ctx, "SELECT now()").Scan(&t1); err != nil {
		t.Fatal(err)
	}
	// Before each later statement, a statement outside the transaction
	// sees a later now(): an unpinned now() would differ.
	other := connect(t, urls[0])
	awaitNowAfter(t, ctx, other, t1)
	if err := tx.QueryRow(ctx, "INSERT INTO tn VALUES (1, now()) RETURNING at").Scan(&ret); err != nil {
		t.Fatal(err)
	}
	awaitNowAfter(t, ctx, other, ret)
	if err := tx.QueryRow(ctx, "SELECT now()").Scan(&t2); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if !t1.Equal(t2) || !t1.Equal(ret) {
		t.Errorf("now() in one transaction: %v, RETURNING %v, later %v; want one value", t1, ret, t2)
	}
	for i, u := range urls {
		var at time.Time
		if err := connect(t, u).QueryRow(ctx, "SELECT at FROM tn WHERE id = 1").Scan(&at); err != nil || !at.Equal(t1) {
			t.Errorf("node %d stored %v (%v), the transaction saw %v", i, at, err, t1)
		}
	}
}

// awaitNowAfter waits until now() in a new statement on c is after t0.
func awaitNowAfter(t *testing.T, ctx context.Context, c *pgx.Conn, t0 time.Time) {
	t.Helper()
	for {
		var now time.Time
		if err := c.QueryRow(ctx, "SELECT now()").Scan(&now); err != nil {
			t.Fatalf("now() outside the transaction: %v", err)
		}
		if now.After(t0) {
			return
		}
	}
}

// Several statements in one simple Query message: with BEGIN/COMMIT inside
// they form that transaction; without, PostgreSQL runs them as one
// implicit transaction, so an error rolls back the statements before it
// in the same message and skips the rest.
func TestTxnMultiStatementQuery(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[2])
	mustExec(t, a, "CREATE TABLE ms (id integer PRIMARY KEY)")
	if _, err := a.Exec(ctx, "BEGIN; INSERT INTO ms VALUES (1); INSERT INTO ms VALUES (2); COMMIT"); err != nil {
		t.Fatal(err)
	}
	_, err := a.Exec(ctx, "INSERT INTO ms VALUES (3); INSERT INTO ms VALUES (1); INSERT INTO ms VALUES (4)")
	if pgCode(err) != "23505" {
		t.Fatalf("multi-statement with a duplicate: %v, want 23505", err)
	}
	if txStatus(a) != "I" {
		t.Errorf("status %s after a failed implicit transaction, want I", txStatus(a))
	}
	var got string
	b := connect(t, urls[0])
	if err := b.QueryRow(ctx, "SELECT string_agg(id::text, ',' ORDER BY id) FROM ms").Scan(&got); err != nil || got != "1,2" {
		t.Errorf("rows %q %v, want 1,2 (3 rolled back with its implicit transaction, 4 skipped)", got, err)
	}
	// pgx's multi-result reader sees each statement's own result.
	results, err := a.PgConn().Exec(ctx, "INSERT INTO ms VALUES (5); SELECT count(*) FROM ms; DELETE FROM ms WHERE id > 4").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, r := range results {
		tags = append(tags, r.CommandTag.String())
	}
	if strings.Join(tags, ",") != "INSERT 0 1,SELECT 1,DELETE 1" || len(results[1].Rows) != 1 || string(results[1].Rows[0][0]) != "3" {
		t.Errorf("multi-statement results %v rows %q", tags, results[1].Rows)
	}
}

// idle_in_transaction_session_timeout ends a session that stays idle inside
// a transaction (PostgreSQL: FATAL 25P03 and the connection closes); the
// transaction's writes are not applied.
func TestTxnIdleInTransactionTimeout(t *testing.T) {
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		t.Skip("makes time pass with the nodes' injected clock, which a reference server does not have")
	}
	clock := newTestClock()
	c := startMemClusterClock(t, 3, clock.Now)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, c.url(0))
	mustExec(t, a, "CREATE TABLE idle (id integer PRIMARY KEY)")
	mustExec(t, a, "SET idle_in_transaction_session_timeout = '300ms'")
	mustExec(t, a, "BEGIN")
	mustExec(t, a, "INSERT INTO idle VALUES (1)")
	// Within the timeout the transaction lives on.
	clock.Advance(200 * time.Millisecond)
	mustExec(t, a, "SELECT 1")
	// The session checks the timeout when its next message arrives.
	clock.Advance(301 * time.Millisecond)
	_, err := a.Exec(ctx, "COMMIT")
	if err == nil {
		t.Fatal("COMMIT after idle_in_transaction_session_timeout succeeded")
	}
	if code := pgCode(err); code != "25P03" && !a.IsClosed() {
		t.Errorf("after the timeout: %v (SQLSTATE %q), want 25P03 or a closed connection", err, code)
	}
	var n int
	if err := connect(t, c.url(1)).QueryRow(ctx, "SELECT count(*) FROM idle").Scan(&n); err != nil || n != 0 {
		t.Errorf("timed-out transaction applied %d rows (%v)", n, err)
	}
}

// Write skew (the case snapshot isolation allows and SERIALIZABLE does
// not): two doctors on call, each transaction checks that the other is
// still on call and takes itself off. One of them must fail with 40001.
func TestTxnWriteSkew(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[1])
	b := connect(t, urls[2])
	mustExec(t, a, "CREATE TABLE doctors (id integer PRIMARY KEY, on_call boolean NOT NULL)")
	mustExec(t, a, "INSERT INTO doctors VALUES (1, true), (2, true)")
	onCall := func(c *pgx.Conn) int {
		var n int
		if err := c.QueryRow(ctx, "SELECT count(*) FROM doctors WHERE on_call").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	mustExec(t, a, "BEGIN ISOLATION LEVEL SERIALIZABLE")
	mustExec(t, b, "BEGIN ISOLATION LEVEL SERIALIZABLE")
	if onCall(a) != 2 || onCall(b) != 2 {
		t.Fatal("both doctors should be on call")
	}
	mustExec(t, a, "UPDATE doctors SET on_call = false WHERE id = 1")
	mustExec(t, b, "UPDATE doctors SET on_call = false WHERE id = 2")
	if _, err := a.Exec(ctx, "COMMIT"); err != nil {
		t.Fatalf("first COMMIT: %v", err)
	}
	_, err := b.Exec(ctx, "COMMIT")
	if pgCode(err) != "40001" {
		t.Errorf("second COMMIT: %v, want 40001 (write skew)", err)
	}
	if n := onCall(connect(t, urls[0])); n != 1 {
		t.Errorf("%d doctors on call, want 1", n)
	}
}

// Reads inside a transaction see one snapshot: a row changed meanwhile by
// another node reads the same twice (PostgreSQL's SERIALIZABLE and
// REPEATABLE READ), with and without READ ONLY, and a read-only
// transaction commits.
func TestTxnRepeatableRead(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a := connect(t, urls[0])
	b := connect(t, urls[1])
	mustExec(t, a, "CREATE TABLE rr (id integer PRIMARY KEY, v integer NOT NULL)")
	mustExec(t, a, "INSERT INTO rr VALUES (1, 0)")
	for i, begin := range []string{"BEGIN", "BEGIN READ ONLY", "BEGIN ISOLATION LEVEL REPEATABLE READ"} {
		mustExec(t, a, begin)
		var v1, v2, n1, n2 int
		if err := a.QueryRow(ctx, "SELECT v FROM rr WHERE id = 1").Scan(&v1); err != nil {
			t.Fatal(err)
		}
		if err := a.QueryRow(ctx, "SELECT count(*) FROM rr").Scan(&n1); err != nil {
			t.Fatal(err)
		}
		mustExec(t, b, "UPDATE rr SET v = v + 1 WHERE id = 1")
		mustExec(t, b, "INSERT INTO rr VALUES ($1, 0)", 100+i)
		if err := a.QueryRow(ctx, "SELECT v FROM rr WHERE id = 1").Scan(&v2); err != nil {
			t.Fatal(err)
		}
		if err := a.QueryRow(ctx, "SELECT count(*) FROM rr").Scan(&n2); err != nil {
			t.Fatal(err)
		}
		if v1 != i || v2 != v1 || n2 != n1 {
			t.Errorf("%s: read v=%d then v=%d, count %d then %d, after another node's commit in between; want one snapshot (v=%d)", begin, v1, v2, n1, n2, i)
		}
		if tag, err := a.Exec(ctx, "COMMIT"); err != nil || tag.String() != "COMMIT" {
			t.Errorf("%s: COMMIT of a read-only transaction: %q %v", begin, tag, err)
		}
	}
}
