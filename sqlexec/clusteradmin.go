package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ClusterAdmin carries out ALTER CLUSTER statements (adding, promoting and
// removing members, moving leadership). Only the node (the root package)
// can; the session recognises the statement and hands it over. The hook
// is separate from NodeSettings: SHOW only reads, this changes the
// cluster.
type ClusterAdmin interface {
	// AlterCluster returns once the change is committed, or an error
	// (with a SQLSTATE when it implements SQLState) saying why not.
	AlterCluster(ctx context.Context, cmd pgdialect.ClusterCommand) error
}

// alterCluster runs ALTER CLUSTER. Like PostgreSQL's commands that change
// more than the database (ALTER SYSTEM), it cannot run inside a
// transaction block: a rollback could not undo it.
func (s *Session) alterCluster(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if s.tx != nil {
		return errf(CodeActiveTransaction, "ALTER CLUSTER cannot run inside a transaction block")
	}
	ca := s.e.opts.ClusterAdmin
	if ca == nil {
		return Unsupported("ALTER CLUSTER needs a raftsql node (this engine runs without one)")
	}
	if err := ca.AlterCluster(ctx, *st.Cluster); err != nil {
		return toError(err)
	}
	return w.Complete(st.Tag)
}
