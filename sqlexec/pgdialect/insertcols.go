package pgdialect

import (
	"strings"
)

// INSERT without a column list. PostgreSQL fills the columns after the
// last value with their defaults (INSERT INTO t VALUES ('a', 1) into a
// table of three columns); SQLite refuses the statement. The session
// looks up the table's columns (ColumnlessInsert says when) and
// AddColumnList names the leading ones, so every node applies the same
// explicit statement.

// ColumnlessInsert reports the table of an [WITH ...] INSERT INTO t [AS a]
// VALUES ... / SELECT ... that has no column list.
func ColumnlessInsert(sql string) (table string, ok bool) {
	x := newTx(sql)
	i := x.dmlStart() // after a WITH list (withdml.go)
	if !x.T(i).kw("INSERT") || !x.kw(i+1, "INTO") {
		return "", false
	}
	table, j := x.name(i + 2)
	if table == "" {
		return "", false
	}
	if x.kw(j, "AS") {
		j += 2
	}
	if x.T(j).kw("VALUES") || x.T(j).kw("SELECT") || x.T(j).kw("WITH") {
		return table, true
	}
	return "", false
}

// mainSelect is the SELECT of the query at j..end-1 (j itself, or the one
// after the WITH list), -1 when there is none (VALUES).
func (x *tx) mainSelect(j, end int) int {
	if x.T(j).kw("SELECT") {
		return j
	}
	if !x.T(j).kw("WITH") {
		return -1
	}
	return x.findKw(j+1, end, x.depth[j], "SELECT")
}

// AddColumnList gives a column-less INSERT (see ColumnlessInsert) the
// list of the first names when it supplies fewer values than the table
// has columns (names, in order), and is PostgreSQL's 42601 when it
// supplies more. sql is returned unchanged when the count cannot be read
// lexically (SELECT *). generated says the table has a generated column
// among names: the list is named then whatever the count, since SQLite
// counts only the other columns and PostgreSQL refuses a value for it
// (428C9, which SQLite reports for a named column).
func AddColumnList(sql string, names []string, generated bool) (string, error) {
	x := newTx(sql)
	_, j := x.name(x.dmlStart() + 2)
	if x.kw(j, "AS") {
		j += 2
	}
	width := -1
	switch {
	case x.T(j).kw("VALUES"):
		width = x.valuesWidth(j)
	case x.mainSelect(j, x.n()) >= 0: // INSERT INTO t [WITH ...] SELECT
		lo := x.mainSelect(j, x.n()) + 1
		if x.kw(lo, "DISTINCT") || x.kw(lo, "ALL") {
			lo++
		}
		if x.kw(lo-1, "DISTINCT") && x.kw(lo, "ON") {
			return sql, nil
		}
		hi := lo
		for hi < x.n() && !(x.depth[hi] == x.depth[lo] && (x.T(hi).kw("FROM") || x.T(hi).kw("WHERE") || x.T(hi).kw("GROUP") && !x.kw(hi-1, "WITHIN") || x.T(hi).kw("ORDER") ||
			x.T(hi).kw("LIMIT") || x.T(hi).kw("UNION") || x.T(hi).kw("EXCEPT") || x.T(hi).kw("INTERSECT") || x.T(hi).kw("ON") || x.T(hi).kw("RETURNING"))) {
			if x.depth[hi] == x.depth[lo] && x.T(hi).typ == tOp && x.T(hi).text == "*" && (hi == lo || x.isP(hi-1, ",") || x.isP(hi-1, ".")) {
				return sql, nil // SELECT *: SQLite counts
			}
			hi++
		}
		width = len(x.splitTop(lo, hi))
	}
	switch {
	case width < 0 || width == len(names) && !x.onConflictUpdate() && !generated: // upsert.go needs the list
		return sql, nil
	case width > len(names):
		return "", &Error{Code: "42601", Message: "INSERT has more expressions than target columns"}
	}
	quoted := make([]string, width)
	for i, n := range names[:width] {
		quoted[i] = quoteIdent(n)
	}
	pos := x.T(j).pos
	return sql[:pos] + "(" + strings.Join(quoted, ", ") + ") " + sql[pos:], nil
}

// valuesWidth is the number of values of the widest row of the VALUES at
// j, -1 when it has none.
func (x *tx) valuesWidth(j int) int {
	width := -1
	for i := j + 1; x.isP(i, "("); {
		e := x.match(i)
		if n := len(x.splitTop(i+1, e)); n > width {
			width = n
		}
		if !x.isP(e+1, ",") {
			break
		}
		i = e + 2
	}
	return width
}
