package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Raft snapshots of the state machine: a consistent copy of the SQLite
// database at an applied index (SnapshotTo), and its installation in place
// of the live database (Restore).

// SnapshotTo writes a consistent copy of the database to path (VACUUM
// INTO, fsynced) and returns the applied index it contains.
func (db *DB) SnapshotTo(ctx context.Context, path string) (uint64, error) {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return 0, errClosed
	}
	_ = os.Remove(path)
	c, err := openLConn(dsnFor(db.path, ""))
	if err != nil {
		return 0, err
	}
	_ = c.exec("PRAGMA busy_timeout=10000")
	err = execArgs(c, "VACUUM INTO ?", path)
	c.close()
	if err != nil {
		return 0, fmt.Errorf("sqlexec: snapshot: %w", err)
	}
	if err := syncFile(path); err != nil {
		return 0, err
	}
	_ = syncDir(filepath.Dir(path))
	s, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return 0, err
	}
	defer s.close()
	return readAppliedIndex(s)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Restore atomically replaces the database with the snapshot file at path
// (which is consumed) whose applied index is index.
func (db *DB) Restore(path string, index uint64) error {
	// Validate the snapshot first.
	s, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("sqlexec: restore: %w", err)
	}
	got, err := readAppliedIndex(s)
	s.close()
	if err != nil {
		return fmt.Errorf("sqlexec: restore: %w", err)
	}
	if got != index {
		return fmt.Errorf("sqlexec: restore: snapshot holds index %d, want %d", got, index)
	}
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return errClosed
	}
	db.closeConns()
	db.dropReadViews()
	for _, suf := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(db.path + suf); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(path, db.path); err != nil {
		return err
	}
	_ = syncDir(filepath.Dir(db.path))
	if err := db.openConns(); err != nil {
		db.closed = true
		return err
	}
	return nil
}
