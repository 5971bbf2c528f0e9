package sqlexec

import (
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE t ALTER COLUMN c TYPE ... with a column other objects read.
// PostgreSQL 15 rebuilds the column's indexes and constraints for the new
// type, but refuses (0A000) while a view or a generated column reads the
// column, whatever the new type: a view's stored query and a generation
// expression were resolved for the old type. Here the view's SQLite text
// would keep running over the converted values and answer differently
// (another type, another comparison), a silently different view; so the
// statement is refused as PostgreSQL refuses it, after the 42804 check of
// the conversion (EditColumn) and before any row is converted, in the
// order PostgreSQL finds the dependents: generated columns (made with the
// table), then views in creation order.

// refuseTypeDependents is PostgreSQL's 0A000 for ALTER COLUMN col TYPE of
// table (its definition createSQL) when a generated column or a view
// reads col; nil when none does.
func refuseTypeDependents(c *lconn, table, createSQL, col string) error {
	if g := pgdialect.GeneratedFrom(createSQL, col); len(g) > 0 {
		return &Error{Code: CodeFeatureNotSupported, Statement: -1,
			Message:    "cannot alter type of a column used by a generated column",
			DetailText: fmt.Sprintf("Column \"%s\" is used by generated column \"%s\".", col, g[0])}
	}
	objs, err := schemaObjects(c)
	if err != nil {
		return err
	}
	readers, err := columnViews(c, objs, table, col) // dropcolumn.go
	if err != nil {
		return err
	}
	for _, o := range objs { // creation order
		if o.typ == "view" && readers[strings.ToLower(o.name)] {
			return &Error{Code: CodeFeatureNotSupported, Statement: -1,
				Message:    "cannot alter type of a column used by a view or rule",
				DetailText: fmt.Sprintf("rule _RETURN on view %s depends on column \"%s\"", o.name, col)}
		}
	}
	return nil
}
