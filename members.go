package raftsql

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/raftsql/raftsql/membership"
)

// The member table: each member's name and addresses (Raft peer and
// PostgreSQL), derived from the log by the apply goroutine, so every node
// holds the same table at the same applied index. Configuration changes
// carry the member's membership.MemberInfo in their Context (an empty
// Context, as in the bootstrap entries, records the id alone), and each
// member advertises its own addresses with an entryMemberInfo entry when
// the table's record of it differs (advertise.go).
//
// Invariant: the table and the log index of the last entry it reflects
// are stored together (DataDir/members.json, replaced atomically) before
// SQLite records that entry as applied, so replay after a crash re-applies
// exactly the entries the table has not seen (recordMembers skips the
// others) and never an older change over a newer one. SQLite records the
// table with the entry (raftsql_members), so snapshot images carry it
// (members_image.go).

const membersFile = "members.json"

// memberTable is the persisted table.
type memberTable struct {
	Index   uint64                  `json:"index"`
	Members []membership.MemberInfo `json:"members"` // sorted by ID
	// Removed maps each removed member's id to the index of its removal:
	// an incarnation once removed is never added again (a join request
	// still in flight when it was removed is refused).
	Removed map[uint64]uint64 `json:"removed,omitempty"`
}

func (t *memberTable) find(id uint64) int {
	for i, m := range t.Members {
		if m.ID == id {
			return i
		}
	}
	return -1
}

func (t *memberTable) put(m membership.MemberInfo) {
	if i := t.find(m.ID); i >= 0 {
		t.Members[i] = m
		return
	}
	t.Members = append(t.Members, m)
	slices.SortFunc(t.Members, func(a, b membership.MemberInfo) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
}

func (t *memberTable) remove(id uint64) {
	if i := t.find(id); i >= 0 {
		t.Members = slices.Delete(t.Members, i, i+1)
	}
}

// loadMembers reads the member table from the data directory (empty when
// the file does not exist yet).
func (n *Node) loadMembers() error {
	b, err := os.ReadFile(filepath.Join(n.cfg.DataDir, membersFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("raftsql: read the member table: %w", err)
	}
	var t memberTable
	if err := json.Unmarshal(b, &t); err != nil {
		return fmt.Errorf("raftsql: the member table %s is damaged (%w); move the data directory aside and bring this member back as a new one (see docs/sql-dialect.md, cluster administration)", filepath.Join(n.cfg.DataDir, membersFile), err)
	}
	n.membersMu.Lock()
	n.members = t
	n.membersMu.Unlock()
	return nil
}

// recordMembers applies update to the table as of log index index and
// persists it, unless the table already reflects that index (replay).
func (n *Node) recordMembers(index uint64, update func(t *memberTable)) error {
	n.membersMu.Lock()
	if index <= n.members.Index {
		n.membersMu.Unlock()
		return nil
	}
	t := memberTable{Index: index, Members: slices.Clone(n.members.Members), Removed: maps.Clone(n.members.Removed)}
	update(&t)
	n.membersMu.Unlock()
	if err := writeFileAtomic(filepath.Join(n.cfg.DataDir, membersFile), mustJSON(t)); err != nil {
		return fmt.Errorf("raftsql: persist the member table at %d: %w", index, err)
	}
	n.membersMu.Lock()
	n.members = t
	n.membersMu.Unlock()
	return nil
}

// memberInfo returns the table's record of id.
func (n *Node) memberInfo(id uint64) (membership.MemberInfo, bool) {
	n.membersMu.Lock()
	defer n.membersMu.Unlock()
	if i := n.members.find(id); i >= 0 {
		return n.members.Members[i], true
	}
	return membership.MemberInfo{}, false
}

// removedAt returns the index at which member id was removed (0: never).
func (n *Node) removedAt(id uint64) uint64 {
	n.membersMu.Lock()
	defer n.membersMu.Unlock()
	return n.members.Removed[id]
}

// memberList returns a copy of the table's records.
func (n *Node) memberList() []membership.MemberInfo {
	n.membersMu.Lock()
	defer n.membersMu.Unlock()
	return slices.Clone(n.members.Members)
}

// applyChangeToMembers records a committed configuration change at index
// in the member table (apply goroutine, before the entry is recorded as
// applied).
func (n *Node) applyChangeToMembers(index uint64, cc membership.Change) error {
	var info *membership.MemberInfo
	if len(cc.Context) > 0 {
		m, err := membership.DecodeMemberInfo(cc.Context)
		if err != nil || m.ID != cc.NodeID {
			// Recorded without addresses rather than failing: the entry
			// is committed, and every node treats it alike.
			n.log.Warn("configuration change carries unusable member info", "change", cc.String(), "err", err)
		} else {
			info = &m
		}
	}
	return n.recordMembers(index, func(t *memberTable) {
		switch cc.Type {
		case membership.RemoveNode:
			if i := t.find(cc.NodeID); i >= 0 && t.Members[i].RaftAddr != "" {
				n.removedPeers.remember(cc.NodeID, n.peerDialAddr(cc.NodeID, t.Members[i].Name, t.Members[i].RaftAddr))
			}
			t.remove(cc.NodeID)
			if t.Removed == nil {
				t.Removed = map[uint64]uint64{}
			}
			t.Removed[cc.NodeID] = index
		case membership.AddLearner:
			m := membership.MemberInfo{ID: cc.NodeID}
			if i := t.find(cc.NodeID); i >= 0 {
				m = t.Members[i]
			}
			if info != nil {
				m = *info
			}
			t.put(m)
		case membership.AddVoter, membership.PromoteLearner:
			m := membership.MemberInfo{ID: cc.NodeID}
			if i := t.find(cc.NodeID); i >= 0 {
				m = t.Members[i]
			}
			if info != nil {
				m = *info
			}
			m.Promote = false
			t.put(m)
		}
	})
}

// applyMemberAdvert records a member's advertisement of its own addresses
// (an entryMemberInfo entry). Only members in the table may advertise: a
// removed member's late advertisement changes nothing.
func (n *Node) applyMemberAdvert(index uint64, data []byte) error {
	m, err := membership.DecodeMemberInfo(data)
	if err != nil {
		n.log.Warn("ignoring an unusable member advertisement", "index", index, "err", err)
		return nil
	}
	var updated *membership.MemberInfo
	err = n.recordMembers(index, func(t *memberTable) {
		i := t.find(m.ID)
		if i < 0 {
			return
		}
		cur := t.Members[i]
		cur.Name, cur.RaftAddr, cur.PGAddr = m.Name, m.RaftAddr, m.PGAddr
		t.Members[i] = cur
		updated = &cur
	})
	if err == nil && updated != nil && updated.ID != n.id && updated.RaftAddr != "" {
		n.addPeer(updated.ID, updated.Name, updated.RaftAddr)
	}
	return err
}

// encodeEntry prefixes payload with an entry kind byte.
func encodeEntry(kind byte, payload []byte) []byte {
	data := make([]byte, 0, len(payload)+1)
	data = append(data, kind)
	return append(data, payload...)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// writeFileAtomic replaces path with data: written to a temporary file,
// synced, renamed over path, and the directory synced.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// memberID resolves a member's name to the id of its incarnation in conf.
// Members of the initial cluster are known by name before they have
// advertised themselves: their id derives from the name.
func (n *Node) memberID(name string, conf membership.Config) (uint64, bool) {
	for _, m := range n.memberList() {
		if m.Name == name && conf.Contains(m.ID) {
			return m.ID, true
		}
	}
	if id := membership.MemberID(name); conf.Contains(id) {
		return id, true
	}
	return 0, false
}
