package transport

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"time"
)

// Probe asks the transport listening at addr which node and cluster it
// is, without joining: a node that is about to join an existing cluster
// (raftsql serve --join) knows one member's address but not the cluster
// id every handshake must carry. Probe sends a hello for cluster 0, which
// no cluster has, and reads the ids from the refusal (every answer, a
// refusal included, carries the answering node's ids); the member logs
// the refusal like any other cluster mismatch.
func Probe(ctx context.Context, addr string, self uint64) (nodeID, clusterID uint64, err error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return 0, 0, fmt.Errorf("transport: probe %s: %w", addr, err)
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	b := append([]byte(nil), connMagic[:]...)
	b, start := appendFrameHeader(b, frameHello)
	b = append(b, laneMessage)
	b = binary.BigEndian.AppendUint64(b, 0)
	b = binary.BigEndian.AppendUint64(b, self)
	b = binary.BigEndian.AppendUint64(b, 0)
	finishFrame(b, start)
	if _, err := conn.Write(b); err != nil {
		return 0, 0, fmt.Errorf("transport: probe %s: write hello: %w", addr, err)
	}
	kind, payload, err := ReadFrame(bufio.NewReaderSize(conn, 4096), nil, 4096)
	if err == nil && (kind != frameHelloAck || len(payload) < 17) {
		err = fmt.Errorf("unexpected answer (frame kind %d, %d bytes)", kind, len(payload))
	}
	if err != nil {
		return 0, 0, fmt.Errorf("transport: probe %s: %w", addr, err)
	}
	clusterID = binary.BigEndian.Uint64(payload[1:])
	nodeID = binary.BigEndian.Uint64(payload[9:])
	if clusterID == 0 || nodeID == 0 {
		return 0, 0, fmt.Errorf("transport: probe %s: the peer has no cluster id", addr)
	}
	return nodeID, clusterID, nil
}
