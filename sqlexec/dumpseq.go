package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// dumpSequenceState answers pg_dump's "SELECT last_value, is_called FROM
// seq" (pgdialect.DumpSequenceName): a sequence's state, or for the
// implicit sequence of a serial column of a table made before serials had
// one (no default; serial.go) the column's max, looked up in the local
// schema (the catalog view pgd_cols) before the query is built.
func (s *Session) dumpSequenceState(ctx context.Context, sql string) (*pgdialect.Stmt, bool) {
	seq, ok := pgdialect.DumpSequenceName(sql)
	if !ok {
		return nil, false
	}
	var table, column string
	err := s.e.db.withReader(ctx, func(c *lconn) error {
		c.syncSchema()
		q, _, err := c.prepare("SELECT tbl, attname FROM pgd_cols WHERE marker IS NOT NULL AND dflt IS NULL AND tbl || '_' || attname || '_seq' = ? LIMIT 1")
		if err != nil {
			return err
		}
		defer q.release()
		_, err = q.run([]any{seq}, func(r []any) error {
			table, _ = r[0].(string)
			column, _ = r[1].(string)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, false
	}
	return pgdialect.DumpSequenceState(seq, table, column), true
}
