package raftsql

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER CLUSTER: membership changes from SQL, accepted on any node and
// carried out by the leader. A node that is not the leader forwards the
// statement to the leader's PostgreSQL address (from the member table),
// so the client gets the leader's verdict: only the leader knows whether
// a change is in flight and how far each member has caught up. On the
// leader each command is checked against the applied configuration and
// the replication progress, proposed as one single-server change (the
// core allows one in flight), and answered once this node has applied
// it (committed). A leader that loses leadership meanwhile answers 40003
// (outcome unknown): the change may still commit; SHOW CLUSTER tells.

var _ sqlexec.ClusterAdmin = (*clusterAdmin)(nil)

// clusterAdmin is the node as the SQL engine's ClusterAdmin hook.
type clusterAdmin Node

// AlterCluster carries out one ALTER CLUSTER statement.
func (ca *clusterAdmin) AlterCluster(ctx context.Context, cmd pgdialect.ClusterCommand) error {
	n := (*Node)(ca)
	ctx, cancel := context.WithTimeout(ctx, n.cfg.WriteTimeout)
	defer cancel()
	switch cmd.Op {
	case pgdialect.ClusterAddMember, pgdialect.ClusterAddLearner:
		if _, _, err := net.SplitHostPort(cmd.Address); err != nil {
			return &NodeError{Code: "22023", Msg: fmt.Sprintf("ALTER CLUSTER: address %q of member %q is not host:port", cmd.Address, cmd.Member)}
		}
		return n.addMember(ctx, membership.MemberInfo{Name: cmd.Member, RaftAddr: cmd.Address, Promote: cmd.Op == pgdialect.ClusterAddMember})
	}
	if !n.IsLeader() {
		return n.forwardToLeader(ctx, cmd)
	}
	conf, st, err := n.leaderView(ctx)
	if err != nil {
		return err
	}
	id, ok := n.memberID(cmd.Member, conf)
	if !ok {
		return errUnknownMember(cmd.Member)
	}
	switch cmd.Op {
	case pgdialect.ClusterPromoteMember:
		if conf.IsVoter(id) {
			return &NodeError{Code: "42710", Msg: fmt.Sprintf("ALTER CLUSTER: member %q is already a voter", cmd.Member)}
		}
		if !n.caughtUp(st, id) {
			return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: member %q has not caught up with the log yet (or is not reachable); retry when its match_index (SHOW CLUSTER) is close to the leader's", cmd.Member)}
		}
		next, _ := conf.Apply(membership.Change{Type: membership.PromoteLearner, NodeID: id})
		if err := n.checkQuorum(next, st, cmd); err != nil {
			return err
		}
		return n.change(ctx, membership.Change{Type: membership.PromoteLearner, NodeID: id}, func(c membership.Config) bool { return c.IsVoter(id) })
	case pgdialect.ClusterRemoveMember:
		if id == n.id {
			return n.removeLeader(ctx, cmd, st)
		}
		next, err := conf.Apply(membership.Change{Type: membership.RemoveNode, NodeID: id})
		if err != nil {
			return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: cannot remove member %q: %v", cmd.Member, err)}
		}
		if err := n.checkQuorum(next, st, cmd); err != nil {
			return err
		}
		return n.change(ctx, membership.Change{Type: membership.RemoveNode, NodeID: id}, func(c membership.Config) bool { return !c.Contains(id) })
	case pgdialect.ClusterTransferLeader:
		if !conf.IsVoter(id) {
			return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: member %q is a learner; only a voter can lead (PROMOTE MEMBER it first)", cmd.Member)}
		}
		if err := n.transfer(ctx, id); err != nil {
			return &NodeError{Code: "40003", Msg: fmt.Sprintf("ALTER CLUSTER: leadership did not move to %q in time (is it caught up and reachable?)", cmd.Member), Err: err}
		}
		return nil
	}
	return &NodeError{Code: "0A000", Msg: fmt.Sprintf("ALTER CLUSTER %s is not supported", cmd.Op)}
}

// addMember adds m as a learner (promoted once caught up when m.Promote):
// on the leader directly, elsewhere through the leader. A member added by
// ALTER CLUSTER ADD (m.ID 0) gets a fresh incarnation, drawn by the
// leader; a node that joins brings its own.
func (n *Node) addMember(ctx context.Context, m membership.MemberInfo) error {
	if !n.IsLeader() {
		op := pgdialect.ClusterAddLearner
		if m.Promote {
			op = pgdialect.ClusterAddMember
		}
		return n.forwardToLeader(ctx, pgdialect.ClusterCommand{Op: op, Member: m.Name, Address: m.RaftAddr})
	}
	conf, _, err := n.leaderView(ctx)
	if err != nil {
		return err
	}
	if id, ok := n.memberID(m.Name, conf); ok || conf.Contains(m.ID) {
		role := "voter"
		if conf.IsLearner(id) {
			role = "learner"
		}
		return &NodeError{Code: "42710", Msg: fmt.Sprintf("ALTER CLUSTER: member %q is already in the cluster (as a %s)", m.Name, role)}
	}
	if n.removedAt(m.ID) != 0 {
		return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: this incarnation of %q was removed from the cluster; start the node with an empty data directory and --join to add it as a new member", m.Name)}
	}
	if m.ID == 0 {
		inc, err := n.drawIncarnation()
		if err != nil {
			return err
		}
		m.Incarnation, m.ID = inc, membership.IncarnationID(m.Name, inc)
	}
	cc := membership.Change{Type: membership.AddLearner, NodeID: m.ID, Context: membership.EncodeMemberInfo(m)}
	return n.change(ctx, cc, func(c membership.Config) bool { return c.Contains(m.ID) })
}

// removeLeader removes this node, the leader: leadership moves first to a
// caught-up voter, which then carries out the removal.
func (n *Node) removeLeader(ctx context.Context, cmd pgdialect.ClusterCommand, st raft.Status) error {
	var to uint64
	for _, v := range st.Config.Voters {
		if pr, ok := st.Progress[v]; ok && v != n.id && n.reachable(st, v) && pr.Match >= st.HardState.Commit && (to == 0 || v < to) {
			to = v
		}
	}
	if to == 0 {
		return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: cannot remove %q, the leader: no other voter is caught up and reachable to take over", cmd.Member)}
	}
	if err := n.transfer(ctx, to); err != nil {
		return &NodeError{Code: "40003", Msg: fmt.Sprintf("ALTER CLUSTER: removing the leader %q: leadership did not move to %s in time; the member was not removed", cmd.Member, n.nameOf(to)), Err: err}
	}
	return n.forwardToLeader(ctx, cmd)
}

// leaderView returns the applied configuration and the core's status.
func (n *Node) leaderView(ctx context.Context) (membership.Config, raft.Status, error) {
	st, err := n.Status(ctx)
	if err != nil {
		return membership.Config{}, raft.Status{}, err
	}
	if st.SoftState.RaftState != raft.StateLeader {
		return membership.Config{}, raft.Status{}, errNotLeader(n)
	}
	return st.Config, st, nil
}

// checkQuorum refuses a change after which the voters that are reachable
// now would not be a quorum of the new configuration.
func (n *Node) checkQuorum(next membership.Config, st raft.Status, cmd pgdialect.ClusterCommand) error {
	if len(next.Voters) == 0 {
		return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER %s %q would leave the cluster without voters", cmd.Op, cmd.Member)}
	}
	up := 0
	for _, v := range next.Voters {
		if n.reachable(st, v) {
			up++
		}
	}
	if q := membership.Quorum(len(next.Voters)); up < q {
		return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER %s %q would lose quorum: %d of the %d voters it leaves are reachable, a quorum is %d (bring members back first)",
			cmd.Op, cmd.Member, up, len(next.Voters), q)}
	}
	return nil
}

// change proposes cc on the leader and waits until this node has applied
// it (done reports that from the applied configuration).
func (n *Node) change(ctx context.Context, cc membership.Change, done func(membership.Config) bool) error {
	err := n.submit(ctx, &proposal{isCfg: true, cc: cc})
	var maybe *maybeProposed
	switch {
	case err == nil:
	case errors.As(err, &maybe):
		return n.unknownChange(cc, maybe.cause)
	case errors.Is(err, raft.ErrConfChangePending):
		return &NodeError{Code: "55000", Msg: "ALTER CLUSTER: another membership change is in progress; retry once it has committed (SHOW CLUSTER)"}
	case errors.Is(err, raft.ErrLeaderNotReady), errors.Is(err, raft.ErrNoLeader), errors.Is(err, raft.ErrTransferring):
		return &NodeError{Code: "57P03", Msg: "ALTER CLUSTER: the leader cannot take a membership change right now; retry", Err: err}
	case errors.Is(err, raft.ErrProposalDropped) && strings.Contains(err.Error(), "cannot promote"):
		return &NodeError{Code: "55000", Msg: fmt.Sprintf("ALTER CLUSTER: member %s has not caught up with the log yet; retry when its match_index (SHOW CLUSTER) is close to the leader's", n.nameOf(cc.NodeID)), Err: err}
	case errors.Is(err, raft.ErrProposalDropped):
		return &NodeError{Code: "55000", Msg: "ALTER CLUSTER: change refused", Err: err}
	default:
		return n.unknownOrUnavailable(false, err)
	}
	if err := n.waitConf(ctx, done); err != nil {
		return n.unknownChange(cc, err)
	}
	return nil
}

func (n *Node) unknownChange(cc membership.Change, cause error) error {
	return &NodeError{Code: "40003", Msg: fmt.Sprintf("ALTER CLUSTER: the outcome of %s of member %s is unknown (it was not confirmed in time, e.g. the leader changed); it may still take effect: check SHOW CLUSTER", cc.Type, n.nameOf(cc.NodeID)), Err: cause}
}

// waitConf waits until the applied configuration satisfies done.
func (n *Node) waitConf(ctx context.Context, done func(membership.Config) bool) error {
	return n.awaitApply(ctx, func(uint64) bool {
		c := n.conf.Load()
		return c != nil && done(*c)
	})
}

func errUnknownMember(name string) error {
	return &NodeError{Code: "42704", Msg: fmt.Sprintf("ALTER CLUSTER: member %q is not in the cluster (SHOW CLUSTER lists the members)", name)}
}

func errNotLeader(n *Node) error {
	return &NodeError{Code: "57P03", Msg: fmt.Sprintf("ALTER CLUSTER: node %s is not the leader (leader: %s); retry", n.cfg.Name, n.nameOf(n.leader.Load()))}
}

// forwardToLeader runs cmd on the leader over its PostgreSQL address and
// returns the leader's verdict.
func (n *Node) forwardToLeader(ctx context.Context, cmd pgdialect.ClusterCommand) error {
	lead := n.leader.Load()
	if lead == 0 {
		return &NodeError{Code: "57P03", Msg: fmt.Sprintf("ALTER CLUSTER: node %s sees no leader; retry", n.cfg.Name)}
	}
	if lead == n.id {
		// Leadership arrived meanwhile.
		return (*clusterAdmin)(n).AlterCluster(ctx, cmd)
	}
	m, ok := n.memberInfo(lead)
	if !ok || m.PGAddr == "" {
		return &NodeError{Code: "57P03", Msg: fmt.Sprintf("ALTER CLUSTER: the leader %s has not advertised its PostgreSQL address yet; retry, or run the command on the leader", n.nameOf(lead))}
	}
	conn, err := pgconn.Connect(ctx, "postgres://raftsql@"+m.PGAddr+"/raftsql?sslmode=disable&application_name=raftsql-forward")
	if err != nil {
		return &NodeError{Code: "57P03", Msg: fmt.Sprintf("ALTER CLUSTER: cannot reach the leader %s at %s; retry", m.Name, m.PGAddr), Err: err}
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, clusterSQL(cmd)).ReadAll()
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return &NodeError{Code: pe.Code, Msg: pe.Message}
	}
	if err != nil {
		return &NodeError{Code: "40003", Msg: fmt.Sprintf("ALTER CLUSTER: lost the connection to the leader %s; the change may or may not take effect: check SHOW CLUSTER", m.Name), Err: err}
	}
	return nil
}

// clusterSQL renders cmd as the statement it was parsed from.
func clusterSQL(cmd pgdialect.ClusterCommand) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	s := "ALTER CLUSTER " + string(cmd.Op) + " " + q(cmd.Member)
	if cmd.Address != "" {
		s += " ADDRESS " + q(cmd.Address)
	}
	return s
}

// drawIncarnation draws a random non-zero incarnation from Config.Rand.
func (n *Node) drawIncarnation() (uint64, error) {
	n.randMu.Lock()
	defer n.randMu.Unlock()
	var b [8]byte
	for {
		if _, err := io.ReadFull(n.cfg.Rand, b[:]); err != nil {
			return 0, fmt.Errorf("raftsql: draw an incarnation: %w", err)
		}
		if inc := binary.LittleEndian.Uint64(b[:]); inc != 0 {
			return inc, nil
		}
	}
}
