package pgdialect

// CREATE OR REPLACE VIEW v AS query. SQLite cannot replace a view, so the
// statement becomes, in one log entry:
//
//	CREATE VIEW "pgdialect_replace_view" AS query   -- the new columns
//	SELECT pg_view_replace('v', <v's type>, <v's columns>, <the new ones>)
//	SELECT pg_view_columns_distinct(...)             -- viewcolumns.go
//	DROP VIEW "pgdialect_replace_view"
//	DROP VIEW IF EXISTS v
//	CREATE VIEW v AS query
//
// pg_view_replace raises PostgreSQL's errors where PostgreSQL refuses the
// replacement (checkViewTupleDesc): v is a table (42809), the new query
// drops a column, renames one or changes its declared type (42P16). The
// columns are read at apply (pragma_table_xinfo), so the check sees the
// view as the log has it; views defined on v keep working (SQLite
// resolves a view's references when it is used).

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"

	sqlite "modernc.org/sqlite"
)

const replaceViewName = `"pgdialect_replace_view"`

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
	st.Exec = []string{tmp, check, distinct, "DROP VIEW " + replaceViewName, "DROP VIEW IF EXISTS " + quoteIdent(name), full,
		viewNumericSQL(name)} // viewnumeric.go
	st.NoRows = true
	return st, nil
}

// fnViewReplace is pg_view_replace(name, kind, old columns, new columns),
// the columns as JSON arrays of [name, declared type].
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
		if o[1] != "" && n[1] != "" && o[1] != n[1] {
			oo, ot := DeclTypeOID(o[1])
			no, nt := DeclTypeOID(n[1])
			if oo != no || ot != nt {
				return nil, pgErr("42P16", "cannot change data type of view column %q from %s to %s", o[0], FormatType(oo, ot), FormatType(no, nt))
			}
		}
	}
	return nil, nil
}
