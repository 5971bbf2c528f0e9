package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// insertUserValues gives an INSERT ... OVERRIDING USER VALUE VALUES the
// DEFAULT PostgreSQL takes for its identity columns' values and drops
// the clause (pgdialect/insert_uservalue.go), the columns read from the
// schema the statement sees (a transaction's own, once it changed the
// schema). The rewritten statement is the one every node applies. Other
// statements pay one byte scan of an INSERT's text.
func (s *Session) insertUserValues(ctx context.Context, sql string) string {
	if !pgdialect.MayOverrideUserValue(sql) {
		return sql
	}
	table, ok := pgdialect.InsertUserValue(sql)
	if !ok {
		return sql
	}
	var tableSQL []string
	var cols []string
	read := func(c *lconn) error {
		var err error
		if tableSQL, err = queryStrings(c, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE", table); err != nil {
			return err
		}
		cols, err = queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", table)
		return err
	}
	var err error
	if s.tx != nil && s.tx.schemaChanged {
		err = s.onTxState(ctx, read)
	} else {
		err = s.e.db.withReader(ctx, func(c *lconn) error {
			c.syncSchema()
			return read(c)
		})
	}
	if err != nil || len(tableSQL) != 1 {
		return sql // an unknown table: the translation's error names it
	}
	return pgdialect.InsertDropUserValues(sql, cols, func(col string) bool { return pgdialect.IdentityColumn(tableSQL[0], col) })
}
