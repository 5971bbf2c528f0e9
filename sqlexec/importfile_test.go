package sqlexec

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foreignDB makes a SQLite file with stmts, as another application would.
func foreignDB(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	c, err := openLConn(dsnFor(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for _, s := range stmts {
		if err := c.exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

func TestPrepareImportForeign(t *testing.T) {
	src := foreignDB(t,
		"CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, joined DATETIME, score REAL)",
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT, loose)",
		"CREATE INDEX notes_user ON notes(user_id)",
		"CREATE VIEW user_notes AS SELECT u.name, n.body FROM users u JOIN notes n ON n.user_id = u.id",
		"CREATE TRIGGER users_upper AFTER INSERT ON users BEGIN UPDATE users SET name = upper(name) WHERE id = new.id; END",
		"CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID",
		"INSERT INTO users (name, joined, score) VALUES ('ada', '2024-01-01 10:00:00', 1.5), ('bob', NULL, 2)",
		"INSERT INTO notes (user_id, body) VALUES (1, 'hello'), (2, 'world'), (99, 'orphan')",
		"INSERT INTO pairs VALUES ('x', 'y')",
	)
	src0, err := CheckFile(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if src0.Raftsql {
		t.Fatal("a foreign file taken for a raftsql one")
	}
	dst := filepath.Join(t.TempDir(), "db.sqlite")
	rep, err := PrepareImport(context.Background(), src, dst)
	if err != nil {
		t.Fatalf("%v (%+v)", err, rep)
	}
	if rep.Backup || rep.Tables != 3 || rep.Indexes != 1 || rep.Views != 1 || rep.Triggers != 1 {
		t.Fatalf("report: %+v", rep)
	}
	warns := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{`users.joined: declared type "DATETIME"`, `notes.loose: declared type ""`, "table notes, rowid 3: violates its foreign key to users", "table users was created outside raftsql"} {
		if !strings.Contains(warns, w) {
			t.Errorf("no warning %q in:\n%s", w, warns)
		}
	}
	// The copy holds raftsql's (empty) tables besides the source's, so
	// its checksum is its own; stamping it changes no content.
	prepared, err := CheckFile(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	if err := StampImage(context.Background(), dst, ImageMeta{Index: 7, Config: []byte("c"), Members: []byte("m")}); err != nil {
		t.Fatal(err)
	}
	got, err := CheckFile(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Raftsql || got.AppliedIndex != 7 || got.Checksum != prepared.Checksum {
		t.Fatalf("imported %+v, prepared %+v", got, prepared)
	}
	c, err := openLConn(dsnFor(dst, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	if n := pragmaText(c, "SELECT count(*) FROM users"); n != "2" {
		t.Fatalf("users imported: %s", n)
	}
	for _, suf := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(dst + suf); err == nil {
			t.Fatalf("the imported file is not self-contained: %s exists", dst+suf)
		}
	}
}

func TestPrepareImportRefuses(t *testing.T) {
	src := foreignDB(t,
		"CREATE TABLE t (id INTEGER PRIMARY KEY, token TEXT)",
		"CREATE TRIGGER t_token AFTER INSERT ON t BEGIN UPDATE t SET token = hex(randomblob(8)) WHERE id = new.id; END",
		"CREATE TABLE d (id INTEGER PRIMARY KEY, at TEXT DEFAULT (datetime('now', 'localtime')), r INT DEFAULT (random()), v TEXT DEFAULT (sqlite_version()))",
		"CREATE VIRTUAL TABLE docs USING fts5(body)",
		"CREATE TABLE raftsql_mine (x)",
		"CREATE VIEW lucky AS SELECT random() AS n",
	)
	dst := filepath.Join(t.TempDir(), "db.sqlite")
	rep, err := PrepareImport(context.Background(), src, dst)
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("refused file accepted: %v %+v", err, rep)
	}
	refused := strings.Join(rep.Refused, "\n")
	for _, w := range []string{"virtual table docs (USING fts5)", "table raftsql_mine: names beginning with raftsql_ are reserved", "table d: function sqlite_version()"} {
		if !strings.Contains(refused, w) {
			t.Errorf("no refusal %q in:\n%s", w, refused)
		}
	}
	if _, err := os.Stat(dst); err == nil {
		t.Fatal("a refused import left its copy")
	}

	// Without the schema refusals, the write checks speak.
	// (random() and now are fine: an entry pins the seed and the time.)
	src = foreignDB(t,
		"CREATE TABLE t (id INTEGER PRIMARY KEY, token TEXT, parent INT)",
		"CREATE TRIGGER t_parent AFTER INSERT ON t BEGIN UPDATE t SET parent = last_insert_rowid() WHERE id = new.id; END",
		"CREATE TABLE d (id INTEGER PRIMARY KEY, v TEXT DEFAULT (sqlite_version()))",
		"CREATE TABLE a (id INTEGER PRIMARY KEY, slug TEXT)",
		"CREATE TRIGGER a_slug AFTER UPDATE OF slug ON a BEGIN UPDATE a SET slug = app_slugify(new.slug) WHERE id = new.id; END",
		"CREATE TABLE ok (id INTEGER PRIMARY KEY, r INT DEFAULT (random()), at TEXT DEFAULT CURRENT_TIMESTAMP)",
		"CREATE VIEW counted AS SELECT changes() AS n",
	)
	rep, err = PrepareImport(context.Background(), src, dst)
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("refused file accepted: %v %+v", err, rep)
	}
	refused = strings.Join(rep.Refused, "\n")
	for _, w := range []string{"table t: function last_insert_rowid()", "table d: function sqlite_version()", "table a: every UPDATE on it would fail: ", "app_slugify"} {
		if !strings.Contains(refused, w) {
			t.Errorf("no refusal %q in:\n%s", w, refused)
		}
	}
	if strings.Contains(refused, "table ok") || !strings.Contains(strings.Join(rep.Warnings, "\n"), "view counted: function changes()") {
		t.Errorf("refused %q, warned %q", rep.Refused, rep.Warnings)
	}
	if _, err := os.Stat(dst); err == nil {
		t.Fatal("a refused import left its copy")
	}
}

func TestPrepareImportDamaged(t *testing.T) {
	src := foreignDB(t, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "CREATE INDEX t_v ON t(v)",
		"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 2000) INSERT INTO t SELECT n, hex(n) FROM g")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the last page (a leaf of the table or the index).
	for i := len(b) - 4096 + 100; i < len(b)-100; i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(src, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := PrepareImport(context.Background(), src, filepath.Join(t.TempDir(), "x")); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged file: %v", err)
	}
	if _, err := CheckFile(context.Background(), src); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged file: %v", err)
	}
	if _, err := PrepareImport(context.Background(), filepath.Join(t.TempDir(), "none.db"), filepath.Join(t.TempDir(), "x")); err == nil {
		t.Fatal("a missing file imported")
	}
}
