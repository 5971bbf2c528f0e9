package sqlexec

import (
	"context"
	"strings"
)

// generatedColumns reads table's columns in order and which of them are
// generated (lower-case names) from the schema the session sees, for
// pgdialect.DropGeneratedDefaults. The assignment it drops is part of
// the statement every node applies: a table re-created between this
// lookup and the statement's place in the log with g no longer generated
// keeps g's value there, where PostgreSQL would set its default.
func (s *Session) generatedColumns(ctx context.Context, table string) (cols []string, generated map[string]bool) {
	read := func(c *lconn) error {
		q, _, err := c.prepare("SELECT name, hidden FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid")
		if err != nil {
			return err
		}
		defer q.release()
		_, err = q.run([]any{table}, func(r []any) error {
			n, _ := r[0].(string)
			h, _ := r[1].(int64)
			cols = append(cols, n)
			if h == 2 || h == 3 {
				if generated == nil {
					generated = map[string]bool{}
				}
				generated[strings.ToLower(n)] = true
			}
			return nil
		})
		return err
	}
	if s.tx != nil && s.tx.schemaChanged {
		// the transaction's own CREATE TABLE or ALTER: the schema it
		// sees, not the node's
		_ = s.onTxState(ctx, read)
	} else {
		_ = s.e.db.withReader(ctx, func(c *lconn) error {
			c.syncSchema()
			return read(c)
		})
	}
	return cols, generated
}
