package sqlexec

import (
	"context"
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// expandIndexRename writes out ALTER INDEX ... RENAME TO
// (pgdialect/index_rename.go) from the schema the session sees: the
// index dropped and created again under the new name from its stored
// definition. The statements are what every node applies. done reports
// a statement finished here (IF EXISTS of a missing index).
func (s *Session) expandIndexRename(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) (out *pgdialect.Stmt, done bool, err error) {
	ir := st.IndexRename
	if s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return nil, false, err
		}
	}
	var def, real, taken string
	var found bool
	err = s.onTxState(ctx, func(c *lconn) error {
		rows, err := queryStrings(c, "SELECT type || char(0) || name || char(0) || coalesce(sql, '') FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE OR name = ?2 COLLATE NOCASE", ir.Index, ir.To)
		if err != nil {
			return err
		}
		for _, r := range rows {
			f := strings.SplitN(r, "\x00", 3)
			switch {
			case strings.EqualFold(f[1], ir.To):
				taken = f[1]
			case f[0] == "index":
				def, real, found = f[2], f[1], true
			}
		}
		return nil
	})
	if err != nil {
		return nil, false, toError(err)
	}
	switch {
	case !found && ir.IfExists:
		_ = w.Notice("NOTICE", "00000", fmt.Sprintf("relation \"%s\" does not exist, skipping", ir.Index))
		return nil, true, w.Complete("ALTER INDEX")
	case !found && s.catalogHas(ctx, "pg_indexes", "indexname", ir.Index):
		// SQLite's own index of a PRIMARY KEY or UNIQUE constraint
		return nil, false, errf(CodeFeatureNotSupported, "renaming index \"%s\" of a constraint is not supported", ir.Index)
	case !found:
		return nil, false, errf(CodeUndefinedTable, "relation \"%s\" does not exist", ir.Index)
	case taken != "" || s.catalogHas(ctx, "pg_class", "relname", ir.To):
		return nil, false, errf(CodeDuplicateTable, "relation \"%s\" already exists", ir.To)
	case def == "":
		return nil, false, errf(CodeFeatureNotSupported, "renaming index \"%s\" of a constraint is not supported", ir.Index)
	}
	create, ok := pgdialect.RenamedIndexSQL(def, ir.To)
	if !ok {
		return nil, false, errf(CodeFeatureNotSupported, "renaming index \"%s\" is not supported", ir.Index)
	}
	out = &pgdialect.Stmt{Kind: pgdialect.KindQuery, Tag: "ALTER INDEX", NoRows: true,
		Exec: []string{"DROP INDEX \"" + strings.ReplaceAll(real, `"`, `""`) + "\"", create}}
	return out, false, nil
}

// catalogHas reports whether the catalog view shows a row whose column
// is name: an index SQLite made for a constraint is known there by the
// name PostgreSQL gives it (t_pkey, t_a_key), not in sqlite_schema.
func (s *Session) catalogHas(ctx context.Context, view, column, name string) bool {
	st, err := translate("SELECT count(*) FROM " + view + " WHERE " + column + " = '" + strings.ReplaceAll(name, "'", "''") + "'")
	if err != nil || len(st.Exec) != 1 {
		return false
	}
	var n int64
	_ = s.onTxState(ctx, func(c *lconn) error {
		n, _, err = queryInt(c, st.Exec[0])
		return err
	})
	return n > 0
}
