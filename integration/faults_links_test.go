package integration

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// The fault suite's network faults are only as real as the proxies'
// place in the path: a node that dialed its peers at their advertised
// addresses would bypass every proxy, and every cut, partition, latency
// and bandwidth fault would do nothing. These checks keep that from
// regressing silently.

// awaitForwarded waits until every link in links has forwarded more bytes
// than it had when called: the link is in the path of live traffic.
func (fc *faultCluster) awaitForwarded(links [][2]int, timeout time.Duration) error {
	base := make([]int64, len(links))
	for k, l := range links {
		_, base[k], _ = fc.proxies[l[0]][l[1]].traffic()
	}
	deadline := time.Now().Add(timeout)
	for {
		idle := ""
		for k, l := range links {
			if _, fwd, _ := fc.proxies[l[0]][l[1]].traffic(); fwd <= base[k] {
				idle = fc.nodes[l[0]].name + "->" + fc.nodes[l[1]].name
				break
			}
		}
		if idle == "" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the proxy of link %s forwarded nothing in %v: peer traffic bypasses the fault proxies", idle, timeout)
		}
		time.Sleep(20 * time.Millisecond) // polling a condition
	}
}

// leaderLinks are the directed links from node l to every other node.
func (fc *faultCluster) leaderLinks(l int) [][2]int {
	var links [][2]int
	for j := range fc.size() {
		if j != l {
			links = append(links, [2]int{l, j})
		}
	}
	return links
}

// leaderLinksBothWays are the links from node l to every other node and
// back: the leader's heartbeats and the followers' answers.
func (fc *faultCluster) leaderLinksBothWays(l int) [][2]int {
	var links [][2]int
	for _, lk := range fc.leaderLinks(l) {
		links = append(links, lk, [2]int{lk[1], lk[0]})
	}
	return links
}

// deposed reports whether every running node but i names a leader other
// than i (i was isolated: the others must move on without it), and how
// many still name i or none.
func (fc *faultCluster) deposed(i int) (ok bool, behind, others int) {
	for j, p := range fc.nodes {
		if j == i || fc.down[j] || fc.paused[j] {
			continue
		}
		others++
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		v, err := showSetting(ctx, p.url(), "raftsql.leader")
		cancel()
		if err != nil || v == "" || v == "none" || v == fc.nodes[i].name {
			behind++
		}
	}
	return others > 0 && behind == 0, behind, others
}

// awaitDeposed waits until the nodes but i have deposed it.
func (fc *faultCluster) awaitDeposed(i int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, behind, others := fc.deposed(i)
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s isolated for %v and %d of %d other nodes have no other leader", fc.nodes[i].name, timeout, behind, others)
		}
		time.Sleep(50 * time.Millisecond) // polling a condition
	}
}

// droppedBytes is what every link's cuts have dropped so far.
func (fc *faultCluster) droppedBytes() int64 {
	var sum int64
	fc.eachLink(func(p *linkProxy) {
		_, _, d := p.traffic()
		sum += d
	})
	return sum
}

// droppedOn is what the cuts of the given links have dropped so far.
func (fc *faultCluster) droppedOn(links [][2]int) int64 {
	var sum int64
	for _, lk := range links {
		_, _, d := fc.proxies[lk[0]][lk[1]].traffic()
		sum += d
	}
	return sum
}

// TestFaultsLinksCarryTraffic checks that the proxies stay in the path
// after every node has advertised its real raft address (which the
// others apply), and that isolating the leader through them cuts it off:
// its messages are dropped and the others elect another leader.
func TestFaultsLinksCarryTraffic(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	fc := startFaultCluster(t, 3, 1)
	fc.leader(30 * time.Second)
	// Every node has applied every member's advertisement (a member's
	// PostgreSQL address appears only with it).
	for _, p := range fc.nodes {
		awaitCluster(t, p.url(), "every member's advertisement", func(rows []clusterRow) bool {
			for _, r := range rows {
				if r.pgAddr == "" {
					return false
				}
			}
			return len(rows) == fc.size()
		})
	}
	l := fc.currentLeader()
	if l < 0 {
		t.Fatal("no leader")
	}
	var all [][2]int
	for i := range fc.size() {
		all = append(all, fc.leaderLinks(i)...)
	}
	// The leader's heartbeats and the followers' answers: every link to
	// and from the leader carries traffic.
	if err := fc.awaitForwarded(fc.leaderLinksBothWays(l), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	dropped0 := fc.droppedOn(fc.leaderLinks(l))
	fc.isolate(l)
	if err := fc.awaitDeposed(l, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if dropped := fc.droppedOn(fc.leaderLinks(l)); dropped <= dropped0 {
		t.Fatalf("isolating %s dropped none of its messages", fc.nodes[l].name)
	}
	fc.healAll()
	if err := fc.agreedLeader(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	for _, lk := range all {
		a, fwd, drop := fc.proxies[lk[0]][lk[1]].traffic()
		t.Logf("link %s->%s: %d connections, %d bytes forwarded, %d dropped", fc.nodes[lk[0]].name, fc.nodes[lk[1]].name, a, fwd, drop)
	}
}
