package raftsql

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
)

// Joining an existing cluster (raftsql serve --join ADDR). Bootstrapping
// and joining are distinct: a node started with Config.Join never
// bootstraps, whatever its data directory holds, and a data directory
// records the cluster it belongs to (identity.json) so that a restart
// needs neither the initial cluster nor the join address to find it.
//
// The joining node knows one member's Raft address. It learns that
// member's id and the cluster id from the transport's handshake
// (transport.Probe), then asks it, in a MsgProp whose entry never reaches
// the log (entryJoinRequest), to add it. The member answers with the
// member table (entryJoinReply), so the joining node can answer the
// leader before it has replayed the log, and has the change made through
// the same path as ALTER CLUSTER ADD MEMBER: a learner, promoted by the
// leader once it has caught up. A member that already is a voter is
// refused: a node that starts empty has lost its log and its votes and
// must never count in a quorum as its old self.

const identityFile = "identity.json"

// removedFile marks a data directory whose member was removed from the
// cluster: the node refuses to start from it (errRemoved says why).
const removedFile = "REMOVED"

// identity is what a data directory records about whom it belongs to.
type identity struct {
	Name      string `json:"name"`
	ClusterID uint64 `json:"cluster_id"`
	// Incarnation is 0 for a member of the initial cluster and random for
	// a node that joined (membership.IncarnationID).
	Incarnation uint64 `json:"incarnation,omitempty"`
	// Nonce, Born and Roster: a member of the initial cluster's birth
	// (birth.go). A data directory without a nonce predates births.
	Nonce  uint64            `json:"nonce,omitempty"`
	Born   bool              `json:"born,omitempty"`
	Roster map[string]uint64 `json:"roster,omitempty"`
	// JoinToken is the cluster's secret that --join must present
	// (jointoken.go): drawn by the founder at birth, handed to each
	// initial member with the roster, and recorded by a joining node
	// from the token it presented.
	JoinToken string `json:"join_token,omitempty"`
}

// resolveIdentity sets this node's Raft id and returns the cluster id of
// its data directory: the recorded ones, else (a new data directory) the
// join target's cluster (probed) with a fresh random incarnation, or the
// initial cluster's with incarnation 0; it then records them.
func (n *Node) resolveIdentity(ctx context.Context) (uint64, error) {
	if err := os.MkdirAll(n.cfg.DataDir, 0o755); err != nil {
		return 0, fmt.Errorf("raftsql: data dir: %w", err)
	}
	path := filepath.Join(n.cfg.DataDir, identityFile)
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		var id identity
		if err := json.Unmarshal(b, &id); err != nil {
			return 0, fmt.Errorf("raftsql: %s is damaged: %w", path, err)
		}
		if id.Name != n.cfg.Name {
			return 0, &FieldError{Field: "Name", Err: fmt.Errorf("the data directory %s belongs to member %q, not %q", n.cfg.DataDir, id.Name, n.cfg.Name)}
		}
		if n.cfg.Join != "" && !id.isBorn() {
			return 0, &FieldError{Field: "Join", Err: fmt.Errorf("the data directory %s belongs to member %q of an initial cluster that never started serving: it holds no data; move it aside and start with an empty data directory to join", n.cfg.DataDir, n.cfg.Name)}
		}
		if !id.isBorn() && membership.ClusterID(n.cfg.InitialCluster) != id.ClusterID {
			// Its birth asks the other initial members (birth.go).
			return 0, &FieldError{Field: "InitialCluster", Err: fmt.Errorf("member %q has not yet found the other members of its new cluster: start it with the same initial cluster as before (and as the other members)", n.cfg.Name)}
		}
		n.initBirth(id)
		n.memberInc = id.Incarnation
		n.id = membership.IncarnationID(n.cfg.Name, id.Incarnation)
		return id.ClusterID, nil
	case !errors.Is(err, os.ErrNotExist):
		return 0, fmt.Errorf("raftsql: read %s: %w", path, err)
	}
	id := identity{Name: n.cfg.Name, ClusterID: membership.ClusterID(n.cfg.InitialCluster)}
	if n.cfg.Join != "" && !n.hasLog() {
		if id.Incarnation, err = n.drawIncarnation(); err != nil {
			return 0, err
		}
		n.memberInc = id.Incarnation
		n.id = membership.IncarnationID(n.cfg.Name, id.Incarnation)
		target, c, err := transport.Probe(ctx, n.cfg.Join, n.id)
		if err != nil {
			return 0, &FieldError{Field: "Join", Err: fmt.Errorf("cannot reach the member at %s to join its cluster: %w", n.cfg.Join, err)}
		}
		n.joinTarget.Store(target)
		id.ClusterID = c
		id.JoinToken = n.cfg.JoinToken
	} else if n.cfg.Join == "" && !n.hasLog() {
		// A new member of the initial cluster: born later (birth.go).
		if id.Nonce, err = n.drawIncarnation(); err != nil {
			return 0, err
		}
	}
	n.initBirth(id)
	if err := writeFileAtomic(path, mustJSON(id)); err != nil {
		return 0, fmt.Errorf("raftsql: record the data directory's identity: %w", err)
	}
	return id.ClusterID, nil
}

// hasLog reports whether the data directory already holds a Raft log (a
// data directory from before identity.json existed: a member of its
// initial cluster, incarnation 0).
func (n *Node) hasLog() bool {
	_, err := os.Stat(filepath.Join(n.cfg.DataDir, "raft"))
	return err == nil
}

// isMember reports whether this node is in its applied configuration.
func (n *Node) isMember() bool {
	c := n.conf.Load()
	return c != nil && c.Contains(n.id)
}

// selfInfo is this node's own record as it advertises it.
func (n *Node) selfInfo() membership.MemberInfo {
	return membership.MemberInfo{ID: n.id, Name: n.cfg.Name, Incarnation: n.memberInc, RaftAddr: n.tr.Addr().String(), PGAddr: n.pgLn.Addr().String()}
}

// askToJoin sends one join request to the join target (upkeep.go repeats
// it until this node is a member).
func (n *Node) askToJoin(ctx context.Context) {
	target := n.joinTarget.Load()
	if target == 0 {
		t, _, err := transport.Probe(ctx, n.cfg.Join, n.id)
		if err != nil {
			n.log.Warn("join: cannot reach the member to join through", "addr", n.cfg.Join, "err", err)
			return
		}
		n.joinTarget.Store(t)
		target = t
	}
	n.tr.AddPeer(target, n.cfg.Join)
	n.tr.Send([]raft.Message{joinMessage(n.id, target, entryJoinRequest, mustJSON(joinRequest{Member: n.selfInfo(), Token: n.joinToken()}))})
}

func joinMessage(from, to uint64, kind byte, payload []byte) raft.Message {
	return raft.Message{Type: raft.MsgProp, From: from, To: to,
		Entries: []raft.Entry{{Type: raft.EntryNormal, Data: encodeEntry(kind, payload)}}}
}

// joinReply is a member's answer to a join request.
type joinReply struct {
	Members []membership.MemberInfo `json:"members"`
	Refused string                  `json:"refused,omitempty"`
	// RemovedAt is set in the leader's notice to a member it removed
	// (the index of the removal): the member may never learn of its
	// removal from the log, since the leader stops replicating to it.
	RemovedAt uint64 `json:"removed_at,omitempty"`
}

// interceptJoin handles join traffic (transport goroutine); it reports
// whether m was join traffic, which never reaches the Raft core.
func (n *Node) interceptJoin(m raft.Message) bool {
	n.retellRemoved(m.From)
	if m.Type != raft.MsgProp || len(m.Entries) != 1 || m.Entries[0].Type != raft.EntryNormal || len(m.Entries[0].Data) == 0 {
		return false
	}
	data := m.Entries[0].Data
	switch data[0] {
	case entryJoinRequest:
		go n.handleJoinRequest(data[1:])
	case entryJoinReply:
		n.handleJoinReply(data[1:])
	case entryBirthQuery:
		n.handleBirthQuery(m.From, data[1:])
	case entryBirthReply:
		n.handleBirthReply(data[1:])
	default:
		return false
	}
	return true
}

// joinRequest is a joining node's request; a member that is not the
// leader answers with the member table and relays it to the leader, which
// decides.
type joinRequest struct {
	Member  membership.MemberInfo `json:"member"`
	Relayed bool                  `json:"relayed,omitempty"`
	Token   string                `json:"token"` // jointoken.go
}

// handleJoinRequest answers a node asking to join and, on the leader, has
// it added.
func (n *Node) handleJoinRequest(data []byte) {
	var req joinRequest
	err := json.Unmarshal(data, &req)
	info := req.Member
	if err == nil {
		info, err = membership.DecodeMemberInfo(membership.EncodeMemberInfo(req.Member))
	}
	if err != nil || info.RaftAddr == "" {
		n.log.Warn("join: ignoring a malformed join request", "err", err)
		return
	}
	if why := n.checkJoinToken(req.Token); why != "" {
		n.log.Warn("join: refused a node that did not present the cluster's join token", "member", info.Name, "raft_addr", info.RaftAddr, "why", why)
		if !req.Relayed {
			n.tr.AddPeer(info.ID, info.RaftAddr)
			n.tr.Send([]raft.Message{joinMessage(n.id, info.ID, entryJoinReply, mustJSON(joinReply{Refused: why}))})
		}
		return
	}
	conf := n.conf.Load()
	if conf == nil {
		return
	}
	reply := joinReply{Members: n.memberList()}
	for i, m := range reply.Members {
		if m.RaftAddr == "" {
			// A bootstrap member that has not advertised itself yet.
			for _, im := range n.cfg.InitialCluster {
				if membership.MemberID(im.Name) == m.ID {
					reply.Members[i].Name, reply.Members[i].RaftAddr = im.Name, im.RaftAddr
				}
			}
		}
	}
	if !n.IsLeader() {
		if !req.Relayed {
			n.addPeer(info.ID, info.Name, info.RaftAddr)
			n.tr.Send([]raft.Message{joinMessage(n.id, info.ID, entryJoinReply, mustJSON(reply))})
			if lead := n.leader.Load(); lead != 0 {
				req.Relayed = true
				n.tr.Send([]raft.Message{joinMessage(n.id, lead, entryJoinRequest, mustJSON(req))})
			}
		}
		return
	}
	// The leader decides. A name already taken by another incarnation is
	// refused, unless ALTER CLUSTER ADD reserved it for a node that never
	// started (a learner that never advertised itself): the joining node
	// takes its place.
	if at := n.removedAt(info.ID); at != 0 {
		// A request still in flight from a member removed since.
		n.addPeer(info.ID, info.Name, info.RaftAddr)
		n.tr.Send([]raft.Message{joinMessage(n.id, info.ID, entryJoinReply, mustJSON(joinReply{RemovedAt: at}))})
		return
	}
	var replace uint64
	if other, ok := n.memberID(info.Name, *conf); ok && other != info.ID {
		rec, _ := n.memberInfo(other)
		if conf.IsLearner(other) && rec.PGAddr == "" {
			replace, info.Promote = other, rec.Promote
		} else {
			reply.Refused = errOldIdentity(info.Name).Error()
		}
	} else if !ok {
		info.Promote = true
	}
	n.addPeer(info.ID, info.Name, info.RaftAddr)
	n.tr.Send([]raft.Message{joinMessage(n.id, info.ID, entryJoinReply, mustJSON(reply))})
	if reply.Refused != "" || conf.Contains(info.ID) {
		return
	}
	n.joinMu.Lock()
	busy := n.joining[info.ID]
	n.joining[info.ID] = true
	n.joinMu.Unlock()
	if busy {
		return
	}
	defer func() {
		n.joinMu.Lock()
		delete(n.joining, info.ID)
		n.joinMu.Unlock()
	}()
	ctx, cancel := context.WithTimeout(context.Background(), n.cfg.WriteTimeout)
	defer cancel()
	if replace != 0 {
		if err := n.change(ctx, membership.Change{Type: membership.RemoveNode, NodeID: replace}, func(c membership.Config) bool { return !c.Contains(replace) }); err != nil {
			n.log.Warn("join: could not drop the reservation the joining node replaces", "member", info.Name, "err", err)
			return
		}
	}
	if err := n.addMember(ctx, info); err != nil {
		n.log.Warn("join: could not add the joining node", "member", info.Name, "err", err)
	}
}

// handleJoinReply takes the member table from a join answer, or stops
// this node when the cluster refuses it.
func (n *Node) handleJoinReply(data []byte) {
	var r joinReply
	if err := json.Unmarshal(data, &r); err != nil {
		n.log.Warn("join: ignoring a malformed join answer", "err", err)
		return
	}
	if r.RemovedAt != 0 {
		n.stopRemoved(r.RemovedAt)
		return
	}
	if r.Refused != "" {
		n.fail(&NodeError{Code: "55000", Msg: "raftsql: the cluster refused to let this node join: " + r.Refused})
		return
	}
	for _, m := range r.Members {
		if m.ID != n.id && m.RaftAddr != "" {
			n.addPeer(m.ID, m.Name, m.RaftAddr)
		}
	}
}

// errOldIdentity is the refusal of a node that comes back empty under the
// name of a voter, with the way back in.
func errOldIdentity(name string) error {
	return &NodeError{Code: "55000", Msg: fmt.Sprintf("member %q is a voter of this cluster, and a node with an empty data directory cannot rejoin as its old self (it has lost its log and its votes; counting it in a quorum could lose acknowledged writes). %s", name, wayBack(name))}
}

// wayBack tells the operator of a member that lost its data how to bring
// it back: as a new member, never as the voter it was.
func wayBack(name string) string {
	return fmt.Sprintf("Run ALTER CLUSTER REMOVE MEMBER '%s' on any member, then start this node again with an empty data directory, --join <any member's raft address> and --join-token-file (SHOW raftsql.join_token on a member)", name)
}

// removedPeerGrace is how long a node keeps sending to a member it has
// removed, so that the leader's removal notice gets through.
const removedPeerGrace = 2 * time.Second

// noticeRemoved drops a removed member from the transport; the leader
// first tells it that it was removed (it may never learn it from the log:
// the leader stops replicating to it once the removal is applied).
func (n *Node) noticeRemoved(index, id uint64) {
	if !n.IsLeader() {
		n.tr.RemovePeer(id)
		return
	}
	n.tr.Send([]raft.Message{joinMessage(n.id, id, entryJoinReply, mustJSON(joinReply{RemovedAt: index}))})
	time.AfterFunc(removedPeerGrace, func() { n.tr.RemovePeer(id) })
}

// removedPeers remembers where removed members were (this process only),
// so that a removed member that never heard of its removal, and keeps
// sending (it campaigns, having no leader), is told again, at most once a
// second.
type removedPeers struct {
	mu     sync.Mutex
	addr   map[uint64]string
	toldAt map[uint64]time.Time
}

func (r *removedPeers) remember(id uint64, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.addr == nil {
		r.addr, r.toldAt = map[uint64]string{}, map[uint64]time.Time{}
	}
	r.addr[id] = addr
}

// due returns the removed member's address when it is time to tell it
// again.
func (r *removedPeers) due(id uint64, now time.Time) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	addr, ok := r.addr[id]
	if !ok || now.Sub(r.toldAt[id]) < time.Second {
		return "", false
	}
	r.toldAt[id] = now
	return addr, true
}

// retellRemoved answers a message from a removed member with its removal
// notice (transport goroutine).
func (n *Node) retellRemoved(from uint64) {
	addr, ok := n.removedPeers.due(from, time.Now())
	if !ok {
		return
	}
	at := n.removedAt(from)
	if at == 0 {
		return
	}
	n.tr.AddPeer(from, addr)
	n.tr.Send([]raft.Message{joinMessage(n.id, from, entryJoinReply, mustJSON(joinReply{RemovedAt: at}))})
	time.AfterFunc(removedPeerGrace, func() { n.tr.RemovePeer(from) })
}

// stopRemoved stops this node, removed from the cluster at index, and
// marks its data directory so that it never starts from it again.
//
// It runs once: the removal may be learnt from the log and from the
// leader's notice at the same time, and two writers of REMOVED.tmp would
// race.
func (n *Node) stopRemoved(index uint64) {
	n.removedOnce.Do(func() {
		err := n.errRemoved(index)
		if werr := writeFileAtomic(filepath.Join(n.cfg.DataDir, removedFile), []byte(err.Error()+"\n")); werr != nil {
			err = fmt.Errorf("%w (and recording the removal failed: %v)", err, werr)
		}
		n.fail(err)
	})
}

// errRemoved says that this node was removed from the cluster, and how to
// bring it back.
func (n *Node) errRemoved(index uint64) error {
	at := ""
	if index > 0 {
		at = fmt.Sprintf(" at log index %d", index)
	}
	return &NodeError{Code: "57P01", Msg: fmt.Sprintf("raftsql: member %q was removed from the cluster%s and stops serving. "+
		"To bring it back: move the data directory %s aside, run ALTER CLUSTER ADD MEMBER '%s' ADDRESS '<raft address>' on any member (or skip that: --join asks for it), "+
		"and start it with an empty data directory, --join <any member's raft address> and --join-token-file (SHOW raftsql.join_token on a member)", n.cfg.Name, at, n.cfg.DataDir, n.cfg.Name)}
}
