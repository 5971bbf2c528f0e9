package pgdialect

// viewcolumns.go: a view's column names are distinct.
//
// PostgreSQL refuses a view whose query names two columns alike
// (CREATE VIEW v AS SELECT 1 AS k, 2 AS k: 42701 column "k" specified
// more than once); SQLite accepts it and renames the second k:1. The
// translation follows CREATE VIEW with
//
//	SELECT pg_view_columns_distinct(<the view's columns>, <the statement>)
//
// in the same log entry, which raises PostgreSQL's error when SQLite
// renamed a column (base:N beside base, a name the statement does not
// spell itself), so the view is not created on any node. The columns are
// read at apply (pragma_table_info), after SQLite expanded any star.

import (
	"database/sql/driver"
	"encoding/json"
	"strings"

	sqlite "modernc.org/sqlite"
)

// viewColumnsCheck is the statement checking view's column names
// (create: the CREATE VIEW statement as the client wrote it).
func viewColumnsCheck(view, create string) string {
	return "SELECT pg_view_columns_distinct((SELECT json_group_array(name) FROM pragma_table_info(" +
		quoteLit(view) + ")), " + quoteLit(create) + ")"
}

// fnViewColumnsDistinct is pg_view_columns_distinct(columns, statement):
// 42701 when SQLite renamed a repeated column name (see the top of the
// file).
func fnViewColumnsDistinct(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	var cols []string
	if err := json.Unmarshal([]byte(str(a[0])), &cols); err != nil {
		return nil, nil
	}
	has := map[string]bool{}
	for _, c := range cols {
		has[c] = true
	}
	stmt := strings.ToLower(str(a[1]))
	for _, c := range cols {
		base, ok := renamedBase(c)
		if !ok || !has[base] || strings.Contains(stmt, strings.ToLower(c)) {
			continue
		}
		return nil, pgErr("42701", "column %q specified more than once", base)
	}
	return nil, nil
}

// renamedBase is base of a name of SQLite's form base:N.
func renamedBase(name string) (string, bool) {
	j := strings.LastIndexByte(name, ':')
	if j <= 0 || j == len(name)-1 || strings.Trim(name[j+1:], "0123456789") != "" {
		return "", false
	}
	return name[:j], true
}

// sqliteRenamedBase is the name PostgreSQL gives the view column name of
// cols (pragma_table_xinfo's [name, type] pairs): base for SQLite's
// base:N beside a column base.
func sqliteRenamedBase(name string, cols [][2]string) string {
	base, ok := renamedBase(name)
	if !ok {
		return name
	}
	for _, c := range cols {
		if c[0] == base {
			return base
		}
	}
	return name
}
