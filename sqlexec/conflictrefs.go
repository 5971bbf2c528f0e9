package sqlexec

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42702 for an unqualified column in an INSERT's ON
// CONFLICT DO UPDATE (pgdialect/conflict_refs.go: the target's row and
// excluded both have it), refused when the statement is parsed, whatever
// the rows; SQLite read the name as the target's column. The names are
// checked against the local schema before the statement runs, as the
// assigned literals are (literalpos.go): a refused write is never
// proposed, so the answer is the same on every node.

// conflictRefError is the 42702 of st's first unqualified ON CONFLICT
// DO UPDATE name that is a column of its target, nil when none is (or
// the schema is not known here).
func (s *Session) conflictRefError(ctx context.Context, st *pgdialect.Stmt) error {
	refs := st.ConflictRefs
	if refs == nil || !s.localSchema() {
		return nil
	}
	cols := s.literalColumns(ctx, refs.Table) // literalpos.go: remembered until the schema changes
	for _, n := range refs.Names {
		if columnIndex(cols, n.Name) < 0 {
			continue
		}
		// PostgreSQL reads the INSERT's values before its ON CONFLICT
		// clause: a value of no assignment cast there is the error
		if a := s.assignError(ctx, st); a != nil && a.Pos > 0 && a.Pos < n.Pos {
			return a
		}
		return &Error{Code: CodeAmbiguousColumn, Message: fmt.Sprintf("column reference %q is ambiguous", n.Name), Pos: n.Pos, Statement: -1}
	}
	return nil
}
