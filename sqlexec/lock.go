package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// LOCK TABLE (pgdialect/lock.go): optimistic transactions need no table
// lock (COMMIT's validation is at least as strict), so the statement only
// does PostgreSQL's checks: a transaction block (25P01, before anything
// else, as PostgreSQL checks it), then each relation, on the state the
// transaction's statements see (onTxState), so a table created earlier in
// the transaction can be locked: a missing one is 42P01, one that is not
// a table or view 42809.
func (s *Session) lockTables(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if s.tx == nil {
		return errf(CodeNoActiveTransaction, "LOCK TABLE can only be used in transaction blocks")
	}
	var temps map[string]bool
	if s.temp != nil {
		var err error
		if temps, err = s.temp.tempObjects(); err != nil {
			return mapError(err, "")
		}
	}
	for _, name := range st.Locked {
		if temps[name] {
			continue
		}
		kind := ""
		err := s.onTxState(ctx, func(c *lconn) error {
			sel, _, err := c.prepareFresh("SELECT relkind FROM pg_class WHERE relname = ?1")
			if err != nil {
				return err
			}
			defer sel.finalize()
			_, err = sel.run([]any{name}, func(r []any) error {
				kind, _ = r[0].(string)
				return nil
			})
			return err
		})
		if err != nil {
			return mapError(err, "")
		}
		switch kind {
		case "r", "v":
		case "":
			return errf(CodeUndefinedTable, "relation \"%s\" does not exist", name)
		default:
			what := map[string]string{"S": "sequences", "i": "indexes"}[kind]
			e := errf(CodeWrongObjectType, "cannot lock relation \"%s\"", name)
			e.DetailText = "This operation is not supported for " + what + "."
			return e
		}
	}
	return w.Complete(st.Tag)
}
