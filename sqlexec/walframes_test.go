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

	if n := recoveredInt(t, db, "SELECT length(v) FROM walf WHERE id = 1"); n != 240000 {
		t.Fatalf("recovered copy: length %d", n)
	}
}

// A transaction larger than SQLite's page cache spills frames into the
// WAL before its COMMIT and, when it changes a spilled page again,
// overwrites that frame in place and rewrites the frames' checksums at
// COMMIT (wal.c, walRewriteChecksums: headers with no page after them).
// The WAL it leaves must still be one SQLite's recovery accepts.
func TestWALFrameRewrittenChecksums(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE walr(id int PRIMARY KEY, v text)"))
	mustApply(t, db, 2, cmdOf(1, 1, 2,
		"WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < 6000) INSERT INTO walr SELECT g, repeat('y', 1000) FROM s",
		"UPDATE walr SET v = repeat('z', 1000)"))
	if n := recoveredInt(t, db, "SELECT count(*) FROM walr WHERE v = repeat('z', 1000)"); n != 6000 {
		t.Fatalf("recovered copy: %d rows updated, want 6000", n)
	}
}

// recoveredInt copies db's file and WAL elsewhere (no wal-index: SQLite
// recovers it from the WAL, checking every frame's checksum) and returns
// query's integer there.
func recoveredInt(t *testing.T, db *DB, query string) int64 {
	t.Helper()
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
	n, found, err := queryInt(c, query)
	if err != nil || !found {
		t.Fatalf("recovered copy: %s: found %v, err %v", query, found, err)
	}
	return n
}
