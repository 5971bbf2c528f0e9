package sqlexec

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql/internal/cputime"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func openTest(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(dir, "state.db"), Options{ReadConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func cmdOf(ts int64, seed uint64, id byte, stmts ...string) []byte {
	c := &Command{Timestamp: ts, Seed: seed}
	c.RequestID[0] = id
	c.RequestID[1] = 0xAB
	for _, s := range stmts {
		c.Statements = append(c.Statements, Statement{SQL: s})
	}
	return EncodeCommand(c)
}

func mustApply(t *testing.T, db *DB, idx uint64, data []byte) *ApplyResult {
	t.Helper()
	r := db.Apply(idx, data)
	if r.Err != nil {
		t.Fatalf("apply %d: %v", idx, r.Err)
	}
	return r
}

func TestApplyBasic(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	r := mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, b BOOLEAN)"))
	if r.Results[0].Tag != "CREATE TABLE" {
		t.Fatalf("tag %q", r.Results[0].Tag)
	}
	r = mustApply(t, db, 2, cmdOf(1, 1, 2, "INSERT INTO t(v, b) VALUES ('a', 1), ('b', 0) RETURNING id, v, b"))
	res := r.Results[0]
	if res.Tag != "INSERT 0 2" || len(res.Rows) != 2 || res.Rows[1][0] != int64(2) || res.Rows[0][2] != true {
		t.Fatalf("insert result %+v", res)
	}
	if res.Columns[0].TypeOID != typeFromDecl("INTEGER") || res.Columns[1].TypeOID != pgoid.Text || res.Columns[2].TypeOID != pgoid.Bool {
		t.Fatalf("cols %+v", res.Columns)
	}
	r = mustApply(t, db, 3, cmdOf(1, 1, 3, "UPDATE t SET v = 'c'", "DELETE FROM t WHERE id = 1"))
	if r.Results[0].Tag != "UPDATE 2" || r.Results[1].Tag != "DELETE 1" {
		t.Fatalf("tags %q %q", r.Results[0].Tag, r.Results[1].Tag)
	}
	if db.AppliedIndex() != 3 {
		t.Fatal(db.AppliedIndex())
	}
	// Skip already applied.
	if r := db.Apply(3, cmdOf(1, 1, 9, "INSERT INTO t(v) VALUES ('x')")); !r.Skipped {
		t.Fatal("not skipped")
	}
	// Atomicity: error in statement 2 rolls back statement 1.
	r = db.Apply(4, cmdOf(1, 1, 4, "INSERT INTO t(id, v) VALUES (10, 'x')", "INSERT INTO t(id, v) VALUES (10, 'y')"))
	e, ok := r.Err.(*Error)
	if !ok || e.Code != CodeUniqueViolation || e.Statement != 1 {
		t.Fatalf("err %#v", r.Err)
	}
	if db.AppliedIndex() != 4 {
		t.Fatal("index not advanced after failed entry")
	}
	sum1, _, _ := db.Checksum(context.Background())
	r = mustApply(t, db, 5, cmdOf(1, 1, 5, "SELECT count(*) FROM t WHERE id = 10"))
	if r.Results[0].Rows[0][0] != int64(0) {
		t.Fatal("statement 1 not rolled back")
	}
	// Dedupe.
	r = db.Apply(6, cmdOf(1, 1, 2, "INSERT INTO t(v) VALUES ('dup')"))
	if !r.Duplicate || r.Err != nil || len(r.Results) != 1 || r.Results[0].Tag != "INSERT 0 2" {
		t.Fatalf("dup %+v", r)
	}
	if r := db.Apply(7, cmdOf(1, 1, 4, "SELECT 1")); !r.Duplicate || r.Err.(*Error).Code != CodeUniqueViolation {
		t.Fatalf("dup of failed entry %+v", r)
	}
	if err := db.ApplyNoop(8); err != nil || db.AppliedIndex() != 8 {
		t.Fatal("noop", err)
	}
	sum2, idx, _ := db.Checksum(context.Background())
	if sum1 != sum2 || idx != 8 {
		t.Fatal("checksum changed by no-op entries")
	}
	// Garbage never panics and is recorded.
	r = db.Apply(9, []byte("garbage garbage garbage"))
	if r.Err == nil || db.AppliedIndex() != 9 {
		t.Fatal("garbage")
	}
}

func TestApplyBatch(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	var ents []Entry
	ents = append(ents, Entry{Index: 1, Data: cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY)")})
	for i := 2; i < 50; i++ {
		ents = append(ents, Entry{Index: uint64(i), Data: cmdOf(1, 1, byte(i), fmt.Sprintf("INSERT INTO t VALUES (%d)", i%10))})
	}
	ents = append(ents, Entry{Index: 50})
	res := db.ApplyBatch(ents)
	fails := 0
	for _, r := range res {
		if r.Err != nil {
			fails++
		}
	}
	if fails != 48-10 || db.AppliedIndex() != 50 {
		t.Fatalf("fails %d applied %d", fails, db.AppliedIndex())
	}
}

func TestErrorMapping(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1,
		"CREATE TABLE p(id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL DEFAULT 'x', c INTEGER CHECK (c > 0), i INTEGER)",
		"CREATE TABLE ch(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id))",
		"INSERT INTO p(id, u, c) VALUES (1, 'a', 1)"))
	cases := []struct {
		sql, code string
	}{
		{"INSERT INTO p(id, c) VALUES (1, 1)", "23505"},
		{"INSERT INTO p(id, u, c) VALUES (2, 'a', 1)", "23505"},
		{"INSERT INTO p(id, n, c) VALUES (3, NULL, 1)", "23502"},
		{"INSERT INTO ch(pid) VALUES (99)", "23503"},
		{"INSERT INTO p(id, c) VALUES (4, -1)", "23514"},
		{"SELECT * FROM nope", "42P01"},
		{"SELEC 1", "42601"},
		{"SELECT nocol FROM p", "42703"},
		{"SELECT nofunc(1)", "42883"},
		{"CREATE TABLE p(x)", "42P07"},
		{"SELECT * FROM raftsql_meta", "42501"},
	}
	for i, c := range cases {
		r := db.Apply(uint64(2+i), cmdOf(1, 1, byte(10+i), c.sql))
		e, ok := r.Err.(*Error)
		if !ok || e.Code != c.code {
			t.Errorf("%s: got %v (%#v), want %s", c.sql, r.Err, r.Err, c.code)
		}
	}
	r := db.Apply(100, cmdOf(1, 1, 100, "INSERT INTO p(id, u, c) VALUES (2, 'a', 1)"))
	e := r.Err.(*Error)
	if e.Message != `duplicate key value violates unique constraint "p_u_key"` || e.ConstraintName() != "p_u_key" || e.TableName() != "p" || e.Detail() == "" {
		t.Errorf("unique message %q %q %q %q", e.Message, e.ConstraintName(), e.TableName(), e.Detail())
	}
	r = db.Apply(101, cmdOf(1, 1, 101, "SELECT 1 +"))
	if e := r.Err.(*Error); e.Code != "42601" {
		t.Errorf("syntax %v", e)
	}
	r = db.Apply(102, cmdOf(1, 1, 102, "INSERT INTO p(id, c) VALUES (1, 1)"))
	if e := r.Err.(*Error); e.Message != `duplicate key value violates unique constraint "p_pkey"` {
		t.Errorf("pk message %q", e.Message)
	}
	r = db.Apply(103, EncodeCommand(&Command{RequestID: [16]byte{103}, Statements: []Statement{{SQL: "INSERT INTO p(id, u, c) VALUES (?1, ?2, 1)", Args: []any{int64(7), "a"}}}}))
	if e := r.Err.(*Error); e.Detail() != "Key (u)=(a) already exists." {
		t.Errorf("detail %q", e.Detail())
	}
}

// detWorkload uses every non-deterministic function.
var detWorkload = [][]string{
	{`CREATE TABLE ev(id INTEGER PRIMARY KEY, created TEXT DEFAULT CURRENT_TIMESTAMP, d TEXT DEFAULT CURRENT_DATE,
		tm TEXT DEFAULT CURRENT_TIME, r INTEGER DEFAULT (random()), note TEXT)`},
	{`INSERT INTO ev(note) VALUES ('a'), ('b') RETURNING id, created, r`},
	{`INSERT INTO ev(note, r) VALUES (hex(randomblob(16)), random()) RETURNING *`,
		`INSERT INTO ev(note) VALUES (date('now') || ' ' || time('now') || ' ' || datetime('now') || ' ' || julianday('now') || ' ' || unixepoch('now') || ' ' || strftime('%Y-%m-%d %H:%M:%f', 'now') || ' ' || timediff('now', '2000-01-01'))`},
	{`INSERT INTO ev(note) VALUES (now()), (gen_random_uuid()), (CURRENT_TIMESTAMP || CURRENT_DATE || CURRENT_TIME), (datetime()), (julianday()), (unixepoch()), (date())`},
	{`UPDATE ev SET note = note || random() WHERE id % 2 = 0 RETURNING id, note`},
	{`CREATE TABLE t2(id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(8)))), at TEXT DEFAULT (strftime('%s','now')))`, `INSERT INTO t2 DEFAULT VALUES`},
}

func TestDeterminismAcrossReplicas(t *testing.T) {
	var sums []string
	var firstRows []string
	clock := newFakeClock()
	for n := 0; n < 3; n++ {
		db := openTestClock(t, t.TempDir(), clock)
		ts := int64(1700000000123456)
		for i, stmts := range detWorkload {
			r := mustApply(t, db, uint64(i+1), cmdOf(ts+int64(i)*1000, 42+uint64(i), byte(i+1), stmts...))
			if i == 1 {
				firstRows = append(firstRows, fmt.Sprint(r.Results[0].Rows))
			}
		}
		sum, idx, err := db.Checksum(context.Background())
		if err != nil || idx != uint64(len(detWorkload)) {
			t.Fatal(err, idx)
		}
		sums = append(sums, sum)
		db.Close()
		clock.Advance(1100 * time.Millisecond) // a different wall clock second
	}
	if sums[0] != sums[1] || sums[1] != sums[2] {
		t.Fatalf("checksums differ: %v", sums)
	}
	if firstRows[0] != firstRows[1] || !strings.Contains(firstRows[0], "2023-11-14 22:13:20") {
		t.Fatalf("returning rows differ or clock not pinned: %v", firstRows)
	}
	// A different seed gives different random values.
	db := openTest(t, t.TempDir())
	defer db.Close()
	for i, stmts := range detWorkload {
		mustApply(t, db, uint64(i+1), cmdOf(1700000000123456+int64(i)*1000, 7+uint64(i), byte(i+1), stmts...))
	}
	if sum, _, _ := db.Checksum(context.Background()); sum == sums[0] {
		t.Fatal("seed has no effect")
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		if os.IsNotExist(err) {
			return
		}
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCrashConsistency copies the database files while the DB is open
// (as a crash would leave them: WAL not checkpointed) and reopens the copy.
func TestCrashConsistency(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)"))
	for i := 2; i <= 20; i++ {
		mustApply(t, db, uint64(i), cmdOf(1, 1, byte(i), fmt.Sprintf("INSERT INTO t(v) VALUES (%d)", i)))
	}
	crash := t.TempDir()
	for _, suf := range []string{"", "-wal", "-shm"} {
		copyFile(t, filepath.Join(dir, "state.db"+suf), filepath.Join(crash, "state.db"+suf))
	}
	db2 := openTest(t, crash)
	defer db2.Close()
	if db2.AppliedIndex() != 20 {
		t.Fatalf("applied %d", db2.AppliedIndex())
	}
	s1, i1, _ := db.Checksum(context.Background())
	s2, i2, _ := db2.Checksum(context.Background())
	if s1 != s2 || i1 != i2 {
		t.Fatal("content differs after crash")
	}
	// Re-delivery of already applied entries is skipped.
	if r := db2.Apply(20, cmdOf(1, 1, 20, "INSERT INTO t(v) VALUES (0)")); !r.Skipped {
		t.Fatal("re-applied")
	}
	// Dedupe survives the crash.
	if r := db2.Apply(21, cmdOf(1, 1, 5, "INSERT INTO t(v) VALUES (0)")); !r.Duplicate {
		t.Fatal("dedupe lost")
	}
}

func TestSnapshotRestore(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)", "INSERT INTO t(v) VALUES (1)"))
	snap := filepath.Join(t.TempDir(), "snap.db")
	im, err := db.SnapshotTo(context.Background(), snap)
	if err != nil || im.Index != 1 {
		t.Fatal(err, im)
	}
	want, _, _ := db.Checksum(context.Background())
	mustApply(t, db, 2, cmdOf(1, 1, 2, "INSERT INTO t(v) VALUES (2)"))
	other := openTest(t, t.TempDir())
	defer other.Close()
	if err := other.Restore(snap, 1); err != nil {
		t.Fatal(err)
	}
	got, gi, _ := other.Checksum(context.Background())
	if got != want || gi != 1 || other.AppliedIndex() != 1 {
		t.Fatal("restore mismatch")
	}
	mustApply(t, other, 2, cmdOf(1, 1, 2, "INSERT INTO t(v) VALUES (2)"))
	a, _, _ := db.Checksum(context.Background())
	b, _, _ := other.Checksum(context.Background())
	if a != b {
		t.Fatal("diverged after restore")
	}
}

func TestCommandRoundTrip(t *testing.T) {
	c := &Command{Timestamp: -5, Seed: 1 << 63, Flags: CmdTxn, Digest: []byte{1, 2},
		Statements: []Statement{{SQL: "x", Tag: "INSERT", Digest: true, Args: []any{nil, int64(-3), 1.5, "s", []byte{0}, true, time.Unix(0, 0).UTC()}}}}
	c.RequestID[3] = 9
	d, err := DecodeCommand(EncodeCommand(c))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(d) != fmt.Sprint(&Command{RequestID: c.RequestID, Timestamp: -5, Seed: 1 << 63, Flags: CmdTxn, Digest: []byte{1, 2},
		Statements: []Statement{{SQL: "x", Tag: "INSERT", Digest: true, Args: []any{nil, int64(-3), 1.5, "s", []byte{0}, true, "1970-01-01 00:00:00"}}}}) {
		t.Fatalf("%+v", d)
	}
}

// The session's sequence history travels with a command, with or without
// database and user names, and a command without it decodes as before.
func TestCommandSequencesRoundTrip(t *testing.T) {
	for _, c := range []*Command{
		{Sequences: `{"c":{"s":3},"l":"s"}`},
		{Database: "db", User: "u", Sequences: `{"l":"s"}`},
		{Database: "db", User: "u"},
	} {
		d, err := DecodeCommand(EncodeCommand(c))
		if err != nil || d.Sequences != c.Sequences || d.Database != c.Database || d.User != c.User {
			t.Errorf("%+v -> %+v %v", c, d, err)
		}
	}
}

func FuzzDecodeCommand(f *testing.F) {
	f.Add(EncodeCommand(&Command{Statements: []Statement{{SQL: "SELECT 1", Args: []any{int64(1), "a", nil, 2.5, []byte("x"), true}}}}))
	f.Add([]byte{})
	f.Add([]byte{cmdMagic, cmdVersion})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCommand(data)
		if err == nil {
			if _, err := DecodeCommand(EncodeCommand(c)); err != nil {
				t.Fatalf("re-encode: %v", err)
			}
		}
	})
}

func BenchmarkApply(b *testing.B) {
	db := openTest(b, b.TempDir())
	defer db.Close()
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i++ {
		c := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "INSERT INTO t(v) VALUES (?)", Args: []any{"hello"}}}}
		c.RequestID[0], c.RequestID[1], c.RequestID[2], c.RequestID[3] = byte(i), byte(i>>8), byte(i>>16), 7
		if r := db.Apply(uint64(i+2), EncodeCommand(c)); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkApplyBatch100(b *testing.B) {
	db := openTest(b, b.TempDir())
	defer db.Close()
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
	idx := uint64(1)
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i += 100 {
		var ents []Entry
		for j := 0; j < 100; j++ {
			c := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "INSERT INTO t(v) VALUES (?)", Args: []any{"hello"}}}}
			n := i + j
			c.RequestID[0], c.RequestID[1], c.RequestID[2], c.RequestID[3] = byte(n), byte(n>>8), byte(n>>16), 7
			idx++
			ents = append(ents, Entry{Index: idx, Data: EncodeCommand(c)})
		}
		db.ApplyBatch(ents)
	}
}

func TestGuardInternal(t *testing.T) {
	for sql, blocked := range map[string]bool{
		"SELECT * FROM raftsql_meta":                 true,
		`DROP TABLE "raftsql_requests"`:              true,
		"UPDATE RAFTSQL_META SET applied_index = 0":  true,
		"INSERT INTO notes VALUES ('see raftsql_x')": false,
		"SELECT 1 -- raftsql_meta":                   false,
		"SELECT my_raftsql_meta FROM t":              false,
	} {
		if got := guardInternal(sql) != nil; got != blocked {
			t.Errorf("%s: blocked=%v", sql, got)
		}
	}
}

func TestApplyRefusesTransactionControl(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	// d's foreign key is deferred: checked at the end of the entry
	// (deferred.go), so a violation fails the entry like the others.
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(x)", "CREATE TABLE k(x PRIMARY KEY)", "CREATE TABLE d(x REFERENCES k(x) DEFERRABLE INITIALLY DEFERRED)"))
	for i, sql := range []string{"COMMIT", "BEGIN", "ROLLBACK", "INSERT INTO t VALUES (1); COMMIT", "PRAGMA foreign_keys=OFF", "ATTACH 'x' AS y", "VACUUM", "INSERT INTO d VALUES (1)"} {
		r := db.Apply(uint64(2+i), cmdOf(1, 1, byte(2+i), "INSERT INTO t VALUES (0)", sql))
		if r.Err == nil {
			t.Fatalf("%s accepted", sql)
		}
	}
	r := mustApply(t, db, 100, cmdOf(1, 1, 100, "SELECT count(*) FROM t"))
	if r.Results[0].Rows[0][0] != int64(0) || db.AppliedIndex() != 100 {
		t.Fatal("partial entry committed")
	}
}

// TestCrashKill applies entries in a child process, kills it with SIGKILL
// mid-stream, reopens the database and checks that the applied index and
// the content agree.
func TestCrashKill(t *testing.T) {
	if dir := os.Getenv("RAFTSQL_CRASH_CHILD"); dir != "" {
		db, err := Open(context.Background(), filepath.Join(dir, "state.db"), Options{ReadConns: 1})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)"))
		for i := uint64(2); ; i++ {
			c := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "INSERT INTO t(v) VALUES (?)", Args: []any{int64(i)}}}}
			binary.BigEndian.PutUint64(c.RequestID[:], i)
			if r := db.Apply(i, EncodeCommand(c)); r.Err != nil {
				fmt.Println("ERR", r.Err)
				os.Exit(1)
			}
			fmt.Println(i)
		}
	}
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashKill$")
	cmd.Env = append(os.Environ(), "RAFTSQL_CRASH_CHILD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	var last uint64
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "ERR") {
			t.Fatal(line)
		}
		if n, err := strconv.ParseUint(line, 10, 64); err == nil {
			last = n
		}
		if last >= 300 {
			break
		}
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if last < 300 {
		t.Fatalf("child stopped at %d", last)
	}
	db, err := Open(context.Background(), filepath.Join(dir, "state.db"), Options{ReadConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	applied := db.AppliedIndex()
	if applied < last {
		t.Fatalf("applied %d < acknowledged %d", applied, last)
	}
	r := mustApply(t, db, applied+1, cmdOf(1, 1, 0xEE, "SELECT count(*), max(v) FROM t"))
	row := r.Results[0].Rows[0]
	if row[0] != int64(applied-1) || row[1] != int64(applied) {
		t.Fatalf("applied %d but table has %v", applied, row)
	}
	t.Logf("killed after %d acknowledged, %d applied", last, applied)
}

// AppendCommand after a prefix (a node's entry type byte) is the prefix
// then exactly EncodeCommand's bytes: the log's format does not depend on
// which one encoded an entry.
func TestAppendCommandAfterPrefix(t *testing.T) {
	c := &Command{Timestamp: 7, Seed: 3, Database: "d", User: "u", Sequences: "s", TimeZone: "Europe/Paris",
		Statements: []Statement{{SQL: "INSERT INTO t VALUES ($1, $2, $3)", Tag: "INSERT", Args: []any{"é", time.Unix(1, 5).In(time.FixedZone("x", 3600)), uint8(2)}}}}
	got := AppendCommand([]byte{0xEE}, c)
	if want := append([]byte{0xEE}, EncodeCommand(c)...); !bytes.Equal(got, want) {
		t.Fatalf("AppendCommand = %x, want %x", got, want)
	}
	if _, err := DecodeCommand(got[1:]); err != nil {
		t.Fatal(err)
	}
}
