package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// FuzzSession runs SQL end to end through a real session (translation,
// classification, the read path, proposals applied by a fake replicator,
// explicit transactions with their speculation and validation) over a
// small schema of every kind of column the dialect enforces, and checks
// after every statement that bad input never crashes or corrupts:
//
//   - no panic, and no hang: each statement returns within fuzzHangGrace
//     of being cancelled (writes are bounded by the step budget, reads by
//     their context);
//   - no XX000: an internal error caused by input is a bug (the fuzz
//     database has no storage faults);
//   - PRAGMA integrity_check and foreign_key_check pass;
//   - nothing logs a BUG;
//   - replaying the log on a second database reports the same outcome
//     (error, rows, tags) for every entry and reaches the same checksum
//     (determinism of everything that entered the log).
//
// The input is a list of query strings separated by blank lines, each run
// by one SimpleQuery (a string of several statements is one implicit
// transaction, multistmt.go), so an explicit transaction can span them.
// Every input starts from the same template database (fuzzSchema and the
// corpus's 00_setup.sql). Seeds: the files of the differential corpus
// (integration/testdata/diff/*.sql, read at test time) in pieces of
// fuzzSeedStatements statements, and fuzzSessionSeeds. Run it with
//
//	nice -n 19 go test ./sqlexec -run '^$' -fuzz '^FuzzSession$' -fuzztime 10m
func FuzzSession(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "integration", "testdata", "diff", "*.sql"))
	sort.Strings(files)
	var corpusSetup string
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if strings.HasSuffix(name, "00_setup.sql") {
			corpusSetup = string(b)
			continue
		}
		// A file in pieces of a few statements: short inputs keep each
		// execution cheap (a piece may name a table its file created
		// earlier; its error is then part of the input).
		stmts := pgdialect.Split(string(b))
		for len(stmts) > 0 {
			n := min(fuzzSeedStatements, len(stmts))
			f.Add(strings.Join(stmts[:n], ";\n\n"))
			stmts = stmts[n:]
		}
	}
	for _, s := range fuzzSessionSeeds {
		f.Add(s)
	}
	tmpl := fuzzTemplate(f, corpusSetup)
	f.Fuzz(func(t *testing.T, sql string) {
		runFuzzSession(t, tmpl, sql)
	})
}

// fuzzTemplate builds, once per process, the database every input starts
// from: fuzzSchema and the corpus's setup, applied through a session. It
// returns the directory holding the closed database's files.
func fuzzTemplate(f *testing.F, corpusSetup string) string {
	dir := f.TempDir()
	ctx := context.Background()
	logs := &bugLog{}
	db, err := Open(ctx, filepath.Join(dir, "state.db"), fuzzOptions(newFakeClock(), logs, 1))
	if err != nil {
		f.Fatal(err)
	}
	r := &fuzzReplicator{db: db}
	s := newSess(f, NewEngine(db, r, EngineOptions{Logger: slog.New(logs)}))
	for _, stmt := range pgdialect.Split(fuzzSchema + corpusSetup) {
		if err := s.SimpleQuery(ctx, stmt, &rec{}); err != nil {
			f.Fatalf("setup %q: %v", stmt, err)
		}
	}
	s.Close()
	if err := db.Close(); err != nil {
		f.Fatal(err)
	}
	return dir
}

// fuzzOpenCopy opens a copy of the template database in a new directory.
func fuzzOpenCopy(t *testing.T, tmpl string, opts Options) *DB {
	dir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(tmpl, "state.db*"))
	for _, name := range names {
		copyFile(t, name, filepath.Join(dir, filepath.Base(name)))
	}
	db, err := Open(context.Background(), filepath.Join(dir, "state.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// fuzzSchema is the schema every fuzz input starts from: int, numeric,
// text, bool, date, timestamptz, enum, array and json columns, foreign
// keys, unique and CHECK constraints, a view and a sequence.
const fuzzSchema = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SEQUENCE fz_seq START 10 INCREMENT 5;
CREATE TABLE fz_dept (id int PRIMARY KEY, name text UNIQUE NOT NULL, budget numeric(12,2) CHECK (budget >= 0));
CREATE TABLE fz_item (
 id serial PRIMARY KEY,
 dept_id int REFERENCES fz_dept(id) ON DELETE CASCADE,
 code varchar(8) UNIQUE,
 qty int NOT NULL DEFAULT 0 CHECK (qty >= 0),
 price numeric(10,3),
 ok boolean DEFAULT true,
 due date,
 at timestamptz DEFAULT now(),
 m mood,
 tags text[],
 nums int[],
 doc jsonb,
 raw json,
 c char(3),
 f float8,
 big bigint,
 UNIQUE (dept_id, due)
);
CREATE TABLE fz_link (a int REFERENCES fz_item(id), b int REFERENCES fz_item(id) ON DELETE SET NULL, note text, PRIMARY KEY (a, note));
CREATE VIEW fz_v AS SELECT i.id, d.name, i.qty * i.price AS total, i.m FROM fz_item i JOIN fz_dept d ON d.id = i.dept_id;
INSERT INTO fz_dept VALUES (1, 'eng', 1000.50), (2, 'ops', 0), (3, 'empty', NULL);
INSERT INTO fz_item (dept_id, code, qty, price, ok, due, at, m, tags, nums, doc, raw, c, f, big) VALUES
 (1, 'a1', 3, 1.5, true, '2024-02-29', '2024-02-29 12:00:00+01', 'happy', '{x,y}', '{1,2,3}', '{"k": [1, {"z": null}]}', '[1, 2]', 'ab', 1.25, 9007199254740993),
 (1, 'a2', 0, NULL, false, '1999-12-31', '1970-01-01 00:00:00+00', 'sad', '{}', '{NULL,5}', '{"k": "v"}', '"s"', NULL, 1e308, -1),
 (2, 'b1', 7, 99999.999, NULL, NULL, NULL, 'ok', NULL, NULL, 'null', NULL, 'xyz', '-Infinity', NULL);
INSERT INTO fz_link VALUES (1, 2, 'n1'), (2, NULL, 'n2'), (3, 1, 'n3');
`

// fuzzSessionSeeds are inputs over fuzzSchema that reach the passes the
// differential corpus does not.
var fuzzSessionSeeds = []string{
	"SELECT * FROM fz_v ORDER BY id;\n\nSELECT nextval('fz_seq'), currval('fz_seq'), setval('fz_seq', 3)",
	"BEGIN;\n\nUPDATE fz_item SET qty = qty - 1 RETURNING id, qty;\n\nSAVEPOINT s;\n\nDELETE FROM fz_dept WHERE id = 1;\n\nROLLBACK TO s;\n\nCOMMIT",
	"INSERT INTO fz_item (dept_id, code, qty) VALUES (9, 'zz', 1)",
	"INSERT INTO fz_item (dept_id, code, qty) VALUES (1, 'a1', -1)",
	"UPDATE fz_dept SET budget = -1 WHERE id = 2",
	"DELETE FROM fz_dept WHERE id = 1;\n\nSELECT count(*) FROM fz_item;\n\nSELECT * FROM fz_link ORDER BY a",
	"SELECT DISTINCT ON (dept_id) dept_id, code FROM fz_item ORDER BY dept_id, code DESC",
	"SELECT m, tags[1], nums[2:3], doc->'k'->1->>'z', raw::text, c || '|', pg_typeof(price) FROM fz_item ORDER BY m",
	"SELECT code FROM fz_item EXCEPT ALL SELECT code FROM fz_item WHERE qty > 0;\n\nSELECT 'abc' SIMILAR TO '(a|b)%'",
	"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty), mode() WITHIN GROUP (ORDER BY m), stddev(price), corr(qty, f) FROM fz_item",
	"SELECT quote_literal(code), quote_ident(code), format('%s-%I-%L', code, m, due), to_hex(big) FROM fz_item",
	"SELECT (SELECT id FROM fz_item), CASE WHEN ok THEN 1 ELSE 'x' END FROM fz_item",
	"SELECT due + 1, at AT TIME ZONE 'UTC', age(due, '2000-01-01'), to_char(at, 'YYYY-MM-DD HH24:MI:SS TZ'), date_trunc('month', at) FROM fz_item",
	"ALTER TABLE fz_item ADD COLUMN extra text DEFAULT 'e';\n\nUPDATE fz_item SET extra = upper(code);\n\nALTER TABLE fz_item DROP COLUMN extra",
	"CREATE INDEX fz_i ON fz_item (lower(code));\n\nREINDEX TABLE fz_item;\n\nDROP INDEX fz_i",
	"COMMENT ON VIEW fz_v IS 'v';\n\nCOMMENT ON SEQUENCE fz_seq IS 's';\n\nCOMMENT ON TYPE mood IS 'm'",
	"ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';\n\nSELECT m FROM fz_item ORDER BY m;\n\nSELECT enum_range(NULL::mood)",
	"DROP TABLE fz_dept;\n\nDROP VIEW fz_v;\n\nDROP TABLE fz_dept CASCADE;\n\nSELECT * FROM fz_item",
	"TRUNCATE fz_link;\n\nTRUNCATE fz_dept CASCADE;\n\nSELECT count(*) FROM fz_item",
	"INSERT INTO fz_item (dept_id, due) VALUES (1, '2024-02-29') ON CONFLICT (dept_id, due) DO UPDATE SET qty = fz_item.qty + 1 RETURNING *",
	"UPDATE fz_item SET price = price * 1e30;\n\nUPDATE fz_item SET big = big * 2;\n\nUPDATE fz_item SET c = 'toolong'",
	"INSERT INTO fz_item (doc) VALUES ('{bad');\n\nINSERT INTO fz_item (m) VALUES ('nope');\n\nINSERT INTO fz_item (nums) VALUES ('{1,x}')",
	"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) INSERT INTO fz_link SELECT 1, NULL, n::text FROM r",
	"SELECT count(*) FROM generate_series(1, 100000000) a, generate_series(1, 100000000) b",
	"PREPARE p(int) AS UPDATE fz_item SET qty = $1 WHERE id = 1;\n\nEXECUTE p(5);\n\nEXECUTE p(-5);\n\nDEALLOCATE p",
	"DECLARE c CURSOR FOR SELECT * FROM fz_item;\n\nBEGIN;\n\nDECLARE c CURSOR FOR SELECT * FROM fz_item ORDER BY id;\n\nFETCH 2 FROM c;\n\nCLOSE c;\n\nCOMMIT",
	"CREATE TEMP TABLE tt AS SELECT * FROM fz_item;\n\nUPDATE tt SET qty = 1;\n\nSELECT * FROM tt",
	"CREATE TABLE fz_new (LIKE fz_item INCLUDING ALL);\n\nINSERT INTO fz_new SELECT * FROM fz_item;\n\nSELECT count(*) FROM fz_new",
	"SET statement_timeout = 1;\n\nSELECT count(*) FROM generate_series(1, 100000000);\n\nRESET statement_timeout",
	"BEGIN ISOLATION LEVEL SERIALIZABLE;\n\nSELECT * FROM fz_dept FOR UPDATE;\n\nUPDATE fz_dept SET name = name || '!';\n\nROLLBACK",
	"ALTER TABLE fz_item ADD CONSTRAINT q_max CHECK (qty < 5);\n\nALTER TABLE fz_item RENAME COLUMN qty TO quantity;\n\nALTER TABLE fz_item RENAME TO fz_item2",
	"SELECT jsonb_set(doc, '{k}', '1'), jsonb_path_query_first(doc, '$.k'), array_agg(m ORDER BY m), string_agg(code, ',') FROM fz_item GROUP BY doc",
	// Query strings of several statements (one implicit transaction).
	"INSERT INTO fz_dept VALUES (4, 'x', 1); INSERT INTO fz_item (dept_id, code) VALUES (4, 'x1'); DELETE FROM fz_dept WHERE id = 2",
	"UPDATE fz_item SET qty = qty + 1; SELECT 1/0",
	"BEGIN;\n\nINSERT INTO fz_item (dept_id, code) VALUES (9, 'q'); SELECT 1\n\nCOMMIT",
	"BEGIN; INSERT INTO fz_link VALUES (1, 1, 'n1'); COMMIT; SELECT count(*) FROM fz_link",
	"SELECT 1; BEGIN; UPDATE fz_dept SET budget = budget + 1 RETURNING budget\n\nUPDATE fz_dept SET name = 'eng' WHERE id = 2\n\nROLLBACK",
}

// An execution must end well within the 10 seconds Go's fuzzing engine
// allows one input (its worker panics "deadlocked!" after that, and the
// message is lost), on a loaded machine and with coverage
// instrumentation: hence few statements, a short statement timeout and a
// small step budget.
const (
	// fuzzStmtTimeout cancels a statement after this long; it must have
	// returned fuzzHangGrace later.
	fuzzStmtTimeout = time.Second
	fuzzHangGrace   = 5 * time.Second
	// fuzzMaxStatements caps the statements of one input.
	fuzzMaxStatements = 16
	// fuzzSeedStatements is the size of the pieces the corpus files are
	// cut into.
	fuzzSeedStatements = 8
	// fuzzStepBudget keeps a runaway write short (every replica uses it).
	fuzzStepBudget = 2_000_000
)

// bugLog records log records that report a bug.
type bugLog struct {
	mu   sync.Mutex
	bugs []string
}

func (b *bugLog) Enabled(context.Context, slog.Level) bool { return true }
func (b *bugLog) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, "BUG") {
		b.mu.Lock()
		b.bugs = append(b.bugs, r.Message)
		b.mu.Unlock()
	}
	return nil
}
func (b *bugLog) WithAttrs([]slog.Attr) slog.Handler { return b }
func (b *bugLog) WithGroup(string) slog.Handler      { return b }

func (b *bugLog) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.bugs
	b.bugs = nil
	return out
}

// fuzzOptions are the DB options of every fuzz replica: the same fake
// clock and step budget, randomness from a fixed seed (a different one
// for the template, whose request ids must not come again: a request id
// seen before is a retry, not a new request), pg_sleep a no-op.
func fuzzOptions(clock *fakeClock, logs *bugLog, seed byte) Options {
	return Options{
		ReadConns:  1, // opening connections is most of an execution's cost
		Clock:      clock.Now,
		Sleep:      func(time.Duration) {},
		Rand:       rand.NewChaCha8([32]byte{seed}),
		StepBudget: fuzzStepBudget,
		Logger:     slog.New(logs),
	}
}

func runFuzzSession(t *testing.T, tmpl, input string) {
	if n := len(pgdialect.Split(input)); n > fuzzMaxStatements {
		// Outside the fuzzed domain, not a failure: Go's fuzzer kills a
		// worker after 10 s on one input, and a long input of heavy
		// statements can take that long on a slow machine.
		t.Skipf("input of %d statements: the fuzzer runs at most %d per input", n, fuzzMaxStatements)
	}
	ctx := context.Background()
	clock := newFakeClock()
	logs := &bugLog{}
	db := fuzzOpenCopy(t, tmpl, fuzzOptions(clock, logs, 2))
	defer db.Close()
	base := db.AppliedIndex()
	f := &fuzzReplicator{db: db, base: base}
	e := NewEngine(db, f, EngineOptions{Logger: slog.New(logs)})
	s := newSess(t, e)
	defer s.Close()

	for _, stmt := range strings.Split(input, "\n\n") {
		err := fuzzStatement(t, s, stmt)
		var pe *Error
		if errors.As(err, &pe) && pe.Code == CodeInternal {
			t.Fatalf("%q: internal error: %v", stmt, err)
		}
		if err := fuzzCheckDB(ctx, db); err != nil {
			t.Fatalf("after %q: %v", stmt, err)
		}
		if bugs := logs.take(); len(bugs) > 0 {
			t.Fatalf("after %q: logged %q", stmt, bugs)
		}
		clock.Advance(time.Second)
	}
	// The statements of a transaction left open are never proposed:
	// closing the session rolls it back, like a dropped connection.
	want, idx, err := db.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	replica := fuzzOpenCopy(t, tmpl, fuzzOptions(newFakeClock(), logs, 3))
	defer replica.Close()
	for i, data := range f.log {
		if got := applyOutcome(replica.Apply(base+uint64(i+1), data)); got != f.outcomes[i] {
			t.Fatalf("replay of entry %d: outcome\n%s\nwas\n%s", i+1, got, f.outcomes[i])
		}
	}
	got, ridx, err := replica.Checksum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || ridx != idx {
		t.Fatalf("replica diverged: checksum %s at %d, replayed %s at %d", want, idx, got, ridx)
	}
	if bugs := logs.take(); len(bugs) > 0 {
		t.Fatalf("replay logged %q", bugs)
	}
}

// fuzzReplicator applies proposals locally, in order, and keeps each
// entry with its outcome, for the replay to compare.
type fuzzReplicator struct {
	db       *DB
	base     uint64 // the index applied before the first proposal
	mu       sync.Mutex
	log      [][]byte
	outcomes []string
}

func (f *fuzzReplicator) Propose(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data := EncodeCommand(cmd)
	r := f.db.Apply(f.base+uint64(len(f.log)+1), data)
	f.log = append(f.log, data)
	f.outcomes = append(f.outcomes, applyOutcome(r))
	return r, nil
}

func (f *fuzzReplicator) ReadBarrier(ctx context.Context) error { return nil }

// applyOutcome is what an entry's apply told its proposer: every node
// must tell the same.
func applyOutcome(r *ApplyResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "err=%v fault=%v dup=%v", r.Err, IsApplyFault(r.Err), r.Duplicate)
	for _, res := range r.Results {
		fmt.Fprintf(&b, "\n%s %d %v %v", res.Tag, res.RowsAffected, res.Rows, res.Err)
	}
	return b.String()
}

// fuzzStatement runs one statement with a deadline and fails the test if
// it does not return soon after being cancelled.
func fuzzStatement(t *testing.T, s *Session, stmt string) error {
	ctx, cancel := context.WithTimeout(context.Background(), fuzzStmtTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.SimpleQuery(ctx, stmt, &rec{}) }()
	hang := time.NewTimer(fuzzStmtTimeout + fuzzHangGrace)
	defer hang.Stop()
	select {
	case err := <-done:
		return err
	case <-hang.C:
		t.Fatalf("%q: no result %v after its cancellation", stmt, fuzzHangGrace)
		return nil
	}
}

// fuzzCheckDB runs SQLite's integrity and foreign key checks on the
// committed state.
func fuzzCheckDB(ctx context.Context, db *DB) error {
	if err := db.withReader(ctx, integrityCheck); err != nil {
		return err
	}
	bad, err := db.foreignKeyViolations(ctx)
	if err != nil {
		return err
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}
