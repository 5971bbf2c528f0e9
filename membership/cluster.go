package membership

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"sort"
	"strings"
)

// Member names one member of the cluster and where its peers reach it.
type Member struct {
	Name     string
	RaftAddr string
}

// MemberID maps a member name to its Raft node id: a stable 64-bit hash,
// so every member derives the same ids from the same names. It is never 0,
// which Raft reserves for "no node".
func MemberID(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	id := h.Sum64()
	if id == 0 {
		id = 1
	}
	return id
}

// ClusterID derives the cluster's id from its initial members' names, in
// any order: peers whose ids differ belong to different clusters, and the
// transport handshake refuses to connect them.
func ClusterID(ms []Member) uint64 {
	names := make([]string, 0, len(ms))
	for _, m := range ms {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	h := fnv.New64a()
	h.Write([]byte(strings.Join(names, ",")))
	return h.Sum64()
}

// ParseInitialCluster parses "n1=127.0.0.1:7001,n2=127.0.0.1:7002".
func ParseInitialCluster(s string) ([]Member, error) {
	var ms []Member
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, addr, ok := strings.Cut(part, "=")
		if !ok || name == "" || addr == "" {
			return nil, fmt.Errorf("initial cluster entry %q: want name=host:port", part)
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return nil, fmt.Errorf("initial cluster entry %q: %w", part, err)
		}
		ms = append(ms, Member{Name: name, RaftAddr: addr})
	}
	if len(ms) == 0 {
		return nil, errors.New("initial cluster is empty")
	}
	return ms, nil
}

// CheckMembers reports whether ms can describe a cluster: every member has
// a name and an address, and no name appears twice (two names could share
// an id only by a hash collision, but one name twice always does).
func CheckMembers(ms []Member) error {
	seen := map[string]bool{}
	for i, m := range ms {
		if m.Name == "" || m.RaftAddr == "" {
			return fmt.Errorf("member %d needs name=host:port", i+1)
		}
		if seen[m.Name] {
			return fmt.Errorf("member name %q appears twice", m.Name)
		}
		seen[m.Name] = true
	}
	return nil
}
