package integration

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EXPLAIN answers as PostgreSQL's does: one text column "QUERY PLAN", a
// row per line, through both protocols and inside a transaction. (The plan
// itself is SQLite's.) With RAFTSQL_REFERENCE_URL it runs against
// PostgreSQL.
func TestExplainShape(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	if _, err := conn.Exec(ctx, "CREATE TABLE expl (id int PRIMARY KEY, v text)"); err != nil {
		t.Fatal(err)
	}
	check := func(what string, rows pgx.Rows) {
		t.Helper()
		defer rows.Close()
		fds := rows.FieldDescriptions()
		if len(fds) != 1 || fds[0].Name != "QUERY PLAN" || fds[0].DataTypeOID != 25 {
			t.Fatalf("%s: columns %+v", what, fds)
		}
		n := 0
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil || line == "" {
				t.Fatalf("%s: line %q, %v", what, line, err)
			}
			n++
		}
		if err := rows.Err(); err != nil || n == 0 {
			t.Fatalf("%s: %d lines, %v", what, n, err)
		}
		if tag := rows.CommandTag().String(); tag != "EXPLAIN" {
			t.Fatalf("%s: tag %q", what, tag)
		}
	}
	q := "EXPLAIN SELECT * FROM expl WHERE id = $1 ORDER BY v"
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeSimpleProtocol} {
		rows, err := conn.Query(ctx, q, mode, 1)
		if err != nil {
			t.Fatal(err)
		}
		check(mode.String(), rows)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "INSERT INTO expl VALUES (1, 'a')"); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	check("in a transaction", rows)
}
