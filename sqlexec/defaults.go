package sqlexec

import (
	"context"
	"errors"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// translate translates one statement for this session. An INSERT whose
// VALUES use DEFAULT in some rows only (bun's bulk insert of rows with
// zero values) cannot be rewritten lexically: its DEFAULT items are
// replaced by the column defaults of the local schema
// (pgdialect.FillDefaults), which every node applies alike since they
// are part of the statement. A default changed between this lookup and
// the statement's place in the log is not seen (SQLite cannot alter a
// column default in place, so only DROP and CREATE of the table can).
func (s *Session) translate(ctx context.Context, sql string) (*pgdialect.Stmt, error) {
	if st, ok := s.dumpSequenceState(ctx, sql); ok { // dumpseq.go
		return st, nil
	}
	sql, err := pgdialect.MapDataModifying(sql, func(part string) (string, error) { // dmlcte.go
		return s.completePart(ctx, part)
	})
	if err != nil {
		return nil, err
	}
	client := sql
	sql, checks, err := s.rewriteViewWrite(ctx, sql) // view_write.go
	if err != nil {
		return nil, err
	}
	st, err := s.translateWritten(ctx, sql, client)
	if err != nil || len(checks) == 0 {
		return st, err
	}
	return markViewChecks(st, checks) // view_check.go
}

// translateWritten is translate's work on sql, a statement written onto
// the relations it writes (client: the statement as the client wrote it).
func (s *Session) translateWritten(ctx context.Context, sql, client string) (*pgdialect.Stmt, error) {
	var err error
	sql = s.completeMerge(ctx, sql)    // merge.go
	sql = s.mergeUserValues(ctx, sql)  // merge.go
	sql = s.insertUserValues(ctx, sql) // insert_uservalue.go
	sql = pgdialect.DropGeneratedDefaults(sql, func(table string) ([]string, map[string]bool) {
		return s.generatedColumns(ctx, table) // generated_default.go
	})
	if err := s.checkMergeIdentity(ctx, sql); err != nil {
		return nil, err
	}
	if err := s.refuseMergeView(ctx, sql); err != nil {
		return nil, err
	}
	if sql, err = s.expandReturningFrom(ctx, sql); err != nil { // returning_from.go
		return nil, err
	}
	sql = s.expandReturningStar(ctx, sql)              // returning_star.go
	if err := s.checkAliasRefs(ctx, sql); err != nil { // alias_refs.go
		return nil, err
	}
	if err := s.checkSrfAliasRefs(ctx, sql); err != nil { // alias_refs.go
		return nil, err
	}
	st, err := translate(sql)
	if q := pgdialect.CompileFirst(err); q != "" {
		if e := s.undefinedColumn(ctx, q, client); e != nil {
			return nil, e
		}
	}
	if err != nil && sql != client {
		// an error's position in the client's text, not in the columns
		// completeMerge wrote in
		_, err = pgdialect.TranslateFor(sql, client)
	}
	if err == nil {
		if tables := pgdialect.UsingStarTables(sql); tables != nil { // usingstar.go
			expanded, xerr := s.expandUsingStar(ctx, sql, tables)
			if xerr != nil {
				return nil, xerr
			}
			if expanded != sql {
				sql = expanded
				st, err = translate(sql)
			}
		}
	}
	if err == nil && (st.Tag == "INSERT" || st.Tag == "UPDATE") {
		if err := s.checkIdentity(ctx, sql); err != nil { // identity.go
			return nil, err
		}
	}
	if err == nil && st.Kind == pgdialect.KindQuery && st.Tag == "INSERT" {
		return s.fillColumnList(ctx, sql, st)
	}
	var pe *pgdialect.Error
	if err == nil || !errors.As(err, &pe) || pe.Code != CodeFeatureNotSupported {
		return st, err
	}
	if expanded, ok := s.expandTableRows(ctx, sql); ok { // jsonrows.go
		return s.translate(ctx, expanded)
	}
	if table, ok := pgdialect.ColumnlessInsert(sql); ok {
		// DEFAULT in VALUES without a column list (INSERT INTO t
		// VALUES (1, DEFAULT), as for a generated column): with the
		// table's columns named, a column DEFAULT in every row is left
		// out (pgdialect/defaults.go)
		if names, _, lerr := s.insertColumns(ctx, table); lerr == nil && len(names) > 0 {
			if filled, ferr := pgdialect.AddColumnList(sql, names, true); ferr == nil && filled != sql {
				if named, nerr := s.translate(ctx, filled); nerr == nil {
					return named, nil
				}
			}
		}
	}
	filled, ok := pgdialect.FillDefaults(sql, func(table string) (names, defaults []string, err error) {
		return s.columnDefaults(ctx, table)
	})
	if !ok {
		return st, err
	}
	if err := s.checkIdentity(ctx, sql); err != nil { // identity.go
		return nil, err
	}
	return translate(filled)
}

// fillColumnList gives an INSERT without a column list that supplies
// fewer values than the table has columns the list of the leading
// columns, read from the local schema, as PostgreSQL fills the rest with
// their defaults (pgdialect.AddColumnList); st is the statement's
// translation as it is. The columns are part of the statement every node
// applies; a table re-created with other columns between this lookup and
// the statement's place in the log gives SQLite's error there.
func (s *Session) fillColumnList(ctx context.Context, sql string, st *pgdialect.Stmt) (*pgdialect.Stmt, error) {
	table, ok := pgdialect.ColumnlessInsert(sql)
	if !ok {
		return st, nil
	}
	names, generated, err := s.insertColumns(ctx, table)
	if err != nil || len(names) == 0 {
		return st, nil // an unknown table: SQLite's error names it
	}
	filled, err := pgdialect.AddColumnList(sql, names, generated)
	if err != nil {
		return nil, err
	}
	if filled == sql {
		return st, nil
	}
	return pgdialect.TranslateFor(filled, sql) // positions in the client's text
}

// completePart completes a data-modifying statement of a WITH list as a
// statement of its own: identity columns checked, the column list of an
// INSERT without one.
func (s *Session) completePart(ctx context.Context, part string) (string, error) {
	part, checks, err := s.rewriteViewWrite(ctx, part) // view_write.go
	if err != nil {
		return "", err
	}
	if len(checks) > 0 {
		return "", errf(CodeFeatureNotSupported, "a data-modifying statement in WITH through view \"%s\" WITH CHECK OPTION is not supported", checks[len(checks)-1].View)
	}
	if v, _ := pgdialect.MainDML(part); v == "INSERT" || v == "UPDATE" {
		if err := s.checkIdentity(ctx, part); err != nil { // identity.go
			return "", err
		}
	}
	table, ok := pgdialect.ColumnlessInsert(part)
	if !ok {
		return part, nil
	}
	names, generated, err := s.insertColumns(ctx, table)
	if err != nil || len(names) == 0 {
		return part, nil // an unknown table: SQLite's error names it
	}
	return pgdialect.AddColumnList(part, names, generated)
}

// insertColumns returns the columns of table in order as an INSERT
// without a column list fills them, generated ones included (generated
// says there is one), from the local schema.
func (s *Session) insertColumns(ctx context.Context, table string) (names []string, generated bool, err error) {
	err = s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		var hidden []int64
		names, hidden, err = tableColumnHidden(c, table)
		for _, h := range hidden {
			generated = generated || h != 0
		}
		return err
	})
	return names, generated, err
}

// tableColumnHidden reads table's columns in order on c, without the hidden
// ones of virtual tables: names and pragma_table_xinfo's hidden flag (2
// and 3: a generated column).
func tableColumnHidden(c *lconn, table string) (names []string, hidden []int64, err error) {
	q, _, err := c.prepare("SELECT name, hidden FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid")
	if err != nil {
		return nil, nil, err
	}
	defer q.release()
	_, err = q.run([]any{table}, func(r []any) error {
		n, _ := r[0].(string)
		h, _ := r[1].(int64)
		names, hidden = append(names, n), append(hidden, h)
		return nil
	})
	return names, hidden, err
}

// columnDefaults returns the columns of table in order with their stored
// default expressions ("" for none), from the local schema.
func (s *Session) columnDefaults(ctx context.Context, table string) (names, defaults []string, err error) {
	err = s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		q, _, err := c.prepare("SELECT name, coalesce(dflt_value, '') FROM pragma_table_info(?) ORDER BY cid")
		if err != nil {
			return err
		}
		defer q.release()
		_, err = q.run([]any{table}, func(r []any) error {
			n, _ := r[0].(string)
			d, _ := r[1].(string)
			names, defaults = append(names, n), append(defaults, d)
			return nil
		})
		return err
	})
	return names, defaults, err
}

// expandUsingStar spells out the * of a SELECT over a USING or NATURAL
// join in PostgreSQL's column order (pgdialect.ExpandUsingStar), reading
// the tables' columns from the local schema; sql is returned unchanged
// when a table is unknown here. In a write (INSERT ... SELECT *) the
// columns become part of the statement every node applies, as with
// fillColumnList.
func (s *Session) expandUsingStar(ctx context.Context, sql string, tables []string) (string, error) {
	cols, err := s.starColumns(ctx, tables)
	if err != nil {
		return sql, nil // the statement as it is: SQLite reports what is wrong
	}
	return pgdialect.ExpandUsingStar(sql, func(t string) []string { return cols[t] })
}

// starColumns reads the columns * lists of each table from the local
// schema (none for a table unknown here).
func (s *Session) starColumns(ctx context.Context, tables []string) (map[string][]string, error) {
	cols := map[string][]string{}
	err := s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		for _, t := range tables {
			if _, seen := cols[t]; seen {
				continue
			}
			// generated columns (hidden 2 and 3) are in *, a virtual
			// table's hidden ones (1) are not
			q, _, err := c.prepare("SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid")
			if err != nil {
				return err
			}
			var names []string
			_, err = q.run([]any{t}, func(r []any) error {
				n, _ := r[0].(string)
				names = append(names, n)
				return nil
			})
			q.release()
			if err != nil {
				return err
			}
			cols[t] = names
		}
		return nil
	})
	return cols, err
}
