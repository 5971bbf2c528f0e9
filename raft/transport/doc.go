// Package transport is the TCP peer transport between raftsql nodes. It
// carries raft.Message values from the local Raft node to its peers and
// delivers the peers' messages to a Handler; snapshot data (the SQLite
// image) travels as a chunked stream beside the MsgSnap that describes it.
//
// Typical use by the node:
//
//	tr, err := transport.New(transport.Config{NodeID: id, ClusterID: cid,
//		ListenAddr: peerAddr, Handler: node, Logger: log})
//	if err := tr.Start(ctx); err != nil { ... } // names the address; wraps *net.OpError
//	for id, addr := range peers { tr.AddPeer(id, addr) }
//	// Ready loop, after persisting: tr.Send(rd.Messages), except that
//	// MsgSnap with a data stream goes to tr.SendSnapshot(m, file, size).
//	defer tr.Close()
//
// # Connections and lanes
//
// For every peer the transport keeps one long-lived outbound connection,
// the message lane, dialed by a per-peer goroutine that reconnects with
// exponential backoff (Config.MinBackoff doubling up to Config.MaxBackoff,
// 20 ms .. 1 s by default, jittered to [d/2, d)). Messages flow one way on
// a connection: node A sends to B on the connection A dialed, and B answers
// on its own connection to A.
//
// Each SendSnapshot opens a separate connection, the snapshot lane, which
// carries one MsgSnap, its data in chunks (Config.SnapshotChunkBytes, 1 MiB
// by default), a trailer with the byte count and CRC-32C, and finally an
// acknowledgement from the receiver. A multi-megabyte snapshot therefore
// never delays heartbeats or votes on the message lane. A MsgSnap given to
// Send is handed to SendSnapshot with an empty stream, so MsgSnap always
// reaches the peer's Handler through ReceiveSnapshot, never Process.
//
// Within the message lane each peer has two queues. Priority messages
// (MsgHeartbeat, MsgHeartbeatResp, MsgVote, MsgVoteResp, MsgPreVote,
// MsgPreVoteResp, MsgTimeoutNow, MsgReadIndex, MsgReadIndexResp) are
// written before everything else (MsgApp, MsgAppResp, MsgProp, ...); the
// writer takes regular messages in batches of at most 256 KiB (or one
// message), so a priority message waits behind at most that much. Order
// is preserved within each queue. Everything queued is encoded into one
// buffer and written with one system call per 64 KiB or empty queue
// (pipelining: one syscall carries many messages). While the peer's
// writer goroutine is idle, Send writes a peer's messages itself with a
// non-blocking write, saving the writer's wake-up; what the socket does
// not take at once is left to the writer goroutine (writer.go).
//
// # Wire format
//
// A connection starts with the 4 bytes "RSQT" followed by frames. Every
// frame is
//
//	u32 payload length (big endian) | u8 version (=1) | u8 kind | payload
//
// Frame kinds and payloads (integers big endian):
//
//	1 hello      u8 lane (1 message, 2 snapshot) | u64 cluster | u64 from | u64 to
//	2 hello-ack  u8 status (0 ok, 1 version, 2 cluster, 3 node id, 4 bad) |
//	             u64 cluster | u64 node | UTF-8 reason (status ok: an
//	             optional u8 capability set, bit 0 snapshot resume)
//	3 message    one raft.Message, see EncodeMessage
//	4 snap-chunk snapshot data bytes
//	5 snap-end   u64 total data bytes | u32 CRC-32C (Castagnoli) of the data
//	6 snap-abort UTF-8 reason (the sender could not read its data)
//	7 snap-ack   u8 status (0 ok, 1 failed) | UTF-8 reason
//	8 snap-resume u64 file size | the sender's file id (at most 64 bytes)
//	9 snap-offer  u64 offset the data starts at
//
// The dialer sends magic+hello; the listener checks the protocol version,
// cluster id and that the receiver id is its own, and answers hello-ack.
// Mismatches are rejected with a reason that both sides log at error level
// (rate limited). Then the message lane carries message frames only; the
// snapshot lane carries one message frame (a MsgSnap), chunks, end or
// abort, and the receiver answers one snap-ack after its Handler's
// ReceiveSnapshot returned. Resume: a listener whose Handler is a
// SnapshotResumer sets the resume capability in its ok hello-ack; a
// sender that sees it and whose data is a ResumableSource sends
// snap-resume after the MsgSnap and waits for snap-offer, skips that many
// bytes and sends the rest (the trailer covers the bytes sent). Either
// side of an older version omits its half and the transfer starts at
// zero: an old dialer ignores the capability byte, and a receiver that
// sees a chunk right after the MsgSnap offers nothing.
//
// # Invariants
//
//   - Send, SendSnapshot, AddPeer, UpdatePeer and RemovePeer never block
//     on the network and never call the Handler; ReportUnreachable and
//     ReportSnapshot are called from one reporting goroutine.
//   - Queued bytes per peer never exceed Config.MaxQueueBytes for regular
//     messages (priority messages get 1 MiB of extra headroom); beyond it a
//     message is dropped and the peer reported unreachable. When a
//     connection fails, its queue is dropped and the peer reported
//     unreachable; Raft retransmits.
//   - A frame's declared length is checked against Config.MaxFrameBytes
//     before anything is allocated for it, and a large payload's buffer
//     grows only as data actually arrives. Malformed or oversized input
//     closes that connection with a logged error; the receiver never
//     panics on it.
//   - Every inbound message must name the handshake's sender as From and
//     this node as To; local-only message types are refused.
//   - A snapshot reader returns io.EOF only after the trailer matched; a
//     truncated, corrupt or aborted stream yields an error wrapping
//     ErrSnapshotStream, and the sender reports ReportSnapshot(id, false).
//     ReportSnapshot(id, true) means the receiver's Handler accepted it.
//   - Close stops every goroutine the transport started and waits for
//     them, including Handler calls in progress: the Handler must return
//     once the context it was given is canceled and must not block
//     indefinitely in ReportUnreachable/ReportSnapshot. No Handler method
//     is called after Close returns.
//   - Decoded messages alias the frame they were read from; frame buffers
//     are never reused, so the Handler owns every byte slice it gets.
package transport
