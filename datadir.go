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
// the first time, the snapshot store (DataDir/snapshots) and the SQLite
// database (DataDir/db.sqlite). On error it closes whatever it opened.
//
// Invariant on return: the log store's commit index is at least SQLite's
// applied index, SQLite is at or past the log store's snapshot (installed
// from the local snapshot store if it was behind), and the log holds every
// committed entry after SQLite's applied index.
func (n *Node) openDataDir(ctx context.Context) (err error) {
	if err := os.MkdirAll(n.cfg.DataDir, 0o755); err != nil {
		return fmt.Errorf("raftsql: data dir: %w", err)
	}
	store, err := logstore.Open(filepath.Join(n.cfg.DataDir, "raft"), logstore.Options{NodeID: n.id, Logger: n.log, FS: n.cfg.logFS})
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
	empty := hs.IsEmpty() && last == 0 && len(conf.Voters) == 0 && len(conf.Learners) == 0
	if empty && n.birth.id.Born && n.birth.id.Nonce != 0 {
		// A born initial member bootstrapped its log store before it was
		// born (birth.go), so its log was deleted: it has forgotten its
		// votes and entries, and must not come back as the voter it was.
		return fmt.Errorf("raftsql: the Raft log of member %q in %s is missing although the member has served (identity.json says so): it must not come back as the voter it was. Move the data directory aside. %s", n.cfg.Name, n.cfg.DataDir, wayBack(n.cfg.Name))
	}
	if empty && n.cfg.Join == "" {
		var voters []uint64
		for _, m := range n.cfg.InitialCluster {
			voters = append(voters, membership.MemberID(m.Name))
		}
		sort.Slice(voters, func(i, j int) bool { return voters[i] < voters[j] })
		if err := store.Bootstrap(membership.Config{Voters: voters}); err != nil {
			return fmt.Errorf("raftsql: bootstrap: %w", err)
		}
		n.log.Info("bootstrapped a new cluster member", "members", len(voters))
		conf = membership.Config{Voters: voters}
	}
	if _, err := os.Stat(filepath.Join(n.cfg.DataDir, removedFile)); err == nil {
		return n.errRemoved(0)
	}
	n.conf.Store(&conf)
	if err := n.loadMembers(); err != nil {
		return err
	}

	if err := n.openSnapshots(); err != nil {
		return err
	}
	db, err := n.openCheckedDB(ctx, sqlexec.Options{Logger: n.log, Clock: n.cfg.Clock, StepBudget: n.cfg.StepBudget}, hs.Commit)
	if err != nil {
		return fmt.Errorf("raftsql: open the SQLite database %s: %w (if the file is damaged, move it aside and restart: the node rebuilds it from its Raft log, starting from its newest snapshot if the log was compacted)", filepath.Join(n.cfg.DataDir, dbFile), err)
	}
	n.db = db
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	// The configuration travels in snapshot images; the bootstrap one is
	// no log entry, so a database that has none records the stored one.
	_, conf, err = store.InitialState()
	if err != nil {
		return fmt.Errorf("raftsql: read raft state: %w", err)
	}
	if err := db.InitConfig(encodeConf(conf)); err != nil {
		return fmt.Errorf("raftsql: record the configuration in the database: %w", err)
	}
	if err := n.recoverFromSnapshot(ctx); err != nil {
		return err
	}
	if err := n.reconcileMembers(); err != nil {
		return err
	}
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
			return fmt.Errorf("raftsql: the database in %s has applied entry %d but the raft log ends at %d: the data directory is inconsistent. Move it aside and bring this member back as a new one: ALTER CLUSTER REMOVE MEMBER '%s' on any member, then start it with an empty data directory and --join <any member's raft address>", n.cfg.DataDir, n.applied, last, n.cfg.Name)
		}
		hs.Commit = n.applied
		if err := store.Save(hs, nil, raft.Snapshot{}); err != nil {
			return fmt.Errorf("raftsql: raise commit index to %d: %w", n.applied, err)
		}
	} else if hs.Commit > n.applied {
		// What a restart costs: the committed entries applied again from
		// the log, bounded by the snapshot policy.
		n.snaps.replayed = hs.Commit - n.applied
	}
	if first, err := store.FirstIndex(); err == nil {
		if last, err := store.LastIndex(); err == nil && last >= first {
			n.snaps.logAtStart = last - first + 1
		}
	}
	n.log.Info("data directory opened", "applied", n.applied, "log_entries", n.snaps.logAtStart, "replay_entries", n.snaps.replayed)
	return nil
}
