package sqlexec

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeSyscalls is the process's count of write system calls so far
// (/proc/self/io's syscw); ok false where there is none.
func writeSyscalls(t *testing.T) (int64, bool) {
	f, err := os.Open("/proc/self/io")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "syscw: "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n, true
		}
	}
	return 0, false
}

// A commit of many pages writes each WAL frame (header and page) with one
// system call, and the WAL it leaves is one SQLite's recovery accepts
// (every frame's checksum right): a copy of the database and its WAL,
// opened elsewhere, holds the committed row.
func TestWALFrameOneWrite(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE walf(id int PRIMARY KEY, v text)"))
	wal := db.Path() + "-wal"
	before, err := os.Stat(wal)
	if err != nil {
		t.Fatal(err)
	}
	w0, ok := writeSyscalls(t)
	if !ok {
		t.Skip("no /proc/self/io")
	}
	// ~60 overflow pages of 4 KiB in one commit.
	mustApply(t, db, 2, cmdOf(1, 1, 2, "INSERT INTO walf VALUES (1, repeat('x', 240000))"))
	w1, _ := writeSyscalls(t)
	after, err := os.Stat(wal)
	if err != nil {
		t.Fatal(err)
	}
	frames := (after.Size() - before.Size()) / (4096 + walFrameHeader)
	if frames < 50 {
		t.Fatalf("the commit wrote %d frames, expected at least 50 (WAL %d -> %d bytes)", frames, before.Size(), after.Size())
	}
	// Two writes per frame without the wrapper; a few more for anything
	// else the process wrote meanwhile.
	t.Logf("%d write system calls for %d WAL frames", w1-w0, frames)
	if writes := w1 - w0; writes > frames+frames/4 {
		t.Fatalf("%d write system calls for %d WAL frames", writes, frames)
	}

	copyDir := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(db.Path() + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copyDir, "copy.db"+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c, err := openLConn(dsnFor(filepath.Join(copyDir, "copy.db"), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	n, found, err := queryInt(c, "SELECT length(v) FROM walf WHERE id = 1")
	if err != nil || !found || n != 240000 {
		t.Fatalf("recovered copy: length %d, found %v, err %v", n, found, err)
	}
}
