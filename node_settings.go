package raftsql

import (
	"context"
	"fmt"
	"strconv"

	"github.com/raftsql/raftsql/sqlexec"
)

// The node's own read-only settings, which only the node knows: SHOW
// raftsql.node, raftsql.leader, raftsql.term, raftsql.applied_index and
// raftsql.checksum, raftsql.verification (verify.go), raftsql.snapshot
// (snapshot_status.go), raftsql.copies_staged (streamed COPYs staged here), SHOW CLUSTER (cluster_show.go), and CHECKPOINT
// through sqlexec.NodeAdmin. The SQL engine asks the node for them through
// sqlexec.NodeSettings, in every protocol mode.

var _ sqlexec.NodeSettings = (*nodeSettings)(nil)

// nodeSettings answers sqlexec.NodeSettings for a node.
type nodeSettings Node

// nodeSettingNames are the settings SHOW answers from the node.
var nodeSettingNames = map[string]bool{
	"raftsql.node":          true,
	"raftsql.leader":        true,
	"raftsql.term":          true,
	"raftsql.applied_index": true,
	"raftsql.checksum":      true,
	"raftsql.verification":  true,
	"raftsql.snapshot":      true,
	"raftsql.join_token":    true, // superusers only (sqlexec.SuperuserSettings)
	"raftsql.cluster_id":    true,
	"raftsql.copies_staged": true,
}

// NodeSettingColumns reports each node setting as one text column named
// for it.
func (ns *nodeSettings) NodeSettingColumns(name string) []string {
	if name == "cluster" {
		return clusterColumns
	}
	if !nodeSettingNames[name] {
		return nil
	}
	if name == "raftsql.snapshot" {
		return snapshotStatusColumns
	}
	return []string{name}
}

// ShowNodeSetting returns the setting's single value.
func (ns *nodeSettings) ShowNodeSetting(ctx context.Context, name string) ([][]string, error) {
	n := (*Node)(ns)
	if name == "cluster" {
		return n.showCluster(ctx)
	}
	var v string
	switch name {
	case "raftsql.node":
		v = n.cfg.Name
	case "raftsql.leader":
		v = n.nameOf(n.leader.Load())
	case "raftsql.term":
		v = strconv.FormatUint(n.term.Load(), 10)
	case "raftsql.applied_index":
		v = strconv.FormatUint(n.AppliedIndex(), 10)
	case "raftsql.checksum":
		sum, at, err := n.db.Checksum(ctx)
		if err != nil {
			return nil, fmt.Errorf("raftsql: checksum for SHOW raftsql.checksum: %w", err)
		}
		v = fmt.Sprintf("%d:%s", at, sum)
	case "raftsql.verification":
		v = n.VerifyStatus().String()
	case "raftsql.snapshot":
		return [][]string{n.SnapshotStatus().row()}, nil
	case "raftsql.join_token":
		v = n.joinToken()
	case "raftsql.cluster_id":
		v = strconv.FormatUint(n.clusterID, 10)
	case "raftsql.copies_staged":
		k, err := n.db.CopiesStaged() // sqlexec/copystage.go
		if err != nil {
			return nil, fmt.Errorf("raftsql: SHOW raftsql.copies_staged: %w", err)
		}
		v = strconv.Itoa(k)
	default:
		return nil, fmt.Errorf("unrecognized configuration parameter %q", name)
	}
	return [][]string{{v}}, nil
}
