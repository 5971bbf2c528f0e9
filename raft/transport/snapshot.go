package transport

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net"
	"time"

	"github.com/raftsql/raftsql/raft"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// snapEndSize is the payload size of a snapshot trailer frame: u64 total
// data bytes, u32 CRC-32C of the data (big endian).
const snapEndSize = 12

// Snapshot ack statuses.
const (
	snapAckOK   byte = 0
	snapAckFail byte = 1
)

// ErrSnapshotStream is wrapped by the errors a snapshot reader returns when
// the stream is truncated, corrupt or aborted by the sender.
var ErrSnapshotStream = errors.New("transport: bad snapshot stream")

// SendSnapshot sends the MsgSnap m followed by size bytes read from data
// on a connection of its own, so the regular lane keeps flowing. It returns
// at once; data is always closed; the outcome (receiver persisted the
// stream and accepted the message, or not) is reported with
// Handler.ReportSnapshot(m.To, ok). data may be nil (no stream: size must
// be 0). size < 0 means unknown; otherwise a stream of another length
// fails.
func (t *Transport) SendSnapshot(m raft.Message, data io.ReadCloser, size int64) {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		if data != nil {
			data.Close()
		}
		return
	}
	p := t.peers[m.To]
	var addr string
	if p != nil {
		p.mu.Lock()
		addr = p.addr
		p.mu.Unlock()
	}
	t.wg.Add(1)
	t.mu.Unlock()
	go func() {
		defer t.wg.Done()
		if data != nil {
			defer data.Close()
		}
		if p == nil {
			t.log.Warn("transport: snapshot for unknown peer", "peer", m.To)
			t.rep.snapshot(m.To, false)
			return
		}
		start := time.Now()
		n, err := t.sendSnapshot(addr, &m, data, size)
		if err != nil {
			if t.ctx.Err() != nil {
				return
			}
			t.log.Error("transport: snapshot send failed", "peer", m.To, "addr", addr,
				"index", snapIndex(&m), "sent_bytes", n, "err", err)
			t.rep.snapshot(m.To, false)
			t.rep.unreachable(m.To)
			return
		}
		t.log.Info("transport: snapshot sent", "peer", m.To, "index", snapIndex(&m),
			"bytes", n, "took", time.Since(start).Round(time.Millisecond))
		t.rep.snapshot(m.To, true)
	}()
}

func snapIndex(m *raft.Message) uint64 {
	if m.Snapshot == nil {
		return 0
	}
	return m.Snapshot.Meta.Index
}

func (t *Transport) sendSnapshot(addr string, m *raft.Message, data io.Reader, size int64) (int64, error) {
	if m.Type != raft.MsgSnap {
		return 0, fmt.Errorf("SendSnapshot called with %s", m.Type)
	}
	conn, br, err := t.dial(t.ctx, addr, m.To, laneSnapshot)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	stop := context.AfterFunc(t.ctx, func() { conn.Close() })
	defer stop()

	bw := bufio.NewWriterSize(conn, 64<<10)
	b, start := appendFrameHeader(nil, frameMessage)
	b = EncodeMessage(b, m)
	if len(b)-frameHeaderSize > t.cfg.MaxFrameBytes {
		return 0, fmt.Errorf("MsgSnap encodes to %d bytes > MaxFrameBytes %d", len(b)-frameHeaderSize, t.cfg.MaxFrameBytes)
	}
	finishFrame(b, start)
	if _, err := bw.Write(b); err != nil {
		return 0, err
	}

	var total int64
	crc := uint32(0)
	if data != nil {
		chunk := make([]byte, frameHeaderSize+t.cfg.SnapshotChunkBytes)
		for {
			n, rerr := io.ReadFull(data, chunk[frameHeaderSize:])
			if n > 0 {
				binary.BigEndian.PutUint32(chunk, uint32(n))
				chunk[4], chunk[5] = ProtocolVersion, frameSnapChunk
				crc = crc32.Update(crc, crcTable, chunk[frameHeaderSize:frameHeaderSize+n])
				total += int64(n)
				// A write that does not complete in WriteTimeout means the
				// receiver stopped reading.
				conn.SetWriteDeadline(time.Now().Add(t.cfg.SnapshotWriteTimeout))
				if _, err := bw.Write(chunk[:frameHeaderSize+n]); err != nil {
					return total, fmt.Errorf("write chunk: %w", err)
				}
			}
			if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
				break
			}
			if rerr != nil {
				t.abortSnapshot(bw, conn, "sender failed to read snapshot data")
				return total, fmt.Errorf("read snapshot data: %w", rerr)
			}
		}
	}
	if size >= 0 && total != size {
		t.abortSnapshot(bw, conn, "snapshot size mismatch")
		return total, fmt.Errorf("snapshot data has %d bytes, expected %d", total, size)
	}
	b, start = appendFrameHeader(b[:0], frameSnapEnd)
	b = binary.BigEndian.AppendUint64(b, uint64(total))
	b = binary.BigEndian.AppendUint32(b, crc)
	finishFrame(b, start)
	conn.SetWriteDeadline(time.Now().Add(t.cfg.SnapshotWriteTimeout))
	if _, err := bw.Write(b); err != nil {
		return total, fmt.Errorf("write trailer: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return total, fmt.Errorf("write trailer: %w", err)
	}
	// Wait for the receiver to persist the data and accept the message.
	// No deadline: the receiver may take a while; Close unblocks us and
	// TCP keep-alive detects a dead peer.
	kind, payload, err := ReadFrame(br, nil, 4096)
	if err != nil {
		return total, fmt.Errorf("read snapshot ack: %w", err)
	}
	if kind != frameSnapAck || len(payload) < 1 {
		return total, fmt.Errorf("unexpected frame kind %d instead of snapshot ack", kind)
	}
	if payload[0] != snapAckOK {
		return total, fmt.Errorf("receiver rejected snapshot: %s", payload[1:])
	}
	return total, nil
}

func (t *Transport) abortSnapshot(bw *bufio.Writer, conn net.Conn, reason string) {
	conn.SetWriteDeadline(time.Now().Add(t.cfg.WriteTimeout))
	bw.Write(AppendFrame(nil, frameSnapAbort, []byte(reason)))
	bw.Flush()
}

// serveSnapshot receives one MsgSnap and its data stream, hands them to
// the Handler and sends the result back.
func (t *Transport) serveSnapshot(conn net.Conn, br *bufio.Reader, from uint64) error {
	kind, payload, err := ReadFrame(br, nil, t.cfg.MaxFrameBytes)
	if err != nil {
		return fmt.Errorf("read MsgSnap frame: %w", err)
	}
	if kind != frameMessage {
		return fmt.Errorf("unexpected frame kind %d on snapshot lane", kind)
	}
	m, err := DecodeMessage(payload)
	if err != nil {
		return err
	}
	if err := t.checkInbound(&m, from); err != nil {
		return err
	}
	if m.Type != raft.MsgSnap {
		return fmt.Errorf("%w: %s on snapshot lane", ErrMalformed, m.Type)
	}
	sr := &snapReader{br: br, max: t.cfg.MaxFrameBytes}
	herr := t.cfg.Handler.ReceiveSnapshot(t.ctx, m, sr)
	if herr == nil && !sr.done {
		// The handler returned without reading to the end: make sure the
		// stream was complete anyway.
		if _, err := io.Copy(io.Discard, sr); err != nil {
			herr = err
		}
	}
	if t.ctx.Err() != nil {
		return nil
	}
	ack, start := appendFrameHeader(nil, frameSnapAck)
	if herr != nil {
		ack = append(ack, snapAckFail)
		ack = append(ack, herr.Error()[:min(len(herr.Error()), 2000)]...)
		t.log.Error("transport: snapshot receive failed", "peer", from, "index", snapIndex(&m), "err", herr)
	} else {
		ack = append(ack, snapAckOK)
		t.log.Info("transport: snapshot received", "peer", from, "index", snapIndex(&m), "bytes", sr.n)
	}
	finishFrame(ack, start)
	conn.SetWriteDeadline(time.Now().Add(t.cfg.WriteTimeout))
	if _, err := conn.Write(ack); err != nil {
		return fmt.Errorf("write snapshot ack: %w", err)
	}
	// Let the sender read the ack before the connection closes.
	conn.SetReadDeadline(time.Now().Add(t.cfg.HandshakeTimeout))
	io.Copy(io.Discard, br)
	return nil
}

// snapReader reads the data of a snapshot stream: chunk frames up to the
// trailer, whose length and CRC it checks before returning io.EOF.
type snapReader struct {
	br   *bufio.Reader
	max  int
	buf  []byte
	cur  []byte
	n    int64
	crc  uint32
	err  error
	done bool // the trailer matched
}

func (s *snapReader) Read(p []byte) (int, error) {
	for len(s.cur) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		s.next()
	}
	n := copy(p, s.cur)
	s.cur = s.cur[n:]
	return n, nil
}

func (s *snapReader) next() {
	kind, payload, err := ReadFrame(s.br, s.buf, s.max)
	if err != nil {
		s.err = fmt.Errorf("%w: truncated after %d bytes: %w", ErrSnapshotStream, s.n, unexpected(err))
		return
	}
	switch kind {
	case frameSnapChunk:
		s.buf = payload[:0]
		s.cur = payload
		s.n += int64(len(payload))
		s.crc = crc32.Update(s.crc, crcTable, payload)
	case frameSnapEnd:
		if len(payload) != snapEndSize {
			s.err = fmt.Errorf("%w: malformed trailer", ErrSnapshotStream)
			return
		}
		n := binary.BigEndian.Uint64(payload)
		crc := binary.BigEndian.Uint32(payload[8:])
		if n != uint64(s.n) || crc != s.crc {
			s.err = fmt.Errorf("%w: received %d bytes crc %08x, sender sent %d bytes crc %08x",
				ErrSnapshotStream, s.n, s.crc, n, crc)
			return
		}
		s.done = true
		s.err = io.EOF
	case frameSnapAbort:
		s.err = fmt.Errorf("%w: aborted by sender after %d bytes: %s", ErrSnapshotStream, s.n, payload)
	default:
		s.err = fmt.Errorf("%w: unexpected frame kind %d", ErrSnapshotStream, kind)
	}
}
