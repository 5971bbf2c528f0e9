package membership

import (
	"encoding/json"
	"fmt"
	"net"
)

// MemberInfo is what the cluster records about one member beyond its Raft
// role: its name, where peers reach it and where clients reach it. It
// travels in the Context of the configuration change that adds the member
// and in the member's own advertisements, so every node derives the same
// member table from the log.
type MemberInfo struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	// Incarnation distinguishes the successive nodes that served under
	// one name: ID is IncarnationID(Name, Incarnation).
	Incarnation uint64 `json:"incarnation,omitempty"`
	RaftAddr    string `json:"raft_addr,omitempty"`
	PGAddr      string `json:"pg_addr,omitempty"`
	// Promote marks a learner that was added as a member: the leader
	// promotes it to voter once it has caught up with the log.
	Promote bool `json:"promote,omitempty"`
}

// IncarnationID is the Raft id of incarnation inc of the member name.
// Incarnation 0 is the member as the initial cluster names it
// (MemberID(name)), so the members of a new cluster derive each other's
// ids from their names alone. A node that joins draws a random non-zero
// incarnation when its data directory is created: a node that lost its
// data directory and joins again under the same name is a different
// member, and can never be counted as the voter it was.
func IncarnationID(name string, inc uint64) uint64 {
	if inc == 0 {
		return MemberID(name)
	}
	return MemberID(fmt.Sprintf("%s#%016x", name, inc))
}

// EncodeMemberInfo encodes m for a change's Context or a log entry.
func EncodeMemberInfo(m MemberInfo) []byte {
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // a struct of strings, a number and a bool always encodes
	}
	return b
}

// DecodeMemberInfo decodes EncodeMemberInfo's output, checking that the id
// is the one the name derives and that the addresses are host:port.
func DecodeMemberInfo(b []byte) (MemberInfo, error) {
	var m MemberInfo
	if err := json.Unmarshal(b, &m); err != nil {
		return MemberInfo{}, fmt.Errorf("membership: decode member info: %w", err)
	}
	if want := IncarnationID(m.Name, m.Incarnation); m.Name == "" || m.ID != want {
		return MemberInfo{}, fmt.Errorf("membership: member info for %q carries id %d, want %d", m.Name, m.ID, want)
	}
	for _, a := range []string{m.RaftAddr, m.PGAddr} {
		if a == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(a); err != nil {
			return MemberInfo{}, fmt.Errorf("membership: member %q: address %q: %w", m.Name, a, err)
		}
	}
	return m, nil
}
