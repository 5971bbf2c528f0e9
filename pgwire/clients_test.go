package pgwire

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

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
