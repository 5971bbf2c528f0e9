package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// checkAliasRefs refuses a SELECT that reads a select-list alias where
// PostgreSQL does not see one (WHERE x > 1, ORDER BY x + 1: 42703) or
// orders by a name two result columns have (42702), reading the FROM
// tables' columns from the local schema (pgdialect.CheckAliasRefs);
// nothing is refused when a table is unknown here.
func (s *Session) checkAliasRefs(ctx context.Context, sql string) error {
	tables := pgdialect.AliasRefTables(sql)
	if tables == nil {
		return nil
	}
	cols, err := s.starColumns(ctx, tables)
	if err != nil {
		return nil
	}
	return pgdialect.CheckAliasRefs(sql, func(t string) []string {
		if c := cols[t]; len(c) > 0 {
			return c
		}
		return nil
	})
}

// checkSrfAliasRefs refuses a SELECT that reads, bare, a name a FROM
// function's column alias list gives and a FROM table has too (SELECT id
// FROM t, unnest(t.arr) u(id): 42702), reading the tables' columns from
// the local schema (pgdialect.CheckSrfAliasRefs); nothing is refused when
// a table is unknown here.
func (s *Session) checkSrfAliasRefs(ctx context.Context, sql string) error {
	tables := pgdialect.SrfAliasRefTables(sql)
	if tables == nil {
		return nil
	}
	cols, err := s.starColumns(ctx, tables)
	if err != nil {
		return nil
	}
	return pgdialect.CheckSrfAliasRefs(sql, func(t string) []string {
		if c := cols[t]; len(c) > 0 {
			return c
		}
		return nil
	})
}
