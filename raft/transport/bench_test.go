package transport

// Throughput benchmarks over loopback, with a receiver that counts.

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// BenchmarkSmallMsgApp measures the throughput of small MsgApp messages
// (one 64-byte entry each) from one transport to another over loopback.
func BenchmarkSmallMsgApp(b *testing.B) {
	recv := newCounter()
	counting := &countHandler{n: recv}
	ha := newTestHandler()
	a, _ := startNode(b, 1, 1, ha, "")
	bt, _ := startNode(b, 2, 1, counting, "")
	a.AddPeer(2, bt.Addr().String())
	data := make([]byte, 64)
	const batch = 256
	msgs := make([]raft.Message, batch)
	for i := range msgs {
		msgs[i] = raft.Message{Type: raft.MsgApp, From: 1, To: 2, Term: 5, LogTerm: 5, Index: uint64(1000 + i), Commit: 999,
			Entries: []raft.Entry{{Term: 5, Index: uint64(1001 + i), Data: data}}}
	}
	// Warm up the connection.
	a.Send(msgs[:1])
	recv.await(1)
	recv.reset()
	b.ResetTimer()
	start := time.Now()
	sent := 0
	for sent < b.N {
		n := min(batch, b.N-sent)
		// Keep at most 64k messages in flight so the queue never drops.
		recv.await(int64(sent) - 64<<10)
		a.Send(msgs[:n])
		sent += n
	}
	recv.await(int64(b.N))
	el := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/el.Seconds(), "msgs/s")
	if st, _ := a.PeerStats(2); st.Dropped != 0 {
		b.Fatalf("dropped %d", st.Dropped)
	}
}

// BenchmarkLargeMsgApp measures the byte throughput of MsgApp messages
// carrying one 64 KiB entry each.
func BenchmarkLargeMsgApp(b *testing.B) {
	recv := newCounter()
	a, _ := startNode(b, 1, 1, newTestHandler(), "")
	bt, _ := startNode(b, 2, 1, &countHandler{n: recv}, "")
	a.AddPeer(2, bt.Addr().String())
	data := make([]byte, 64<<10)
	m := raft.Message{Type: raft.MsgApp, From: 1, To: 2, Entries: []raft.Entry{{Data: data}}}
	a.Send([]raft.Message{m})
	recv.await(1)
	recv.reset()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := range b.N {
		recv.await(int64(i) - 256) // 16 MiB in flight at most
		a.Send([]raft.Message{m})
	}
	recv.await(int64(b.N))
	if st, _ := a.PeerStats(2); st.Dropped != 0 {
		b.Fatalf("dropped %d", st.Dropped)
	}
}

type countHandler struct{ n *counter }

func (c *countHandler) Process(ctx context.Context, m raft.Message) error {
	c.n.add()
	return nil
}

// counter counts delivered messages; await blocks until the count
// reaches a target, woken by the delivery that reaches it.
type counter struct {
	mu     sync.Mutex
	cond   sync.Cond
	n      int64
	target int64 // of the waiter, if any; 0 when none waits
}

func newCounter() *counter {
	c := &counter{}
	c.cond.L = &c.mu
	return c
}

func (c *counter) add() {
	c.mu.Lock()
	c.n++
	wake := c.target != 0 && c.n >= c.target
	c.mu.Unlock()
	if wake {
		c.cond.Broadcast()
	}
}

func (c *counter) await(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.n < n {
		c.target = n
		c.cond.Wait()
	}
	c.target = 0
}

func (c *counter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n = 0
}
func (c *countHandler) ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	_, err := io.Copy(io.Discard, r)
	return err
}
func (c *countHandler) ReportUnreachable(uint64)    {}
func (c *countHandler) ReportSnapshot(uint64, bool) {}
