package raftsql

import (
	"context"
	"fmt"
	"time"

	"github.com/raftsql/raftsql/membership"
)

// TransferLeadership asks the core to hand leadership to the named member.
func (n *Node) TransferLeadership(ctx context.Context, to string) error {
	id := membership.MemberID(to)
	if c := n.conf.Load(); c != nil {
		if got, ok := n.memberID(to, *c); ok {
			id = got
		}
	}
	return n.transfer(ctx, id)
}

func (n *Node) transfer(ctx context.Context, to uint64) error {
	st, err := n.Status(ctx)
	if err != nil {
		return err
	}
	if st.SoftState.Lead == to {
		return nil
	}
	select {
	case n.transferc <- to:
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
	for {
		if n.leader.Load() == to {
			return nil
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return fmt.Errorf("raftsql: leadership did not move to %s: %w", n.nameOf(to), ctx.Err())
		}
	}
}

// leaderChange returns a channel closed at the next change of leader.
func (n *Node) leaderChange() <-chan struct{} {
	n.leaderMu.Lock()
	defer n.leaderMu.Unlock()
	return n.leaderChanged
}
