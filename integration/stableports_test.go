package integration

import (
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
)

// stablePorts returns n distinct free TCP ports on 127.0.0.1 from below
// the kernel's ephemeral range, for processes that are killed and must
// listen on the same port again. freePorts' ports come from the
// ephemeral range (the kernel picks them for ":0"), where, once a
// process is killed, the kernel may hand its port to a new outgoing
// connection (a client, a proxy dialing a peer) as its local port; the
// restarted process then fails to listen with EADDRINUSE for as long as
// that connection lives. Ports below the range are never given out that
// way.
func stablePorts(t testing.TB, n int) []int {
	t.Helper()
	lo := 32768 // Linux's default start of the ephemeral range
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if v, err := strconv.Atoi(f[0]); err == nil {
				lo = v
			}
		}
	}
	const base = 10000
	if lo <= base+n {
		return freePorts(t, n) // an unusual range: no room below it
	}
	seen := map[int]bool{}
	var ports []int
	for tries := 0; len(ports) < n; tries++ {
		if tries > 1000 {
			t.Fatalf("no %d free ports found in [%d, %d)", n, base, lo)
		}
		p := base + rand.IntN(lo-base)
		if seen[p] {
			continue
		}
		seen[p] = true
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			continue // in use
		}
		l.Close()
		ports = append(ports, p)
	}
	return ports
}
