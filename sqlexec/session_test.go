package sqlexec

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// fakeReplicator applies proposals locally, in order.
type fakeReplicator struct {
	db       *DB
	mu       sync.Mutex
	next     uint64
	barriers atomic.Int64
	proposed atomic.Int64
	log      [][]byte
}

func (f *fakeReplicator) Propose(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	data := EncodeCommand(cmd)
	f.log = append(f.log, data)
	f.proposed.Add(1)
	return f.db.Apply(f.next, data), nil
}

func (f *fakeReplicator) ReadBarrier(ctx context.Context) error {
	f.barriers.Add(1)
	return nil
}

type rec struct {
	out     []string
	cols    []pgwire.Column
	copyIn  [][]any
	copyFmt pgwire.CopyFormat
}

func (r *rec) Describe(cols []pgwire.Column) error {
	r.cols = cols
	var n []string
	for _, c := range cols {
		n = append(n, fmt.Sprintf("%s:%d", c.Name, c.TypeOID))
	}
	r.out = append(r.out, "D["+strings.Join(n, ",")+"]")
	return nil
}
func (r *rec) Row(v []any) error         { r.out = append(r.out, fmt.Sprintf("R%v", v)); return nil }
func (r *rec) Complete(tag string) error { r.out = append(r.out, "C:"+tag); return nil }
func (r *rec) EmptyQuery() error         { r.out = append(r.out, "EMPTY"); return nil }
func (r *rec) Notice(sev, code, msg string, _ ...string) error {
	r.out = append(r.out, "N:"+code)
	return nil
}
func (r *rec) CopyIn(f pgwire.CopyFormat, cols []pgwire.Column) (pgwire.CopySource, error) {
	r.copyFmt = f
	return &sliceSource{rows: r.copyIn}, nil
}
func (r *rec) CopyOut(f pgwire.CopyFormat, cols []pgwire.Column) error {
	r.copyFmt = f
	r.out = append(r.out, fmt.Sprintf("COPYOUT[%d]", len(cols)))
	return nil
}

type sliceSource struct{ rows [][]any }

func (s *sliceSource) Next(ctx context.Context, max int) ([][]any, error) {
	if len(s.rows) == 0 {
		return nil, io.EOF
	}
	n := min(max, len(s.rows))
	out := s.rows[:n]
	s.rows = s.rows[n:]
	return out, nil
}

func newTestEngine(t testing.TB) (*Engine, *fakeReplicator) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	f := &fakeReplicator{db: db}
	return NewEngine(db, f, EngineOptions{}), f
}

// sessAs opens a session of user on e.
func sessAs(t *testing.T, e *Engine, user string) *Session {
	t.Helper()
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: user})
	if err != nil {
		t.Fatal(err)
	}
	return ps.(*Session)
}

func newSess(t testing.TB, e *Engine) *Session {
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "u", StartupParams: map[string]string{"application_name": "app"}})
	if err != nil {
		t.Fatal(err)
	}
	s := ps.(*Session)
	return s
}

func q(t *testing.T, s *Session, sql string) (string, error) {
	t.Helper()
	w := &rec{}
	err := s.SimpleQuery(context.Background(), sql, w)
	return strings.Join(w.out, " "), err
}

func mustQ(t *testing.T, s *Session, sql, want string) {
	t.Helper()
	want = strings.ReplaceAll(want, "{I}", fmt.Sprint(typeFromDecl("INTEGER")))
	got, err := q(t, s, sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	if want != "" && got != want {
		t.Fatalf("%s:\n got %s\nwant %s", sql, got, want)
	}
}

func code(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return "?" + err.Error()
}

func TestSessionBasics(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id serial PRIMARY KEY, v TEXT, ok BOOLEAN); INSERT INTO t(v, ok) VALUES ('a', true), ('b', false)",
		"C:CREATE TABLE C:INSERT 0 2")
	p0 := f.proposed.Load()
	b0 := f.barriers.Load()
	mustQ(t, s, "SELECT id, v, ok, 1+1 AS two FROM t ORDER BY id", "D[id:{I},v:25,ok:16,two:23] R[1 a true 2] R[2 b false 2] C:SELECT 2")
	if f.proposed.Load() != p0 || f.barriers.Load() != b0+1 {
		t.Fatal("read was proposed or skipped the barrier")
	}
	mustQ(t, s, "SET raftsql.read_consistency = 'stale'", "C:SET")
	mustQ(t, s, "SHOW raftsql.read_consistency", "D[raftsql.read_consistency:25] R[stale] C:SHOW")
	mustQ(t, s, "SELECT count(*) FROM t", "")
	if f.barriers.Load() != b0+1 {
		t.Fatal("stale read used a barrier")
	}
	if _, err := q(t, s, "SET raftsql.read_consistency = 'bogus'"); code(err) != "22023" {
		t.Fatal(err)
	}
	mustQ(t, s, "UPDATE t SET v = 'z' WHERE id = 1 RETURNING id, v", "D[id:{I},v:25] R[1 z] C:UPDATE 1")
	mustQ(t, s, "DELETE FROM t WHERE id = 2", "C:DELETE 1")
	mustQ(t, s, "", "EMPTY")
	mustQ(t, s, "SET application_name = 'x'; SHOW application_name", "C:SET D[application_name:25] R[x] C:SHOW")
	if s.ParameterStatus()["application_name"] != "x" || s.ParameterStatus()["TimeZone"] != "UTC" {
		t.Fatal(s.ParameterStatus())
	}
	mustQ(t, s, "RESET application_name; SHOW application_name", "C:RESET D[application_name:25] R[app] C:SHOW")
	mustQ(t, s, "SELECT current_setting('application_name')", "D[current_setting:25] R[app] C:SELECT 1")
	if _, err := q(t, s, "SELECT current_setting('nonexistent_setting')"); code(err) != "42704" {
		t.Fatal(err)
	}
	if _, err := q(t, s, "SHOW nonexistent_setting"); code(err) != "42704" {
		t.Fatal(err)
	}
	if _, err := q(t, s, "SELECT * FROM missing"); code(err) != "42P01" || err.(*Error).Position() != 15 {
		t.Fatal(err)
	}
	if _, err := q(t, s, "INSERT INTO t(id, v) VALUES (1, 'dup')"); code(err) != "23505" {
		t.Fatal(err)
	}
	if _, err := q(t, s, "INSERT INTO t(v) VALUES (pg_backend_pid())"); code(err) != "0A000" {
		t.Fatal(err)
	}
	// Multi-statement: one implicit transaction, stops at the first error
	// and rolls back the earlier statements.
	got, err := q(t, s, "INSERT INTO t(v) VALUES ('m'); SELECT * FROM missing; INSERT INTO t(v) VALUES ('n')")
	if code(err) != "42P01" || got != "C:INSERT 0 1" {
		t.Fatal(got, err)
	}
	mustQ(t, s, "SELECT count(*) FROM t WHERE v = 'm'", "D[count:20] R[0] C:SELECT 1")
	p1 := f.proposed.Load()
	mustQ(t, s, "INSERT INTO t(v) VALUES ('m'); SELECT v FROM t WHERE v = 'm'; UPDATE t SET v = 'mm' WHERE v = 'm'",
		"C:INSERT 0 1 D[v:25] R[m] C:SELECT 1 C:UPDATE 1")
	if f.proposed.Load() != p1+1 {
		t.Fatal("implicit transaction used several entries")
	}
}

func TestSessionTransactions(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE acct(id INTEGER PRIMARY KEY, bal INTEGER NOT NULL)", "")
	mustQ(t, s, "INSERT INTO acct VALUES (1, 100), (2, 100)", "")
	p0 := f.proposed.Load()
	mustQ(t, s, "BEGIN", "C:BEGIN")
	if s.TxStatus() != pgwire.TxActive {
		t.Fatal("status")
	}
	mustQ(t, s, "UPDATE acct SET bal = bal - 10 WHERE id = 1 RETURNING bal", "D[bal:{I}] R[90] C:UPDATE 1")
	mustQ(t, s, "INSERT INTO acct VALUES (3, 5) RETURNING id", "D[id:{I}] R[3] C:INSERT 0 1")
	mustQ(t, s, "SELECT sum(bal) FROM acct", "D[sum:20] R[195] C:SELECT 1")
	if f.proposed.Load() != p0 {
		t.Fatal("proposed inside a transaction")
	}
	// Other sessions do not see uncommitted work.
	s2 := newSess(t, e)
	mustQ(t, s2, "SELECT sum(bal) FROM acct", "D[sum:20] R[200] C:SELECT 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	if f.proposed.Load() != p0+1 || s.TxStatus() != pgwire.TxIdle {
		t.Fatal("commit not one entry")
	}
	mustQ(t, s2, "SELECT sum(bal) FROM acct", "D[sum:20] R[195] C:SELECT 1")

	// Failed transaction.
	mustQ(t, s, "BEGIN", "")
	if _, err := q(t, s, "INSERT INTO acct VALUES (1, 0)"); code(err) != "23505" {
		t.Fatal(err)
	}
	if s.TxStatus() != pgwire.TxFailed {
		t.Fatal("not failed")
	}
	if _, err := q(t, s, "SELECT 1"); code(err) != "25P02" {
		t.Fatal(err)
	}
	mustQ(t, s, "COMMIT", "C:ROLLBACK")
	if s.TxStatus() != pgwire.TxIdle {
		t.Fatal("status after failed commit")
	}

	// Savepoints.
	mustQ(t, s, "BEGIN; INSERT INTO acct VALUES (10, 1); SAVEPOINT a; INSERT INTO acct VALUES (11, 1)", "")
	if _, err := q(t, s, "INSERT INTO acct VALUES (10, 1)"); code(err) != "23505" {
		t.Fatal(err)
	}
	mustQ(t, s, "ROLLBACK TO SAVEPOINT a", "C:ROLLBACK")
	if s.TxStatus() != pgwire.TxActive {
		t.Fatal("rollback to did not recover")
	}
	mustQ(t, s, "SELECT id FROM acct WHERE id >= 10 ORDER BY id", "D[id:{I}] R[10] C:SELECT 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s2, "SELECT count(*) FROM acct WHERE id >= 10", "D[count:20] R[1] C:SELECT 1")

	// Conflict: lost update -> 40001.
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT bal FROM acct WHERE id = 2", "D[bal:{I}] R[100] C:SELECT 1")
	mustQ(t, s, "UPDATE acct SET bal = 101 WHERE id = 2", "")
	mustQ(t, s2, "UPDATE acct SET bal = bal + 50 WHERE id = 2", "C:UPDATE 1")
	if _, err := q(t, s, "COMMIT"); code(err) != "40001" {
		t.Fatalf("want 40001, got %v", err)
	}
	mustQ(t, s2, "SELECT bal FROM acct WHERE id = 2", "D[bal:{I}] R[150] C:SELECT 1")

	// ROLLBACK discards; read-only transaction refuses writes.
	mustQ(t, s, "BEGIN; DELETE FROM acct; ROLLBACK", "C:BEGIN C:DELETE 4 C:ROLLBACK")
	mustQ(t, s, "BEGIN READ ONLY", "")
	if _, err := q(t, s, "DELETE FROM acct"); code(err) != "25006" {
		t.Fatal(err)
	}
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "COMMIT", "N:25P01 C:COMMIT")
	// now() is the transaction's timestamp: equal across statements.
	mustQ(t, s, "BEGIN", "")
	a, _ := q(t, s, "SELECT now()")
	b, _ := q(t, s, "SELECT now()")
	mustQ(t, s, "COMMIT", "")
	if a != b {
		t.Fatalf("now() differs within a transaction: %s %s", a, b)
	}
}

func TestSessionPrepare(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id serial PRIMARY KEY, name VARCHAR(20), at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP)", "")
	ps, err := s.Prepare(context.Background(), "INSERT INTO t(name) VALUES ($1) RETURNING id, name, at", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.ParamOIDs()) != 1 || ps.ParamOIDs()[0] == pgoid.Text && false {
		t.Fatal(ps.ParamOIDs())
	}
	cols := ps.Columns()
	if len(cols) != 3 || cols[0].TypeOID != typeFromDecl("INTEGER") || cols[1].TypeOID != pgoid.Varchar || cols[2].TypeOID != pgoid.Timestamptz {
		t.Fatalf("cols %+v", cols)
	}
	w := &rec{}
	if err := ps.Execute(context.Background(), []any{"bob"}, w); err != nil {
		t.Fatal(err)
	}
	if len(w.out) != 2 || !strings.HasPrefix(w.out[0], "R[1 bob ") || w.out[1] != "C:INSERT 0 1" {
		t.Fatal(w.out)
	}
	sel, err := s.Prepare(context.Background(), "SELECT id, name, count(*) OVER () FROM t WHERE id = $1", []uint32{pgoid.Int8})
	if err != nil {
		t.Fatal(err)
	}
	if sel.ParamOIDs()[0] != pgoid.Int8 || sel.Columns()[0].TypeOID != typeFromDecl("INTEGER") {
		t.Fatal(sel.ParamOIDs(), sel.Columns())
	}
	w = &rec{}
	if err := sel.Execute(context.Background(), []any{int64(1)}, w); err != nil || strings.Join(w.out, " ") != "R[1 bob 1] C:SELECT 1" {
		t.Fatal(err, w.out)
	}
	if _, err := s.Prepare(context.Background(), "SELECT 1; SELECT 2", nil); code(err) != "42601" {
		t.Fatal(err)
	}
	if ps, err := s.Prepare(context.Background(), "CREATE TABLE u(x INTEGER)", nil); err != nil || ps.Columns() != nil {
		t.Fatal(err)
	}
}

func TestSessionCopy(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE c(id INTEGER PRIMARY KEY, v TEXT, ok BOOLEAN)", "")
	w := &rec{}
	for i := 0; i < 2500; i++ {
		w.copyIn = append(w.copyIn, []any{int64(i), fmt.Sprint("v", i), i%2 == 0})
	}
	p0 := f.proposed.Load()
	if err := s.SimpleQuery(context.Background(), "COPY c (id, v, ok) FROM STDIN", w); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(w.out, " "); got != "C:COPY 2500" {
		t.Fatal(got)
	}
	if n := f.proposed.Load() - p0; n != 1 {
		t.Fatalf("COPY used %d log entries, want 1 (a COPY is atomic)", n)
	}
	w = &rec{}
	if err := s.SimpleQuery(context.Background(), "COPY c TO STDOUT WITH (FORMAT csv)", w); err != nil {
		t.Fatal(err)
	}
	if len(w.out) != 2502 || w.out[0] != "COPYOUT[3]" || w.out[1] != "R[0 v0 true]" || w.copyFmt.Kind != "csv" {
		t.Fatal(w.out[:3], w.copyFmt)
	}
}

func TestClassification(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id INTEGER PRIMARY KEY)", "")
	for _, c := range []struct {
		sql   string
		write bool
	}{
		{"SELECT 1", false},
		{"WITH x AS (SELECT 1) SELECT * FROM x", false},
		{"VALUES (1)", false},
		{"INSERT INTO t VALUES (1)", true},
		{"WITH x AS (SELECT 2 AS v) INSERT INTO t SELECT v FROM x", true},
		{"CREATE TABLE u(x int)", true},
		{"SELECT * FROM t", false},
	} {
		p0 := f.proposed.Load()
		if _, err := q(t, s, c.sql); err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got := f.proposed.Load() != p0; got != c.write {
			t.Errorf("%s: proposed=%v", c.sql, got)
		}
	}
}

// Reads never block on apply and see consistent data while writes stream.
func TestConcurrentReadsDuringApply(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id serial PRIMARY KEY, a BIGINT, b BIGINT)", "")
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs := newSess(t, e)
			for {
				select {
				case <-done:
					return
				default:
				}
				w := &rec{}
				if err := rs.SimpleQuery(context.Background(), "SELECT count(*), coalesce(sum(a - b), 0) FROM t", w); err != nil {
					errs <- err
					return
				}
				if len(w.out) != 3 || !strings.HasSuffix(w.out[1], " 0]") {
					errs <- fmt.Errorf("inconsistent read %v", w.out)
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		mustQ(t, s, fmt.Sprintf("INSERT INTO t(a, b) VALUES (%d, %d)", i, i), "")
	}
	close(done)
	wg.Wait()
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
}

func TestStatementTimeoutInterrupts(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "SET statement_timeout = 50", "")
	// An endless query: only the timeout ends it.
	_, err := q(t, s, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
	if code(err) != "57014" {
		t.Fatal(err)
	}
	// Without the timeout: the session still answers (a SELECT 1 under
	// 50 ms could itself run out on a loaded machine).
	mustQ(t, s, "RESET statement_timeout", "")
	mustQ(t, s, "SELECT 1", "")
}

// The log produced by sessions replays to identical replicas later.
func TestSessionLogDeterminism(t *testing.T) {
	clock := newFakeClock()
	e, f := newClockEngine(t, clock)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TABLE ev(id serial PRIMARY KEY, at timestamptz DEFAULT now(), ts timestamp DEFAULT CURRENT_TIMESTAMP, u uuid DEFAULT gen_random_uuid(), r float8 DEFAULT random(), note text)",
		"INSERT INTO ev(note) VALUES ('a'), ('b') RETURNING id, at, u",
		"INSERT INTO ev(note, r) VALUES (now()::text, random()), (gen_random_uuid()::text, random())",
		"BEGIN",
		"INSERT INTO ev(note) VALUES (CURRENT_DATE::text) RETURNING u",
		"UPDATE ev SET note = note || random()::text WHERE id = 1",
		"COMMIT",
	} {
		if _, err := q(t, s, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	want, _, _ := e.DB().Checksum(context.Background())
	for n := 0; n < 2; n++ {
		clock.Advance(1100 * time.Millisecond) // a different wall clock second
		db := openTestClock(t, t.TempDir(), clock)
		for i, data := range f.log {
			if r := db.Apply(uint64(i+1), data); r.Err != nil {
				t.Fatalf("replay %d: %v", i+1, r.Err)
			}
		}
		got, _, _ := db.Checksum(context.Background())
		db.Close()
		if got != want {
			t.Fatalf("replica %d diverged", n)
		}
	}
}

func TestSessionTxnPrepareAndLocal(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "CREATE TABLE n(id bigint PRIMARY KEY, v text)", "C:CREATE TABLE")
	ps, err := s.Prepare(context.Background(), "INSERT INTO n VALUES ($1, $2) RETURNING v", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Columns()) != 1 || len(ps.ParamOIDs()) != 2 {
		t.Fatal(ps.Columns(), ps.ParamOIDs())
	}
	w := &rec{}
	if err := ps.Execute(context.Background(), []any{int64(1), "x"}, w); err != nil || strings.Join(w.out, " ") != "R[x] C:INSERT 0 1" {
		t.Fatal(err, w.out)
	}
	mustQ(t, s, "SET LOCAL application_name = 'inside'", "C:SET")
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[inside] C:SHOW")
	p0 := f.proposed.Load()
	mustQ(t, s, "COMMIT", "C:COMMIT")
	if f.proposed.Load() != p0+1 {
		t.Fatal("not one entry")
	}
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[app] C:SHOW")
	mustQ(t, s, "SELECT v FROM n", "D[v:25] R[x] C:SELECT 1")
	// Read-only transaction: no log entry.
	p0 = f.proposed.Load()
	mustQ(t, s, "BEGIN; SELECT count(*) FROM n; COMMIT", "C:BEGIN D[count:20] R[1] C:SELECT 1 C:COMMIT")
	if f.proposed.Load() != p0 {
		t.Fatal("read-only transaction proposed")
	}
}
