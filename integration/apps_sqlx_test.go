package integration

// sqlx (github.com/jmoiron/sqlx) over database/sql with the lib/pq driver
// (github.com/lib/pq: its own wire protocol code, text-format parameters
// through unnamed prepared statements) against a 3-node cluster: schema,
// named inserts and queries, Get/Select into structs, IN lists via
// sqlx.In, a transaction that commits and one that rolls back, prepared
// named statements, COPY FROM STDIN, pq.Error codes, and SQL-level PREPARE /
// EXECUTE, with different steps on different nodes. It runs against
// PostgreSQL too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

type sqlxCustomer struct {
	ID      int64     `db:"id"`
	Name    string    `db:"name"`
	Email   string    `db:"email"`
	Balance float64   `db:"balance"`
	Joined  time.Time `db:"joined"`
}

type sqlxOrder struct {
	ID         int64  `db:"id"`
	CustomerID int64  `db:"customer_id"`
	Item       string `db:"item"`
	Qty        int    `db:"qty"`
}

func openSqlx(t *testing.T, url string) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Connect("postgres", url)
	if err != nil {
		t.Fatalf("sqlx/lib/pq connect: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAppSqlxLibPQ(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	db0, db1, db2 := openSqlx(t, urls[0]), openSqlx(t, urls[1]), openSqlx(t, urls[2])

	db0.MustExec(`CREATE TABLE customers (
		id bigserial PRIMARY KEY,
		name text NOT NULL,
		email varchar(200) NOT NULL UNIQUE,
		balance double precision NOT NULL DEFAULT 0,
		joined timestamptz NOT NULL DEFAULT now())`)
	db0.MustExec(`CREATE TABLE orders (
		id bigserial PRIMARY KEY,
		customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
		item text NOT NULL,
		qty integer NOT NULL CHECK (qty > 0))`)

	// named inserts, RETURNING through NamedQuery
	joined := time.Date(2024, 3, 1, 12, 30, 0, 0, time.UTC)
	var ids []int64
	for _, c := range []sqlxCustomer{
		{Name: "Ada", Email: "ada@example.com", Balance: 10.5, Joined: joined},
		{Name: "Brian", Email: "brian@example.com", Balance: 0, Joined: joined.Add(time.Hour)},
		{Name: "Cleo", Email: "cleo@example.com", Balance: 99.25, Joined: joined.Add(2 * time.Hour)},
	} {
		rows, err := db1.NamedQuery(`INSERT INTO customers (name, email, balance, joined) VALUES (:name, :email, :balance, :joined) RETURNING id`, c)
		if err != nil {
			t.Fatalf("NamedQuery insert: %v", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		rows.Close()
	}
	if len(ids) != 3 {
		t.Fatalf("ids %v", ids)
	}
	// NamedExec with a slice: one multi-row INSERT
	orders := []sqlxOrder{{CustomerID: ids[0], Item: "pen", Qty: 2}, {CustomerID: ids[0], Item: "ink", Qty: 1}, {CustomerID: ids[2], Item: "pad", Qty: 5}}
	if res, err := db2.NamedExec(`INSERT INTO orders (customer_id, item, qty) VALUES (:customer_id, :item, :qty)`, orders); err != nil {
		t.Fatalf("NamedExec batch: %v", err)
	} else if n, _ := res.RowsAffected(); n != 3 {
		t.Fatalf("batch inserted %d", n)
	}

	// Get and Select into structs, on another node
	var ada sqlxCustomer
	if err := db2.GetContext(ctx, &ada, "SELECT id, name, email, balance, joined FROM customers WHERE email = $1", "ada@example.com"); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if ada.Name != "Ada" || ada.Balance != 10.5 || !ada.Joined.Equal(joined) {
		t.Fatalf("Get: %+v", ada)
	}
	var got []sqlxOrder
	if err := db0.SelectContext(ctx, &got, "SELECT id, customer_id, item, qty FROM orders WHERE customer_id = $1 ORDER BY item", ids[0]); err != nil {
		t.Fatalf("Select: %v", err)
	}
	if len(got) != 2 || got[0].Item != "ink" || got[1].Qty != 2 {
		t.Fatalf("Select: %+v", got)
	}
	// sqlx.In expands a slice into an IN list; Rebind turns ? into $n
	q, args, err := sqlx.In("SELECT name FROM customers WHERE id IN (?) ORDER BY name", []int64{ids[0], ids[2]})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := db1.SelectContext(ctx, &names, db1.Rebind(q), args...); err != nil || len(names) != 2 || names[0] != "Ada" || names[1] != "Cleo" {
		t.Fatalf("sqlx.In: %v %v", names, err)
	}
	// a join with an aggregate, into a struct with db tags
	var totals []struct {
		Name string `db:"name"`
		Qty  int    `db:"qty"`
	}
	if err := db1.SelectContext(ctx, &totals, "SELECT c.name, coalesce(sum(o.qty), 0) AS qty FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name"); err != nil {
		t.Fatalf("join: %v", err)
	}
	if len(totals) != 3 || totals[0].Qty != 3 || totals[1].Qty != 0 || totals[2].Qty != 5 {
		t.Fatalf("join: %+v", totals)
	}

	// a transaction that commits (a transfer) and one that rolls back
	tx := db0.MustBeginTx(ctx, nil)
	tx.MustExecContext(ctx, "UPDATE customers SET balance = balance - $1 WHERE id = $2", 5.5, ids[2])
	tx.MustExecContext(ctx, "UPDATE customers SET balance = balance + $1 WHERE id = $2", 5.5, ids[1])
	var inTx float64
	if err := tx.GetContext(ctx, &inTx, "SELECT balance FROM customers WHERE id = $1", ids[1]); err != nil || inTx != 5.5 {
		t.Fatalf("own write in tx: %v %v", inTx, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit: %v", err)
	}
	tx = db1.MustBeginTx(ctx, nil)
	tx.MustExecContext(ctx, "DELETE FROM orders")
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db2.GetContext(ctx, &n, "SELECT count(*) FROM orders"); err != nil || n != 3 {
		t.Fatalf("orders after rollback: %d %v", n, err)
	}
	var sum float64
	if err := db2.GetContext(ctx, &sum, "SELECT sum(balance) FROM customers"); err != nil || sum != 109.75 {
		t.Fatalf("balances after transfer: %v %v", sum, err)
	}

	// errors arrive as *pq.Error with PostgreSQL's codes
	_, err = db2.ExecContext(ctx, "INSERT INTO customers (name, email) VALUES ('X', 'ada@example.com')")
	var pe *pq.Error
	if !errors.As(err, &pe) || pe.Code != "23505" {
		t.Fatalf("duplicate email: %v, want pq.Error 23505", err)
	}
	if _, err = db2.ExecContext(ctx, "INSERT INTO orders (customer_id, item, qty) VALUES ($1, 'x', 0)", ids[0]); !errors.As(err, &pe) || pe.Code != "23514" {
		t.Fatalf("check: %v, want 23514", err)
	}

	// prepared named statement, reused
	ns, err := db0.PrepareNamedContext(ctx, "SELECT name FROM customers WHERE balance >= :min ORDER BY name")
	if err != nil {
		t.Fatalf("PrepareNamed: %v", err)
	}
	defer ns.Close()
	for _, c := range []struct {
		min  float64
		want int
	}{{0, 3}, {5, 3}, {10, 2}, {100, 0}} {
		var out []string
		if err := ns.SelectContext(ctx, &out, map[string]any{"min": c.min}); err != nil || len(out) != c.want {
			t.Fatalf("named stmt min=%v: %v %v", c.min, out, err)
		}
	}

	// lib/pq COPY FROM STDIN (a prepared COPY statement) in a transaction
	ctx2, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	txc, err := db1.BeginTx(ctx2, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := txc.Prepare("COPY orders (customer_id, item, qty) FROM STDIN")
	if err != nil {
		t.Fatalf("CopyIn: %v", err)
	}
	for i := 0; i < 50; i++ {
		if _, err := st.Exec(ids[1], "bulk", i+1); err != nil {
			t.Fatalf("CopyIn row: %v", err)
		}
	}
	if _, err := st.Exec(); err != nil {
		t.Fatalf("CopyIn flush: %v", err)
	}
	st.Close()
	if err := txc.Commit(); err != nil {
		t.Fatalf("CopyIn commit: %v", err)
	}
	if err := db0.GetContext(ctx, &n, "SELECT sum(qty) FROM orders WHERE item = 'bulk'"); err != nil || n != 1275 {
		t.Fatalf("copied rows: %d %v", n, err)
	}

	// SQL-level PREPARE / EXECUTE on one connection (a *sql.Conn keeps
	// the session)
	conn, err := db2.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PREPARE add_order(bigint, text, int) AS INSERT INTO orders (customer_id, item, qty) VALUES ($1, $2, $3)"); err != nil {
		t.Fatalf("PREPARE: %v", err)
	}
	if _, err := conn.ExecContext(ctx, "EXECUTE add_order("+strconv.FormatInt(ids[1], 10)+", 'cap', 4)"); err != nil {
		t.Fatalf("EXECUTE: %v", err)
	}
	if _, err := conn.ExecContext(ctx, "DEALLOCATE add_order"); err != nil {
		t.Fatal(err)
	}
	if err := db0.GetContext(ctx, &n, "SELECT qty FROM orders WHERE item = 'cap'"); err != nil || n != 4 {
		t.Fatalf("EXECUTE's row: %d %v", n, err)
	}

	// cascade delete, seen on every node
	db1.MustExec("DELETE FROM customers WHERE id = $1", ids[0])
	for i, db := range []*sqlx.DB{db0, db1, db2} {
		if err := db.GetContext(ctx, &n, "SELECT count(*) FROM orders WHERE customer_id = $1", ids[0]); err != nil || n != 0 {
			t.Fatalf("node %d: orders of deleted customer: %d %v", i, n, err)
		}
	}
}
