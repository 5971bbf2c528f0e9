package integration

// Restoring a dump made by PostgreSQL's own pg_dump 15 into raftsql. The
// dumps in testdata/pgrestore/ are the unmodified output of pg_dump 15.18
// against PostgreSQL 15.18 for testdata/pgrestore/schema.sql (serial and
// identity columns, a sequence with START and INCREMENT, bigint, numeric,
// timestamptz, jsonb, uuid, bytea and text[] columns, an enum, CHECK and
// UNIQUE constraints, partial and expression indexes, foreign keys with ON
// DELETE CASCADE, a composite primary key, a view, comments; rows with
// NULLs, quotes, tabs, backslashes, unicode and large numerics), made with
//
//	psql -v ON_ERROR_STOP=1 -f schema.sql DB
//	pg_dump DB > plain.sql
//	pg_dump --inserts DB > inserts.sql
//	pg_dump --column-inserts DB > column-inserts.sql
//	pg_dump --schema-only DB > schema-only.sql
//	pg_dump --data-only DB > data-only.sql
//	pg_dump --clean --if-exists DB > clean.sql
//
// and tables.out is PostgreSQL's answer to tableContents (COPY TO STDOUT of
// each table and the view, sorted, and pg_sequences). Each dump is
// restored as psql -v ON_ERROR_STOP=1 -f would run it (restoreScript: the
// same statements, COPY data through the COPY protocol), so the test
// needs no PostgreSQL: every statement must succeed, and the restored
// database must answer tableContents exactly as PostgreSQL did, enforce
// the constraints and continue the sequences after the restored rows.

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// tableContents are the queries whose COPY output tables.out records.
var tableContents = []struct{ name, query string }{
	{"audit", "SELECT * FROM public.audit ORDER BY 1, 2"},
	{"big_orders", "SELECT * FROM public.big_orders ORDER BY 1, 2"},
	{"customers", "SELECT * FROM public.customers ORDER BY 1, 2"},
	{"order_lines", "SELECT * FROM public.order_lines ORDER BY 1, 2"},
	{"orders", "SELECT * FROM public.orders ORDER BY 1, 2"},
	{"sequences", "SELECT sequencename, last_value, start_value, increment_by FROM pg_sequences ORDER BY 1"},
}

func TestRestorePostgresDump(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	want, err := os.ReadFile(filepath.Join("testdata", "pgrestore", "tables.out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		dumps []string // restored in order into one fresh cluster
	}{
		{"plain", []string{"plain.sql"}},
		{"inserts", []string{"inserts.sql"}},
		{"column-inserts", []string{"column-inserts.sql"}},
		{"schema-only+data-only", []string{"schema-only.sql", "data-only.sql"}},
		// --clean --if-exists into an empty database (every DROP and
		// ALTER TABLE IF EXISTS skips), then again over the restore
		{"clean", []string{"clean.sql", "clean.sql"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startMemCluster(t, 1)
			c.waitLeader(30 * time.Second)
			conn, err := pgx.Connect(ctx, c.url(0))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			for _, d := range tc.dumps {
				restoreScript(ctx, t, conn, filepath.Join("testdata", "pgrestore", d))
			}
			if got := dumpedContents(ctx, t, conn); got != string(want) {
				t.Fatalf("restored contents differ from PostgreSQL's\n got:\n%s\nwant:\n%s", got, want)
			}
			// the dump emptied search_path (set_config): as in
			// PostgreSQL, an unqualified name finds no table
			var sp string
			if err := conn.QueryRow(ctx, "SHOW search_path").Scan(&sp); err != nil || sp != "" {
				t.Fatalf("search_path after the restore: %q %v", sp, err)
			}
			if _, err := conn.Exec(ctx, "SELECT count(*) FROM customers"); pgCode(err) != "42P01" {
				t.Fatalf("unqualified name under an empty search_path: %v, want 42P01", err)
			}
			if _, err := conn.Exec(ctx, "RESET search_path"); err != nil {
				t.Fatal(err)
			}
			checkRestoredBehaviour(ctx, t, conn)
		})
	}
}

// restoreScript runs a pg_dump plain-format script as psql -v
// ON_ERROR_STOP=1 -f does: statements end with a line ending in ";"
// outside a string literal, COPY ... FROM stdin takes the lines up to
// "\." as its data, and psql's own meta-commands (\restrict,
// \unrestrict, which pg_dump 15.14 and later write) are not SQL.
func restoreScript(ctx context.Context, t *testing.T, conn *pgx.Conn, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var stmt strings.Builder
	inString := false
	lineNo := 0
	for sc.Scan() {
		line := sc.Text()
		lineNo++
		if stmt.Len() == 0 && !inString {
			if strings.HasPrefix(line, `\`) || strings.HasPrefix(line, "--") || strings.TrimSpace(line) == "" {
				continue
			}
		}
		stmt.WriteString(line)
		stmt.WriteString("\n")
		inString = scanQuotes(line, inString)
		if inString || !strings.HasSuffix(strings.TrimSpace(line), ";") {
			continue
		}
		sql := stmt.String()
		stmt.Reset()
		if strings.HasPrefix(sql, "COPY ") && strings.HasSuffix(strings.TrimSpace(sql), "FROM stdin;") {
			var data bytes.Buffer
			for sc.Scan() {
				lineNo++
				if sc.Text() == `\.` {
					break
				}
				data.WriteString(sc.Text())
				data.WriteString("\n")
			}
			if _, err := conn.PgConn().CopyFrom(ctx, &data, strings.TrimSuffix(strings.TrimSpace(sql), ";")); err != nil {
				t.Fatalf("%s:%d: %s: %v", path, lineNo, sql, err)
			}
			continue
		}
		if _, err := conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatalf("%s:%d: %s: %v", path, lineNo, sql, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(stmt.String()) != "" {
		t.Fatalf("%s: unterminated statement %q", path, stmt.String())
	}
}

// scanQuotes reports whether a string literal is still open after line,
// given whether one was open before it (” and, in E” literals, \'
// escape a quote).
func scanQuotes(line string, in bool) bool {
	escapes := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case !in && c == '-' && i+1 < len(line) && line[i+1] == '-':
			return false // a comment to the end of the line
		case !in && c == '\'':
			in = true
			escapes = i > 0 && (line[i-1] == 'E' || line[i-1] == 'e')
		case in && escapes && c == '\\':
			i++
		case in && c == '\'':
			if i+1 < len(line) && line[i+1] == '\'' {
				i++
				continue
			}
			in = false
		}
	}
	return in
}

// dumpedContents is tableContents' answer in tables.out's form.
func dumpedContents(ctx context.Context, t *testing.T, conn *pgx.Conn) string {
	t.Helper()
	var b bytes.Buffer
	for _, q := range tableContents {
		b.WriteString("== " + q.name + "\n")
		if _, err := conn.PgConn().CopyTo(ctx, &b, "COPY ("+q.query+") TO STDOUT"); err != nil {
			t.Fatalf("%s: %v", q.query, err)
		}
	}
	return b.String()
}

// checkRestoredBehaviour: the restored schema acts as PostgreSQL's does
// (the answers of the same statements after PostgreSQL's own restore).
func checkRestoredBehaviour(ctx context.Context, t *testing.T, conn *pgx.Conn) {
	t.Helper()
	var id, invoice int64
	var state string
	if err := conn.QueryRow(ctx, `INSERT INTO customers (email, name) VALUES ('new@x', 'new') RETURNING id, state::text`).Scan(&id, &state); err != nil || id != 5 || state != "draft" {
		t.Errorf("next customer: %d %q %v; want 5 draft", id, state, err)
	}
	if err := conn.QueryRow(ctx, `INSERT INTO orders (customer_id, total) VALUES (1, 1) RETURNING id, invoice`).Scan(&id, &invoice); err != nil || id != 5 || invoice != 1025 {
		t.Errorf("next order: %d %d %v; want 5 1025", id, invoice, err)
	}
	if err := conn.QueryRow(ctx, `INSERT INTO audit (what) VALUES ('n') RETURNING id`).Scan(&id); err != nil || id != 70 {
		t.Errorf("next audit id: %d %v; want 70", id, err)
	}
	for sql, code := range map[string]string{
		`INSERT INTO audit (id, what) VALUES (1, 'n')`:                                                           "428C9",
		`INSERT INTO orders (customer_id, total) VALUES (1, -1)`:                                                 "23514",
		`INSERT INTO customers (email, name) VALUES ('new@x', 'dup')`:                                            "23505",
		`INSERT INTO customers (email, name, token) VALUES ('t@x', 't', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')`: "23505",
		`INSERT INTO order_lines VALUES (1, 1, 'dup', 1, 1)`:                                                     "23505",
		`INSERT INTO orders (customer_id, total) VALUES (99, 1)`:                                                 "23503",
		`INSERT INTO customers (email, name, state) VALUES ('e@x', 'e', 'bogus')`:                                "22P02",
	} {
		if _, err := conn.Exec(ctx, sql); pgCode(err) != code {
			t.Errorf("%s: %v, want %s", sql, err, code)
		}
	}
	// ON DELETE CASCADE through orders to order_lines
	if _, err := conn.Exec(ctx, `DELETE FROM customers WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	var orders, lines int64
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines)`).Scan(&orders, &lines); err != nil || orders != 2 || lines != 1 {
		t.Errorf("after the cascade: %d orders, %d lines, %v; want 2, 1", orders, lines, err)
	}
	var comment string
	if err := conn.QueryRow(ctx, `SELECT obj_description('customers'::regclass, 'pg_class')`).Scan(&comment); err != nil || comment != "people who buy" {
		t.Errorf("table comment: %q %v", comment, err)
	}
}
