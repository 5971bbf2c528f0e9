package raftsql

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec"
)

// engineAdapter presents sqlexec's engine as the pgwire.Engine the wire
// server calls, and answers the node's own settings (SHOW raftsql.leader,
// ...), which only the node knows.
type engineAdapter struct {
	engine *sqlexec.Engine
	node   *Node
}

func (a engineAdapter) NewSession(ctx context.Context, info pgwire.SessionInfo) (pgwire.Session, error) {
	s, err := a.engine.NewSession(ctx, sqlexec.SessionInfo{
		User:          info.User,
		Database:      info.Database,
		RemoteAddr:    info.RemoteAddr,
		BackendPID:    info.BackendPID,
		StartupParams: info.StartupParams,
	})
	if err != nil {
		return nil, err
	}
	return &sessionAdapter{s: s, node: a.node}, nil
}

type sessionAdapter struct {
	s    *sqlexec.Session
	node *Node
}

// nodeSettings are the read-only settings SHOW answers from the node.
var nodeSettings = map[string]bool{
	"raftsql.node":          true,
	"raftsql.leader":        true,
	"raftsql.term":          true,
	"raftsql.applied_index": true,
	"raftsql.checksum":      true,
}

// nodeShow recognises `SHOW raftsql.<node setting>` (one statement, any
// case, optional semicolon).
func nodeShow(sql string) (string, bool) {
	s := strings.TrimSpace(sql)
	s = strings.TrimSpace(strings.TrimSuffix(s, ";"))
	f := strings.Fields(s)
	if len(f) != 2 || !strings.EqualFold(f[0], "show") {
		return "", false
	}
	name := strings.ToLower(f[1])
	return name, nodeSettings[name]
}

func (n *Node) showSetting(ctx context.Context, name string) (string, error) {
	switch name {
	case "raftsql.node":
		return n.cfg.Name, nil
	case "raftsql.leader":
		return n.nameOf(n.leader.Load()), nil
	case "raftsql.term":
		return strconv.FormatUint(n.term.Load(), 10), nil
	case "raftsql.applied_index":
		return strconv.FormatUint(n.AppliedIndex(), 10), nil
	case "raftsql.checksum":
		sum, at, err := n.db.Checksum(ctx)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d:%s", at, sum), nil
	}
	return "", fmt.Errorf("unrecognized configuration parameter %q", name)
}

func (a *sessionAdapter) SimpleQuery(ctx context.Context, sql string, w pgwire.ResultWriter) error {
	if name, ok := nodeShow(sql); ok {
		v, err := a.node.showSetting(ctx, name)
		if err != nil {
			return err
		}
		if err := w.Describe([]pgwire.Column{{Name: name, TypeOID: sqlexec.OIDText, TypeSize: -1, TypeModifier: -1}}); err != nil {
			return err
		}
		if err := w.Row([]any{v}); err != nil {
			return err
		}
		return w.Complete("SHOW")
	}
	return a.s.SimpleQuery(ctx, sql, writerAdapter{w})
}

func (a *sessionAdapter) Prepare(ctx context.Context, sql string, paramOIDs []uint32) (pgwire.Statement, error) {
	st, err := a.s.Prepare(ctx, sql, paramOIDs)
	if err != nil {
		return nil, err
	}
	return stmtAdapter{st}, nil
}

func (a *sessionAdapter) TxStatus() pgwire.TxStatus { return pgwire.TxStatus(a.s.TxStatus()) }

func (a *sessionAdapter) ParameterStatus() map[string]string { return a.s.ParameterStatus() }

func (a *sessionAdapter) Close() error { return a.s.Close() }

// PipelineHint and EndPipeline forward the extended protocol's pipeline
// boundaries (pgwire.PipelineSession) to the session.
func (a *sessionAdapter) PipelineHint(syncNext bool) { a.s.PipelineHint(syncNext) }

func (a *sessionAdapter) EndPipeline(ctx context.Context) error { return a.s.EndPipeline(ctx) }

var _ pgwire.PipelineSession = (*sessionAdapter)(nil)

type stmtAdapter struct{ st *sqlexec.PreparedStatement }

func (s stmtAdapter) ParamOIDs() []uint32 { return s.st.ParamOIDs() }

func (s stmtAdapter) Columns() []pgwire.Column { return toWireColumns(s.st.Columns()) }

func (s stmtAdapter) Execute(ctx context.Context, args []any, w pgwire.ResultWriter) error {
	return s.st.Execute(ctx, args, writerAdapter{w})
}

func (s stmtAdapter) Close() error { return s.st.Close() }

func toWireColumns(cols []sqlexec.Column) []pgwire.Column {
	if cols == nil {
		return nil
	}
	out := make([]pgwire.Column, len(cols))
	for i, c := range cols {
		out[i] = pgwire.Column(c)
	}
	return out
}

func toSQLColumns(cols []pgwire.Column) []sqlexec.Column {
	if cols == nil {
		return nil
	}
	out := make([]sqlexec.Column, len(cols))
	for i, c := range cols {
		out[i] = sqlexec.Column(c)
	}
	return out
}

// writerAdapter presents pgwire's ResultWriter as sqlexec's.
type writerAdapter struct{ w pgwire.ResultWriter }

func (w writerAdapter) Describe(cols []sqlexec.Column) error {
	return w.w.Describe(toWireColumns(cols))
}
func (w writerAdapter) Row(values []any) error    { return w.w.Row(values) }
func (w writerAdapter) Complete(tag string) error { return w.w.Complete(tag) }
func (w writerAdapter) EmptyQuery() error         { return w.w.EmptyQuery() }
func (w writerAdapter) Notice(severity, code, message string) error {
	return w.w.Notice(severity, code, message)
}
func (w writerAdapter) CopyIn(format sqlexec.CopyFormat, cols []sqlexec.Column) (sqlexec.CopySource, error) {
	return w.w.CopyIn(pgwire.CopyFormat(format), toWireColumns(cols))
}
func (w writerAdapter) CopyOut(format sqlexec.CopyFormat, cols []sqlexec.Column) error {
	return w.w.CopyOut(pgwire.CopyFormat(format), toWireColumns(cols))
}

var _ = toSQLColumns
