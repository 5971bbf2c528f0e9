package integration

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// sqlStep is one statement of a table-driven script run against raftsql
// and, with RAFTSQL_REFERENCE_URL, against PostgreSQL: both must give the
// same rows (rendered with %v, one row per line, columns joined by "|")
// or the same SQLSTATE (and DETAIL/HINT when given).
type sqlStep struct {
	sql    string
	rows   string // expected rows; "" = no check (for statements without rows)
	code   string // expected SQLSTATE; "" = success
	detail string // expected DETAIL when code is set ("" = no check)
	hint   string // expected HINT when code is set ("" = no check)
	pos    int32  // expected error position (1-based characters) when code is set (0 = no check)
}

// runScript runs steps in order on conn.
func runScript(t *testing.T, conn *pgx.Conn, steps []sqlStep) {
	t.Helper()
	runSteps(t, steps, func(sql string) (string, error) { return scriptQuery(conn, sql) })
}

// runSteps checks steps with query rendering the rows.
func runSteps(t *testing.T, steps []sqlStep, query func(sql string) (string, error)) {
	t.Helper()
	for _, st := range steps {
		got, err := query(st.sql)
		if st.code != "" {
			var pe *pgconn.PgError
			if !errors.As(err, &pe) || pe.Code != st.code {
				t.Errorf("%s: got %q, %v; want SQLSTATE %s", st.sql, got, err, st.code)
				continue
			}
			if st.detail != "" && pe.Detail != st.detail {
				t.Errorf("%s: DETAIL %q, want %q", st.sql, pe.Detail, st.detail)
			}
			if st.pos != 0 && pe.Position != st.pos {
				t.Errorf("%s: position %d, want %d", st.sql, pe.Position, st.pos)
			}
			if st.hint != "" && pe.Hint != st.hint {
				t.Errorf("%s: HINT %q, want %q", st.sql, pe.Hint, st.hint)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", st.sql, err)
			continue
		}
		if st.rows != "" && got != st.rows {
			t.Errorf("%s:\n got %q\nwant %q", st.sql, got, st.rows)
		}
	}
}

func scriptQuery(conn *pgx.Conn, sql string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := conn.Query(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return "", err
		}
		cells := make([]string, len(vals))
		for i, v := range vals {
			cells[i] = fmt.Sprint(v)
		}
		lines = append(lines, strings.Join(cells, "|"))
	}
	return strings.Join(lines, "\n"), rows.Err()
}

// connectScript connects to url for runScript.
func connectScript(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	notices := &[]*pgconn.Notice{}
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) { *notices = append(*notices, n) }
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	scriptNotices.Store(conn, notices)
	t.Cleanup(func() {
		scriptNotices.Delete(conn)
		conn.Close(context.Background())
	})
	return conn
}

// scriptNotices: the NOTICEs (and WARNINGs) each connectScript connection
// received and takeNotices has not taken yet. OnNotice runs on the
// goroutine reading the connection, i.e. within the query's call.
var scriptNotices sync.Map // *pgx.Conn -> *[]*pgconn.Notice

// takeNotices returns and forgets what conn (from connectScript) received.
func takeNotices(conn *pgx.Conn) []*pgconn.Notice {
	v, ok := scriptNotices.Load(conn)
	if !ok {
		return nil
	}
	p := v.(*[]*pgconn.Notice)
	out := *p
	*p = nil
	return out
}
