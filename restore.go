package raftsql

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// Restore and import: the first data directory of a new cluster, made from
// a SQLite file (a raftsql backup, or any application's SQLite database).
//
// The new cluster has one member, this one; the others join it with
// --join (learners that catch up, then voters). Its state is the file's
// content as the snapshot at index S of the new cluster's log, and the log
// holds nothing at or below S: every member that joins gets the image by
// snapshot, never an empty history. Why not several members started with
// --initial-cluster: members with empty data directories are a majority
// that can elect a leader of their own, whose log knows nothing of the
// image, and the member holding it would then be overwritten or diverge.
//
// Steps (each durable before the next):
//  1. the data directory must be empty (or not exist): a restore never
//     overwrites anything; it is marked RESTORING, which Start refuses, so
//     a restore cut short is never served;
//  2. identity.json gets a random cluster id, so the new cluster never
//     takes a member of the cluster the backup came from for one of its
//     own (a restore of the same file twice gives two clusters), and the
//     join token (Config.JoinToken, or a new one);
//  3. sqlexec.PrepareImport checks the file (integrity, unsupported
//     features: refused with every reason, or accepted with warnings) and
//     copies it beside the database with raftsql's tables made anew;
//  4. the node starts once on loopback ports nobody knows and elects
//     itself: the log store, configuration and member table are those of
//     any new one-member cluster at applied index k, with no user data;
//  5. stopped, the copy is stamped with index k, that configuration and
//     member table (sqlexec.StampImage) and renamed over db.sqlite;
//  6. started once more, it makes a snapshot at its applied index S >= k
//     and compacts its log through S;
//  7. the mark is removed.

// restoreMark marks a data directory a restore is making.
const restoreMark = "RESTORING"

// RestoreReport is what Restore found and made.
type RestoreReport struct {
	sqlexec.ImportReport
	// Index is the snapshot index the new cluster starts from; ClusterID
	// its id; JoinToken the secret the members that join it present
	// (Config.JoinToken when set, else drawn).
	Index     uint64
	ClusterID uint64
	JoinToken string
}

// checkRestoreMark refuses a data directory a restore did not finish.
func checkRestoreMark(cfg Config) error {
	if cfg.restoring {
		return nil
	}
	if _, err := os.Stat(filepath.Join(cfg.DataDir, restoreMark)); err == nil {
		return fmt.Errorf("raftsql: the data directory %s was being restored (raftsql restore) and the restore did not finish: remove the directory and run the restore again", cfg.DataDir)
	}
	return nil
}

// Restore makes cfg.DataDir (empty or absent) the data directory of the
// first member of a new cluster whose state is the SQLite file at from.
// cfg is the configuration the member will be served with (Name,
// RaftListen or a one-member InitialCluster naming it; listeners and
// HTTPListen are not used: the restore runs the node on loopback ports of
// its own). A refused file is an error wrapping sqlexec.ErrRefused or
// sqlexec.ErrDamaged, with the report's reasons; nothing is left in the
// data directory after a failure.
func Restore(ctx context.Context, cfg Config, from string) (rep RestoreReport, err error) {
	if cfg.Join != "" {
		return rep, &FieldError{Field: "Join", Err: errors.New("a restore makes a new cluster; the other members join it afterwards with --join <this member's raft address>")}
	}
	if cfg.Name == "" {
		cfg.Name = "n1"
	}
	if cfg.DataDir == "" {
		return rep, &FieldError{Field: "DataDir", Err: errors.New("a data directory is required")}
	}
	switch {
	case len(cfg.InitialCluster) == 0:
		addr := cfg.RaftListen
		if addr == "" {
			addr = "127.0.0.1:7001"
		}
		cfg.InitialCluster = []membership.Member{{Name: cfg.Name, RaftAddr: addr}}
	case len(cfg.InitialCluster) > 1 || cfg.InitialCluster[0].Name != cfg.Name:
		return rep, &FieldError{Field: "InitialCluster", Err: fmt.Errorf("a restore makes a one-member cluster of %q; start the other members afterwards with --join <its raft address> (they receive the restored state by snapshot)", cfg.Name)}
	}
	if cfg.RaftListen == "" {
		cfg.RaftListen = cfg.InitialCluster[0].RaftAddr
	}
	if err := checkEmptyDir(cfg.DataDir); err != nil {
		return rep, err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return rep, fmt.Errorf("raftsql: data dir: %w", err)
	}
	defer func() {
		if err != nil {
			clearDir(cfg.DataDir)
		}
	}()
	mark := filepath.Join(cfg.DataDir, restoreMark)
	if err := writeFileAtomic(mark, []byte("raftsql restore from "+from+" in progress\n")); err != nil {
		return rep, err
	}
	r := cfg.Rand
	if r == nil {
		r = rand.Reader
	}
	var b [8]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return rep, fmt.Errorf("raftsql: draw a cluster id: %w", err)
	}
	rep.ClusterID = binary.LittleEndian.Uint64(b[:]) | 1
	if rep.JoinToken = cfg.JoinToken; rep.JoinToken == "" {
		if rep.JoinToken, err = newJoinToken(r); err != nil {
			return rep, err
		}
	}
	// Born: a one-member cluster has no one to meet (birth.go); the
	// token is what the members that join present (jointoken.go).
	if err := writeFileAtomic(filepath.Join(cfg.DataDir, identityFile), mustJSON(identity{Name: cfg.Name, ClusterID: rep.ClusterID, Born: true, JoinToken: rep.JoinToken})); err != nil {
		return rep, fmt.Errorf("raftsql: record the data directory's identity: %w", err)
	}

	prepared := filepath.Join(cfg.DataDir, "restore.sqlite")
	rep.ImportReport, err = sqlexec.PrepareImport(ctx, from, prepared)
	if err != nil {
		return rep, err
	}
	if _, err := runRestoreNode(ctx, cfg, nil); err != nil {
		return rep, err
	}
	db := filepath.Join(cfg.DataDir, dbFile)
	im, err := sqlexec.ReadImageMeta(db)
	if err != nil {
		return rep, fmt.Errorf("raftsql: restore: read the new cluster's state: %w", err)
	}
	if err := sqlexec.StampImage(ctx, prepared, im); err != nil {
		return rep, fmt.Errorf("raftsql: restore: record the new cluster's state in the copy: %w", err)
	}
	for _, suf := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(db + suf); err != nil && !errors.Is(err, os.ErrNotExist) {
			return rep, err
		}
	}
	if err := os.Rename(prepared, db); err != nil {
		return rep, err
	}
	if err := syncDir(cfg.DataDir); err != nil {
		return rep, err
	}
	rep.Index, err = runRestoreNode(ctx, cfg, func(n *Node) (uint64, error) {
		info, err := n.makeSnapshot(ctx)
		if err != nil {
			return 0, err
		}
		idx := info.Meta.Index
		if idx == 0 {
			return 0, errors.New("raftsql: restore: no snapshot was made")
		}
		if err := n.store.Compact(idx); err != nil && !errors.Is(err, raft.ErrCompacted) {
			return 0, fmt.Errorf("raftsql: restore: compact the log through %d: %w", idx, err)
		}
		if err := n.store.Reclaim(ctx); err != nil {
			return 0, err
		}
		return idx, nil
	})
	if err != nil {
		return rep, err
	}
	if err := os.Remove(mark); err != nil {
		return rep, err
	}
	return rep, syncDir(cfg.DataDir)
}

// runRestoreNode starts the node of cfg on loopback ports of its own (no
// admin listener), waits until it is the leader and has applied its
// commit index, runs fn (if any) and stops it.
func runRestoreNode(ctx context.Context, cfg Config, fn func(n *Node) (uint64, error)) (uint64, error) {
	cfg.restoring = true
	cfg.HTTPListen, cfg.HTTPListener, cfg.Pprof = "", nil, false
	var err error
	if cfg.PGListener, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return 0, err
	}
	if cfg.RaftListener, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		cfg.PGListener.Close()
		return 0, err
	}
	n, err := Start(ctx, cfg)
	if err != nil {
		return 0, fmt.Errorf("raftsql: restore: start the node: %w", err)
	}
	var idx uint64
	err = func() error {
		for {
			if n.IsLeader() {
				st, err := n.Status(ctx)
				if err != nil {
					return err
				}
				if n.AppliedIndex() >= st.HardState.Commit {
					break
				}
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("raftsql: restore: the node did not become leader: %w", ctx.Err())
			case <-n.Done():
				return fmt.Errorf("raftsql: restore: the node stopped: %w", n.Err())
			case <-time.After(10 * time.Millisecond):
			}
		}
		if fn == nil {
			return nil
		}
		var err error
		idx, err = fn(n)
		return err
	}()
	if cerr := n.Close(); err == nil {
		err = cerr
	}
	return idx, err
}

// checkEmptyDir refuses a data directory that holds anything.
func checkEmptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("raftsql: data dir: %w", err)
	}
	if len(ents) > 0 {
		var names []string
		for i, e := range ents {
			if i == 3 {
				names = append(names, "...")
				break
			}
			names = append(names, e.Name())
		}
		return &FieldError{Field: "DataDir", Err: fmt.Errorf("the data directory %s is not empty (%s): a restore makes the first data directory of a new cluster and never overwrites one; give it a new or empty directory", dir, strings.Join(names, ", "))}
	}
	return nil
}

// clearDir removes what a failed restore put in dir (which was empty).
func clearDir(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		_ = os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}
