package transport

import (
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql/devcert"
	"github.com/raftsql/raftsql/raft"
)

func peerTLS(t *testing.T, ca *devcert.CA, name string) *PeerTLS {
	t.Helper()
	cert, err := ca.TLSCertificate(name, []string{"127.0.0.1"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return &PeerTLS{Certificate: cert, CA: ca.Pool()}
}

func withTLS(p *PeerTLS) nodeOpt { return func(c *Config) { c.TLS = p } }

// Peers holding certificates of the cluster CA talk; a node whose
// certificate another CA signed, or that speaks plaintext, is refused and
// the refusal is logged.
func TestPeerMutualTLS(t *testing.T) {
	checkGoroutines(t)
	cluster, err := devcert.NewCA("cluster", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	rogue, err := devcert.NewCA("rogue", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	ha, hb := newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 7, ha, "", withTLS(peerTLS(t, cluster, "n1")))
	b, logsB := startNode(t, 2, 7, hb, "", withTLS(peerTLS(t, cluster, "n2")))
	a.AddPeer(2, b.Addr().String())
	waitFor(t, 10*time.Second, "a message over mutual TLS", func() bool {
		a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
		return hb.count() > 0
	})

	for name, opts := range map[string][]nodeOpt{
		"other CA":  {withTLS(peerTLS(t, rogue, "n3"))},
		"plaintext": nil,
	} {
		before := hb.count()
		const refusal = "peer TLS authentication failed"
		logged := strings.Count(logsB.String(), refusal)
		hc := newTestHandler()
		c, logsC := startNode(t, 3, 7, hc, "", opts...)
		c.AddPeer(2, b.Addr().String())
		waitFor(t, 10*time.Second, name+": refused and logged", func() bool {
			c.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 3, To: 2}})
			return hc.unreachableCount(2) > 0 && strings.Count(logsB.String(), refusal) > logged
		})
		for _, m := range hb.received()[before:] {
			if m.From == 3 {
				t.Fatalf("%s: a message from the unauthenticated node arrived", name)
			}
		}
		_ = logsC
		c.Close()
	}
}
