package raftsql

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// A read state answering a round asked by an earlier incarnation of this
// node carries the same sequence number as a round of this one (sequences
// restart at Start) but another incarnation prefix: it must not release
// this incarnation's reads.
func TestReadStatesOfAnotherIncarnationAreIgnored(t *testing.T) {
	before := &Node{incarnation: [8]byte{1, 1, 1, 1, 1, 1, 1, 1}}
	after := &Node{incarnation: [8]byte{2, 2, 2, 2, 2, 2, 2, 2}}
	req := &readRequest{done: make(chan uint64, 1)}
	inflight := map[uint64]*inflightRead{1: {reqs: []*readRequest{req}}}

	after.answerReads([]raft.ReadState{{Index: 5, RequestCtx: before.readRequestCtx(1)}}, inflight)
	select {
	case idx := <-req.done:
		t.Fatalf("a read state from the previous incarnation released a read at index %d", idx)
	default:
	}
	if len(inflight) != 1 {
		t.Fatal("the round was forgotten on a read state it did not ask for")
	}

	after.answerReads([]raft.ReadState{{Index: 9, RequestCtx: after.readRequestCtx(1)}}, inflight)
	if idx := <-req.done; idx != 9 || len(inflight) != 0 {
		t.Fatalf("own read state: index %d, %d rounds left; want 9, 0", idx, len(inflight))
	}
}

// The incarnation id comes from Config.Rand, drawn at every Start.
func TestIncarnationDrawnFromConfigRand(t *testing.T) {
	dir := t.TempDir()
	for i, b := range []byte{7, 8} {
		src := bytes.NewReader(bytes.Repeat([]byte{b}, 64))
		n, err := Start(context.Background(), Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0", Rand: src})
		if err != nil {
			t.Fatal(err)
		}
		want := [8]byte{b, b, b, b, b, b, b, b}
		if n.incarnation != want {
			t.Errorf("start %d: incarnation %x, want %x", i, n.incarnation, want)
		}
		if err := n.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// A read whose client cancels it (a cancel request, statement_timeout)
// while it waits for a read index reports the cancellation itself, which
// the SQL layer answers with 57014 like any cancelled statement; only the
// node's own read timeout is "cannot serve a linearizable read" (57P03).
func TestReadBarrierReportsTheCallersCancellation(t *testing.T) {
	n := driverlessNode()
	n.readc = make(chan *readRequest, 1)
	n.cfg.ReadTimeout = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- (*replicator)(n).ReadBarrier(ctx) }()
	<-n.readc // the driver took the read; its round is never answered
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled read: %v, want context.Canceled", err)
	}

	n.cfg.ReadTimeout = time.Nanosecond
	err := (*replicator)(n).ReadBarrier(context.Background())
	if errors.Is(err, context.Canceled) || sqlState(t, err) != "57P03" {
		t.Fatalf("read past the node's read timeout: %v, want 57P03", err)
	}
}
