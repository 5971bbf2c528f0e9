package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// expandTableRows rewrites the whole-row references to tables in the JSON
// constructors of sql (row_to_json(u) FROM users u), which Translate
// refuses, with the tables' columns from the local schema
// (pgdialect.ExpandTableRows); ok is false when there are none.
func (s *Session) expandTableRows(ctx context.Context, sql string) (string, bool) {
	return pgdialect.ExpandTableRows(sql, func(table string) []string {
		names, err := s.rowColumns(ctx, table)
		if err != nil {
			return nil
		}
		return names
	})
}

// rowColumns are the columns of table's rows in order, generated columns
// included (as PostgreSQL's row_to_json lists them).
func (s *Session) rowColumns(ctx context.Context, table string) (names []string, err error) {
	err = s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		q, _, err := c.prepare("SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid")
		if err != nil {
			return err
		}
		defer q.release()
		_, err = q.run([]any{table}, func(r []any) error {
			n, _ := r[0].(string)
			names = append(names, n)
			return nil
		})
		return err
	})
	return names, err
}
