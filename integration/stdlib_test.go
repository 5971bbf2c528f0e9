package integration

// database/sql through pgx's stdlib driver against a 3-node cluster.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func openDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStdlib(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	db := openDB(t, urls[1])
	other := openDB(t, urls[2])
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}

	if _, err := db.ExecContext(ctx, `CREATE TABLE people (id integer PRIMARY KEY, name varchar(50) NOT NULL,
		nick text, age integer, height double precision, active boolean, born date, seen timestamptz, photo bytea)`); err != nil {
		t.Fatal(err)
	}

	// Exec with parameters, RowsAffected; NULLs from nil and sql.Null*.
	seen := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	res, err := db.ExecContext(ctx, `INSERT INTO people VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9), ($10, $11, $12, $13, $14, $15, $16, $17, $18)`,
		1, "Ann", "annie", 31, 1.68, true, time.Date(1993, 1, 2, 0, 0, 0, 0, time.UTC), seen, []byte{1, 2, 3},
		2, "Bob", nil, sql.NullInt64{}, sql.NullFloat64{}, sql.NullBool{}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 2 {
		t.Errorf("RowsAffected %d %v, want 2", n, err)
	}

	// QueryRow with NULL handling, on another node.
	var (
		name   string
		nick   sql.NullString
		age    sql.NullInt64
		height sql.NullFloat64
		active sql.NullBool
		born   sql.NullTime
		seenAt sql.NullTime
		photo  []byte
	)
	q := `SELECT name, nick, age, height, active, born, seen, photo FROM people WHERE id = $1`
	if err := other.QueryRowContext(ctx, q, 1).Scan(&name, &nick, &age, &height, &active, &born, &seenAt, &photo); err != nil {
		t.Fatal(err)
	}
	if name != "Ann" || nick.String != "annie" || !nick.Valid || age.Int64 != 31 || height.Float64 != 1.68 || !active.Bool ||
		!born.Time.Equal(time.Date(1993, 1, 2, 0, 0, 0, 0, time.UTC)) || !seenAt.Time.Equal(seen) || string(photo) != "\x01\x02\x03" {
		t.Errorf("row 1: %q %v %v %v %v %v %v %x", name, nick, age, height, active, born, seenAt, photo)
	}
	photo = []byte("not nil")
	if err := other.QueryRowContext(ctx, q, 2).Scan(&name, &nick, &age, &height, &active, &born, &seenAt, &photo); err != nil {
		t.Fatal(err)
	}
	if name != "Bob" || nick.Valid || age.Valid || height.Valid || active.Valid || born.Valid || seenAt.Valid || photo != nil {
		t.Errorf("row 2 NULLs: %q %v %v %v %v %v %v %v", name, nick, age, height, active, born, seenAt, photo)
	}
	var nilPtr *string
	if err := other.QueryRowContext(ctx, "SELECT nick FROM people WHERE id = 2").Scan(&nilPtr); err != nil || nilPtr != nil {
		t.Errorf("NULL into *string: %v %v", nilPtr, err)
	}
	// Scanning NULL into a plain string is an error, as with PostgreSQL.
	var plain string
	if err := other.QueryRowContext(ctx, "SELECT nick FROM people WHERE id = 2").Scan(&plain); err == nil {
		t.Error("NULL scanned into string without error")
	}
	if err := other.QueryRowContext(ctx, "SELECT name FROM people WHERE id = 99").Scan(&plain); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("no row: %v, want sql.ErrNoRows", err)
	}
	// Parameters compared with IS NULL / coalesce.
	var cnt int
	if err := other.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE nick IS NULL AND coalesce(age, $1) = $1", -1).Scan(&cnt); err != nil || cnt != 1 {
		t.Errorf("IS NULL count %d %v", cnt, err)
	}

	// Prepare, reuse.
	ins, err := db.PrepareContext(ctx, "INSERT INTO people (id, name, age) VALUES ($1, $2, $3)")
	if err != nil {
		t.Fatal(err)
	}
	for i := 10; i < 30; i++ {
		var age any = i
		if i%5 == 0 {
			age = nil
		}
		if _, err := ins.ExecContext(ctx, i, fmt.Sprint("p", i), age); err != nil {
			t.Fatalf("prepared insert %d: %v", i, err)
		}
	}
	ins.Close()
	sel, err := other.PrepareContext(ctx, "SELECT id, name, age FROM people WHERE id >= $1 AND id < $2 ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := sel.QueryContext(ctx, 14, 17)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var id int
		var n string
		var a sql.NullInt64
		if err := rows.Scan(&id, &n, &a); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d/%s/%v", id, n, a.Int64))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	sel.Close()
	if fmt.Sprint(got) != "[14/p14/14 15/p15/0 16/p16/16]" {
		t.Errorf("prepared query rows %v", got)
	}
	cols, err := func() ([]*sql.ColumnType, error) {
		r, err := other.QueryContext(ctx, "SELECT id, name, height, active, born FROM people WHERE false")
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return r.ColumnTypes()
	}()
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, c := range cols {
		types = append(types, c.DatabaseTypeName())
	}
	if fmt.Sprint(types) != "[INT4 VARCHAR FLOAT8 BOOL DATE]" {
		t.Errorf("column types %v, want [INT4 VARCHAR FLOAT8 BOOL DATE]", types)
	}

	// Transactions: Commit.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE people SET age = age + 1 WHERE id = $1", 1); err != nil {
		t.Fatal(err)
	}
	var a int
	if err := tx.QueryRowContext(ctx, "SELECT age FROM people WHERE id = $1", 1).Scan(&a); err != nil || a != 32 {
		t.Fatalf("own write in tx: %d %v", a, err)
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO people (id, name) VALUES ($1, $2)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.ExecContext(ctx, 100, "in tx"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := other.QueryRowContext(ctx, "SELECT age FROM people WHERE id = 1").Scan(&a); err != nil || a != 32 {
		t.Errorf("committed update on another node: %d %v", a, err)
	}

	// Rollback.
	tx, err = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM people WHERE id >= $1", 10); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := other.QueryRowContext(ctx, "SELECT count(*) FROM people").Scan(&cnt); err != nil || cnt != 23 {
		t.Errorf("after rollback: %d rows %v, want 23", cnt, err)
	}

	// A failed statement inside a transaction; Commit then reports it.
	tx, err = db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO people (id, name) VALUES ($1, $2)", 200, "lost"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO people (id) VALUES ($1)", 201); pgCode(err) != "23502" {
		t.Errorf("NOT NULL violation in tx: %v, want 23502", err)
	}
	if _, err := tx.ExecContext(ctx, "SELECT 1"); pgCode(err) != "25P02" {
		t.Errorf("statement after error in tx: %v, want 25P02", err)
	}
	if err := tx.Commit(); err == nil {
		t.Error("Commit of a failed transaction reported success")
	}
	if err := other.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id >= 200").Scan(&cnt); err != nil || cnt != 0 {
		t.Errorf("failed tx applied %d rows (%v)", cnt, err)
	}

	// Read-only transaction.
	tx, err = other.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM people").Scan(&cnt); err != nil || cnt != 23 {
		t.Errorf("read-only tx count %d %v", cnt, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO people (id, name) VALUES (300, 'x')"); pgCode(err) != "25006" {
		t.Errorf("write in read-only tx: %v, want 25006", err)
	}
	tx.Rollback()

	// The connection pool keeps working after all that.
	db.SetMaxOpenConns(3)
	errc := make(chan error, 9)
	for i := 0; i < 9; i++ {
		go func(i int) {
			_, err := db.ExecContext(ctx, "INSERT INTO people (id, name) VALUES ($1, $2)", 400+i, "pool")
			errc <- err
		}(i)
	}
	for i := 0; i < 9; i++ {
		if err := <-errc; err != nil {
			t.Errorf("pooled insert: %v", err)
		}
	}
	if err := other.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE name = 'pool'").Scan(&cnt); err != nil || cnt != 9 {
		t.Errorf("pooled inserts: %d %v", cnt, err)
	}
}
