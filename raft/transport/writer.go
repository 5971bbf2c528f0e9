package transport

import (
	"errors"
	"net"
	"os"
	"syscall"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// The write side of a peer's message lane. Queued messages are encoded
// into one buffer and written with one system call per batch, either by
// the peer's writer goroutine (serve) or, when that goroutine is idle, by
// the goroutine that queued them (Send, through peer.kick) with a
// non-blocking write: a message the driver sends then reaches the socket
// without waking another goroutine, which on a busy machine is a
// scheduler round trip per Ready and peer. Whatever a non-blocking write
// could not take (the socket buffer is full: a slow or stuck peer) stays
// in the buffer for the writer goroutine, which writes it, blocking,
// before anything else; so Send still never blocks on the network, and
// frames keep their order.
//
// Invariants, all under peer.wmu: one goroutine at a time writes to the
// connection; out holds whole frames, except that its start may be the
// rest of a frame a partial write began, and nothing is written before
// it; a failed write's error is kept in err and ends the connection.

// writeChunk is how many encoded bytes are gathered before a write.
const writeChunk = 64 << 10

// laneWriter is the write side of one message-lane connection.
type laneWriter struct {
	conn net.Conn
	// raw is the socket for non-blocking writes; nil where there is none
	// (TLS): then every write goes through the writer goroutine.
	raw syscall.RawConn
	// out: encoded frames not yet written.
	out []byte
	// err: a direct write failed; the writer goroutine returns it.
	err   error
	batch []raft.Message
}

func newLaneWriter(conn net.Conn) *laneWriter {
	w := &laneWriter{conn: conn}
	if sc, ok := conn.(syscall.Conn); ok {
		if raw, err := sc.SyscallConn(); err == nil {
			w.raw = raw
		}
	}
	return w
}

// fill encodes queued messages into w.out until the queue is empty or
// out holds writeChunk bytes. It reports whether the queue is empty.
func (p *peer) fill(w *laneWriter) bool {
	maxFrame := p.t.cfg.MaxFrameBytes
	for len(w.out) < writeChunk {
		clear(w.batch)
		w.batch = p.take(w.batch[:0])
		if len(w.batch) == 0 {
			return true
		}
		var sent, sentBytes uint64
		for i := range w.batch {
			m := &w.batch[i]
			before := len(w.out)
			buf, start := appendFrameHeader(w.out, frameMessage)
			buf = EncodeMessage(buf, m)
			if size := len(buf) - start - frameHeaderSize; size > maxFrame {
				w.out = buf[:before]
				p.mu.Lock()
				p.dropped++
				p.mu.Unlock()
				p.t.log.Error("transport: dropping message larger than MaxFrameBytes",
					"peer", p.id, "type", m.Type, "bytes", size, "max", maxFrame)
				p.t.rep.unreachable(p.id)
				continue
			}
			finishFrame(buf, start)
			w.out = buf
			sentBytes += uint64(len(buf) - before)
			sent++
		}
		p.mu.Lock()
		p.sent += sent
		p.sentBytes += sentBytes
		p.mu.Unlock()
	}
	return false
}

// writeAll writes everything queued, blocking (the writer goroutine).
func (p *peer) writeAll(w *laneWriter) error {
	if w.err != nil {
		return w.err
	}
	for {
		empty := p.fill(w)
		if len(w.out) > 0 {
			w.conn.SetWriteDeadline(time.Now().Add(p.t.cfg.WriteTimeout))
			if _, err := w.conn.Write(w.out); err != nil {
				return err
			}
			// A deadline left set would fail every direct write once it
			// passes (the socket checks it before any write).
			w.conn.SetWriteDeadline(time.Time{})
			w.reset()
		}
		if empty {
			return nil
		}
	}
}

// writeDirect writes what is queued without blocking (a sender's
// goroutine). It reports whether everything was written; if not, the
// rest (in out or still queued) is the writer goroutine's.
func (p *peer) writeDirect(w *laneWriter) bool {
	if w.raw == nil || w.err != nil || len(w.out) > 0 {
		return false
	}
	for {
		empty := p.fill(w)
		if len(w.out) > 0 {
			var n int
			var werr error
			err := w.raw.Write(func(fd uintptr) bool {
				n, werr = syscall.Write(int(fd), w.out)
				return true // never wait for the socket: that is the writer's job
			})
			if err == nil {
				err = werr
			}
			if n < 0 {
				n = 0
			}
			// A passed write deadline is the writer goroutine's to renew
			// (it writes with its own); the direct write leaves the rest to
			// it, as for a full socket.
			retry := errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EINTR) || errors.Is(err, os.ErrDeadlineExceeded)
			if err != nil && !retry {
				w.err = err
				w.conn.Close() // the writer goroutine sees it and reports it
				return false
			}
			if n < len(w.out) {
				w.out = w.out[:copy(w.out, w.out[n:])]
				return false
			}
			w.reset()
		}
		if empty {
			return true
		}
	}
}

// reset empties out after a complete write, dropping a buffer a huge
// message grew.
func (w *laneWriter) reset() {
	if cap(w.out) > 4<<20 {
		w.out = nil
		return
	}
	w.out = w.out[:0]
}
