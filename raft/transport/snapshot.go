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

// SnapshotResumer is implemented by a Handler that keeps the verified
// prefix of a cut snapshot transfer. A sender whose data is a
// ResumableSource names its file (size, id) before streaming; the
// receiving transport asks ResumeSnapshot how many leading bytes of that
// file the handler holds, the sender skips them, and the Handler's
// ReceiveSnapshot gets a reader that starts there (StreamResume says
// where). Peers without it stream from zero.
type SnapshotResumer interface {
	ResumeSnapshot(ctx context.Context, m raft.Message, id []byte, size int64) int64
}

// ResumableSource is snapshot data that can start part way: ResumeID
// names the file (equal ids: equal bytes), Skip drops the next n bytes.
type ResumableSource interface {
	ResumeID() []byte
	Skip(n int64) error
}

// StreamResume returns the sender's file id and the offset of the first
// byte of r, a reader given to Handler.ReceiveSnapshot: nil and 0 when
// the sender did not offer to resume.
func StreamResume(r io.Reader) (id []byte, offset int64) {
	if s, ok := r.(*snapReader); ok {
		return s.id, s.offset
	}
	return nil, 0
}

// maxResumeID bounds the id in a snap-resume frame.
const maxResumeID = 64

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
	conn, br, caps, err := t.dial(t.ctx, addr, m.To, laneSnapshot)
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
	var offset int64
	if rs, ok := data.(ResumableSource); ok && caps&capSnapResume != 0 && size > 0 && len(rs.ResumeID()) <= maxResumeID {
		if offset, err = t.askResume(conn, bw, br, rs, size); err != nil {
			return 0, err
		}
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
	if size >= 0 && offset+total != size {
		t.abortSnapshot(bw, conn, "snapshot size mismatch")
		return total, fmt.Errorf("snapshot data has %d bytes, expected %d", offset+total, size)
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

// askResume names the sender's file to the receiver, reads where to
// start, and skips data to there.
func (t *Transport) askResume(conn net.Conn, bw *bufio.Writer, br *bufio.Reader, rs ResumableSource, size int64) (int64, error) {
	b, start := appendFrameHeader(nil, frameSnapResume)
	b = binary.BigEndian.AppendUint64(b, uint64(size))
	b = append(b, rs.ResumeID()...)
	finishFrame(b, start)
	conn.SetDeadline(time.Now().Add(t.cfg.SnapshotWriteTimeout))
	defer conn.SetDeadline(time.Time{})
	if _, err := bw.Write(b); err != nil {
		return 0, fmt.Errorf("write resume request: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write resume request: %w", err)
	}
	kind, payload, err := ReadFrame(br, nil, 4096)
	if err != nil {
		return 0, fmt.Errorf("read resume offer: %w", err)
	}
	if kind != frameSnapOffer || len(payload) != 8 {
		return 0, fmt.Errorf("unexpected frame kind %d (%d bytes) instead of a resume offer", kind, len(payload))
	}
	offset := int64(binary.BigEndian.Uint64(payload))
	if offset < 0 || offset > size {
		return 0, fmt.Errorf("receiver offered to resume at %d of %d bytes", offset, size)
	}
	if offset > 0 {
		if err := rs.Skip(offset); err != nil {
			t.abortSnapshot(bw, conn, "sender failed to read snapshot data")
			return 0, err
		}
	}
	return offset, nil
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
	if err := t.offerResume(conn, br, m, sr); err != nil {
		return err
	}
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

// offerResume answers a sender that names its file (a snap-resume frame
// before the data) with the offset to start at, recorded in sr. A sender
// that streams at once (an older version) starts at zero.
func (t *Transport) offerResume(conn net.Conn, br *bufio.Reader, m raft.Message, sr *snapReader) error {
	hdr, err := br.Peek(frameHeaderSize)
	if err != nil || hdr[5] != frameSnapResume {
		return nil // the data reader reports any error
	}
	_, payload, err := ReadFrame(br, nil, 8+maxResumeID)
	if err != nil {
		return fmt.Errorf("read resume request: %w", err)
	}
	if len(payload) < 8 {
		return fmt.Errorf("%w: resume request of %d bytes", ErrMalformed, len(payload))
	}
	size := int64(binary.BigEndian.Uint64(payload))
	sr.id = payload[8:]
	if rs, ok := t.cfg.Handler.(SnapshotResumer); ok && size > 0 && len(sr.id) > 0 {
		sr.offset = min(max(rs.ResumeSnapshot(t.ctx, m, sr.id, size), 0), size)
	}
	b, start := appendFrameHeader(nil, frameSnapOffer)
	b = binary.BigEndian.AppendUint64(b, uint64(sr.offset))
	finishFrame(b, start)
	conn.SetWriteDeadline(time.Now().Add(t.cfg.WriteTimeout))
	if _, err := conn.Write(b); err != nil {
		return fmt.Errorf("write resume offer: %w", err)
	}
	conn.SetWriteDeadline(time.Time{})
	if sr.offset > 0 {
		t.log.Info("transport: resuming a snapshot transfer", "peer", m.From, "index", snapIndex(&m), "offset", sr.offset, "total_bytes", size)
	}
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

	id     []byte // the sender's file, if it offered to resume
	offset int64  // where the data starts in that file
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
