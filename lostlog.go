package raftsql

import "github.com/raftsql/raftsql/raft"

// A voter whose data directory was lost and that comes back under its old
// id (a member of the initial cluster restarted with --initial-cluster
// into an empty data directory bootstraps again) has lost its log and its
// vote: counting it in a quorum could lose acknowledged writes or elect
// two leaders in one term. Joining nodes are protected by their
// incarnations (join.go); this is the guard for the bootstrap path. The
// leader sees the loss: the member rejects an append at an index below
// the match index it acknowledged before (an honest follower never does:
// its log only loses uncommitted suffixes, and its match is committed or
// from this term's appends, which it persisted before acknowledging). The
// leader then tells the node, which stops with the way back in.

// checkLostLog inspects a message before the core steps it (driver).
func (n *Node) checkLostLog(m raft.Message) {
	if m.Type != raft.MsgAppResp || !m.Reject || n.leader.Load() != n.id {
		return
	}
	st := n.rn.Status()
	pr, ok := st.Progress[m.From]
	if !ok || m.RejectHint >= pr.Match || m.Term != st.HardState.Term {
		// A rejection from an earlier term may predate the match.
		return
	}
	name := n.nameOf(m.From)
	err := errOldIdentity(name)
	n.log.Error("a member lost its log: it is refused until it is removed and joins again", "member", name, "its_last_index", m.RejectHint, "acknowledged", pr.Match, "err", err)
	n.tr.Send([]raft.Message{joinMessage(n.id, m.From, entryJoinReply, mustJSON(joinReply{Refused: err.Error()}))})
}
