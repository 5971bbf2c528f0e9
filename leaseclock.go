package raftsql

import "time"

// Lease reads and process pauses.
//
// With Config.ReadLease the leader answers a read from its lease, which
// the core counts in ticks (raft.ReadOnlyLeaseBased): it holds while a
// quorum acknowledged a heartbeat sent fewer than about ElectionTicks-2
// ticks ago. Ticks come from a time.Ticker, which drops the ticks a
// stopped process missed (SIGSTOP, a stalled VM, a long GC pause): a
// leader paused for seconds would resume believing one tick had passed and
// answer reads from a lease its followers stopped honouring long ago,
// while another leader accepted writes. So in lease mode the driver
// counts ticks by the monotonic clock: before it steps anything after
// waking up, it gives the core every tick interval that elapsed (capped at
// leaseCatchUpElections election timeouts, which expires any lease and
// makes a leader's check-quorum step it down). The default mode keeps one
// tick per ticker event, as before.

// leaseCatchUpElections bounds the ticks given at once after a pause, in
// election timeouts: two are enough to expire a lease and fire
// check-quorum.
const leaseCatchUpElections = 2

// tickClock counts the tick intervals elapsed by the monotonic clock.
type tickClock struct {
	interval time.Duration
	last     time.Time // the tick boundary last counted
	max      int
}

func newTickClock(interval time.Duration, electionTicks int, now time.Time) *tickClock {
	return &tickClock{interval: interval, last: now, max: leaseCatchUpElections * electionTicks}
}

// due returns how many ticks are due at now and counts them as given.
func (c *tickClock) due(now time.Time) int {
	k := int(now.Sub(c.last) / c.interval)
	if k <= 0 {
		return 0
	}
	if k > c.max {
		c.last = now
		return c.max
	}
	c.last = c.last.Add(time.Duration(k) * c.interval)
	return k
}

// catchUpTicks gives the core the ticks due by clock (lease mode only).
func (n *Node) catchUpTicks(clock *tickClock) {
	if clock == nil {
		return
	}
	for k := clock.due(time.Now()); k > 0; k-- {
		n.tick()
	}
}
