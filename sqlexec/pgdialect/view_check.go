package pgdialect

import (
	"encoding/hex"
	"encoding/json"
	"strings"
)

// view_check.go: CREATE VIEW ... WITH [LOCAL | CASCADED] CHECK OPTION.
// SQLite's CREATE VIEW has no such clause: it is taken off the query and
// kept as a mark beside the view's PostgreSQL text (viewCheckMark), which
// the session reads when a statement writes through the view
// (view_write.go).

// viewCheckClause finds a trailing WITH [LOCAL | CASCADED] CHECK OPTION:
// its kind (CASCADED when not given, as in PostgreSQL) and the index of
// its WITH; "" and -1 when there is none.
func (x *tx) viewCheckClause() (string, int) {
	n := x.n()
	if n < 4 || !x.T(n-1).kw("OPTION") || !x.T(n-2).kw("CHECK") {
		return "", -1
	}
	k, kind := n-3, "CASCADED"
	if x.T(k).kw("LOCAL") || x.T(k).kw("CASCADED") {
		kind = x.T(k).upper()
		k--
	}
	if !x.T(k).kw("WITH") || x.depth[k] != 0 {
		return "", -1
	}
	return kind, k
}

// A write through a view WITH CHECK OPTION (PostgreSQL's WCO_VIEW_CHECK,
// rewriteTargetView): an INSERT or UPDATE whose new row the view would
// not show fails with 44000 "new row violates check option for view".
// The views checked are the target and, under a CASCADED option, every
// view below it, plus any view below with an option of its own; the
// innermost is checked first. Each check is the view's WHERE written over
// the base table (CheckStatement, carried down by RewriteCheck) and
// translated (ViewCheckCond). The session marks the translated statement
// with its checks (MarkViewChecks); at apply they become temporary
// triggers of that one statement (sqlexec/view_check.go), so every node
// tests the rows it stores against the same conditions.

// ViewCheck is one view's condition over the base table a write stores
// its rows in.
type ViewCheck struct {
	View  string // the view, as its error names it
	Table string // the base table
	Cond  string // SQLite condition over Table's columns (qualified by its name)
}

// CheckStatement is "DELETE FROM base WHERE cond": the view's WHERE over
// its base relation, in the one form RewriteCheck carries through the
// views below; "" when the view has no WHERE (nothing to check).
func (v *ViewWrite) CheckStatement() string {
	q := quoteIdent(v.Base)
	w := v.whereText(q)
	if w == "" {
		return ""
	}
	return "DELETE FROM " + q + " WHERE " + w
}

// RewriteCheck is check (CheckStatement's form, over the view v) written
// onto v's base relation: v's columns become the base columns or
// expressions they read, and v's own WHERE is not added (it is checked
// only where v is); cols as for RewriteViewWrite.
func RewriteCheck(check string, v *ViewWrite, cols RelCols) (string, error) {
	bare := *v
	bare.where = [2]int{}
	out, ok, err := rewriteViewWrite(check, &bare, cols, true)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", &Error{Code: "0A000", Message: "the check option of view \"" + v.Name + "\" cannot be written over its base relation"}
	}
	return out, nil
}

// ViewCheckCond translates check (CheckStatement's form, over a table)
// into the ViewCheck of view.
func ViewCheckCond(view, check string) (ViewCheck, error) {
	rest, ok := strings.CutPrefix(check, "DELETE FROM ")
	refuse := &Error{Code: "0A000", Message: "the check option of view \"" + view + "\" is not supported here"}
	if !ok {
		return ViewCheck{}, refuse
	}
	x := newTx(rest)
	table, j := x.name(0)
	if table == "" || !x.kw(j, "WHERE") {
		return ViewCheck{}, refuse
	}
	st, err := Translate("SELECT 1 FROM " + rest)
	if err != nil {
		return ViewCheck{}, err
	}
	// the translation of "SELECT 1 FROM t WHERE cond" is a SELECT of the
	// same shape; its condition is what follows the first WHERE
	if st == nil || len(st.Exec) != 1 || st.Bound != nil {
		return ViewCheck{}, refuse
	}
	out := st.Exec[0]
	head := "SELECT 1 AS \"?column?\" FROM " + x.text(0, j) + " WHERE "
	cond, ok := strings.CutPrefix(out, head)
	if !ok {
		return ViewCheck{}, refuse
	}
	return ViewCheck{View: view, Table: table, Cond: cond}, nil
}

// viewChecksMark follows a statement that writes through a view with a
// check option: the hex of its checks' JSON, then "*/".
const viewChecksMark = " /*pg_view_checks:"

// MarkViewChecks is the translated statement stmt with its checks.
func MarkViewChecks(stmt string, checks []ViewCheck) string {
	b, _ := json.Marshal(checks)
	return stmt + viewChecksMark + hex.EncodeToString(b) + "*/"
}

// ParseViewChecks is the statement MarkViewChecks marked and its checks;
// false for any other statement.
func ParseViewChecks(sqlText string) (stmt string, checks []ViewCheck, ok bool) {
	if !strings.HasSuffix(sqlText, "*/") {
		return "", nil, false
	}
	k := strings.LastIndex(sqlText, viewChecksMark)
	if k < 0 {
		return "", nil, false
	}
	b, err := hex.DecodeString(sqlText[k+len(viewChecksMark) : len(sqlText)-2])
	if err != nil || json.Unmarshal(b, &checks) != nil || len(checks) == 0 {
		return "", nil, false
	}
	return sqlText[:k], checks, true
}
