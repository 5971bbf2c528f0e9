package raftsql

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/raftsql/raftsql/adminhttp"
)

// The node's admin HTTP listener (Config.HTTPListen; package adminhttp
// serves it). The node is its Source: readiness (ready.go) and the status
// of the cluster as this node sees it.

// adminSource answers adminhttp.Source for a node.
type adminSource Node

var _ adminhttp.Source = (*adminSource)(nil)

func (a *adminSource) Readiness(ctx context.Context) adminhttp.Readiness {
	return (*Node)(a).Readiness()
}

// Status is the cluster at a glance: SHOW CLUSTER's members plus this
// node's own state.
func (a *adminSource) Status(ctx context.Context) (adminhttp.Status, error) {
	n := (*Node)(a)
	st := adminhttp.Status{
		Node:         n.cfg.Name,
		NodeID:       strconv.FormatUint(n.id, 10),
		Leader:       n.nameOf(n.leader.Load()),
		Term:         n.term.Load(),
		CommitIndex:  n.commit.Load(),
		AppliedIndex: n.AppliedIndex(),
		Readiness:    n.Readiness(),
		Verification: n.VerifyStatus().String(),
		At:           time.Now().UTC(),
	}
	ms, rs, err := n.clusterMembers(ctx)
	if err != nil {
		return st, err
	}
	st.Members = ms
	st.State = raftStateName(rs.SoftState.RaftState)
	st.Term = rs.HardState.Term
	st.CommitIndex = rs.HardState.Commit
	if !n.isClosed() {
		st.Transfers = n.SnapshotStatus().Transfers
	}
	return st, nil
}

// listenAdmin binds the admin listener if the configuration asks for one
// (nil, nil if not).
func listenAdmin(cfg Config) (net.Listener, error) {
	if cfg.HTTPListener != nil || cfg.HTTPListen == "" {
		return cfg.HTTPListener, nil
	}
	ln, err := net.Listen("tcp", cfg.HTTPListen)
	if err != nil {
		return nil, &FieldError{Field: "HTTPListen", Err: fmt.Errorf("cannot listen on %s (%w)", cfg.HTTPListen, err)}
	}
	return ln, nil
}

// startAdmin serves the admin listener ln (none if nil).
func (n *Node) startAdmin(ln net.Listener, cfg Config) {
	if ln == nil {
		return
	}
	n.admin = adminhttp.Start(adminhttp.Config{
		Listener: ln,
		Source:   (*adminSource)(n),
		Gatherer: n.metrics.reg,
		Pprof:    cfg.Pprof,
		Logger:   n.log,
	})
}

// stopAdmin stops the admin listener, letting requests in flight finish
// for a moment.
func (n *Node) stopAdmin() error {
	if n.admin == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return n.admin.Shutdown(ctx)
}

// HTTPAddr is the admin listener's address (nil: none).
func (n *Node) HTTPAddr() net.Addr {
	if n.admin == nil {
		return nil
	}
	return n.admin.Addr()
}
