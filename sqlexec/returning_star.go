package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// expandReturningStar spells out the * of a RETURNING list that has other
// items beside it in the target's columns from the local schema
// (pgdialect.ExpandReturningStar), so that every item is named and typed
// as PostgreSQL's; sql is returned unchanged when the table is unknown
// here. The columns are part of the statement every node applies, as
// with expandUsingStar.
func (s *Session) expandReturningStar(ctx context.Context, sql string) string {
	table := pgdialect.ReturningStarTable(sql)
	if table == "" {
		return sql
	}
	cols, err := s.starColumns(ctx, []string{table})
	if err != nil {
		return sql
	}
	return pgdialect.ExpandReturningStar(sql, cols[table])
}
