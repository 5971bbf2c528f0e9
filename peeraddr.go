package raftsql

// Where this node dials its peers. By default a member is reached at the
// Raft address it advertises (the member table, filled from the log), so
// every node dials the same address for it and a member that moves is
// found again once its new advertisement is applied.
//
// Config.PeerDialAddrs overrides that per member name, for this node only:
// the address this node must dial to reach that member when the
// advertised one is not reachable from here as such (NAT, a port-forward,
// a proxy: the fault-injection suite routes every directed link through a
// proxy it controls). The override is keyed by name, not id, so it still
// applies to a member removed and added again under the same name with a
// new incarnation. It changes nothing that is replicated: the member
// table, SHOW CLUSTER and what joining nodes are told keep the advertised
// addresses, and the transport's handshake still checks that whoever
// answers is the member this node meant.

// peerDialAddr returns the address at which this node dials member id,
// whose name is name and whose advertised Raft address is advertised. A
// record without a name is a bootstrap member's, named by the initial
// cluster (n.names, fixed at start, so this takes no lock: callers hold
// membersMu).
func (n *Node) peerDialAddr(id uint64, name, advertised string) string {
	if len(n.cfg.PeerDialAddrs) == 0 {
		return advertised
	}
	if name == "" {
		name = n.names[id]
	}
	if addr, ok := n.cfg.PeerDialAddrs[name]; ok {
		return addr
	}
	return advertised
}

// addPeer tells the transport where member id is (see peerDialAddr).
func (n *Node) addPeer(id uint64, name, advertised string) {
	n.tr.AddPeer(id, n.peerDialAddr(id, name, advertised))
}
