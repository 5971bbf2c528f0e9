package raftsql

import (
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
)

// The join token: a cluster's secret that a node must present to join it
// (Config.JoinToken, raftsql serve --join-token-file). Peer mutual TLS,
// when configured, says that a node holds a certificate of the cluster's
// CA; the token says that its operator may add it to this cluster. It is
// required in both cases, so there is one rule and one path.
//
// The founder draws the token when the cluster is born (birth.go) and
// hands it, with the roster, to each initial member, which records it in
// its identity.json; a joining node records the token it presented. So
// every member can check a join request (any member may become the
// leader that decides, and a member answers a joining node with the
// member table, which it gives only to a node that presented the token).
// The token never enters the Raft log. A superuser reads it with SHOW
// raftsql.join_token. Comparison is constant-time.

// joinTokenBytes is the token's entropy.
const joinTokenBytes = 32

// drawToken draws a new cluster's join token.
func (n *Node) drawToken() (string, error) {
	n.randMu.Lock()
	defer n.randMu.Unlock()
	return newJoinToken(n.cfg.Rand)
}

// newJoinToken draws a join token from r.
func newJoinToken(r io.Reader) (string, error) {
	b := make([]byte, joinTokenBytes)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("raftsql: draw the join token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// joinToken is the cluster's join token as this member knows it ("": a
// data directory from before join tokens and no Config.JoinToken).
func (n *Node) joinToken() string {
	n.birth.mu.Lock()
	defer n.birth.mu.Unlock()
	if t := n.birth.id.JoinToken; t != "" {
		return t
	}
	return n.cfg.JoinToken
}

// checkJoinToken reports why a join request's token is refused ("" when
// it is right).
func (n *Node) checkJoinToken(presented string) string {
	want := n.joinToken()
	switch {
	case want == "":
		return "this member knows no join token (its data directory predates join tokens): restart the members with --join-token-file holding one token"
	case subtle.ConstantTimeCompare([]byte(presented), []byte(want)) != 1:
		return "the join token is wrong: run SHOW raftsql.join_token on any member as a superuser and start this node with --join-token-file holding it"
	}
	return ""
}

// JoinToken returns the cluster's join token as this member knows it:
// what a node joining through it must present (Config.JoinToken).
func (n *Node) JoinToken() string { return n.joinToken() }
