package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// Raft snapshots of the state machine: a consistent copy of the SQLite
// database at an applied index (SnapshotTo), and its installation in place
// of the live database (Restore).

// ImageMeta is what a snapshot image says about itself: the applied index
// it holds, the cluster configuration in force there (the bytes the node
// recorded with ApplyConfig; nil when no configuration was ever recorded)
// and the node's member table there (opaque bytes recorded with
// ApplyImageMeta or InitMembers; nil when none was recorded, as in an image
// made before the table was recorded).
type ImageMeta struct {
	Index   uint64
	Config  []byte
	Members []byte
}

// SnapshotTo writes a consistent copy of the database to path (SQLite's
// online backup, fsynced) and returns the applied index and configuration
// it holds. The copy reads from one read transaction on a connection of
// its own, so the apply connection keeps writing meanwhile (WAL); ctx is
// checked between steps of snapshotStepPages pages.
//
// Why not VACUUM INTO: it draws from SQLite's process-wide PRNG (the name
// of the schema it attaches), which the apply connection seeds per
// statement (pinsqlite.go); a draw from another goroutine in between would
// change what that statement sees. The backup API draws nothing: the
// destination has no journal, and the source is only read.
func (db *DB) SnapshotTo(ctx context.Context, path string) (ImageMeta, error) {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return ImageMeta{}, errClosed
	}
	_ = os.Remove(path)
	if err := backupTo(ctx, db.path, path); err != nil {
		_ = os.Remove(path)
		return ImageMeta{}, fmt.Errorf("sqlexec: snapshot: %w", err)
	}
	if err := syncFile(path); err != nil {
		return ImageMeta{}, err
	}
	_ = syncDir(filepath.Dir(path))
	return ReadImageMeta(path)
}

// snapshotStepPages is how many pages one backup step copies between
// checks of the context.
const snapshotStepPages = 4096

// backupTo copies the database at src to a new file at dst from one read
// transaction.
func backupTo(ctx context.Context, src, dst string) error {
	s, err := openLConn(dsnFor(src, "mode=ro"))
	if err != nil {
		return err
	}
	defer s.close()
	_ = s.exec("PRAGMA busy_timeout=10000")
	// One read transaction for the whole copy: the steps see one
	// snapshot of the WAL, and writes by the apply connection never
	// restart the backup.
	if err := s.exec("BEGIN"); err != nil {
		return err
	}
	defer s.exec("ROLLBACK")
	if _, err := readAppliedIndex(s); err != nil {
		return err
	}
	return copyFrom(ctx, s, dst)
}

// copyFrom copies the database of s, in the read transaction s holds, to
// a new file at dst (SQLite's online backup API), left in rollback-journal
// mode.
func copyFrom(ctx context.Context, s *lconn, dst string) error {
	d, err := openLConn(dsnFor(dst, ""))
	if err != nil {
		return err
	}
	defer d.close()
	if err := d.exec("PRAGMA journal_mode=OFF"); err != nil {
		return err
	}
	main, err := libc.CString("main")
	if err != nil {
		return err
	}
	defer libc.Xfree(d.tls, main)
	b := lib.Xsqlite3_backup_init(d.tls, d.db, main, s.db, main)
	if b == 0 {
		return fmt.Errorf("backup init: %w", d.err(lib.Xsqlite3_errcode(d.tls, d.db)))
	}
	var rc int32
	for {
		if err := ctx.Err(); err != nil {
			lib.Xsqlite3_backup_finish(d.tls, b)
			return err
		}
		rc = lib.Xsqlite3_backup_step(d.tls, b, snapshotStepPages)
		if rc == lib.SQLITE_BUSY || rc == lib.SQLITE_LOCKED {
			time.Sleep(time.Millisecond) // back off; the read transaction keeps its snapshot
			continue
		}
		if rc != lib.SQLITE_OK {
			break
		}
	}
	if frc := lib.Xsqlite3_backup_finish(d.tls, b); rc == lib.SQLITE_DONE {
		rc = frc
	}
	if rc != lib.SQLITE_OK && rc != lib.SQLITE_DONE {
		return fmt.Errorf("backup: %w", d.err(rc))
	}
	// The copy's header says WAL, like the source's: every later open of
	// the image (reading its metadata, verifying it) would leave -wal and
	// -shm files beside it in the snapshot directory, one pair per
	// snapshot. A rollback-journal image leaves none; Open turns the
	// installed database back to WAL.
	if err := d.exec("PRAGMA journal_mode=DELETE"); err != nil {
		return fmt.Errorf("backup: image journal mode: %w", err)
	}
	return nil
}

// ReadImageMeta reads the applied index and configuration of the database
// image at path.
func ReadImageMeta(path string) (ImageMeta, error) {
	s, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return ImageMeta{}, err
	}
	defer s.close()
	idx, err := readAppliedIndex(s)
	if err != nil {
		return ImageMeta{}, err
	}
	conf, err := readConfig(s)
	if err != nil {
		return ImageMeta{}, err
	}
	members, err := readMembers(s)
	if err != nil {
		return ImageMeta{}, err
	}
	return ImageMeta{Index: idx, Config: conf, Members: members}, nil
}

// readConfig reads the recorded configuration (nil if none; an image made
// before the table existed has none).
func readConfig(c *lconn) ([]byte, error) {
	return readBlob(c, "SELECT conf FROM raftsql_config WHERE id = 1")
}

// readMembers reads the recorded member table (nil if none).
func readMembers(c *lconn) ([]byte, error) {
	return readBlob(c, "SELECT members FROM raftsql_members WHERE id = 1")
}

// readBlob reads the one blob query selects (nil when there is no row, or
// no table: an image made before the table existed).
func readBlob(c *lconn, query string) ([]byte, error) {
	st, _, err := c.prepare(query)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil, nil
		}
		return nil, err
	}
	defer st.finalize()
	var b []byte
	_, err = st.run(nil, func(r []any) error {
		if v, ok := r[0].([]byte); ok {
			b = append([]byte(nil), v...)
		}
		return nil
	})
	return b, err
}

// ApplyConfig records a configuration-change entry as applied: the
// configuration it results in (opaque bytes, the node's encoding) and the
// applied index, in one transaction, so that every image carries the
// configuration in force at its index. An index already applied is
// skipped (a replay after a restart).
func (db *DB) ApplyConfig(index uint64, conf []byte) error {
	return db.ApplyImageMeta(ImageMeta{Index: index, Config: conf})
}

// ApplyImageMeta records an entry at im.Index that changed what an image
// says about itself as applied: im.Config and im.Members (each left as it
// is when nil) and the applied index, in one transaction, so every image
// carries the configuration and member table in force at its index. An
// index already applied is skipped (a replay after a restart).
func (db *DB) ApplyImageMeta(im ImageMeta) error {
	db.lockApply() // preempt.go
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return errClosed
	}
	if im.Index <= db.applied.Load() {
		return nil
	}
	return db.writeImageMeta(db.w, im)
}

// InitMembers records members as the member table when none is recorded
// yet (a database written before the table was recorded). It leaves the
// applied index alone.
func (db *DB) InitMembers(members []byte) error {
	return db.initRecord(readMembers, ImageMeta{Members: members})
}

// InitConfig records conf as the configuration when none is recorded yet
// (a database created before configurations were recorded, or a new
// member's first start: the bootstrap configuration is no log entry). It
// leaves the applied index alone.
func (db *DB) InitConfig(conf []byte) error {
	return db.initRecord(readConfig, ImageMeta{Config: conf})
}

// initRecord writes im (Index 0) unless read finds a record already.
func (db *DB) initRecord(read func(*lconn) ([]byte, error), im ImageMeta) error {
	db.lockApply() // preempt.go
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return errClosed
	}
	cur, err := read(db.w)
	if err != nil || cur != nil {
		return err
	}
	return db.writeImageMeta(db.w, im)
}

// writeImageMeta stores im.Config and im.Members (those not nil) and,
// unless im.Index is 0, the applied index, in one transaction.
func (db *DB) writeImageMeta(w *lconn, im ImageMeta) error {
	db.assertNoTx(w, "record configuration")
	if err := w.exec("BEGIN IMMEDIATE"); err != nil {
		return mapError(err, "")
	}
	var err error
	if im.Config != nil {
		err = execArgs(w, "INSERT OR REPLACE INTO raftsql_config(id, conf) VALUES (1, ?)", im.Config)
	}
	if err == nil && im.Members != nil {
		err = execArgs(w, "INSERT OR REPLACE INTO raftsql_members(id, members) VALUES (1, ?)", im.Members)
	}
	if err == nil && im.Index != 0 {
		err = execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(im.Index))
	}
	if err == nil {
		err = w.exec("COMMIT")
	}
	if err != nil {
		_ = w.exec("ROLLBACK")
		return fmt.Errorf("sqlexec: record configuration and members: %w", err)
	}
	if im.Index != 0 {
		db.applied.Store(im.Index)
	}
	return nil
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
	im, err := ReadImageMeta(path)
	if err != nil {
		return fmt.Errorf("sqlexec: restore: %w", err)
	}
	if im.Index != index {
		return fmt.Errorf("sqlexec: restore: snapshot holds index %d, want %d", im.Index, index)
	}
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.lockApply() // preempt.go
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

// RecordedMembers returns the member table recorded in the live database
// (nil when none is recorded).
func (db *DB) RecordedMembers() ([]byte, error) {
	db.lockApply() // preempt.go
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return nil, errClosed
	}
	return readMembers(db.w)
}
