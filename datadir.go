package raftsql

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/raftsql/raftsql/logstore"
	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// openDataDir opens the node's durable state in Config.DataDir: the Raft
// log store (DataDir/raft), bootstrapped with the initial cluster's voters
// the first time, and the SQLite database (DataDir/db.sqlite). On error it
// closes whatever it opened.
//
// Invariant on return: the log store's commit index is at least SQLite's
// applied index, and the log holds every applied entry.
func (n *Node) openDataDir(ctx context.Context) (err error) {
	if err := os.MkdirAll(n.cfg.DataDir, 0o755); err != nil {
		return fmt.Errorf("raftsql: data dir: %w", err)
	}
	store, err := logstore.Open(filepath.Join(n.cfg.DataDir, "raft"), logstore.Options{NodeID: n.id, Logger: n.log})
	if err != nil {
		return fmt.Errorf("raftsql: open raft log in %s: %w", n.cfg.DataDir, err)
	}
	n.store = store
	defer func() {
		if err != nil {
			store.Close()
		}
	}()

	hs, conf, err := store.InitialState()
	if err != nil {
		return fmt.Errorf("raftsql: read raft state: %w", err)
	}
	last, err := store.LastIndex()
	if err != nil {
		return fmt.Errorf("raftsql: read raft state: %w", err)
	}
	if hs.IsEmpty() && last == 0 && len(conf.Voters) == 0 && len(conf.Learners) == 0 {
		var voters []uint64
		for _, m := range n.cfg.InitialCluster {
			voters = append(voters, membership.MemberID(m.Name))
		}
		sort.Slice(voters, func(i, j int) bool { return voters[i] < voters[j] })
		if err := store.Bootstrap(membership.Config{Voters: voters}); err != nil {
			return fmt.Errorf("raftsql: bootstrap: %w", err)
		}
		n.log.Info("bootstrapped a new cluster member", "members", len(voters))
	}

	db, err := sqlexec.Open(ctx, filepath.Join(n.cfg.DataDir, "db.sqlite"), sqlexec.Options{Logger: n.log, Clock: n.cfg.Clock, StepBudget: n.cfg.StepBudget})
	if err != nil {
		return fmt.Errorf("raftsql: open the SQLite database %s: %w (if the file is damaged, move it aside and restart: the node rebuilds it from its Raft log)", filepath.Join(n.cfg.DataDir, "db.sqlite"), err)
	}
	n.db = db
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	n.applied = db.AppliedIndex()
	// SQLite may be ahead of the stored commit index: the driver records
	// commit-only hard state changes without an fsync, and SQLite applies
	// only committed entries. Every applied entry was committed, so the
	// commit index is raised to the applied one, provided the log still
	// holds those entries.
	if hs, _, err := store.InitialState(); err != nil {
		return fmt.Errorf("raftsql: read raft state: %w", err)
	} else if n.applied > hs.Commit {
		last, err := store.LastIndex()
		if err != nil {
			return fmt.Errorf("raftsql: read raft state: %w", err)
		}
		if n.applied > last {
			return fmt.Errorf("raftsql: the database in %s has applied entry %d but the raft log ends at %d: the data directory is inconsistent; remove it and re-join this member to the cluster", n.cfg.DataDir, n.applied, last)
		}
		hs.Commit = n.applied
		if err := store.Save(hs, nil, raft.Snapshot{}); err != nil {
			return fmt.Errorf("raftsql: raise commit index to %d: %w", n.applied, err)
		}
	}
	return nil
}
