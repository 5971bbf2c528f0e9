package sqlexec

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// fileRec records a BACKUP TO STDOUT: the raw bytes and the notices.
type fileRec struct {
	rec
	data    bytes.Buffer
	notices []string
}

func (r *fileRec) Row(v []any) error {
	r.data.Write(v[0].([]byte))
	return nil
}

func (r *fileRec) Notice(sev, code, msg string, _ ...string) error {
	r.notices = append(r.notices, sev+" "+msg)
	return nil
}

func TestBackupToStdout(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	t.Cleanup(func() { db.Close() })
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{IsSuperuser: func(u string) bool { return u == "admin" }})
	sess := func(user string) *Session { return sessAs(t, e, user) }
	admin := sess("admin")
	mustQ(t, admin, "CREATE TABLE t (id int PRIMARY KEY, name text)", "")
	mustQ(t, admin, "INSERT INTO t SELECT g, 'name ' || g FROM generate_series(1, 3000) g", "")

	w := &fileRec{}
	if err := admin.SimpleQuery(context.Background(), "BACKUP TO STDOUT", w); err != nil {
		t.Fatal(err)
	}
	if w.copyFmt.Kind != pgwire.CopyRaw || len(w.out) != 2 || w.out[0] != "COPYOUT[1]" || !strings.HasPrefix(w.out[1], "C:BACKUP ") {
		t.Fatalf("BACKUP reported %v (format %q)", w.out, w.copyFmt.Kind)
	}
	if len(w.notices) != 1 || !strings.HasPrefix(w.notices[0], "INFO backup: applied_index=") {
		t.Fatalf("notices: %q", w.notices)
	}
	out := filepath.Join(t.TempDir(), "b.db")
	if err := os.WriteFile(out, w.data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFile(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	sum, at, err := db.Checksum(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Raftsql || rep.AppliedIndex != at || rep.Checksum != sum {
		t.Fatalf("backup %+v, database %s at %d", rep, sum, at)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, backupTempPattern)); len(left) > 0 {
		t.Fatalf("temporary copies left: %v", left)
	}

	// Superuser only; not in a transaction block; only TO STDOUT.
	if _, err := q(t, sess("alice"), "BACKUP TO STDOUT"); code(err) != "42501" {
		t.Fatalf("BACKUP by a non-superuser: %v", err)
	}
	mustQ(t, admin, "BEGIN", "")
	if _, err := q(t, admin, "BACKUP TO STDOUT"); code(err) != "25001" {
		t.Fatalf("BACKUP in a transaction block: %v", err)
	}
	mustQ(t, admin, "ROLLBACK", "")
	for sql, want := range map[string]string{
		"BACKUP":                  "42601",
		"BACKUP TO":               "42601",
		"BACKUP TO '/tmp/x.db'":   "0A000",
		"BACKUP TO STDOUT WITH x": "42601",
		"VACUUM INTO '/tmp/x.db'": "0A000",
		"vacuum full into 'x.db'": "0A000",
		"VACUUM":                  "",
		"VACUUM ANALYZE t":        "",
		"ANALYZE":                 "",
		"ANALYZE t":               "",
	} {
		if _, err := q(t, admin, sql); code(err) != want {
			t.Errorf("%s: %v, want %q", sql, err, want)
		}
	}
	if _, err := os.Stat("x.db"); err == nil {
		t.Fatal("VACUUM INTO wrote a file")
	}
	if _, err := q(t, admin, "VACUUM INTO '/tmp/x.db'"); err == nil || !strings.Contains(err.Error(), "raftsql backup") {
		t.Fatalf("VACUUM INTO does not point to raftsql backup: %v", err)
	}
}

// TestBackupOfNotValidRows: rows that break a CHECK added NOT VALID are
// legitimate (PostgreSQL keeps them): the live database passes its
// integrity check (SQLite's integrity_check tests every CHECK, and called
// it damaged), and its backup verifies and imports.
func TestBackupOfNotValidRows(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	t.Cleanup(func() { db.Close() })
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{IsSuperuser: func(u string) bool { return u == "admin" }})
	admin := sessAs(t, e, "admin")
	mustQ(t, admin, "CREATE TABLE nv (id int PRIMARY KEY, a int CHECK (a < 100))", "")
	mustQ(t, admin, "INSERT INTO nv VALUES (1, -1), (2, 5)", "")
	mustQ(t, admin, "ALTER TABLE nv ADD CONSTRAINT nv_pos CHECK (a > 0) NOT VALID", "")
	mustQ(t, admin, "CREATE TABLE other (id int PRIMARY KEY, b int CHECK (b > 0))", "")
	mustQ(t, admin, "INSERT INTO other VALUES (1, 1)", "")
	if err := db.withReader(context.Background(), integrityCheck); err != nil {
		t.Fatalf("integrity check of a database with NOT VALID rows: %v", err)
	}
	w := &fileRec{}
	if err := admin.SimpleQuery(context.Background(), "BACKUP TO STDOUT", w); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "b.db")
	if err := os.WriteFile(out, w.data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckFile(context.Background(), out); err != nil {
		t.Fatalf("CheckFile of a backup with NOT VALID rows: %v", err)
	}
	if _, err := PrepareImport(context.Background(), out, filepath.Join(t.TempDir(), "db.sqlite")); err != nil {
		t.Fatalf("PrepareImport of a backup with NOT VALID rows: %v", err)
	}
}
