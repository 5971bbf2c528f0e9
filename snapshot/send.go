package snapshot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxTransfers is the default limit on concurrent outgoing
// transfers.
const DefaultMaxTransfers = 2

// Transfer is the progress of one outgoing snapshot transfer.
type Transfer struct {
	Peer  uint64
	Index uint64
	// Resumed is the offset the transfer started at (the bytes the
	// receiver kept from a cut transfer of the same file); Sent counts
	// the bytes sent after it, so Resumed+Sent == Total when complete.
	Resumed int64
	Sent    int64
	Total   int64
	Started time.Time
	// BytesPerSec is the average rate since Started.
	BytesPerSec float64
}

// Sender limits concurrent outgoing transfers (each one reads a file and
// fills a connection; a burst of lagging followers must not saturate the
// leader's disk and network) and tracks their progress for the logs and
// the cluster status.
type Sender struct {
	st    *Store
	log   *slog.Logger
	now   func() time.Time
	every int64 // log progress each time this many more bytes are sent
	slots chan struct{}

	hold time.Duration // how long a cut transfer is held for its resume (inflight.go)

	mu     sync.Mutex
	active map[*sendReader]struct{}
	cuts   map[uint64]cut // by peer: the last transfer, if it was cut

	// sent and resumed count, over the Sender's life, the bytes sent and
	// the bytes not sent because a receiver held them (Totals).
	sent, resumed atomic.Int64
}

// Totals returns the bytes this Sender sent, and the bytes it skipped by
// resuming cut transfers, since it was created.
func (s *Sender) Totals() (sent, resumed int64) { return s.sent.Load(), s.resumed.Load() }

// SenderOptions configure NewSender.
type SenderOptions struct {
	// MaxTransfers bounds concurrent transfers; 0 means
	// DefaultMaxTransfers.
	MaxTransfers int
	// Now is the clock for rates; nil means time.Now.
	Now func() time.Time
	// LogEvery is the progress logging interval in bytes; 0 means 64 MiB.
	LogEvery int64
	// Logger; nil means the store's.
	Logger *slog.Logger
	// ResumeHold is how long a cut transfer's snapshot, and the log after
	// it, are kept for its resume (inflight.go); 0 means
	// DefaultResumeHold.
	ResumeHold time.Duration
}

// NewSender returns a Sender of st's snapshots.
func NewSender(st *Store, opts SenderOptions) *Sender {
	if opts.MaxTransfers <= 0 {
		opts.MaxTransfers = DefaultMaxTransfers
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.LogEvery <= 0 {
		opts.LogEvery = 64 << 20
	}
	if opts.Logger == nil {
		opts.Logger = st.log
	}
	if opts.ResumeHold <= 0 {
		opts.ResumeHold = DefaultResumeHold
	}
	return &Sender{st: st, log: opts.Logger, now: opts.Now, every: opts.LogEvery, hold: opts.ResumeHold,
		slots: make(chan struct{}, opts.MaxTransfers), active: map[*sendReader]struct{}{}, cuts: map[uint64]cut{}}
}

// Stream waits (ctx) for a free transfer slot and opens the snapshot at
// index for sending to peer. The returned ReadCloser holds the slot until
// it is closed; size is the stream's length. It reports progress to the
// log and to Transfers.
// While it runs, the snapshot is kept and the log after it too
// (inflight.go).
func (s *Sender) Stream(ctx context.Context, index, peer uint64) (io.ReadCloser, int64, error) {
	if err := s.acquire(ctx); err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	sr, err := s.openLocked(index, peer, false)
	s.mu.Unlock()
	if err != nil {
		<-s.slots
		return nil, 0, err
	}
	return sr, sr.t.Total, nil
}

// acquire waits for a transfer slot.
func (s *Sender) acquire(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("snapshot: waiting for a transfer slot: %w", ctx.Err())
	}
}

// openLocked opens the snapshot at index for peer and registers the
// transfer; pinned says the caller holds a pin on it already (a cut
// transfer's), which the transfer takes over. Called with a slot and
// s.mu held.
func (s *Sender) openLocked(index, peer uint64, pinned bool) (*sendReader, error) {
	if !pinned {
		if err := s.st.pin(index); err != nil {
			return nil, err
		}
	}
	r, err := s.st.Open(index)
	if err != nil {
		if !pinned {
			s.st.unpin(index)
		}
		return nil, err
	}
	sr := &sendReader{s: s, r: r, t: Transfer{Peer: peer, Index: index, Total: r.FileBytes, Started: s.now()}, next: s.every}
	s.active[sr] = struct{}{}
	s.log.Info("snapshot transfer started", "peer", peer, "index", index, "bytes", r.FileBytes)
	return sr, nil
}

// Transfers returns the transfers in progress, by peer.
func (s *Sender) Transfers() []Transfer {
	s.mu.Lock()
	out := make([]Transfer, 0, len(s.active))
	for sr := range s.active {
		out = append(out, sr.snapshot())
	}
	s.mu.Unlock()
	slices.SortFunc(out, func(a, b Transfer) int { return cmpU64(a.Peer, b.Peer) })
	return out
}

type sendReader struct {
	s    *Sender
	r    *Reader
	next int64
	once sync.Once
	// delivered is set by Sender.Delivered: the receiver acknowledged
	// the whole snapshot. A transfer closed without it was cut.
	delivered bool

	mu sync.Mutex // guards t against Transfers
	t  Transfer
}

func (sr *sendReader) snapshot() Transfer {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	t := sr.t
	if d := sr.s.now().Sub(t.Started).Seconds(); d > 0 {
		t.BytesPerSec = float64(t.Sent) / d
	}
	return t
}

func (sr *sendReader) Read(p []byte) (int, error) {
	n, err := sr.r.Read(p)
	sr.s.sent.Add(int64(n))
	sr.mu.Lock()
	sr.t.Sent += int64(n)
	logNow := sr.t.Resumed+sr.t.Sent >= sr.next
	if logNow {
		sr.next += sr.s.every
	}
	sr.mu.Unlock()
	if logNow {
		t := sr.snapshot()
		sr.s.log.Info("snapshot transfer progress", "peer", t.Peer, "index", t.Index,
			"sent_bytes", t.Sent, "total_bytes", t.Total, "mib_per_sec", fmt.Sprintf("%.1f", t.BytesPerSec/(1<<20)))
	}
	return n, err
}

// ResumeID returns the identity of the file being sent (its digest),
// which a receiver keeps with a partial transfer.
func (sr *sendReader) ResumeID() []byte { return sr.r.Digest }

// Skip starts the transfer n bytes in: the receiver holds them.
func (sr *sendReader) Skip(n int64) error {
	if err := sr.r.Skip(n); err != nil {
		return err
	}
	sr.mu.Lock()
	sr.t.Resumed = n
	sr.s.resumed.Add(n)
	sr.next = n + sr.s.every
	sr.mu.Unlock()
	sr.s.log.Info("snapshot transfer resumed", "peer", sr.t.Peer, "index", sr.t.Index, "offset", n, "total_bytes", sr.t.Total)
	return nil
}

// Close ends the transfer and frees its slot.
func (sr *sendReader) Close() error {
	err := sr.r.Close()
	sr.once.Do(func() {
		t := sr.snapshot()
		sr.s.mu.Lock()
		delete(sr.s.active, sr)
		sr.s.endedLocked(t, sr.delivered)
		sr.s.mu.Unlock()
		<-sr.s.slots
		sr.s.log.Info("snapshot transfer ended", "peer", t.Peer, "index", t.Index,
			"sent_bytes", t.Sent, "resumed_at", t.Resumed, "total_bytes", t.Total, "complete", t.Resumed+t.Sent == t.Total)
	})
	return err
}
