package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// statementContext bounds a statement that runs in a transaction by the
// session's statement_timeout: its reads (read view) and its speculation
// on the apply connection, which holds the apply lock, stop with 57014 at
// the timeout. Reads outside a transaction set their own bound (query);
// COMMIT and writes outside a transaction wait for the log, where ending
// the wait early cannot stop the write, so they are not bounded here.
func (s *Session) statementContext(ctx context.Context, st *pgdialect.Stmt) (context.Context, context.CancelFunc) {
	if s.tx == nil && !s.pipeMore {
		return ctx, func() {}
	}
	switch st.Kind {
	case pgdialect.KindQuery, pgdialect.KindCopyTo, pgdialect.KindDropTables, pgdialect.KindTruncate:
	default:
		return ctx, func() {}
	}
	d := s.statementTimeout()
	if d <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}
