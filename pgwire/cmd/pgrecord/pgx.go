package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// runPgx drives pgx through what the replay tests compare: the default
// exec mode (statement cache, Describe before first use), every other
// QueryExecMode, binary and text results of many types, CopyFrom,
// SendBatch, errors, Ping and database/sql. Expected errors are printed,
// not returned; the output is deterministic apart from timestamps.
func runPgx(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("pgx", flag.ExitOnError)
	dsn := fs.String("dsn", "", "connection string (leave sslmode out: pgx then tries SSL first)")
	fs.Parse(args)
	if *dsn == "" {
		return fmt.Errorf("pgx: -dsn is required")
	}
	for _, sc := range []struct {
		name string
		run  func(context.Context, string) error
	}{
		{"default", scenarioDefault},
		{"modes", scenarioModes},
		{"types-untyped-int", scenarioTypesUntypedInt},
		{"types", scenarioTypes},
		{"stdlib", scenarioStdlib},
	} {
		fmt.Printf("=== scenario %s\n", sc.name)
		if err := sc.run(ctx, *dsn); err != nil {
			return fmt.Errorf("scenario %s: %w", sc.name, err)
		}
	}
	return nil
}

// expectErr prints an expected server error; anything else is returned.
func expectErr(err error, code string) error {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != code {
		return fmt.Errorf("want SQLSTATE %s, got %v", code, err)
	}
	fmt.Println("expected error:", err)
	return nil
}

var (
	fixedTS   = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	fixedDate = time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
)

func scenarioDefault(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS pgx_items (
		id bigserial PRIMARY KEY, name text UNIQUE, qty int, price numeric(10,2), flag bool,
		ts timestamptz, data bytea, doc jsonb, f8 float8, d date)`); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "TRUNCATE pgx_items"); err != nil {
		return err
	}
	ins := "INSERT INTO pgx_items (name, qty, price, flag, ts, data, doc, f8, d) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)"
	for _, a := range [][]any{
		{"apple", 3, "1.50", true, fixedTS, []byte{1, 2, 3}, map[string]any{"a": 1}, 2.5, fixedDate},
		{"banana", 5, "0.25", false, fixedTS.Add(time.Hour), nil, nil, nil, nil},
	} {
		tag, err := conn.Exec(ctx, ins, a...)
		if err != nil {
			return err
		}
		fmt.Println("insert tag:", tag)
	}
	rows, err := conn.Query(ctx, "SELECT id, name, qty, price, flag, ts, data, doc, f8, d FROM pgx_items WHERE qty > $1 ORDER BY id", 0)
	if err != nil {
		return err
	}
	for rows.Next() {
		v, err := rows.Values()
		if err != nil {
			return err
		}
		fmt.Println("row:", v)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var name string
	if err := conn.QueryRow(ctx, "SELECT name FROM pgx_items WHERE qty = $1", 3).Scan(&name); err != nil {
		return err
	}
	if err := conn.QueryRow(ctx, "SELECT name FROM pgx_items WHERE qty = $1", 99).Scan(&name); !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("want no rows, got %v", err)
	}
	var n int64
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pgx_items").Scan(&n); err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE pgx_items SET qty = qty + $1 WHERE name = $2", 1, "apple"); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	tx, err = conn.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM pgx_items WHERE name = $1", "banana"); err != nil {
		return err
	}
	if err := tx.Rollback(ctx); err != nil {
		return err
	}
	copied, err := conn.CopyFrom(ctx, pgx.Identifier{"pgx_items"}, []string{"name", "qty", "price", "flag", "ts", "doc"},
		pgx.CopyFromRows([][]any{
			{"cherry", int32(7), "2.00", true, fixedTS, map[string]any{"c": 3}},
			{"damson", int32(9), nil, nil, nil, nil},
		}))
	if err != nil {
		return err
	}
	fmt.Println("copied", copied)
	b := &pgx.Batch{}
	b.Queue("INSERT INTO pgx_items (name, qty) VALUES ($1, $2)", "elder", 11)
	b.Queue("SELECT name, qty FROM pgx_items WHERE name = $1", "elder")
	b.Queue("UPDATE pgx_items SET qty = $1 WHERE name = $2", 12, "elder")
	b.Queue("SELECT 1")
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "INSERT INTO pgx_items (name) VALUES ($1)", "apple")
	if err := expectErr(err, "23505"); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "SELEC $1", 1)
	if err := expectErr(err, "42601"); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "SELECT * FROM no_such_table WHERE x = $1", 1)
	if err := expectErr(err, "42P01"); err != nil {
		return err
	}
	return conn.Ping(ctx)
}

func scenarioModes(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, m := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol} {
		var id int64
		var name, price string
		if err := conn.QueryRow(ctx, "SELECT id, name, price::text FROM pgx_items WHERE qty >= $1 AND name <> $2 ORDER BY id LIMIT 1",
			m, int32(1), "zzz").Scan(&id, &name, &price); err != nil {
			return fmt.Errorf("%v: %w", m, err)
		}
		if _, err := conn.Exec(ctx, "UPDATE pgx_items SET flag = $1 WHERE id = $2", m, true, int64(1)); err != nil {
			return fmt.Errorf("%v: %w", m, err)
		}
		fmt.Println(m, id, name, price)
	}
	return nil
}

const typesQuery = `SELECT 1::int2 AS i2, 2::int4 AS i4, 3::int8 AS i8, 1.5::float4 AS f4, 2.5::float8 AS f8,
		12.34::numeric AS num, 'x'::text AS t, 'y'::varchar(10) AS vc, 'z'::char(3) AS bp, 'nm'::name AS nm, true AS b, '\x0102'::bytea AS ba,
		'2024-01-02'::date AS d, '2024-01-02 03:04:05'::timestamp AS ts, '2024-01-02 03:04:05+00'::timestamptz AS tstz,
		'12:34:56'::time AS tm, '1 day'::interval AS iv, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
		'{"a":1}'::json AS j, '{"a":1}'::jsonb AS jb, ARRAY[1,2]::int4[] AS ai, ARRAY['a','b']::text[] AS at,
		NULL AS unknown_null, 42::oid AS o, 'pg_class'::regclass AS rc, $1::int8 AS p_i8, $2::text AS p_t, $3::timestamptz AS p_ts, $4::bool AS p_b, $5::bytea AS p_ba, $6 AS p_untyped_int4`

// scenarioTypesUntypedInt shows what pgx does with a Go int for a
// parameter the server infers as text: it refuses on the client side
// after describing the statement.
func scenarioTypesUntypedInt(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, typesQuery, int64(7), "txt", fixedTS, true, []byte("hi"), 9)
	if err == nil {
		rows.Close()
		err = rows.Err()
	}
	if err == nil {
		return fmt.Errorf("want a client-side encode error")
	}
	fmt.Println("expected error:", err)
	return nil
}

func scenarioTypes(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, typesQuery, int64(7), "txt", fixedTS, true, []byte("hi"), "9")
	if err != nil {
		return err
	}
	fds := rows.FieldDescriptions()
	for rows.Next() {
		v, err := rows.Values()
		if err != nil {
			return err
		}
		for i, fd := range fds {
			fmt.Printf("  %-14s oid=%-5d fmt=%d go=%T %v\n", fd.Name, fd.DataTypeOID, fd.Format, v[i], v[i])
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	tag, err := conn.Exec(ctx, "UPDATE pgx_items SET name = name WHERE id = $1 AND qty = $2 AND price = $3 AND flag = $4 AND ts < $5 AND f8 > $6 AND d = $7 AND doc = $8 AND data = $9",
		int64(1), int32(4), "1.50", true, fixedTS.Add(time.Hour), 1.0, fixedDate, map[string]any{"a": 1}, []byte{1, 2, 3})
	if err != nil {
		return err
	}
	fmt.Println("update tag:", tag)
	return nil
}

func scenarioStdlib(ctx context.Context, dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM pgx_items WHERE name LIKE 'sql%'"); err != nil {
		return err
	}
	res, err := db.ExecContext(ctx, "INSERT INTO pgx_items (name, qty) VALUES ($1, $2)", "sql1", 12)
	if err != nil {
		return err
	}
	n, _ := res.RowsAffected()
	fmt.Println("rows affected", n)
	rows, err := db.QueryContext(ctx, "SELECT id, name, qty, price, ts FROM pgx_items WHERE qty > $1 ORDER BY id", 0)
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM pgx_items WHERE qty = $1", 12).Scan(&name); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE pgx_items SET qty = $1 WHERE name = $2", 12, "sql1"); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	tx, err = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable, ReadOnly: true})
	if err != nil {
		return err
	}
	if err := tx.Rollback(); err != nil {
		return err
	}
	st, err := db.PrepareContext(ctx, "SELECT qty FROM pgx_items WHERE name = $1")
	if err != nil {
		return err
	}
	var qty int64
	for range 2 {
		if err := st.QueryRowContext(ctx, "sql1").Scan(&qty); err != nil {
			return err
		}
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Println("stdlib ok", name, qty)
	return nil
}
