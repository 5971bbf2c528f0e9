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
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
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
