package transport

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ProtocolVersion is the version byte carried by every frame and checked
// during the handshake.
const ProtocolVersion = 1

// frameHeaderSize is the size of a frame header: u32 payload length
// (big endian), u8 version, u8 kind.
const frameHeaderSize = 6

// Frame kinds.
const (
	frameHello      byte = 1 // handshake request (client -> server)
	frameHelloAck   byte = 2 // handshake answer (server -> client)
	frameMessage    byte = 3 // one encoded raft.Message
	frameSnapChunk  byte = 4 // a chunk of snapshot data
	frameSnapEnd    byte = 5 // snapshot trailer: u64 total bytes, u32 CRC-32C
	frameSnapAbort  byte = 6 // the sender gave up the snapshot stream
	frameSnapAck    byte = 7 // snapshot result: u8 status, then error text
	frameSnapResume byte = 8 // sender's file: u64 size | id (asks where to start)
	frameSnapOffer  byte = 9 // receiver's answer: u64 offset to start at
)

// connection magic, sent by the dialer before its hello frame.
var connMagic = [4]byte{'R', 'S', 'Q', 'T'}

// Errors returned by ReadFrame. Both are wrapped with details.
var (
	ErrFrameTooLarge = errors.New("transport: frame exceeds the maximum frame size")
	ErrBadVersion    = errors.New("transport: unsupported frame version")
)

// minGrow is the initial allocation for a large frame payload; the buffer
// then grows as the data actually arrives, so a peer that announces a big
// frame and sends nothing never costs more than this.
const minGrow = 1 << 20

// appendFrameHeader appends a frame header with a zero length; finishFrame
// fills in the length once the payload has been appended. start is the
// offset of the header in b.
func appendFrameHeader(b []byte, kind byte) (_ []byte, start int) {
	start = len(b)
	return append(b, 0, 0, 0, 0, ProtocolVersion, kind), start
}

func finishFrame(b []byte, start int) {
	binary.BigEndian.PutUint32(b[start:], uint32(len(b)-start-frameHeaderSize))
}

// AppendFrame appends a complete frame (header and payload) to dst.
func AppendFrame(dst []byte, kind byte, payload []byte) []byte {
	dst, start := appendFrameHeader(dst, kind)
	dst = append(dst, payload...)
	finishFrame(dst, start)
	return dst
}

// ReadFrame reads one frame from r. Frames whose payload is longer than
// maxPayload are rejected (ErrFrameTooLarge) before any allocation for the
// payload; frames with another version byte are rejected (ErrBadVersion).
// buf is reused for the payload when it is large enough; pass nil to get a
// fresh buffer (the transport does that for message frames, whose decoded
// messages alias the payload). A clean EOF before the first header byte
// is returned as io.EOF; a partial frame as io.ErrUnexpectedEOF.
func ReadFrame(r io.Reader, buf []byte, maxPayload int) (kind byte, payload []byte, err error) {
	var hdr [frameHeaderSize]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:4])
	if hdr[4] != ProtocolVersion {
		return 0, nil, fmt.Errorf("%w: %d (this node speaks %d)", ErrBadVersion, hdr[4], ProtocolVersion)
	}
	if maxPayload < 0 || uint64(n) > uint64(maxPayload) {
		return 0, nil, fmt.Errorf("%w: %d bytes > %d", ErrFrameTooLarge, n, maxPayload)
	}
	kind = hdr[5]
	size := int(n)
	if cap(buf) >= size {
		payload = buf[:size]
		if _, err := io.ReadFull(r, payload); err != nil {
			return 0, nil, unexpected(err)
		}
		return kind, payload, nil
	}
	// Grow as data arrives, never trusting the announced size for more
	// than minGrow bytes ahead of what was received.
	payload = make([]byte, 0, min(size, minGrow))
	for len(payload) < size {
		if len(payload) == cap(payload) {
			grown := make([]byte, len(payload), min(size, 2*cap(payload)))
			copy(grown, payload)
			payload = grown
		}
		m, err := io.ReadFull(r, payload[len(payload):min(size, cap(payload))])
		payload = payload[:len(payload)+m]
		if err != nil {
			return 0, nil, unexpected(err)
		}
	}
	return kind, payload, nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
