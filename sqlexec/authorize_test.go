package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// applyOne applies one single-statement entry and returns its error
// (nil on success).
func applyOne(t *testing.T, db *DB, idx uint64, sql string) *Error {
	t.Helper()
	r := db.Apply(idx, cmdOf(int64(idx)*1000, idx, byte(idx), sql))
	if r.Err == nil {
		return nil
	}
	e, ok := r.Err.(*Error)
	if !ok {
		t.Fatalf("apply %q: error %T %v", sql, r.Err, r.Err)
	}
	return e
}

// keyPragmas are the connection settings a statement could change and that
// change what later statements do.
var keyPragmas = []string{"foreign_keys", "recursive_triggers", "case_sensitive_like", "reverse_unordered_selects",
	"ignore_check_constraints", "defer_foreign_keys", "temp_store", "query_only", "trusted_schema"}

// connState reads keyPragmas on c (case_sensitive_like cannot be read:
// its effect is probed instead).
func connState(t *testing.T, c *lconn) string {
	t.Helper()
	var b strings.Builder
	for _, p := range keyPragmas {
		if p == "case_sensitive_like" {
			v, _, err := queryInt(c, "SELECT 'a' LIKE 'A'")
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s=%d ", p, v)
			continue
		}
		v, _, err := queryInt(c, "PRAGMA "+p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", p, v)
	}
	return b.String()
}

func TestWriteAllowList(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	before := connState(t, db.w)
	idx := uint64(0)
	next := func() uint64 { idx++; return idx }
	if e := applyOne(t, db, next(), "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"); e != nil {
		t.Fatal(e)
	}
	// A schema written before the allow-list (CREATE would now refuse
	// these): the functions are refused when a write reaches them.
	for _, s := range []string{
		"CREATE TABLE d(id INTEGER PRIMARY KEY, v TEXT DEFAULT (sqlite_version()))",
		"CREATE TABLE log(v TEXT)",
		"CREATE TRIGGER tr AFTER INSERT ON log BEGIN INSERT INTO t(v) VALUES (total_changes()); END",
	} {
		if err := db.w.exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.noteSchema(db.w)
	refused := []struct{ sql, names string }{
		{"PRAGMA foreign_keys = 0", "PRAGMA foreign_keys"},
		{"PRAGMA foreign_keys(0)", "PRAGMA foreign_keys"},
		{"PRAGMA main.foreign_keys = OFF", "PRAGMA main.foreign_keys"},
		{"pragma ignore_check_constraints(1)", "ignore_check_constraints"},
		{"PRAGMA recursive_triggers = off", "recursive_triggers"},
		{"PRAGMA case_sensitive_like(1)", "case_sensitive_like"},
		{"PRAGMA reverse_unordered_selects = 1", "reverse_unordered_selects"},
		{"PRAGMA defer_foreign_keys = 1", "defer_foreign_keys"},
		{"PRAGMA integrity_check", "PRAGMA integrity_check"},
		{"CREATE TEMP TABLE x(a)", "temporary"},
		{"CREATE TABLE temp.x(a)", "temporary"},
		{`CREATE TABLE "temp".x(a)`, "temporary"},
		{"CREATE VIEW temp.v AS SELECT 1", "temporary"},
		{"CREATE TRIGGER temp.tt AFTER INSERT ON t BEGIN SELECT 1; END", "temporary"},
		{"INSERT INTO t(v) VALUES (last_insert_rowid())", "last_insert_rowid()"},
		{"INSERT INTO t(v) VALUES (changes())", "changes()"},
		{"UPDATE t SET v = total_changes()", "total_changes()"},
		{"INSERT INTO t(v) VALUES (sqlite_version())", "sqlite_version()"},
		{"INSERT INTO t(v) VALUES (sqlite_source_id())", "sqlite_source_id()"},
		{"INSERT INTO t(v) VALUES (pg_backend_pid())", "pg_backend_pid()"},
		{"INSERT INTO t(v) VALUES (pg_postmaster_start_time())", "pg_postmaster_start_time()"},
		{"INSERT INTO t(v) SELECT sqlite_compileoption_get(0)", "sqlite_compileoption_get()"},
		// reached through a DEFAULT, a trigger, a view, a CHECK and a
		// generated column
		{"INSERT INTO d(id) VALUES (1)", "sqlite_version()"},
		{"INSERT INTO log VALUES ('x')", "total_changes()"},
		{"CREATE TABLE d2(id INTEGER PRIMARY KEY, v TEXT DEFAULT (sqlite_version()))", "sqlite_version()"},
		{"CREATE TABLE c(a TEXT CHECK (a <> sqlite_version()))", "sqlite_version()"},
		{"CREATE TABLE g(a TEXT, b TEXT GENERATED ALWAYS AS (a || sqlite_source_id()))", "sqlite_source_id()"},
		{"ALTER TABLE t ADD COLUMN w TEXT DEFAULT (sqlite_version())", "sqlite_version()"},
		{"ATTACH 'x.db' AS x", "ATTACH"},
		{"BEGIN", "BEGIN"},
		{"CREATE VIRTUAL TABLE vt USING dbstat", "virtual table module dbstat"},
		{"INSERT INTO sqlite_dbpage(pgno, data) VALUES (2, zeroblob(4096))", "virtual table sqlite_dbpage"},
		{"INSERT INTO t(v) SELECT count(*) FROM dbstat", "virtual table dbstat"},
		// FTS5 compiles "PRAGMA data_version" (a per-connection counter)
		// on the apply connection for its own bookkeeping.
		{"CREATE VIRTUAL TABLE ft USING fts5(body)", "virtual table module fts5"},
		{"COMMIT", "COMMIT"},
		{"VACUUM", "VACUUM"},
		{"RELEASE raftsql_entry", "raftsql internal"},
		{"UPDATE raftsql_meta SET applied_index = 0", "raftsql internal"},
		{`INSERT INTO t(v) SELECT applied_index FROM "raftsql_meta"`, "raftsql internal"},
	}
	for _, c := range refused {
		want := CodeFeatureNotSupported
		if strings.Contains(c.names, "internal") {
			want = CodeInsufficientPrivs
		}
		e := applyOne(t, db, next(), c.sql)
		if e == nil || e.Code != want || !strings.Contains(e.Message, c.names) {
			t.Errorf("apply %q: got %v, want %s naming %q", c.sql, e, want, c.names)
		}
		// Compiled first under the read policy on every read connection
		// (as the read path does to classify a statement): the write check
		// must not reuse that compilation.
		for i := 0; i < cap(db.readers); i++ {
			_ = db.withReader(context.Background(), func(rc *lconn) error {
				if st, _, err := rc.prepareCached(c.sql); err == nil && st != nil {
					st.release()
				}
				return nil
			})
		}
		if err := db.checkWrite(context.Background(), c.sql); err == nil {
			t.Errorf("checkWrite %q: accepted", c.sql)
		} else if e, ok := err.(*Error); !ok || e.Code != want {
			t.Errorf("checkWrite %q: %v, want %s", c.sql, err, want)
		}
	}
	// A view that calls a refused function may exist (CREATE VIEW does not
	// compile its body); writing from it is refused.
	if e := applyOne(t, db, next(), "CREATE VIEW sv AS SELECT sqlite_version() AS v"); e == nil {
		if e := applyOne(t, db, next(), "INSERT INTO t(v) SELECT v FROM sv"); e == nil || !strings.Contains(e.Message, "sqlite_version()") {
			t.Errorf("write through a view: %v", e)
		}
	}
	allowed := []string{
		"INSERT INTO t(v) VALUES ('random() is fine as text')",
		"INSERT INTO t(v) VALUES ('sqlite_version(), changes(), PRAGMA foreign_keys=0, temp.x, raftsql_meta')",
		"INSERT INTO t(v) VALUES (random()), (hex(randomblob(4))), (gen_random_uuid()), (now()), (datetime('now')), (CURRENT_TIMESTAMP)",
		"INSERT INTO t(v) VALUES (json_object('a', 1) ->> '$.a'), (printf('%d', abs(-3))), (upper(substr('abc', 2)))",
		"INSERT INTO t(v) SELECT relname FROM pg_class WHERE relname = 't'",
		"CREATE TABLE ok(a INTEGER PRIMARY KEY, b TEXT DEFAULT (lower('X')), c INT CHECK (c > 0), d INT GENERATED ALWAYS AS (c * 2))",
		"ALTER TABLE ok RENAME TO ok2",
		"ALTER TABLE ok2 ADD COLUMN e TEXT DEFAULT 'x'",
		"ALTER TABLE ok2 ADD COLUMN f INTEGER DEFAULT 7 CHECK (f > 0)",
		"CREATE INDEX ok2_c ON ok2(c)",
		"ALTER TABLE ok2 RENAME COLUMN e TO e2",
		"ALTER TABLE ok2 DROP COLUMN e2",
		"CREATE UNIQUE INDEX ok2_b ON ok2(lower(b)) WHERE c > 1",
		"CREATE TABLE ai(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)",
		"INSERT INTO ai(v) VALUES ('x')",
		"DROP TABLE ai",
		"CREATE VIEW vv AS SELECT count(*) AS n FROM ok2",
		"DROP VIEW vv",
		"CREATE VIRTUAL TABLE rt USING rtree(id, x0, x1)",
		"INSERT INTO rt VALUES (1, 0, 10)",
		"INSERT INTO t(v) SELECT id FROM rt WHERE x0 <= 5 AND x1 >= 5",
		"INSERT INTO t(v) SELECT value FROM json_each('[1, 2]')",
		"ANALYZE",
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) INSERT INTO t(v) SELECT i FROM n",
		"SELECT count(*) FROM sqlite_schema",
		"PRAGMA table_info(t)",
		// A trigger body is compiled when a write fires it (refused then,
		// see log above), not by CREATE TRIGGER.
		"CREATE TRIGGER tr2 AFTER INSERT ON log BEGIN INSERT INTO t(v) VALUES (changes()); END",
	}
	for _, s := range allowed {
		if err := db.checkWrite(context.Background(), s); err != nil {
			t.Errorf("checkWrite %q: %v", s, err)
		}
		if e := applyOne(t, db, next(), s); e != nil {
			t.Errorf("apply %q: %v", s, e)
		}
	}
	if after := connState(t, db.w); after != before {
		t.Errorf("apply connection state changed:\n before %s\n after  %s", before, after)
	}
	for _, o := range []string{"sqlite_temp_master"} {
		n, _, err := queryInt(db.w, "SELECT count(*) FROM "+o+" WHERE name NOT LIKE 'pg%' AND name NOT LIKE 'information_schema%'")
		if err != nil || n != 0 {
			t.Errorf("temp schema has user objects: %d %v", n, err)
		}
	}
}

func TestReadConnPolicy(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(a)"))
	ctx := context.Background()
	var before string
	_ = db.withReader(ctx, func(c *lconn) error { before = connState(t, c); return nil })
	for _, s := range []string{"PRAGMA case_sensitive_like(1)", "PRAGMA case_sensitive_like = 1", "PRAGMA reverse_unordered_selects(1)",
		"PRAGMA foreign_keys = 0", "PRAGMA main.query_only(0)", "ATTACH 'x.db' AS x"} {
		for i := 0; i < cap(db.readers); i++ {
			err := db.withReader(ctx, func(c *lconn) error {
				st, _, err := c.prepare(s)
				if st != nil {
					st.finalize()
				}
				return err
			})
			if e, ok := err.(*Error); !ok || e.Code != CodeFeatureNotSupported {
				t.Errorf("%q on a read connection: %v", s, err)
			}
		}
	}
	for _, s := range []string{"PRAGMA foreign_keys", "PRAGMA table_info(t)", "PRAGMA index_list('t')", "SELECT * FROM pragma_table_info('t')"} {
		err := db.withReader(ctx, func(c *lconn) error {
			st, _, err := c.prepare(s)
			if st != nil {
				st.finalize()
			}
			return err
		})
		if err != nil {
			t.Errorf("%q on a read connection: %v", s, err)
		}
	}
	_ = db.withReader(ctx, func(c *lconn) error {
		if after := connState(t, c); after != before {
			t.Errorf("read connection state changed:\n before %s\n after  %s", before, after)
		}
		return nil
	})
}

// TestDateLiteralsPinned: PostgreSQL's date/time literals relative to now
// are the entry's pinned time, whatever the node's wall clock.
func TestDateLiteralsPinned(t *testing.T) {
	pinned := time.Date(2024, 2, 29, 23, 30, 0, 0, time.UTC)
	stmts := []string{
		"CREATE TABLE d(a, b, c, e, f, g)",
		"INSERT INTO d VALUES (pg_cast_date('today'), pg_cast_date('tomorrow'), pg_cast_timestamp('now'), pg_cast_timestamptz('yesterday'), pg_cast_timestamp('today'), datetime('now', 'localtime'))",
	}
	got := applyOnClocks(t, pinned, stmts, "SELECT a || '|' || b || '|' || c || '|' || e || '|' || f || '|' || g FROM d")
	// timestamptz is stored in its canonical form, UTC with "+00"
	want := "2024-02-29|2024-03-01|2024-02-29 23:30:00|2024-02-28 00:00:00+00|2024-02-29 00:00:00|2024-02-29 23:30:00"
	for _, g := range got {
		if g != want {
			t.Errorf("stored %q, want %q", g, want)
		}
	}
}

// TestMaxRowidDeterministic: once the largest rowid is taken SQLite picks
// rowids at random; two replicas applying the same entries pick the same.
func TestMaxRowidDeterministic(t *testing.T) {
	entries := [][]byte{
		cmdOf(1, 11, 1, "CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT)"),
		cmdOf(2, 12, 2, "INSERT INTO r VALUES (9223372036854775807, 'max')"),
		cmdOf(3, 13, 3, "INSERT INTO r(v) VALUES ('a'), ('b'), ('c')"),
		cmdOf(4, 14, 4, "INSERT INTO r(v) VALUES ('d')", "INSERT INTO r(v) SELECT 'e' || v FROM r WHERE v IN ('a', 'b')"),
	}
	var dumps []string
	for i := 0; i < 2; i++ {
		db := openTest(t, t.TempDir())
		if i == 1 {
			// Something else drawing from SQLite's PRNG in between must
			// not matter.
			_, _, _ = queryInt(db.w, "SELECT 1")
		}
		for k, e := range entries {
			mustApply(t, db, uint64(k+1), e)
		}
		var b strings.Builder
		err := db.withReader(context.Background(), func(c *lconn) error {
			st, _, err := c.prepare("SELECT id, v FROM r ORDER BY v")
			if err != nil {
				return err
			}
			defer st.finalize()
			_, err = st.run(nil, func(r []any) error { fmt.Fprintf(&b, "%v=%v ", r[1], r[0]); return nil })
			return err
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		dumps = append(dumps, b.String())
	}
	if dumps[0] != dumps[1] {
		t.Fatalf("replicas chose different rowids:\n%s\n%s", dumps[0], dumps[1])
	}
	t.Log(dumps[0])
}

// Describing a statement inside a transaction that wrote compiles (and may
// probe) it on the apply connection: only under the write allow-list, so
// a PRAGMA that changes a setting and returns a row cannot run there.
func TestDescribeOnApplyConnectionAuthorized(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id serial PRIMARY KEY, v TEXT)", "")
	before := connState(t, e.db.w)
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO t(v) VALUES ('a')", "")
	for _, p := range []string{"PRAGMA locking_mode = EXCLUSIVE", "PRAGMA foreign_keys(0)", "PRAGMA reverse_unordered_selects(1)"} {
		if _, err := s.Prepare(context.Background(), p, nil); code(err) != CodeFeatureNotSupported {
			t.Errorf("prepare %q in a transaction: %v, want 0A000", p, err)
		}
	}
	mustQ(t, s, "ROLLBACK", "")
	if after := connState(t, e.db.w); after != before {
		t.Errorf("apply connection state changed:\n before %s\n after  %s", before, after)
	}
	lm, _, err := queryInt(e.db.w, "SELECT count(*) FROM pragma_locking_mode WHERE locking_mode = 'normal'")
	if err != nil || lm != 1 {
		t.Errorf("locking mode changed: %d %v", lm, err)
	}
}
