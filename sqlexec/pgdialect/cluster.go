package pgdialect

import "strings"

// Cluster administration statements (raftsql's own, not PostgreSQL's):
//
//	ALTER CLUSTER ADD MEMBER 'n4' ADDRESS 'host:port'
//	ALTER CLUSTER ADD LEARNER 'n5' ADDRESS 'host:port'
//	ALTER CLUSTER PROMOTE MEMBER 'n5'
//	ALTER CLUSTER REMOVE MEMBER 'n2'
//	ALTER CLUSTER TRANSFER LEADERSHIP TO 'n3'
//
// The dialect only recognises them; the node carries them out (the
// session hands the ClusterCommand to its ClusterAdmin hook). SHOW CLUSTER
// is an ordinary SHOW of the node setting "cluster".

// ClusterOp names one ALTER CLUSTER operation.
type ClusterOp string

// The ALTER CLUSTER operations.
const (
	ClusterAddMember      ClusterOp = "ADD MEMBER"
	ClusterAddLearner     ClusterOp = "ADD LEARNER"
	ClusterPromoteMember  ClusterOp = "PROMOTE MEMBER"
	ClusterRemoveMember   ClusterOp = "REMOVE MEMBER"
	ClusterTransferLeader ClusterOp = "TRANSFER LEADERSHIP TO"
)

// ClusterCommand is one parsed ALTER CLUSTER statement.
type ClusterCommand struct {
	Op      ClusterOp
	Member  string // the member's name
	Address string // its Raft peer address (ADD only)
}

// alterCluster parses ALTER CLUSTER ... (tokens 0 and 1 are ALTER CLUSTER).
func (x *tx) alterCluster() (*Stmt, error) {
	var cmd ClusterCommand
	i := 2
	for _, op := range []ClusterOp{ClusterAddMember, ClusterAddLearner, ClusterPromoteMember, ClusterRemoveMember, ClusterTransferLeader} {
		words := strings.Fields(string(op))
		if x.kw(i, words...) {
			cmd.Op = op
			i += len(words)
			break
		}
	}
	if cmd.Op == "" {
		if i >= x.n() {
			return nil, syntaxErr(0, "syntax error at end of input (ALTER CLUSTER takes ADD MEMBER, ADD LEARNER, PROMOTE MEMBER, REMOVE MEMBER or TRANSFER LEADERSHIP TO)")
		}
		return nil, x.syntaxErrAt(i)
	}
	name, ok := x.clusterName(i)
	if !ok {
		return nil, x.clusterSyntaxErr(i, "a member name")
	}
	cmd.Member = name
	i++
	if cmd.Op == ClusterAddMember || cmd.Op == ClusterAddLearner {
		if !x.kw(i, "ADDRESS") {
			return nil, x.clusterSyntaxErr(i, "ADDRESS 'host:port'")
		}
		addr, ok := unquoteString(x.T(i + 1))
		if !ok || addr == "" {
			return nil, x.clusterSyntaxErr(i+1, "ADDRESS 'host:port'")
		}
		cmd.Address = addr
		i += 2
	}
	if i < x.n() {
		return nil, x.syntaxErrAt(i)
	}
	return &Stmt{Kind: KindAlterCluster, Tag: "ALTER CLUSTER", Cluster: &cmd}, nil
}

// clusterName reads a member name: a string literal or an identifier.
func (x *tx) clusterName(i int) (string, bool) {
	t := x.T(i)
	if s, ok := unquoteString(t); ok && s != "" {
		return s, true
	}
	if t.typ == tIdent || t.typ == tQIdent {
		return t.identName(), true
	}
	return "", false
}

func (x *tx) clusterSyntaxErr(i int, want string) *Error {
	if i >= x.n() {
		return syntaxErr(0, "syntax error at end of input (expected %s)", want)
	}
	e := x.syntaxErrAt(i)
	e.Message += " (expected " + want + ")"
	return e
}
