package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// INSERT ... ON CONFLICT ON CONSTRAINT name (pgdialect/onconstraint.go):
// the session names the constraint's columns as the conflict target and
// translates the statement again, on the state the statement sees (the
// transaction's, or the latest applied state after a read barrier), as
// PostgreSQL resolves the arbiter when it plans the statement. What enters
// the log is the resolved statement, so every node runs the same one.
//
// PostgreSQL accepts a primary key or UNIQUE constraint (pg_constraint
// contype p or u); a unique index that is no constraint is 42704 like a
// missing name, and a CHECK or foreign key constraint 42809.
func (s *Session) resolveOnConstraint(ctx context.Context, orig string, st *pgdialect.Stmt) (*pgdialect.Stmt, error) {
	oc := st.OnConstraint
	if s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return nil, err
		}
	}
	var cols string
	tableFound, other := false, false
	err := s.onTxState(ctx, func(c *lconn) error {
		var err error
		if _, tableFound, err = queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE", oc.Table); err != nil || !tableFound {
			return err
		}
		names, err := queryStrings(c, `SELECT cols FROM pgd_idx WHERE tbl = ?1 COLLATE NOCASE AND pgname = ?2 AND contype IN ('p', 'u')`, oc.Table, oc.Constraint)
		if err != nil {
			return err
		}
		if len(names) > 0 {
			cols = names[0]
			return nil
		}
		_, other, err = queryInt(c, `SELECT 1 FROM pg_constraint WHERE conrelid = CAST(pg_oid('rel', ?1) AS INTEGER) AND conname = ?2`, oc.Table, oc.Constraint)
		return err
	})
	switch {
	case err != nil:
		return nil, mapError(err, "")
	case !tableFound:
		return nil, errf(CodeUndefinedTable, "relation \"%s\" does not exist", oc.Table)
	case other:
		return nil, errf(CodeWrongObjectType, "constraint in ON CONFLICT clause has no associated index")
	case cols == "":
		return nil, errf(CodeUndefinedObject, "constraint \"%s\" for table \"%s\" does not exist", oc.Constraint, oc.Table)
	}
	out, err := s.translate(ctx, pgdialect.WithConflictTarget(orig, cols)) // defaults.go: a column-less INSERT gets its column list
	if err != nil {
		return nil, err
	}
	out.OnConstraint = nil
	out.ConflictRefs = st.ConflictRefs // placed in the client's text, not the rewritten one
	return out, nil
}
