package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// expandReturningFrom rewrites the RETURNING list of an UPDATE ... FROM
// or DELETE ... USING so that it reads the FROM items as PostgreSQL's does
// (pgdialect.ExpandReturningFrom), reading the tables' columns from the
// local schema; sql is returned unchanged when it is no such statement or
// a table is unknown here. The rewritten list is part of the statement
// every node applies, as with expandUsingStar.
func (s *Session) expandReturningFrom(ctx context.Context, sql string) (string, error) {
	tables := pgdialect.ReturningFromTables(sql)
	if tables == nil {
		return sql, nil
	}
	cols, err := s.starColumns(ctx, tables)
	if err != nil {
		return sql, nil // the statement as it is: SQLite reports what is wrong
	}
	return pgdialect.ExpandReturningFrom(sql, func(t string) []string {
		if c := cols[t]; len(c) > 0 {
			return c
		}
		return nil
	})
}
