package integration

// Described result types: pgx, database/sql and ORMs scan a column by the
// type OID (and typmod) its RowDescription gives, so a column described
// int8 where PostgreSQL says int4, or text where it says numeric or date,
// fails a typed scan or scans into the wrong Go type. testdata/describe/
// *.sql are typical ORM and report queries over typed tables; each is run
// through pgx's QueryExecModeDescribeExec (Parse, Describe, then Bind and
// Execute: the description comes before any row) and again in the simple
// protocol (the description comes with the rows), and the described
// columns (name, type, typmod) are compared with PostgreSQL 15's, recorded
// in the .out next to each file. The two protocols must agree.
//
// The files use the differential corpus' format and markers (see
// diff_test.go): a "-- differs-type: reason" line before a statement
// records a known difference (documented in docs/sql-dialect.md); the case
// fails once it matches. Re-record from a PostgreSQL 15 server:
//
//	RAFTSQL_DESCRIBE_RECORD=1 RAFTSQL_REFERENCE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//	    go test ./integration -run TestDescribedTypes
//
// With RAFTSQL_REFERENCE_URL alone the recorded answers are checked
// against that server.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestDescribedTypes(t *testing.T) {
	runCorpus(t, "describe", "RAFTSQL_DESCRIBE_RECORD", func(conn *pgx.Conn, c diffCase) string { // diff_test.go
		return renderDescribed(conn, c.sql)
	})
}

// renderDescribed runs sql on conn in the extended protocol with a
// Describe before the execution, then in the simple protocol, and renders
// the first's described columns (name:type(typmod)) and command tag, an
// error as its SQLSTATE, and a line more when the simple protocol
// describes the columns otherwise.
func renderDescribed(conn *pgx.Conn, sql string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var b strings.Builder
	b.WriteString(diffBlockMark + sql + "\n")
	ext, tag, err := describedColumns(ctx, conn, sql, pgx.QueryExecModeDescribeExec)
	if err != nil {
		b.WriteString("ERROR " + pgCode(err) + "\n")
		return b.String()
	}
	if ext != "" {
		b.WriteString("columns: " + ext + "\n")
	}
	b.WriteString("tag: " + tag + "\n")
	if strings.HasPrefix(tag, "SELECT") { // a write is not repeated
		simple, _, err := describedColumns(ctx, conn, sql, pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			b.WriteString("simple protocol: ERROR " + pgCode(err) + "\n")
		} else if simple != ext {
			b.WriteString("simple protocol columns: " + simple + "\n")
		}
	}
	return b.String()
}

// describedColumns runs sql in mode and returns its columns as described
// (name:type(typmod), joined by " | ") and its command tag.
func describedColumns(ctx context.Context, conn *pgx.Conn, sql string, mode pgx.QueryExecMode) (string, string, error) {
	rows, err := conn.Query(ctx, sql, mode)
	if err != nil {
		return "", "", err
	}
	fields := rows.FieldDescriptions()
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = f.Name + ":" + describedType(conn, f)
	}
	for rows.Next() {
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", "", err
	}
	return strings.Join(cols, " | "), rows.CommandTag().String(), nil
}

func describedType(conn *pgx.Conn, f pgconn.FieldDescription) string {
	s := diffTypeName(conn, f.DataTypeOID)
	if f.TypeModifier != -1 {
		s += "(" + strconv.Itoa(int(f.TypeModifier)) + ")"
	}
	return s
}
