package sqlexec

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BACKUP TO STDOUT: a consistent online copy of this replica's database,
// streamed to the client as a plain SQLite file over COPY OUT.
//
// The copy is made exactly as a Raft snapshot image is (DB.SnapshotTo:
// SQLite's online backup API from one read transaction, so it holds one
// applied index, and the apply loop keeps writing meanwhile) into a
// temporary file beside the database, then sent in backupChunk-sized
// CopyData messages of the raw file (pgwire.CopyRaw) and removed. Memory is
// bounded by one chunk on the server; the disk needs room for one copy.
//
// What the file holds: the user's tables, indexes, views and triggers, and
// raftsql's internal tables (raftsql_*: the applied index in raftsql_meta,
// the configuration and member table, the roles with their SCRAM
// verifiers, sequences, enums, request ids, advisory locks). They are
// kept, not stripped: the file is then self-describing (its applied index
// is inside it) and a restore keeps the replicated ones (importfile.go);
// a program that opens the file with SQLite sees them as ordinary tables
// with the raftsql_ prefix and can ignore them. The file's checksum
// (CheckFile) equals the replica's at the same index.
//
// Before the data the server sends a NOTICE (severity INFO) naming the
// applied index, the cluster id and the size in bytes:
// "backup: applied_index=N cluster_id=X bytes=B". Superuser only (42501);
// not inside a transaction block (25001): the copy is not the
// transaction's view. With read consistency linearizable (the default)
// it first waits for a read barrier, so it holds every write acknowledged
// before BACKUP was sent; with stale it copies what the node has applied.

// backupChunk is the size of one CopyData message of a backup.
const backupChunk = 256 << 10

// backupTempPattern names a backup's temporary copy in the database's
// directory; Open removes any left by a crash.
const backupTempPattern = "backup-*.sqlite.tmp"

// backup runs BACKUP TO STDOUT.
func (s *Session) backup(ctx context.Context, w pgwire.ResultWriter) error {
	if err := s.requireSuperuser("must be superuser to run BACKUP"); err != nil {
		return err
	}
	if s.tx != nil {
		return errf(CodeActiveTransaction, "BACKUP cannot run inside a transaction block")
	}
	if err := s.barrier(ctx); err != nil {
		return err
	}
	db := s.e.db
	f, err := os.CreateTemp(filepath.Dir(db.path), backupTempPattern)
	if err != nil {
		return errf(CodeIOError, "BACKUP: cannot create a temporary file beside the database: %v", err)
	}
	path := f.Name()
	f.Close()
	defer os.Remove(path)
	im, err := db.SnapshotTo(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return toError(ctx.Err())
		}
		return errf(CodeIOError, "BACKUP: copying the database failed: %v", err)
	}
	f, err = os.Open(path)
	if err != nil {
		return errf(CodeIOError, "BACKUP: %v", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return errf(CodeIOError, "BACKUP: %v", err)
	}
	_ = w.Notice("INFO", "00000", fmt.Sprintf("backup: applied_index=%d cluster_id=%s bytes=%d", im.Index, s.clusterID(ctx), fi.Size()))
	if err := w.CopyOut(pgwire.CopyFormat{Kind: pgwire.CopyRaw}, []pgwire.Column{{Name: "backup", TypeOID: pgoid.Bytea, TypeSize: -1, TypeModifier: -1}}); err != nil {
		return err
	}
	buf := make([]byte, backupChunk)
	var sent int64
	for {
		if err := ctx.Err(); err != nil {
			return toError(err)
		}
		n, err := io.ReadFull(f, buf)
		if n > 0 {
			if werr := w.Row([]any{buf[:n]}); werr != nil {
				return werr
			}
			sent += int64(n)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return errf(CodeIOError, "BACKUP: reading the copy: %v", err)
		}
	}
	return w.Complete(fmt.Sprintf("BACKUP %d", sent))
}

// clusterID asks the node for its cluster id ("unknown" for an engine
// without a node).
func (s *Session) clusterID(ctx context.Context) string {
	ns := s.e.opts.NodeSettings
	if ns == nil || ns.NodeSettingColumns("raftsql.cluster_id") == nil {
		return "unknown"
	}
	rows, err := ns.ShowNodeSetting(ctx, "raftsql.cluster_id")
	if err != nil || len(rows) != 1 || len(rows[0]) != 1 {
		return "unknown"
	}
	return rows[0][0]
}

// removeBackupTemps removes the temporary copies of backups a crash left
// in dir (the data directory is locked by this node: no backup is
// running).
func removeBackupTemps(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, backupTempPattern))
	for _, n := range names {
		if strings.HasSuffix(n, ".tmp") {
			_ = os.Remove(n)
		}
	}
}
