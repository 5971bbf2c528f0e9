package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/pgwire"
)

// NodeSettings answers SHOW for the settings that belong to the node, not
// to the session: raftsql.node, raftsql.leader, raftsql.term, ... (and
// later SHOW CLUSTER). Only the node (the root package) knows them; the
// engine asks it before its own session settings, so they work in every
// protocol mode: simple query, Prepare/Execute, inside transactions. A node
// setting may report several columns and several rows.
type NodeSettings interface {
	// NodeSettingColumns returns the names of the text columns SHOW name
	// reports, or nil when name (lower case) is not a node setting. It must
	// not block: Prepare calls it to describe the statement.
	NodeSettingColumns(name string) []string
	// ShowNodeSetting returns the rows of SHOW name, one value per column.
	ShowNodeSetting(ctx context.Context, name string) ([][]string, error)
}

// nodeSettingColumns returns the result columns of SHOW name when name is
// a node setting, else nil.
func (s *Session) nodeSettingColumns(name string) []pgwire.Column {
	ns := s.e.opts.NodeSettings
	if ns == nil {
		return nil
	}
	names := ns.NodeSettingColumns(name)
	if names == nil {
		return nil
	}
	cols := make([]pgwire.Column, len(names))
	for i, n := range names {
		cols[i] = textCol(n)
	}
	return cols
}

// SuperuserSettings are the node settings only a superuser may read: a
// secret (the cluster's join token) is no business of ordinary roles.
var SuperuserSettings = map[string]bool{"raftsql.join_token": true}

// showNode reports the node setting name, whose columns are cols.
func (s *Session) showNode(ctx context.Context, name string, cols []pgwire.Column, w pgwire.ResultWriter, describe bool) error {
	if SuperuserSettings[name] {
		if err := s.requireSuperuser("permission denied to show " + name); err != nil {
			return err
		}
	}
	rows, err := s.e.opts.NodeSettings.ShowNodeSetting(ctx, name)
	if err != nil {
		return toError(err)
	}
	if describe {
		if err := w.Describe(cols); err != nil {
			return err
		}
	}
	for _, r := range rows {
		vals := make([]any, len(r))
		for i, v := range r {
			vals[i] = v
		}
		if err := w.Row(vals); err != nil {
			return err
		}
	}
	return w.Complete("SHOW")
}

// NodeAdmin is the node's side of the administrative statements that act
// on the node rather than on data. The NodeSettings value the engine is
// given may also implement it; without it those statements are accepted
// and do nothing (an embedded engine has no node).
type NodeAdmin interface {
	// Checkpoint makes a snapshot of the database now (PostgreSQL's
	// CHECKPOINT), compacts the log behind it, and returns when it is
	// durable.
	Checkpoint(ctx context.Context) error
}

// checkpoint runs CHECKPOINT through the node, if there is one.
func (s *Session) checkpoint(ctx context.Context) error {
	if a, ok := s.e.opts.NodeSettings.(NodeAdmin); ok {
		if err := a.Checkpoint(ctx); err != nil {
			return toError(err)
		}
	}
	return nil
}
