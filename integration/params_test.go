package integration

// Parameter types: a client that leaves a parameter's type to the server
// (pgx, database/sql, lib/pq: Parse with type 0) sends the value in the
// type the server's ParameterDescription names, as text. A parameter the
// server leaves unknown reaches SQLite as TEXT, and in SQLite any number
// is less than any text: count(*) > $1 was false for every group, a silent
// wrong answer. testdata/params/*.sql are statements with parameters in
// the contexts PostgreSQL types them from (an aggregate, a call, a cast,
// arithmetic, BETWEEN, IN, LIMIT, CASE, coalesce, function arguments);
// each is prepared, its parameter types rendered, then executed with the
// "-- args:" values sent as text, and both compared with PostgreSQL 15's
// answers recorded in the .out next to it (corpus format: diff_test.go).
// Re-record from a PostgreSQL 15 server:
//
//	RAFTSQL_PARAMS_RECORD=1 RAFTSQL_REFERENCE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//	    go test ./integration -run TestParamTypes

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func TestParamTypes(t *testing.T) {
	runCorpus(t, "params", "RAFTSQL_PARAMS_RECORD", func(conn *pgx.Conn, c diffCase) string { // diff_test.go
		return renderParams(conn, c)
	})
}

// renderParams prepares c.sql (parameter types left to the server),
// renders the described parameter types, then executes it with c.args as
// text in those types and renders the rows as text; an error as
// renderDiffError does.
func renderParams(conn *pgx.Conn, c diffCase) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	head := diffBlockMark + c.sql + "\n"
	pc := conn.PgConn()
	sd, err := pc.Prepare(ctx, "", c.sql, nil)
	if err != nil {
		return head + renderDiffError(err, false)
	}
	var b strings.Builder
	b.WriteString(head)
	if len(sd.ParamOIDs) > 0 {
		names := make([]string, len(sd.ParamOIDs))
		for i, o := range sd.ParamOIDs {
			names[i] = diffTypeName(conn, o)
		}
		b.WriteString("params: " + strings.Join(names, " | ") + "\n")
	}
	args := make([][]byte, len(c.args))
	for i, a := range c.args {
		if a != "NULL" {
			args[i] = []byte(a)
		}
	}
	res := pc.ExecPrepared(ctx, "", args, nil, nil).Read()
	if res.Err != nil {
		return b.String() + renderDiffError(res.Err, false)
	}
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			if v == nil {
				cells[i] = "NULL"
			} else {
				cells[i] = string(v)
			}
		}
		b.WriteString(strings.Join(cells, "|") + "\n")
	}
	b.WriteString("tag: " + res.CommandTag.String() + "\n")
	return b.String()
}

// TestParamTypesClients runs issue 11's query (HAVING count(*) > $1 with
// an integer argument) through pgx's protocols and database/sql, and
// checks each returns the rows of the same query with the literal
// written in (no parameter to type). Runs against RAFTSQL_REFERENCE_URL
// too.
func TestParamTypesClients(t *testing.T) {
	ctx := context.Background()
	url := e2eURLs(t)[0]
	conn := connect(t, url)
	for _, q := range []string{
		"CREATE TABLE ptc (id int PRIMARY KEY, g text, n int8)",
		"INSERT INTO ptc VALUES (1, 'a', 10), (2, 'a', 20), (3, 'b', 30), (4, 'c', 40), (5, 'c', 50)",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	groups := func(rows pgx.Rows, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, c := range []struct{ param, literal string }{
		{"SELECT g FROM ptc GROUP BY g HAVING count(*) > $1 ORDER BY g", "SELECT g FROM ptc GROUP BY g HAVING count(*) > 1 ORDER BY g"},
		{"SELECT g FROM ptc GROUP BY g HAVING sum(n) > $1 ORDER BY g", "SELECT g FROM ptc GROUP BY g HAVING sum(n) > 1 ORDER BY g"},
		{"SELECT g FROM ptc WHERE n / 10 > $1 ORDER BY g", "SELECT g FROM ptc WHERE n / 10 > 1 ORDER BY g"},
	} {
		want := groups(conn.Query(ctx, c.literal, pgx.QueryExecModeSimpleProtocol))
		if len(want) == 0 {
			t.Fatalf("%s: no rows: the case checks nothing", c.literal)
		}
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol} {
			if got := groups(conn.Query(ctx, c.param, mode, 1)); !slices.Equal(got, want) {
				t.Errorf("mode %v: %s with $1 = 1: %q, want %q", mode, c.param, got, want)
			}
		}
		db, err := sql.Open("pgx", url)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.QueryContext(ctx, c.param, 1)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var g string
			if err := rows.Scan(&g); err != nil {
				t.Fatal(err)
			}
			got = append(got, g)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		db.Close()
		if !slices.Equal(got, want) {
			t.Errorf("database/sql: %s with $1 = 1: %q, want %q", c.param, got, want)
		}
	}
}
