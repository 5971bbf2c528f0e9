package transport

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/raftsql/raftsql/raft"
)

func (t *Transport) acceptLoop(ln net.Listener) {
	defer t.wg.Done()
	var delay time.Duration
	for {
		conn, err := ln.Accept()
		if err != nil {
			if t.ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors and the like: back off and retry.
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			t.log.Warn("transport: accept failed", "err", err, "retry_in", delay)
			select {
			case <-time.After(delay):
			case <-t.ctx.Done():
				return
			}
			continue
		}
		delay = 0
		t.wg.Add(1)
		go t.handleConn(conn)
	}
}

// handleConn runs the server side of the handshake, then serves the lane.
func (t *Transport) handleConn(conn net.Conn) {
	defer t.wg.Done()
	defer conn.Close()
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	remote := conn.RemoteAddr().String()
	conn.SetDeadline(time.Now().Add(t.cfg.HandshakeTimeout))
	// The TLS handshake (when peers use TLS) is bounded by t.ctx and
	// HandshakeTimeout itself.
	conn, ok := t.serverTLS(conn)
	if !ok {
		return
	}
	defer conn.Close()
	stop := context.AfterFunc(t.ctx, func() { conn.Close() })
	defer stop()
	br := bufio.NewReaderSize(conn, 64<<10)

	var magic [4]byte
	if _, err := io.ReadFull(br, magic[:]); err != nil {
		t.log.Debug("transport: inbound connection closed before handshake", "remote", remote, "err", err)
		return
	}
	if magic != connMagic {
		t.logReject("magic:"+remote, "transport: rejecting inbound connection: not a raftsql peer (bad magic); is a client pointed at the raft peer port?",
			"remote", remote, "magic", fmt.Sprintf("%q", magic[:]))
		return
	}
	kind, payload, err := ReadFrame(br, nil, 256)
	if errors.Is(err, ErrBadVersion) {
		msg := fmt.Sprintf("protocol version mismatch: %v", err)
		t.logReject("version:"+remote, "transport: rejecting peer: "+msg, "remote", remote)
		t.writeHelloAck(conn, helloBadVersion, msg)
		return
	}
	if err != nil {
		t.log.Warn("transport: bad handshake from inbound connection", "remote", remote, "err", err)
		return
	}
	if kind != frameHello || len(payload) != helloSize {
		t.logReject("bad:"+remote, "transport: rejecting inbound connection: malformed hello",
			"remote", remote, "kind", kind, "bytes", len(payload))
		t.writeHelloAck(conn, helloBadRequest, "malformed hello")
		return
	}
	lane := payload[0]
	cluster := binary.BigEndian.Uint64(payload[1:])
	from := binary.BigEndian.Uint64(payload[9:])
	to := binary.BigEndian.Uint64(payload[17:])
	switch {
	case cluster != t.cfg.ClusterID:
		msg := fmt.Sprintf("cluster id mismatch: peer %d at %s belongs to cluster %d, this node %d belongs to cluster %d",
			from, remote, cluster, t.cfg.NodeID, t.cfg.ClusterID)
		t.logReject(fmt.Sprintf("cluster:%d:%d", from, cluster), "transport: rejecting peer: "+msg)
		t.writeHelloAck(conn, helloClusterMismatch, msg)
		return
	case to != t.cfg.NodeID:
		msg := fmt.Sprintf("node id mismatch: peer %d at %s dialed node %d but this is node %d (stale address?)",
			from, remote, to, t.cfg.NodeID)
		t.logReject(fmt.Sprintf("node:%d:%d", from, to), "transport: rejecting peer: "+msg)
		t.writeHelloAck(conn, helloWrongNode, msg)
		return
	case from == 0 || from == t.cfg.NodeID || (lane != laneMessage && lane != laneSnapshot):
		msg := fmt.Sprintf("invalid hello: sender %d, lane %d", from, lane)
		t.logReject("bad:"+remote, "transport: rejecting peer: "+msg, "remote", remote)
		t.writeHelloAck(conn, helloBadRequest, msg)
		return
	}
	var caps string
	if _, ok := t.cfg.Handler.(SnapshotResumer); ok {
		caps = string([]byte{capSnapResume})
	}
	if err := t.writeHelloAck(conn, helloOK, caps); err != nil {
		t.log.Debug("transport: write handshake answer", "peer", from, "err", err)
		return
	}
	conn.SetDeadline(time.Time{})
	switch lane {
	case laneMessage:
		err = t.serveMessages(br, from)
	case laneSnapshot:
		err = t.serveSnapshot(conn, br, from)
	}
	if err != nil && t.ctx.Err() == nil {
		if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
			t.log.Debug("transport: inbound connection closed", "peer", from, "remote", remote, "err", err)
		} else {
			t.log.Error("transport: closing inbound connection", "peer", from, "remote", remote, "err", err)
		}
	}
}

func (t *Transport) writeHelloAck(conn net.Conn, status byte, text string) error {
	b, start := appendFrameHeader(nil, frameHelloAck)
	b = append(b, status)
	b = binary.BigEndian.AppendUint64(b, t.cfg.ClusterID)
	b = binary.BigEndian.AppendUint64(b, t.cfg.NodeID)
	b = append(b, text[:min(len(text), 2000)]...)
	finishFrame(b, start)
	_, err := conn.Write(b)
	return err
}

// serveMessages reads message frames from peer from and hands them to the
// Handler until an error.
func (t *Transport) serveMessages(br *bufio.Reader, from uint64) error {
	// Small frames are read into a shared slab that is never reused, since
	// decoded messages alias their frame; this saves an allocation per
	// message while bounding what one retained message can pin.
	const slabSize, slabMaxFrame = 16 << 10, 512
	var slab []byte
	for {
		if cap(slab)-len(slab) < slabMaxFrame {
			slab = make([]byte, 0, slabSize)
		}
		free := slab[len(slab):cap(slab):cap(slab)]
		kind, payload, err := ReadFrame(br, free, t.cfg.MaxFrameBytes)
		if err != nil {
			return fmt.Errorf("read frame: %w", err)
		}
		t.receivedBytes.Add(uint64(frameHeaderSize + len(payload)))
		if len(payload) <= len(free) {
			slab = slab[:len(slab)+len(payload)]
		}
		if kind != frameMessage {
			return fmt.Errorf("unexpected frame kind %d on message lane", kind)
		}
		m, err := DecodeMessage(payload)
		if err != nil {
			return err
		}
		if err := t.checkMessageLane(&m, from); err != nil {
			return err
		}
		if err := t.cfg.Handler.Process(t.ctx, m); err != nil {
			if t.ctx.Err() != nil {
				return nil
			}
			t.log.Debug("transport: handler rejected message", "peer", from, "type", m.Type, "err", err)
		}
	}
}

func (t *Transport) checkInbound(m *raft.Message, from uint64) error {
	// MsgTransferLeader names the transferee in From (the raft core's
	// convention), so a follower forwarding it to the leader sends a
	// From that is not itself.
	if (m.From != from && m.Type != raft.MsgTransferLeader) || m.To != t.cfg.NodeID {
		return fmt.Errorf("%w: message %s from %d to %d on the connection of peer %d to node %d",
			ErrMalformed, m.Type, m.From, m.To, from, t.cfg.NodeID)
	}
	switch {
	case !m.Type.Valid():
		return fmt.Errorf("%w: unknown message type %d", ErrMalformed, m.Type)
	case isLocal(m.Type):
		return fmt.Errorf("%w: local message type %s received from the network", ErrMalformed, m.Type)
	}
	return nil
}

// checkMessageLane is checkInbound plus: MsgSnap only on the snapshot lane.
func (t *Transport) checkMessageLane(m *raft.Message, from uint64) error {
	if err := t.checkInbound(m, from); err != nil {
		return err
	}
	if m.Type == raft.MsgSnap {
		return fmt.Errorf("%w: MsgSnap on the message lane (snapshots use their own connection)", ErrMalformed)
	}
	return nil
}

// isLocal reports whether t is a message type that never crosses the
// network.
func isLocal(t raft.MessageType) bool {
	switch t {
	case raft.MsgHup, raft.MsgBeat, raft.MsgUnreachable, raft.MsgSnapStatus, raft.MsgCheckQuorum:
		return true
	}
	return false
}
