package sqlexec

import "github.com/raftsql/raftsql/pgwire"

// noColumnsWriter reports the rows of a statement with an empty select
// list (pgdialect.Stmt.NoColumns: SELECT FROM t) as PostgreSQL does: a
// RowDescription of no fields and rows of no values. SQLite ran the
// statement with one NULL column in their place.
type noColumnsWriter struct{ pgwire.ResultWriter }

func (w noColumnsWriter) Describe([]pgwire.Column) error {
	return w.ResultWriter.Describe([]pgwire.Column{})
}

func (w noColumnsWriter) Row([]any) error { return w.ResultWriter.Row([]any{}) }
