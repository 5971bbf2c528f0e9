package raftsql

import (
	"context"
	"io"

	"github.com/raftsql/raftsql/raft"
)

// snapReport is the transport's report on sending a Raft snapshot to a peer.
type snapReport struct {
	id uint64
	ok bool
}

// transportHandler is the node as the peer transport sees it.
type transportHandler Node

func (h *transportHandler) Process(ctx context.Context, m raft.Message) error {
	n := (*Node)(h)
	n.msgStats.receivedMsg(m.Type)
	if n.interceptJoin(m) || n.interceptRepair(m) {
		return nil
	}
	select {
	case n.recvc <- m:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
}

func (h *transportHandler) ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	return (*Node)(h).receiveSnapshot(ctx, m, r)
}

// ResumeSnapshot says how much of a cut transfer of the same snapshot
// file the store kept (snapshot.Store.ResumeOffset): the sender resumes
// there. size is checked by the transport.
func (h *transportHandler) ResumeSnapshot(ctx context.Context, m raft.Message, id []byte, _ int64) int64 {
	if m.Snapshot == nil {
		return 0
	}
	return (*Node)(h).snaps.store.ResumeOffset(ctx, m.Snapshot.Meta, id)
}

func (h *transportHandler) ReportUnreachable(id uint64) {
	select {
	case (*Node)(h).unreachc <- id:
	default:
	}
}

func (h *transportHandler) ReportSnapshot(id uint64, ok bool) {
	if ok {
		// The transfer is complete, not cut (snapshot/inflight.go).
		(*Node)(h).snaps.sender.Delivered(id)
	}
	select {
	case (*Node)(h).snapc <- snapReport{id: id, ok: ok}:
	default:
	}
}
