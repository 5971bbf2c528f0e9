package raftsql

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// The member table travels in snapshot images. A follower that catches up
// by installing a snapshot skips the log entries that built the table, so
// the image carries the table as of its index: every entry that changes
// the table (a configuration change, a member's advertisement) records it
// in SQLite (raftsql_members) in the transaction that records the entry as
// applied (apply.go), and installing an image replaces the node's table
// with the image's (adoptImageMembers).
//
// Crash safety: members.json is written after SQLite takes the image, so a
// crash in between leaves members.json behind the database; at start
// (reconcileMembers) a table in the database newer than members.json is
// adopted, which makes the install complete. A database that has no table
// recorded (written by an older version) gets members.json's.

// membersImage is the member table's form in the SQLite image: the JSON of
// members.json, its index included.
func (n *Node) membersImage() []byte {
	n.membersMu.Lock()
	defer n.membersMu.Unlock()
	return mustJSON(n.members)
}

// adoptImageMembers replaces the member table with the one recorded in an
// installed image (b; nil when the image predates recorded tables: the
// table is then kept, as the best this node knows), and points the
// transport at the new table's addresses.
func (n *Node) adoptImageMembers(b []byte) error {
	if b == nil {
		n.log.Warn("the installed snapshot carries no member table (made by an older version); keeping this node's")
		return nil
	}
	var t memberTable
	if err := json.Unmarshal(b, &t); err != nil {
		return fmt.Errorf("raftsql: the member table in the snapshot image is malformed: %w", err)
	}
	n.membersMu.Lock()
	old := n.members
	n.membersMu.Unlock()
	if t.Index <= old.Index {
		return nil // this node's table already reflects as much
	}
	if err := writeFileAtomic(filepath.Join(n.cfg.DataDir, membersFile), b); err != nil {
		return fmt.Errorf("raftsql: persist the member table from the snapshot at %d: %w", t.Index, err)
	}
	n.membersMu.Lock()
	n.members = t
	n.membersMu.Unlock()
	n.log.Info("member table replaced by the snapshot's", "index", t.Index, "members", len(t.Members))
	if n.tr == nil {
		return nil // at start: the node adds its peers from the table once the transport is up
	}
	for _, m := range old.Members {
		if m.ID != n.id && t.find(m.ID) < 0 {
			if m.RaftAddr != "" {
				n.removedPeers.remember(m.ID, n.peerDialAddr(m.ID, m.Name, m.RaftAddr))
			}
			n.tr.RemovePeer(m.ID)
		}
	}
	for _, m := range t.Members {
		if m.ID != n.id && m.RaftAddr != "" {
			n.addPeer(m.ID, m.Name, m.RaftAddr)
		}
	}
	return nil
}

// reconcileMembers runs at start, once the database is open and any
// interrupted install finished: it completes an install that crashed before
// members.json was written, and records members.json in a database that
// has no table recorded yet.
func (n *Node) reconcileMembers() error {
	b, err := n.db.RecordedMembers()
	if err != nil {
		return fmt.Errorf("raftsql: read the member table recorded in the database: %w", err)
	}
	if b == nil {
		if err := n.db.InitMembers(n.membersImage()); err != nil {
			return fmt.Errorf("raftsql: record the member table in the database: %w", err)
		}
		return nil
	}
	return n.adoptImageMembers(b)
}
