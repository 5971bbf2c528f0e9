package sqlexec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE t RENAME TO u / RENAME COLUMN a TO b at apply
// (pgdialect/rename.go says why): refused (0A000) while a view reads the
// table (any view naming it) or the column (dropcolumn.go's columnViews,
// SQLite's resolver), with PostgreSQL's errors for a missing column or a
// name in use; then SQLite renames. Inside the entry, on the schema at
// its log position: the same on every node.

// renameRelation renames table name, or its column ch.Column, to ch.Expr.
func renameRelation(c *lconn, name string, ch pgdialect.TableChange) error {
	column := ch.Action == "rename column"
	if column {
		cols, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1)", name)
		if err != nil {
			return err
		}
		has := func(col string) bool {
			return slices.ContainsFunc(cols, func(s string) bool { return strings.EqualFold(s, col) })
		}
		switch {
		case !has(ch.Column):
			return errf(CodeUndefinedColumn, "column \"%s\" does not exist", ch.Column)
		case has(ch.Expr) && !strings.EqualFold(ch.Column, ch.Expr):
			return errf(CodeDuplicateColumn, "column \"%s\" of relation \"%s\" already exists", ch.Expr, name)
		}
	}
	objs, err := schemaObjects(c)
	if err != nil {
		return err
	}
	var readers map[string]bool
	if column {
		if readers, err = columnViews(c, objs, name, ch.Column); err != nil {
			return err
		}
	}
	for _, o := range objs { // creation order
		if o.typ != "view" || !pgdialect.ReferencesName(o.sql, name) || column && !readers[strings.ToLower(o.name)] {
			continue
		}
		what := "table " + pgdialect.QuoteIdentifier(name)
		if column {
			what = fmt.Sprintf("column %s of table %s", ch.Column, pgdialect.QuoteIdentifier(name))
		}
		return &Error{Code: CodeFeatureNotSupported, Statement: -1,
			Message:    fmt.Sprintf("ALTER TABLE ... RENAME of a %s a view reads is not supported", map[bool]string{false: "table", true: "column"}[column]),
			DetailText: fmt.Sprintf("view %s depends on %s", pgdialect.QuoteIdentifier(o.name), what),
			HintText:   "Drop the view, rename, and create the view again."}
	}
	// unnamed keys keep the names they were made with, as in PostgreSQL
	if createSQL, found, err := tableSQL(c, name); err != nil { // serial.go
		return err
	} else if pinned := pgdialect.PinConstraintNames(createSQL, name); found && pinned != createSQL {
		if err := installDefinition(c, name, pinned); err != nil { // tablechange.go
			return err
		}
	}
	if !column { // an ALTER TABLE ... ADD PRIMARY KEY's index stays the key
		var ixName, ixSQL string
		st, _, err := c.prepareFresh(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND name = ?2 COLLATE NOCASE AND sql IS NOT NULL`)
		if err != nil {
			return err
		}
		_, err = st.run([]any{name, name + "_pkey"}, func(r []any) error {
			ixName, _ = r[0].(string)
			ixSQL, _ = r[1].(string)
			return nil
		})
		st.finalize()
		if err != nil {
			return err
		}
		if sql := pgdialect.MarkedPrimaryKeyIndex(name, ixName, ixSQL); sql != "" {
			if err := editSchema(c, []schemaEdit{{typ: "index", name: ixName, sql: sql}}); err != nil { // schemaedit.go
				return err
			}
			if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
				return err
			}
		}
	}
	if column {
		return userExec(c, "ALTER TABLE "+quoteIdent(name)+" RENAME COLUMN "+quoteIdent(ch.Column)+" TO "+quoteIdent(ch.Expr))
	}
	return userExec(c, "ALTER TABLE "+quoteIdent(name)+" RENAME TO "+quoteIdent(ch.Expr))
}
