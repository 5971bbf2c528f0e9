package pgdialect

// CREATE OR REPLACE VIEW v AS query. SQLite cannot replace a view, so the
// statement becomes, in one log entry:
//
//	CREATE VIEW "pgdialect_replace_view" AS query   -- the new columns
//	SELECT pg_view_replace_types('v')
//	SELECT pg_view_replace('v', <v's type>, <v's columns>, <the new ones>)
//	SELECT pg_view_columns_distinct(...)             -- viewcolumns.go
//	DROP VIEW "pgdialect_replace_view"
//	DROP VIEW IF EXISTS v
//	CREATE VIEW v AS query
//
// pg_view_replace raises PostgreSQL's errors where PostgreSQL refuses the
// replacement (checkViewTupleDesc): v is a table (42809), the new query
// drops a column or renames one (42P16). The columns are read at apply
// (pragma_table_xinfo), so the check sees the view as the log has it;
// views defined on v keep working (SQLite resolves a view's references
// when it is used). A column whose type changes (42P16 too) is found by
// pg_view_replace_types, which sqlexec runs at apply
// (sqlexec/viewreplace.go): a column's type is the one the view
// describes to clients (SQLite's declared type of a view's column is
// empty or TEXT for most expressions), known only from the schema. It
// runs first and checks the columns in PostgreSQL's order, leaving a
// dropped or renamed column to pg_view_replace. Elsewhere (a temporary
// view) it answers NULL.

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"

	sqlite "modernc.org/sqlite"
)

const replaceViewName = `"` + ReplaceViewTemp + `"`

// ReplaceViewTemp is the name of the view of the new query.
const ReplaceViewTemp = "pgdialect_replace_view"

// ViewReplaceTypesFunc names the statement that checks the types of the
// replaced view's columns.
const ViewReplaceTypesFunc = "pg_view_replace_types"

// ParseViewReplaceTypes is the view named by a statement
// "SELECT pg_view_replace_types('v')"; false for any other statement.
func ParseViewReplaceTypes(sqlText string) (string, bool) {
	return parseNameCall(sqlText, ViewReplaceTypesFunc) // createfk.go
}

// fnViewReplaceTypes is pg_view_replace_types where sqlexec does not run
// it as a statement of its own: nothing to do.
func fnViewReplaceTypes(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) {
	return nil, nil
}

// replaceView translates CREATE OR REPLACE VIEW at 0..n (OR at i).
func (x *tx) replaceView(i int) (*Stmt, error) {
	x.blank(i, i+2) // OR REPLACE
	v := i + 2
	name, e := x.name(v + 1)
	if name == "" {
		return nil, x.syntaxErrAt(v + 1)
	}
	st, err := x.createView(v)
	if err != nil {
		return nil, err
	}
	full := st.Exec[0]
	saved := x.T(v + 1).text
	x.blank(v+1, e)
	x.T(v + 1).set(replaceViewName)
	tmp := x.all()
	x.T(v + 1).set(saved)
	cols := func(view string) string {
		return "(SELECT json_group_array(json_array(name, type)) FROM (SELECT name, type FROM pragma_table_xinfo(" + view + ") ORDER BY cid))"
	}
	check := "SELECT pg_view_replace(" + quoteLit(name) +
		", (SELECT type FROM sqlite_schema WHERE name = " + quoteLit(name) + " COLLATE NOCASE AND type IN ('table', 'view')), " +
		cols(quoteLit(name)) + ", " + cols("'pgdialect_replace_view'") + ")"
	distinct := viewColumnsCheck("pgdialect_replace_view", x.orig(0, x.n())) // viewcolumns.go
	types := "SELECT " + ViewReplaceTypesFunc + "(" + quoteLit(name) + ")"
	st.Exec = []string{tmp, types, check, distinct, "DROP VIEW " + replaceViewName, "DROP VIEW IF EXISTS " + quoteIdent(name), full,
		viewNumericSQL(name)} // viewnumeric.go
	st.NoRows = true
	return st, nil
}

// fnViewReplace is pg_view_replace(name, kind, old columns, new columns),
// the columns as JSON arrays of [name, declared type] (the types are
// pg_view_replace_types's: not compared here).
func fnViewReplace(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if str(a[1]) == "table" {
		return nil, pgErr("42809", "%q is not a view", str(a[0]))
	}
	var old, cur [][2]string
	_ = json.Unmarshal([]byte(str(a[2])), &old)
	_ = json.Unmarshal([]byte(str(a[3])), &cur)
	if len(cur) < len(old) {
		return nil, pgErr("42P16", "cannot drop columns from view")
	}
	for k, o := range old {
		n := cur[k]
		if o[0] != n[0] {
			return nil, errors.New(SQLStateText("42P16", fmt.Sprintf("cannot change name of view column %q to %q", o[0], sqliteRenamedBase(n[0], cur)), "",
				"Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead."))
		}
	}
	return nil, nil
}
