package sqlexec

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A healthy file passes QuickCheck; a file damaged on disk is told apart
// from any other error: Open or QuickCheck fails with an error IsDamaged
// recognises (the node sets the file aside and rebuilds it), while a
// statement's error or a missing directory is not damage.
func TestDamagedFileIsRecognised(t *testing.T) {
	for _, tc := range []struct {
		name string
		off  func(size int64) int64
		n    int64
	}{
		{"header", func(int64) int64 { return 0 }, 100},
		{"second page", func(int64) int64 { return 4096 }, 4096},
		{"last pages", func(size int64) int64 { return size - 2*4096 }, 2 * 4096},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := openTest(t, dir)
			mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
			for i := 0; i < 20; i++ {
				mustApply(t, db, uint64(2+i), cmdOf(1, uint64(2+i), byte(2+i), fmt.Sprintf("INSERT INTO t VALUES (%d, '%s')", i, strings.Repeat("x", 2000))))
			}
			if err := db.QuickCheck(); err != nil {
				t.Fatalf("healthy file: %v", err)
			}
			if res := db.Apply(22, cmdOf(1, 22, 22, "SELECT * FROM missing")); res.Err == nil || IsDamaged(res.Err) {
				t.Fatalf("a statement's error taken for damage: %v", res.Err)
			}
			db.Close()
			path := filepath.Join(dir, "state.db")
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			garbage := make([]byte, tc.n)
			for i := range garbage {
				garbage[i] = byte(i*31 + 7)
			}
			if _, err := f.WriteAt(garbage, tc.off(st.Size())); err != nil {
				t.Fatal(err)
			}
			f.Close()
			db, err = Open(context.Background(), path, Options{ReadConns: 1})
			if err == nil {
				err = db.QuickCheck()
				db.Close()
			}
			if err == nil || !IsDamaged(err) {
				t.Fatalf("damaged file: %v, want an error IsDamaged recognises", err)
			}
		})
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), Options{}); err == nil || IsDamaged(err) {
		t.Fatalf("a missing directory taken for damage: %v", err)
	}
}

// Rows that a CHECK added NOT VALID does not hold for are PostgreSQL's
// own state, not damage: QuickCheck passes them (SQLite's quick_check
// tests rows against CHECKs, and a restarted node set such a file aside
// and rebuilt it), while the constraint still holds for new rows.
func TestQuickCheckPassesNotValidRows(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE nv(a integer)", "")
	mustRows(t, s, "INSERT INTO nv VALUES (-1), (5)", "C:INSERT 0 2")
	mustRows(t, s, "ALTER TABLE nv ADD CONSTRAINT nv_pos CHECK (a > 0) NOT VALID", "")
	if err := e.db.QuickCheck(); err != nil {
		t.Fatalf("QuickCheck: %v", err)
	}
	if _, err := q(t, s, "INSERT INTO nv VALUES (-2)"); err == nil || err.(*Error).Code != "23514" {
		t.Fatalf("INSERT of a violating row after QuickCheck: %v, want 23514", err)
	}
}
