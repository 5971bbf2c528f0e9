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
	if column {
		return userExec(c, "ALTER TABLE "+quoteIdent(name)+" RENAME COLUMN "+quoteIdent(ch.Column)+" TO "+quoteIdent(ch.Expr))
	}
	return userExec(c, "ALTER TABLE "+quoteIdent(name)+" RENAME TO "+quoteIdent(ch.Expr))
}
