package pgwire

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/jackc/pgx/v5/pgtype"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type testServer struct {
	srv  *Server
	addr string
	eng  *fakeEngine
	done chan error
}

// testServerVersion is the server_version the test servers report (the
// fake engine's sessions report none of their own).
const testServerVersion = "15.0 (raftsql 0.1.0)"

func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	eng := &fakeEngine{}
	if cfg.Engine == nil {
		cfg.Engine = eng
	}
	if cfg.Logger == nil {
		cfg.Logger = testLogger(t)
	}
	if cfg.ServerVersion == "" {
		cfg.ServerVersion = testServerVersion
	}
	srv := NewServer(cfg)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{srv: srv, addr: l.Addr().String(), eng: eng, done: make(chan error, 1)}
	go func() { ts.done <- srv.Serve(context.Background(), l) }()
	t.Cleanup(func() {
		srv.Close()
		select {
		case err := <-ts.done:
			if !errors.Is(err, ErrServerClosed) {
				t.Errorf("Serve returned %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("Serve did not return")
		}
	})
	return ts
}

func (ts *testServer) dsn(extra string) string {
	d := fmt.Sprintf("postgres://tester@%s/testdb?sslmode=disable", ts.addr)
	if extra != "" {
		d += "&" + extra
	}
	return d
}

func connect(t testing.TB, ts *testServer, extra string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, ts.dsn(extra))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func tctx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// waitFor polls cond until it holds; the test context's deadline bounds
// the wait. Tests wait for conditions, never for durations.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	ctx := tctx(t)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-tick.C:
		}
	}
}

// runningStatements counts the connections of srv that are executing a
// statement (one a CancelRequest could interrupt).
func runningStatements(srv *Server) int {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	n := 0
	for c := range srv.conns {
		c.mu.Lock()
		if c.stmtCancel != nil {
			n++
		}
		c.mu.Unlock()
	}
	return n
}

func modeParam(m pgx.QueryExecMode) string {
	return "default_query_exec_mode=" + strings.ReplaceAll(m.String(), " ", "_")
}

var allModes = []pgx.QueryExecMode{
	pgx.QueryExecModeCacheStatement,
	pgx.QueryExecModeCacheDescribe,
	pgx.QueryExecModeDescribeExec,
	pgx.QueryExecModeExec,
	pgx.QueryExecModeSimpleProtocol,
}

func TestPgxQueryExecModes(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	for _, mode := range allModes {
		t.Run(mode.String(), func(t *testing.T) {
			conn := connect(t, ts, modeParam(mode))
			name := "item-" + mode.String()
			ts1 := time.Date(2026, 11, 21, 10, 0, 0, 123456000, time.UTC)
			_, err := conn.Exec(ctx, "INSERT INTO items (name, qty, price, flag, ts, data, doc, f8, d) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
				name, int32(7), "1.50", true, ts1, []byte{1, 2, 3}, `{"a":1}`, 2.5, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatalf("insert: %v", err)
			}
			var (
				qty   int64
				price pgtype.Numeric
				flag  bool
				tsv   time.Time
				data  []byte
				doc   string
				f8    float64
				d     time.Time
			)
			err = conn.QueryRow(ctx, "SELECT qty, price, flag, ts, data, doc, f8, d FROM items WHERE name = $1", name).
				Scan(&qty, &price, &flag, &tsv, &data, &doc, &f8, &d)
			if err != nil {
				t.Fatalf("select: %v", err)
			}
			pf, _ := price.Float64Value()
			if qty != 7 || pf.Float64 != 1.5 || !flag || !tsv.Equal(ts1) || !bytes.Equal(data, []byte{1, 2, 3}) || doc != `{"a":1}` || f8 != 2.5 || d.Format("2006-01-02") != "2024-02-29" {
				t.Fatalf("got qty=%d price=%v flag=%v ts=%v data=%x doc=%q f8=%v d=%v", qty, pf, flag, tsv, data, doc, f8, d)
			}
			tag, err := conn.Exec(ctx, "UPDATE items SET qty = $1 WHERE name = $2", int32(9), name)
			if err != nil || tag.String() != "UPDATE 1" {
				t.Fatalf("update: %v %v", tag, err)
			}
			// Untyped parameter (OID 0): pgx sends text.
			var s string
			if err := conn.QueryRow(ctx, "SELECT $1 AS x", "hello").Scan(&s); err != nil || s != "hello" {
				t.Fatalf("untyped: %q %v", s, err)
			}
			// Errors keep the connection usable.
			_, err = conn.Exec(ctx, "SELECT raise_error('22012')")
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "22012" || pgErr.Detail != "some detail" || pgErr.Hint != "some hint" || pgErr.TableName != "items" || pgErr.ConstraintName != "items_name_key" {
				t.Fatalf("error: %#v", err)
			}
			if err := conn.Ping(ctx); err != nil {
				t.Fatalf("ping: %v", err)
			}
		})
	}
}

func TestPgxTypes(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	for _, mode := range allModes {
		t.Run(mode.String(), func(t *testing.T) {
			conn := connect(t, ts, modeParam(mode))
			tsv := time.Date(2026, 11, 21, 10, 0, 0, 5000, time.UTC)
			var (
				i2  int16
				i4  int32
				i8  int64
				f4  float32
				f8  float64
				num pgtype.Numeric
				txt string
				vc  string
				bo  bool
				by  []byte
				dt  time.Time
				tm  pgtype.Time
				tsp time.Time
				tsz time.Time
				iv  pgtype.Interval
				uid pgtype.UUID
				js  map[string]any
				jb  map[string]any
				nul *string
			)
			err := conn.QueryRow(ctx, `SELECT $1::int2, $2::int4, $3::int8, $4::float4, $5::float8, $6::numeric, $7::text, $8::varchar,
				$9::bool, $10::bytea, $11::date, $12::time, $13::timestamp, $14::timestamptz, $15::interval, $16::uuid, $17::json, $18::jsonb, $19::text`,
				int16(-3), int32(1<<30), int64(math.MaxInt64), float32(1.25), 3.141592653589793, "-12345.6789", "héllo", "v",
				true, []byte{0, 0xff}, time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), pgtype.Time{Microseconds: 3723000001, Valid: true}, tsv, tsv,
				pgtype.Interval{Months: 14, Days: 3, Microseconds: 3600e6 + 5, Valid: true}, pgtype.UUID{Bytes: [16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, Valid: true},
				`{"a": 1}`, `{"b": "c"}`, nil).
				Scan(&i2, &i4, &i8, &f4, &f8, &num, &txt, &vc, &bo, &by, &dt, &tm, &tsp, &tsz, &iv, &uid, &js, &jb, &nul)
			if err != nil {
				t.Fatal(err)
			}
			nf, _ := num.Float64Value()
			if i2 != -3 || i4 != 1<<30 || i8 != math.MaxInt64 || f4 != 1.25 || f8 != 3.141592653589793 || nf.Float64 != -12345.6789 ||
				txt != "héllo" || vc != "v" || !bo || !bytes.Equal(by, []byte{0, 0xff}) || dt.Format("2006-01-02") != "1999-12-31" ||
				tm.Microseconds != 3723000001 || !tsp.Equal(tsv) || !tsz.Equal(tsv) || iv.Months != 14 || iv.Days != 3 || iv.Microseconds != 3600e6+5 ||
				uid.Bytes[15] != 16 || js["a"] != float64(1) || jb["b"] != "c" || nul != nil {
				t.Fatalf("mismatch: %v %v %v %v %v %v %q %q %v %x %v %v %v %v %+v %v %v %v %v", i2, i4, i8, f4, f8, nf, txt, vc, bo, by, dt, tm, tsp, tsz, iv, uid, js, jb, nul)
			}
		})
	}
}

// TestEncodeValuesForPgx checks session values of loose types (SQLite
// style) encode so that pgx scans them.
func TestEncodeValuesForPgx(t *testing.T) {
	eng := &fakeEngine{}
	ts := startServer(t, Config{Engine: eng})
	ctx := tctx(t)
	eng.items = [][]any{{int64(1), "a", int64(2), 1.5, int64(1), "2026-11-21 10:00:00", "raw", `{"x":2}`, int64(3), "2026-11-21"}}
	eng.nextID = 1
	for _, mode := range allModes {
		conn := connect(t, ts, modeParam(mode))
		var (
			price float64
			flag  bool
			tsv   time.Time
			data  []byte
			f8    float64
			d     time.Time
			doc   string
		)
		if err := conn.QueryRow(ctx, "SELECT price, flag, ts, data, f8, d, doc FROM items").Scan(&price, &flag, &tsv, &data, &f8, &d, &doc); err != nil {
			t.Fatalf("%v: %v", mode, err)
		}
		if price != 1.5 || !flag || !tsv.Equal(time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)) || string(data) != "raw" || f8 != 3 || d.Day() != 21 || doc != `{"x":2}` {
			t.Fatalf("%v: %v %v %v %q %v %v %q", mode, price, flag, tsv, data, f8, d, doc)
		}
	}
}

func TestPgxBatchAndCopy(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	conn := connect(t, ts, "")
	b := &pgx.Batch{}
	b.Queue("INSERT INTO items (name, qty) VALUES ($1, $2)", "b1", int32(1))
	b.Queue("SELECT name, qty FROM items WHERE name = $1", "b1")
	b.Queue("UPDATE items SET qty = $1 WHERE name = $2", int32(2), "b1")
	b.Queue("SELECT 1")
	br := conn.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		t.Fatal(err)
	}
	var name string
	var qty int32
	if err := br.QueryRow().Scan(&name, &qty); err != nil || name != "b1" || qty != 1 {
		t.Fatalf("%v %v %v", name, qty, err)
	}
	if tag, err := br.Exec(); err != nil || tag.String() != "UPDATE 1" {
		t.Fatal(tag, err)
	}
	var one int32
	if err := br.QueryRow().Scan(&one); err != nil || one != 1 {
		t.Fatal(one, err)
	}
	if err := br.Close(); err != nil {
		t.Fatal(err)
	}

	rows := [][]any{}
	for i := 0; i < 2500; i++ {
		rows = append(rows, []any{fmt.Sprintf("c%d", i), int32(i), "12.34", i%2 == 0, time.Unix(int64(i), 0), `{"k":"v"}`})
	}
	rows = append(rows, []any{"cnull", nil, nil, nil, nil, nil})
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"name", "qty", "price", "flag", "ts", "doc"}, pgx.CopyFromRows(rows))
	if err != nil || n != int64(len(rows)) {
		t.Fatalf("copy: %d %v", n, err)
	}
	var gotQty int32
	var ts1 time.Time
	if err := conn.QueryRow(ctx, "SELECT qty, ts FROM items WHERE name = $1", "c2499").Scan(&gotQty, &ts1); err != nil || gotQty != 2499 || ts1.Unix() != 2499 {
		t.Fatal(gotQty, ts1, err)
	}
	// Copy into a missing column fails cleanly and the connection survives.
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"nope"}, pgx.CopyFromRows([][]any{{1}}))
	if err == nil {
		t.Fatal("copy into missing column succeeded")
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	// COPY TO STDOUT through pgconn.
	var buf bytes.Buffer
	tag, err := conn.PgConn().CopyTo(ctx, &buf, "COPY items (name, qty) TO STDOUT")
	if err != nil || tag.String() != fmt.Sprintf("COPY %d", len(rows)+1) {
		t.Fatal(tag, err)
	}
	if !strings.HasPrefix(buf.String(), "b1\t2\nc0\t0\n") || !strings.HasSuffix(buf.String(), "cnull\t\\N\n") {
		t.Fatalf("copy out: %q", buf.String()[:40])
	}
	buf.Reset()
	if _, err := conn.PgConn().CopyTo(ctx, &buf, "COPY items (name, qty) TO STDOUT csv header"); err != nil || !strings.HasPrefix(buf.String(), "name,qty\nb1,2\n") {
		t.Fatalf("csv out: %v %q", err, buf.String()[:20])
	}
	// COPY FROM text and csv via pgconn.
	tag, err = conn.PgConn().CopyFrom(ctx, strings.NewReader("t1\t5\nt2\t\\N\n\\.\n"), "COPY items (name, qty) FROM STDIN")
	if err != nil || tag.String() != "COPY 2" {
		t.Fatal(tag, err)
	}
	tag, err = conn.PgConn().CopyFrom(ctx, strings.NewReader("name,qty\n\"x,1\",7\n\"multi\nline\",\n"), "COPY items (name, qty) FROM STDIN csv header")
	if err != nil || tag.String() != "COPY 2" {
		t.Fatal(tag, err)
	}
	if err := conn.QueryRow(ctx, "SELECT qty FROM items WHERE name = $1", "x,1").Scan(&gotQty); err != nil || gotQty != 7 {
		t.Fatal(gotQty, err)
	}
	// Bad copy data: error, connection usable.
	_, err = conn.PgConn().CopyFrom(ctx, strings.NewReader("t3\tnotanumber\n"), "COPY items (name, qty) FROM STDIN")
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "22P02" {
		t.Fatalf("bad copy: %v", err)
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestDatabaseSQL(t *testing.T) {
	ts := startServer(t, Config{})
	db, err := sql.Open("pgx", ts.dsn(""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := tctx(t)
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO items (name, qty) VALUES ($1, $2)", "sql1", 4); err != nil {
		t.Fatal(err)
	}
	var qty int64
	if err := db.QueryRowContext(ctx, "SELECT qty FROM items WHERE name = $1", "sql1").Scan(&qty); err != nil || qty != 4 {
		t.Fatal(qty, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE items SET qty = $1 WHERE name = $2", 5, "sql1"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := db.PrepareContext(ctx, "SELECT qty, name FROM items WHERE name = $1")
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := st.QueryRowContext(ctx, "sql1").Scan(&qty, &name); err != nil || qty != 5 || name != "sql1" {
		t.Fatal(qty, name, err)
	}
	st.Close()
	rows, err := db.QueryContext(ctx, "SELECT * FROM generate_series(1, 50)")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	if rows.Err() != nil || n != 50 {
		t.Fatal(n, rows.Err())
	}
}

func TestSetParameterStatusAndNotice(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	var notices []string
	cfg, _ := pgx.ParseConfig(ts.dsn("application_name=myapp"))
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) { notices = append(notices, n.Message) }
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	pc := conn.PgConn()
	if pc.ParameterStatus("application_name") != "myapp" || pc.ParameterStatus("server_version") != testServerVersion ||
		pc.ParameterStatus("standard_conforming_strings") != "on" || pc.ParameterStatus("session_authorization") != "tester" {
		t.Fatalf("params: %q %q", pc.ParameterStatus("application_name"), pc.ParameterStatus("server_version"))
	}
	if _, err := conn.Exec(ctx, "SET TimeZone = 'Asia/Kolkata'"); err != nil {
		t.Fatal(err)
	}
	if pc.ParameterStatus("TimeZone") != "Asia/Kolkata" {
		t.Fatalf("TimeZone = %q", pc.ParameterStatus("TimeZone"))
	}
	res, err := pc.Exec(ctx, "SELECT '2026-11-21 10:00:00+00'::timestamptz").ReadAll()
	if err != nil || string(res[0].Rows[0][0]) != "2026-11-21 15:30:00+05:30" {
		t.Fatalf("tz: %v %q", err, res[0].Rows[0][0])
	}
	if _, err := conn.Exec(ctx, "select notice"); err != nil || len(notices) != 1 || notices[0] != "hello notice" {
		t.Fatal(err, notices)
	}
}

func TestSimpleQueryMultiAndTx(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	conn := connect(t, ts, "")
	pc := conn.PgConn()
	results, err := pc.Exec(ctx, "SELECT 1; SELECT 'a', 2; ; SELECT raise_error('42P01'); SELECT 3").ReadAll()
	if err == nil || len(results) < 2 {
		t.Fatalf("results=%d err=%v", len(results), err)
	}
	if string(results[0].Rows[0][0]) != "1" || results[0].CommandTag.String() != "SELECT 1" || string(results[1].Rows[0][1]) != "2" {
		t.Fatalf("%+v", results)
	}
	if _, err := pc.Exec(ctx, "BEGIN").ReadAll(); err != nil || pc.TxStatus() != 'T' {
		t.Fatal(err, pc.TxStatus())
	}
	pc.Exec(ctx, "SELECT raise_error('22012')").ReadAll()
	if pc.TxStatus() != 'E' {
		t.Fatalf("tx status %c", pc.TxStatus())
	}
	res, err := pc.Exec(ctx, "COMMIT").ReadAll()
	if err != nil || res[0].CommandTag.String() != "ROLLBACK" || pc.TxStatus() != 'I' {
		t.Fatal(err, res, pc.TxStatus())
	}
	res, err = pc.Exec(ctx, "-- ping").ReadAll()
	if err != nil || len(res) != 1 || res[0].CommandTag.String() != "" {
		t.Fatal(err, res)
	}
}

// rawConn speaks the protocol by hand through pgproto3.Frontend.
type rawConn struct {
	t  testing.TB
	nc net.Conn
	fe *pgproto3.Frontend
}

func dialRaw(t testing.TB, addr string) *rawConn {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	nc.SetDeadline(time.Now().Add(20 * time.Second))
	t.Cleanup(func() { nc.Close() })
	return &rawConn{t: t, nc: nc, fe: pgproto3.NewFrontend(nc, nc)}
}

func (r *rawConn) send(msgs ...pgproto3.FrontendMessage) {
	r.t.Helper()
	for _, m := range msgs {
		r.fe.Send(m)
	}
	if err := r.fe.Flush(); err != nil {
		r.t.Fatal(err)
	}
}

// until reads messages up to and including one of type T, returning
// their type names.
func (r *rawConn) readUntilReady() []string {
	r.t.Helper()
	var out []string
	for {
		m, err := r.fe.Receive()
		if err != nil {
			r.t.Fatalf("receive after %v: %v", out, err)
		}
		out = append(out, describeMsg(m))
		if _, ok := m.(*pgproto3.ReadyForQuery); ok {
			return out
		}
	}
}

func describeMsg(m pgproto3.BackendMessage) string {
	switch x := m.(type) {
	case *pgproto3.CommandComplete:
		return "CommandComplete(" + string(x.CommandTag) + ")"
	case *pgproto3.ErrorResponse:
		return x.Severity + "(" + x.Code + ")"
	case *pgproto3.ReadyForQuery:
		return "ReadyForQuery(" + string(x.TxStatus) + ")"
	case *pgproto3.DataRow:
		var vals []string
		for _, v := range x.Values {
			vals = append(vals, string(v))
		}
		return "DataRow(" + strings.Join(vals, ",") + ")"
	default:
		return strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3.")
	}
}

func (r *rawConn) startup() {
	r.t.Helper()
	r.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "raw"}})
	r.readUntilReady()
}

func TestExtendedProtocolRaw(t *testing.T) {
	ts := startServer(t, Config{})
	r := dialRaw(t, ts.addr)
	r.startup()
	check := func(got []string, want ...string) {
		t.Helper()
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("got  %v\nwant %v", got, want)
		}
	}
	// Row-limited execute with PortalSuspended.
	r.send(&pgproto3.Parse{Name: "s1", Query: "SELECT * FROM generate_series(1, 5)"},
		&pgproto3.Bind{PreparedStatement: "s1"},
		&pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Execute{MaxRows: 2},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "BindComplete", "RowDescription", "DataRow(1)", "DataRow(2)", "PortalSuspended",
		"DataRow(3)", "DataRow(4)", "PortalSuspended", "DataRow(5)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// Redefining a named statement: 42P05, then everything up to Sync is skipped.
	r.send(&pgproto3.Parse{Name: "s1", Query: "SELECT 1"},
		&pgproto3.Bind{PreparedStatement: "s1"},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(42P05)", "ReadyForQuery(I)")
	// Describe statement, text + binary params, per-column formats.
	r.send(&pgproto3.Parse{Name: "s2", Query: "SELECT $1::int4 AS a, $2::text AS b, $3::int8 AS c"},
		&pgproto3.Describe{ObjectType: 'S', Name: "s2"},
		&pgproto3.Bind{PreparedStatement: "s2", ParameterFormatCodes: []int16{1, 0, 0},
			Parameters: [][]byte{{0, 0, 0, 42}, []byte("x"), nil}, ResultFormatCodes: []int16{0, 1, 0}},
		&pgproto3.Execute{},
		&pgproto3.Close{ObjectType: 'S', Name: "s2"},
		&pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "ParameterDescription", "RowDescription", "BindComplete", "DataRow(42,x,)", "CommandComplete(SELECT 1)", "CloseComplete", "ReadyForQuery(I)")
	// Wrong parameter count; bad binary data; unknown statement/portal.
	r.send(&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{Parameters: [][]byte{}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "ERROR(08P01)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1}}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(08P01)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1, 2, 3, 4, 5}}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(22P03)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{Parameters: [][]byte{[]byte("abc")}}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(22P02)", "ReadyForQuery(I)")
	r.send(&pgproto3.Bind{PreparedStatement: "nope"}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(26000)", "ReadyForQuery(I)")
	r.send(&pgproto3.Execute{Portal: "nope"}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ERROR(34000)", "ReadyForQuery(I)")
	// Empty query via extended protocol, Flush.
	r.send(&pgproto3.Parse{Query: ""}, &pgproto3.Bind{}, &pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{}, &pgproto3.Flush{})
	var got []string
	for i := 0; i < 4; i++ {
		m, err := r.fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, describeMsg(m))
	}
	check(got, "ParseComplete", "BindComplete", "NoData", "EmptyQueryResponse")
	r.send(&pgproto3.Sync{})
	check(r.readUntilReady(), "ReadyForQuery(I)")
	// A simple query with an empty statement list.
	r.send(&pgproto3.Query{String: ""})
	check(r.readUntilReady(), "EmptyQueryResponse", "ReadyForQuery(I)")
	// COPY messages outside COPY are dropped; FunctionCall is refused.
	r.send(&pgproto3.CopyData{Data: []byte("x")}, &pgproto3.CopyDone{}, &pgproto3.Query{String: "SELECT 1"})
	check(r.readUntilReady(), "RowDescription", "DataRow(1)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// COPY FROM with CopyFail.
	r.send(&pgproto3.Query{String: "COPY items (name) FROM STDIN"}, &pgproto3.CopyData{Data: []byte("a\n")}, &pgproto3.CopyFail{Message: "nope"})
	check(r.readUntilReady(), "CopyInResponse", "ERROR(57014)", "ReadyForQuery(I)")
	// COPY through the extended protocol (Sync during copy-in is ignored).
	r.send(&pgproto3.Parse{Query: "COPY items (name, qty) FROM STDIN csv"}, &pgproto3.Bind{}, &pgproto3.Execute{},
		&pgproto3.CopyData{Data: []byte("e1,1\ne2,")}, &pgproto3.Flush{}, &pgproto3.CopyData{Data: []byte("2\n")}, &pgproto3.CopyDone{}, &pgproto3.Sync{})
	check(r.readUntilReady(), "ParseComplete", "BindComplete", "CopyInResponse", "CommandComplete(COPY 2)", "ReadyForQuery(I)")
	r.send(&pgproto3.Query{String: "SELECT qty FROM items WHERE name = 'e2'"})
	check(r.readUntilReady(), "RowDescription", "DataRow(2)", "CommandComplete(SELECT 1)", "ReadyForQuery(I)")
	// A protocol violation closes the connection with 08P01.
	r.send(&pgproto3.PasswordMessage{Password: "x"})
	m, err := r.fe.Receive()
	if er, ok := m.(*pgproto3.ErrorResponse); err != nil || !ok || er.Code != "08P01" || er.Severity != "FATAL" {
		t.Fatalf("got %#v %v", m, err)
	}
	if _, err := r.fe.Receive(); err == nil {
		t.Fatal("connection not closed")
	}
}

func rawStartupPacket(version uint32, params ...string) []byte {
	body := binary.BigEndian.AppendUint32(nil, version)
	for _, p := range params {
		body = append(body, p...)
		body = append(body, 0)
	}
	body = append(body, 0)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body)+4)), body...)
}

func readErrorResponse(t *testing.T, nc net.Conn) *pgproto3.ErrorResponse {
	t.Helper()
	fe := pgproto3.NewFrontend(nc, nc)
	for {
		m, err := fe.Receive()
		if err != nil {
			t.Fatalf("receive: %v", err)
		}
		if er, ok := m.(*pgproto3.ErrorResponse); ok {
			return er
		}
	}
}

func TestStartupEdgeCases(t *testing.T) {
	ts := startServer(t, Config{StartupTimeout: 300 * time.Millisecond})
	t.Run("version2", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(2<<16, "user", "x"))
		if er := readErrorResponse(t, r.nc); er.Code != "0A000" || er.Severity != "FATAL" {
			t.Fatal(er)
		}
	})
	t.Run("version3.2", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16|2, "user", "x", "_pq_.foo", "1"))
		m, err := r.fe.Receive()
		if npv, ok := m.(*pgproto3.NegotiateProtocolVersion); err != nil || !ok || npv.NewestMinorProtocol != 0 || len(npv.UnrecognizedOptions) != 1 {
			t.Fatalf("%#v %v", m, err)
		}
		r.readUntilReady()
	})
	t.Run("ssl-gss-then-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		b := make([]byte, 1)
		r.nc.Write([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x30}) // GSSENCRequest
		io.ReadFull(r.nc, b)
		if b[0] != 'N' {
			t.Fatalf("gss answer %q", b)
		}
		r.nc.Write([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}) // SSLRequest
		io.ReadFull(r.nc, b)
		if b[0] != 'N' {
			t.Fatalf("ssl answer %q", b)
		}
		r.startup()
	})
	t.Run("no-user", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16, "database", "x"))
		if er := readErrorResponse(t, r.nc); er.Code != "28000" {
			t.Fatal(er)
		}
	})
	t.Run("huge-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write([]byte{0, 1, 0, 0, 0, 3, 0, 0})
		if er := readErrorResponse(t, r.nc); er.Code != "08P01" {
			t.Fatal(er)
		}
	})
	t.Run("truncated-startup", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		r.nc.Write(rawStartupPacket(3<<16, "user")[:10])
		r.nc.(*net.TCPConn).CloseWrite()
		buf := make([]byte, 100)
		if n, err := r.nc.Read(buf); err == nil {
			t.Fatalf("got %q", buf[:n])
		}
	})
	t.Run("timeout", func(t *testing.T) {
		r := dialRaw(t, ts.addr)
		// The server, not the client's own deadline, ends the silent
		// connection.
		buf := make([]byte, 1)
		_, err := r.nc.Read(buf)
		var ne net.Error
		if err == nil || errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("err=%v: the server did not time the startup out", err)
		}
	})
	t.Run("session-rejected", func(t *testing.T) {
		_, err := pgx.Connect(tctx(t), ts.dsn("application_name=reject-me"))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "3D000" {
			t.Fatal(err)
		}
	})
}

func TestLimits(t *testing.T) {
	ts := startServer(t, Config{MaxMessageSize: 4096, MaxConnections: 2})
	ctx := tctx(t)
	c1 := connect(t, ts, "")
	_ = connect(t, ts, "")
	_, err := pgx.Connect(ctx, ts.dsn(""))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "53300" {
		t.Fatalf("third connection: %v", err)
	}
	_, err = c1.Exec(ctx, "SELECT '"+strings.Repeat("x", 10000)+"'")
	if !errors.As(err, &pgErr) || pgErr.Code != "54000" {
		t.Fatalf("oversized: %v", err)
	}
	// The oversized connection is closed, so a new one fits.
	waitFor(t, "the oversized connection to close", func() bool { return ts.srv.active.Load() == 1 })
	c3 := connect(t, ts, "")
	if err := c3.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestCancelRequest(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	conn := connect(t, ts, "")
	errc := make(chan error, 1)
	go func() {
		_, err := conn.Exec(ctx, "SELECT pg_sleep(30)")
		errc <- err
	}()
	waitFor(t, "the statement to start", func() bool { return runningStatements(ts.srv) == 1 })
	// A wrong secret is ignored. The server closes a cancel connection once
	// it has handled the request, so EOF means the request was seen.
	other := dialRaw(t, ts.addr)
	pkt := binary.BigEndian.AppendUint32(nil, 16)
	pkt = binary.BigEndian.AppendUint32(pkt, cancelRequestCode)
	pkt = binary.BigEndian.AppendUint32(pkt, conn.PgConn().PID())
	pkt = binary.BigEndian.AppendUint32(pkt, 0xdeadbeef)
	other.nc.Write(pkt)
	if n, err := other.nc.Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("cancel connection: read %d bytes, %v; want EOF", n, err)
	}
	select {
	case err := <-errc:
		t.Fatalf("wrong-secret cancel interfered: %v", err)
	default:
	}
	if runningStatements(ts.srv) != 1 {
		t.Fatal("wrong-secret cancel interfered: the statement is no longer running")
	}
	if err := conn.PgConn().CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57014" {
			t.Fatalf("got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancel did not work")
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestServerCloseWithClients(t *testing.T) {
	eng := &fakeEngine{}
	srv := NewServer(Config{Engine: eng, Logger: testLogger(t)})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(context.Background(), l) }()
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://x@%s/db?sslmode=disable", l.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	// Close must not wait for the running statement: were it to, the test
	// would hang for an hour.
	go func() { _, err := conn.Exec(ctx, "SELECT pg_sleep(3600)"); errc <- err }()
	waitFor(t, "the statement to start", func() bool { return runningStatements(srv) == 1 })
	srv.Close()
	if err := <-done; !errors.Is(err, ErrServerClosed) {
		t.Fatal(err)
	}
	if err := <-errc; err == nil {
		t.Fatal("statement survived Close")
	}
	// Serve after Close fails.
	l2, _ := net.Listen("tcp", "127.0.0.1:0")
	if err := srv.Serve(context.Background(), l2); !errors.Is(err, ErrServerClosed) {
		t.Fatal(err)
	}
}

func TestServeContextCancel(t *testing.T) {
	srv := NewServer(Config{Engine: &fakeEngine{}, Logger: testLogger(t)})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, "127.0.0.1:0") }()
	waitFor(t, "the server to listen", func() bool {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return len(srv.listeners) == 1
	})
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not stop")
	}
}

func TestPsql(t *testing.T) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		t.Skip("psql not installed")
	}
	ts := startServer(t, Config{})
	host, port, _ := net.SplitHostPort(ts.addr)
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(psql, append([]string{"-h", host, "-p", port, "-U", "tester", "-d", "db", "-X", "-v", "ON_ERROR_STOP=1"}, args...)...)
		cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=10", "PGSSLMODE=prefer")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("psql %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	out := run("-A", "-t", "-c", "SELECT 1")
	if strings.TrimSpace(out) != "1" {
		t.Fatalf("%q", out)
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "in.tsv")
	os.WriteFile(data, []byte("p1\t1\np2\t2\n"), 0o644)
	script := filepath.Join(dir, "s.sql")
	os.WriteFile(script, []byte(fmt.Sprintf("BEGIN;\nSELECT 'in tx';\nCOMMIT;\n\\copy items (name, qty) from '%s'\n\\copy items (name, qty) to stdout\nSELECT 'a'; SELECT 'b';\n", data)), 0o644)
	out = run("-A", "-t", "-f", script)
	for _, want := range []string{"COPY 2", "p1\t1", "p2\t2", "a\nb"} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %q in\n%s", want, out)
		}
	}
}

func selfSignedTLS(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}

func TestTLS(t *testing.T) {
	ts := startServer(t, Config{TLSConfig: selfSignedTLS(t)})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester@%s/db?sslmode=require", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, ok := conn.PgConn().Conn().(*tls.Conn); !ok {
		t.Fatalf("not TLS: %T", conn.PgConn().Conn())
	}
	var n int32
	if err := conn.QueryRow(ctx, "SELECT $1::int4", 5).Scan(&n); err != nil || n != 5 {
		t.Fatal(n, err)
	}
}

func TestLargeResultAndBinaryCopyOut(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	conn := connect(t, ts, "")
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeCacheStatement} {
		rows, err := conn.Query(ctx, "SELECT * FROM generate_series(1, 100000)", mode)
		if err != nil {
			t.Fatal(err)
		}
		var sum, n int64
		for rows.Next() {
			var v int64
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			sum += v
			n++
		}
		if rows.Err() != nil || n != 100000 || sum != 100000*100001/2 {
			t.Fatalf("%v: n=%d sum=%d err=%v", mode, n, sum, rows.Err())
		}
	}
	if _, err := conn.Exec(ctx, "INSERT INTO items (name, qty) VALUES ($1, $2)", "bin", int32(258)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	tag, err := conn.PgConn().CopyTo(ctx, &buf, "COPY items (name, qty) TO STDOUT binary")
	if err != nil || tag.String() != "COPY 1" {
		t.Fatal(tag, err)
	}
	want := append([]byte("PGCOPY\n\xff\r\n\x00"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 'b', 'i', 'n', 0, 0, 0, 4, 0, 0, 1, 2, 0xff, 0xff)
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("binary copy out:\n got %q\nwant %q", buf.Bytes(), want)
	}
	// And it can be read back by COPY FROM binary.
	tag, err = conn.PgConn().CopyFrom(ctx, bytes.NewReader(want), "COPY items (name, qty) FROM STDIN binary")
	if err != nil || tag.String() != "COPY 1" {
		t.Fatal(tag, err)
	}
}

// cleartextAuth shows how a password method plugs in.
type cleartextAuth struct{ password string }

func (a cleartextAuth) Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error {
	if err := ex.Send(&pgproto3.AuthenticationCleartextPassword{}); err != nil {
		return err
	}
	msg, err := ex.Receive(pgproto3.AuthTypeCleartextPassword)
	if err != nil {
		return err
	}
	pm, ok := msg.(*pgproto3.PasswordMessage)
	if !ok {
		return fatalErr(codeProtocolViolation, "expected password response, got %T", msg)
	}
	if pm.Password != a.password {
		return &Error{Sev: "FATAL", Code: codeInvalidPassword, Message: fmt.Sprintf("password authentication failed for user %q", info.User)}
	}
	return nil
}

func TestPasswordAuthenticator(t *testing.T) {
	ts := startServer(t, Config{Auth: cleartextAuth{password: "secret"}})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester:secret@%s/db?sslmode=disable", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	_, err = pgx.Connect(ctx, fmt.Sprintf("postgres://tester:wrong@%s/db?sslmode=disable", ts.addr))
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
		t.Fatalf("wrong password: %v", err)
	}
}

func TestSCRAMAuth(t *testing.T) {
	ts := startServer(t, Config{Auth: SCRAMAuth{Password: func(user string) (string, bool) { return "secret", user == "tester" }}})
	ctx := tctx(t)
	conn, err := pgx.Connect(ctx, fmt.Sprintf("postgres://tester:secret@%s/db?sslmode=disable", ts.addr))
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	for _, dsn := range []string{"tester:wrong", "other:secret"} {
		_, err = pgx.Connect(ctx, fmt.Sprintf("postgres://%s@%s/db?sslmode=disable", dsn, ts.addr))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
			t.Fatalf("%s: %v", dsn, err)
		}
	}
	if psql, err := exec.LookPath("psql"); err == nil {
		host, port, _ := net.SplitHostPort(ts.addr)
		cmd := exec.Command(psql, "-h", host, "-p", port, "-U", "tester", "-d", "db", "-X", "-A", "-t", "-c", "SELECT 1")
		cmd.Env = append(os.Environ(), "PGPASSWORD=secret", "PGCONNECT_TIMEOUT=10")
		if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "1" {
			t.Fatalf("psql with SCRAM: %v %s", err, out)
		}
	}
}

func TestFatalSessionErrorClosesConnection(t *testing.T) {
	ts := startServer(t, Config{})
	ctx := tctx(t)
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeCacheStatement} {
		conn := connect(t, ts, "")
		_, err := conn.Exec(ctx, "SELECT raise_fatal('25P03')", mode)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "25P03" || pgErr.Severity != "FATAL" {
			t.Fatalf("%v: %v", mode, err)
		}
		if err := conn.Ping(ctx); err == nil {
			t.Fatalf("%v: connection still usable after FATAL", mode)
		}
	}
	// The raw view: the error is followed by EOF, not ReadyForQuery.
	r := dialRaw(t, ts.addr)
	r.startup()
	r.send(&pgproto3.Query{String: "SELECT raise_fatal('57P01')"})
	m, err := r.fe.Receive()
	if er, ok := m.(*pgproto3.ErrorResponse); err != nil || !ok || er.Severity != "FATAL" {
		t.Fatalf("%#v %v", m, err)
	}
	if m, err := r.fe.Receive(); err == nil {
		t.Fatalf("got %T after FATAL", m)
	}
}
