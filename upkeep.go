package raftsql

import (
	"context"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// upkeepInterval is how often the membership upkeep looks again when
// nothing it waits for happened.
const upkeepInterval = 200 * time.Millisecond

// promoteMaxLag is how far behind the commit index a learner added as a
// member may be when the leader promotes it.
const promoteMaxLag = 64

// runUpkeep keeps this node's membership up to date, on every node:
//   - a joining node asks to be added until it is a member (join.go);
//   - a member whose record in the member table differs from its actual
//     name and addresses advertises them (an entryMemberInfo entry), so
//     peers reach it and SHOW CLUSTER shows where clients reach it;
//   - the leader promotes the learners that were added as members once
//     they have caught up. The intent is in the replicated member table,
//     so a new leader finishes a promotion the old one did not.
func (n *Node) runUpkeep(ctx context.Context) {
	var advertised time.Time
	for {
		if !n.isMember() {
			if n.cfg.Join != "" {
				n.askToJoin(ctx)
			}
		} else if n.leader.Load() != 0 && time.Since(advertised) > time.Second {
			want := n.selfInfo()
			if cur, ok := n.memberInfo(n.id); ok && (cur.Name != want.Name || cur.RaftAddr != want.RaftAddr || cur.PGAddr != want.PGAddr) {
				advertised = time.Now()
				if err := n.submit(ctx, &proposal{data: encodeEntry(entryMemberInfo, membership.EncodeMemberInfo(want))}); err != nil {
					n.log.Debug("advertise member info", "err", err)
				}
			}
		}
		if n.IsLeader() {
			n.promoteCaughtUp(ctx)
		}
		select {
		case <-ctx.Done():
			return
		case <-n.donec:
			return
		case <-n.leaderChange():
		case <-time.After(upkeepInterval):
		}
	}
}

// promoteCaughtUp proposes the promotion of one caught-up learner that was
// added as a member (one change at a time).
func (n *Node) promoteCaughtUp(ctx context.Context) {
	st, err := n.Status(ctx)
	if err != nil {
		return
	}
	for _, id := range st.Config.Learners {
		m, ok := n.memberInfo(id)
		if !ok || !m.Promote {
			continue
		}
		if !n.caughtUp(st, id) {
			continue
		}
		pr := st.Progress[id]
		err := n.submit(ctx, &proposal{isCfg: true, cc: membership.Change{Type: membership.PromoteLearner, NodeID: id}})
		if err != nil {
			n.log.Debug("promote caught-up learner", "member", m.Name, "err", err)
		} else {
			n.log.Info("promoting caught-up learner to voter", "member", m.Name, "match", pr.Match)
		}
		return
	}
}

// caughtUp reports whether the leader may promote learner id: it is
// reachable now, has acknowledged part of the log (a learner never heard
// from has match 0, which a short log would otherwise count as caught up)
// and is within promoteMaxLag entries of the commit index.
func (n *Node) caughtUp(st raft.Status, id uint64) bool {
	pr, ok := st.Progress[id]
	return ok && pr.Match > 0 && n.reachable(st, id) && pr.Match+promoteMaxLag >= st.HardState.Commit
}
