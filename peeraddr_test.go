package raftsql

import (
	"errors"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

func TestPeerDialAddrs(t *testing.T) {
	base := func() Config {
		return Config{Name: "n1", DataDir: t.TempDir(), InitialCluster: []membership.Member{
			{Name: "n1", RaftAddr: "127.0.0.1:7001"}, {Name: "n2", RaftAddr: "127.0.0.1:7002"}}}
	}
	for _, tc := range []struct {
		name  string
		addrs map[string]string
		ok    bool
	}{
		{"a peer", map[string]string{"n2": "127.0.0.1:9002"}, true},
		{"a member not yet known (a future joiner)", map[string]string{"n9": "127.0.0.1:9009"}, true},
		{"itself", map[string]string{"n1": "127.0.0.1:9001"}, false},
		{"no port", map[string]string{"n2": "127.0.0.1"}, false},
	} {
		cfg := base()
		cfg.PeerDialAddrs = tc.addrs
		err := cfg.setDefaults()
		var fe *FieldError
		if tc.ok != (err == nil) || (err != nil && (!errors.As(err, &fe) || fe.Field != "PeerDialAddrs")) {
			t.Errorf("%s: setDefaults = %v", tc.name, err)
		}
	}

	// The override applies by name, to every incarnation of the member
	// and to bootstrap records without a name; others keep what they
	// advertise.
	n := &Node{cfg: Config{PeerDialAddrs: map[string]string{"n2": "127.0.0.1:9002"}},
		names: map[uint64]string{membership.MemberID("n2"): "n2"}}
	for _, tc := range []struct {
		id         uint64
		name, want string
	}{
		{membership.MemberID("n2"), "n2", "127.0.0.1:9002"},
		{membership.IncarnationID("n2", 7), "n2", "127.0.0.1:9002"},
		{membership.MemberID("n2"), "", "127.0.0.1:9002"},
		{membership.MemberID("n3"), "n3", "127.0.0.1:7003"},
	} {
		if got := n.peerDialAddr(tc.id, tc.name, "127.0.0.1:7003"); got != tc.want {
			t.Errorf("peerDialAddr(%x, %q) = %s, want %s", tc.id, tc.name, got, tc.want)
		}
	}
}
