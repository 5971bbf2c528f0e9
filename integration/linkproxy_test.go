package integration

import (
	"errors"
	"math/rand/v2"
	"net"
	"sync"
	"time"
)

// linkProxy carries the peer traffic of one directed link: node `from`
// dials it believing it is node `to` (its --initial-cluster names the
// proxy's address for that peer), and the proxy dials the real node. The
// raft transport sends each direction on the connection its sender dialed
// (the reverse bytes are handshake and snapshot acks), so cutting the
// proxy of from->to is a one-way cut of the messages from `from` to `to`.
//
// A cut is a blackhole, not a refusal: bytes already accepted are
// dropped and new connections are accepted and starved, as a partition
// looks to TCP. Healing closes the starved connections, so the sender
// redials and resynchronises its framing, as a real TCP connection would
// time out after a long partition. The machine has no netem or iptables;
// the proxy is the whole network model.
type linkProxy struct {
	from, to string
	target   string // the real raft address of `to`
	ln       net.Listener

	mu       sync.Mutex
	cut      bool
	delay    time.Duration // added to every chunk, each direction
	jitter   time.Duration // up to this much more, drawn per chunk
	rate     int           // bytes per second each direction; 0 unlimited
	rng      *rand.Rand    // for jitter; seeded by the suite
	conns    map[*proxiedConn]struct{}
	closed   bool
	accepted int // connections accepted (for the report)
	// forwarded and dropped count the bytes the link carried and the
	// bytes a cut dropped (starved connections included): the suite
	// checks that its faults touched real traffic (nodes that bypass
	// the proxies would make every network fault a no-op).
	forwarded, dropped int64
	wg                 sync.WaitGroup
}

// proxiedConn is one accepted connection and, unless it was accepted
// during a cut, its dialed partner.
type proxiedConn struct {
	in, out net.Conn
	starved bool // accepted during a cut: closed at heal
}

func newLinkProxy(from, to, target string, seed uint64) (*linkProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &linkProxy{from: from, to: to, target: target, ln: ln,
		rng: rand.New(rand.NewPCG(seed, 0x6c696e6b)), conns: map[*proxiedConn]struct{}{}}
	p.wg.Add(1)
	go p.acceptLoop()
	return p, nil
}

func (p *linkProxy) addr() string { return p.ln.Addr().String() }

func (p *linkProxy) acceptLoop() {
	defer p.wg.Done()
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			in.Close()
			return
		}
		p.accepted++
		pc := &proxiedConn{in: in, starved: p.cut}
		p.conns[pc] = struct{}{}
		p.mu.Unlock()
		p.wg.Add(1)
		go p.serve(pc)
	}
}

// serve dials the target (unless the connection is starved) and pumps
// both directions until either side closes.
func (p *linkProxy) serve(pc *proxiedConn) {
	defer p.wg.Done()
	defer p.drop(pc)
	if pc.starved {
		buf := make([]byte, 32<<10)
		for { // until heal or reset closes it
			n, err := pc.in.Read(buf)
			p.mu.Lock()
			p.dropped += int64(n)
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}
	out, err := net.DialTimeout("tcp", p.target, time.Second)
	if err != nil {
		return // the target is down: the sender sees a closed connection
	}
	p.mu.Lock()
	pc.out = out
	dead := p.closed
	p.mu.Unlock()
	if dead {
		out.Close()
		return
	}
	done := make(chan struct{}, 2)
	go func() { p.pump(pc.out, pc.in); done <- struct{}{} }()
	go func() { p.pump(pc.in, pc.out); done <- struct{}{} }()
	<-done
	pc.in.Close()
	out.Close()
	<-done
}

// pump copies src to dst chunk by chunk, applying the link's faults as
// they stand when each chunk arrives: a cut drops it, latency and
// bandwidth hold it (in order: one chunk at a time per direction).
func (p *linkProxy) pump(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			p.mu.Lock()
			cut, wait := p.cut, p.delay
			if p.jitter > 0 {
				wait += time.Duration(p.rng.Int64N(int64(p.jitter)))
			}
			if p.rate > 0 {
				wait += time.Duration(int64(n) * int64(time.Second) / int64(p.rate))
			}
			if cut {
				p.dropped += int64(n)
			} else {
				p.forwarded += int64(n)
			}
			p.mu.Unlock()
			if !cut {
				if wait > 0 {
					time.Sleep(wait) // the injected fault itself
				}
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *linkProxy) drop(pc *proxiedConn) {
	p.mu.Lock()
	delete(p.conns, pc)
	p.mu.Unlock()
	pc.in.Close()
}

// setCut starts or ends a blackhole on this link. Ending one closes the
// connections starved or cut during it.
func (p *linkProxy) setCut(cut bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut == cut {
		return
	}
	p.cut = cut
	if !cut {
		p.closeAllLocked()
	}
}

func (p *linkProxy) setLatency(delay, jitter time.Duration) {
	p.mu.Lock()
	p.delay, p.jitter = delay, jitter
	p.mu.Unlock()
}

func (p *linkProxy) setRate(bytesPerSecond int) {
	p.mu.Lock()
	p.rate = bytesPerSecond
	p.mu.Unlock()
}

// reset closes every connection on the link now (connection reset).
func (p *linkProxy) reset() {
	p.mu.Lock()
	p.closeAllLocked()
	p.mu.Unlock()
}

func (p *linkProxy) closeAllLocked() {
	for pc := range p.conns {
		pc.in.Close()
		if pc.out != nil {
			pc.out.Close()
		}
	}
}

// traffic returns the connections accepted and the bytes forwarded and
// dropped so far.
func (p *linkProxy) traffic() (accepted int, forwarded, dropped int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted, p.forwarded, p.dropped
}

// heal removes every fault from the link.
func (p *linkProxy) heal() {
	p.setLatency(0, 0)
	p.setRate(0)
	p.setCut(false)
}

func (p *linkProxy) close() error {
	p.mu.Lock()
	p.closed = true
	p.closeAllLocked()
	p.mu.Unlock()
	err := p.ln.Close()
	p.wg.Wait()
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}
