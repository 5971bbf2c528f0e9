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
		names, hidden, err := tableColumnHidden(c, table) // defaults.go
		cols = names
		for i, h := range hidden {
			if h == 2 || h == 3 {
				if generated == nil {
					generated = map[string]bool{}
				}
				generated[strings.ToLower(names[i])] = true
			}
		}
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
