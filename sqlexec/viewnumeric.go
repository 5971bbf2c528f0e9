package sqlexec

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// typeViewNumeric runs pg_view_numeric(name), the last statement of a
// CREATE VIEW's log entry, at apply (pgdialect/viewnumeric.go): when a
// column the view computes is numeric or interval, the view is created
// again with that column cast to text with the type's collation, so that
// SQLite compares it by value as it does a table's numeric or interval
// column. It runs at the
// entry's log position and depends only on the schema there, so every
// node gives the view the same definition; an error rolls the entry back.
func typeViewNumeric(c *lconn, name, verb string) (res StatementResult) {
	defer c.enterAuth(authOff)()
	res.Tag = verb
	create, err := queryStrings(c, "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?1 COLLATE NOCASE", name)
	if err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if len(create) != 1 {
		return res // a temporary view (the session's own connection), or none
	}
	cols := describeRel(c, pgdialect.DerivedRel{Name: name})
	names, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", name)
	if err != nil {
		res.Err = mapError(err, "")
		return res
	}
	types, err := queryStrings(c, "SELECT type FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", name)
	if err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if cols == nil || len(cols) != len(names) || len(types) != len(names) {
		return res // not described: left as it was
	}
	collations := make([]string, len(cols))
	some := false
	for k, ci := range cols {
		oid := ci.hint
		if o, _ := typeFromDeclMod(ci.decl); o != 0 {
			oid = o
		}
		// a table's numeric or interval column already compares by value
		decl := strings.ToLower(types[k])
		switch {
		case oid == pgoid.Numeric && !strings.HasPrefix(decl, "numeric_text"):
			collations[k] = pgdialect.NumericCollation
		case oid == pgoid.Interval && !strings.HasPrefix(decl, "interval"):
			collations[k] = pgdialect.IntervalCollation
		}
		some = some || collations[k] != ""
	}
	if !some {
		return res
	}
	newSQL, ok := pgdialect.NumericViewSQL(create[0], names, collations)
	if !ok {
		return res
	}
	if err := c.exec("DROP VIEW " + quoteIdent(name)); err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if err := c.exec(newSQL); err != nil {
		res.Err = mapError(err, "")
	}
	return res
}
