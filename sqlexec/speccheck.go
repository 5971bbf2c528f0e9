package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// checkBeforeSpeculation is the write allow-list's check of sqlText, a
// statement of st about to be speculated in the session's transaction.
//
// A statement that only reads and writes rows (SELECT, INSERT, UPDATE,
// DELETE) is compiled by the speculation itself under the same
// allow-list, on the apply connection with the transaction's own earlier
// statements in place, before any of it runs; speculateOnce returns that
// refusal unrecorded, as this check would have. Compiling it beforehand
// on a read connection as well (checkWrite) was a third SQLite compile of
// each new text, 13% of a node's CPU for pgbench's simple protocol.
//
// Other statements keep the check on a read connection: runSQL does work
// of its own for some of them before it compiles them (DROP TABLE's
// dependents, TRUNCATE, DROP COLUMN, a DML CTE's or MERGE's parts).
func (s *Session) checkBeforeSpeculation(ctx context.Context, st *pgdialect.Stmt, sqlText string) error {
	if st.Kind == pgdialect.KindQuery && compiledBySpeculation[st.Tag] {
		if e := refuseStatementKind(sqlText); e != nil {
			return e
		}
		if _, ok := pgdialect.ParseWithDML(sqlText); !ok {
			if _, ok := pgdialect.ParseMerge(sqlText); !ok {
				return nil
			}
		}
	}
	return s.e.db.checkWrite(ctx, sqlText)
}

// compiledBySpeculation are the tags of the statements whose allow-list
// check the speculation's own compile makes (checkBeforeSpeculation).
var compiledBySpeculation = map[string]bool{"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true}
