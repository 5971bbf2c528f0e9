package sqlexec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// view_check.go: INSERT and UPDATE through a view WITH CHECK OPTION
// (pgdialect/view_check.go). The session marks the translated statement
// with the conditions of the views it must meet (markViewChecks); the
// mark is part of the entry, so every node tests the same conditions.
// At apply (runSQL) the statement runs with temporary AFTER INSERT and
// AFTER UPDATE triggers on the base table, created just before it and
// dropped just after it on the apply connection (an upsert's DO UPDATE
// fires the UPDATE one, as PostgreSQL checks the row it updates): each
// row the statement stores is handed to raftsql_explain_row and then
// read back by its rowid (by its primary key in a WITHOUT ROWID table)
// under each condition in turn, innermost view first, and the first it
// fails aborts the statement with that view's 44000 and the stored row
// as PostgreSQL's DETAIL. The triggers fire after the row's NOT NULL,
// CHECK and unique constraints passed, where PostgreSQL checks the view
// (ExecInsert, ExecUpdate). A failure in a transaction's savepoint or
// entry rolls the triggers back with the statement; otherwise they are
// dropped, so nothing of them outlives the statement.

// viewCheckRaise is the message of a check's RAISE, followed by the
// check's index.
const viewCheckRaise = "raftsql_view_check "

// markViewChecks is st (a write onto the base table of views) with the
// checks its rows must meet.
func markViewChecks(st *pgdialect.Stmt, checks []pgdialect.ViewCheck) (*pgdialect.Stmt, error) {
	if len(st.Exec) != 1 {
		return nil, errf(CodeFeatureNotSupported, "this form of write through view \"%s\" WITH CHECK OPTION is not supported", checks[len(checks)-1].View)
	}
	out := *st
	out.Exec = []string{pgdialect.MarkViewChecks(st.Exec[0], checks)}
	return &out, nil
}

// installViewChecks creates the triggers of checks on c and returns the
// function that drops them.
func installViewChecks(c *lconn, checks []pgdialect.ViewCheck) (func(), error) {
	defer c.enterAuth(authOff)()
	table := checks[0].Table
	for _, k := range checks {
		if !strings.EqualFold(k.Table, table) {
			return nil, errf(CodeInternal, "view checks of one statement over tables %s and %s", table, k.Table)
		}
	}
	cols := tableColumns(c, table)
	if len(cols) == 0 || c.explain == nil {
		return nil, errf(CodeInternal, "view check: table %s not found", table)
	}
	q := "main." + quoteIdent(table)
	match := quoteIdent(table) + ".rowid = NEW.rowid"
	if wr, _, err := queryInt(c, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1", table); err == nil && wr != 0 {
		pk, err := queryStrings(c, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", table)
		if err != nil || len(pk) == 0 {
			return nil, errf(CodeInternal, "view check: no primary key of %s", table)
		}
		parts := make([]string, len(pk))
		for i, p := range pk {
			parts[i] = quoteIdent(table) + "." + quoteIdent(p) + " IS NEW." + quoteIdent(p)
		}
		match = strings.Join(parts, " AND ")
	}
	refs := make([]string, len(cols))
	for i, col := range cols {
		refs[i] = "NEW." + quoteIdent(col.name)
	}
	var body strings.Builder
	body.WriteString("SELECT " + explainRowFunc + "(" + strings.Join(refs, ", ") + ");")
	for i, k := range checks {
		fmt.Fprintf(&body, " SELECT RAISE(ABORT, '%s%d') WHERE NOT EXISTS (SELECT 1 FROM %s WHERE %s AND (%s));",
			viewCheckRaise, i, q, match, k.Cond)
	}
	drop := func() {
		defer c.enterAuth(authOff)()
		_ = c.exec("DROP TRIGGER IF EXISTS temp.raftsql_view_check_insert; DROP TRIGGER IF EXISTS temp.raftsql_view_check_update")
	}
	for _, ev := range []string{"INSERT", "UPDATE"} {
		trig := fmt.Sprintf("CREATE TEMP TRIGGER raftsql_view_check_%s AFTER %s ON %s BEGIN %s END", strings.ToLower(ev), ev, q, body.String())
		if err := c.exec(trig); err != nil {
			drop()
			return nil, mapError(err, "")
		}
	}
	c.explain.row, c.explain.n = nil, 0
	return drop, nil
}

// viewCheckError is PostgreSQL's error for err when a check's trigger
// raised it (nil otherwise): the view, and the row the statement stored.
func viewCheckError(c *lconn, err error, checks []pgdialect.ViewCheck) *Error {
	if err == nil || checks == nil {
		return nil
	}
	_, after, found := strings.Cut(err.Error(), viewCheckRaise)
	if !found {
		return nil
	}
	n := 0
	for n < len(after) && after[n] >= '0' && after[n] <= '9' {
		n++
	}
	i, aerr := strconv.Atoi(after[:n])
	if aerr != nil || i >= len(checks) {
		return nil
	}
	out := errf("44000", "new row violates check option for view \"%s\"", checks[i].View)
	cols := tableColumns(c, checks[i].Table)
	if row := c.explain.row; c.explain.n > 0 && len(row) == len(cols) {
		loc := zoneOf(c)
		vals := make([]string, len(row))
		for k, v := range row {
			vals[k] = textOf(v, cols[k].decl, loc)
		}
		out.DetailText = fmt.Sprintf("Failing row contains (%s).", strings.Join(vals, ", "))
	}
	c.explain.row, c.explain.n = nil, 0
	return out
}
