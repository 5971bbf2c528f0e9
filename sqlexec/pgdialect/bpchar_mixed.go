package pgdialect

// bpchar_mixed.go: char(n) beside varchar where PostgreSQL resolves a
// common type: a set operation's column (SELECT c FROM t UNION SELECT v
// FROM u) and coalesce/greatest/least. PostgreSQL takes the first
// operand's type when the others convert to it implicitly, and char(n)
// and varchar convert to each other: char(n) first makes the column
// bpchar, whose values keep their blanks as printed (a char(4) 'a' is
// `a   `, a varchar 'c ' stays `c `) but compare, and convert to text,
// without trailing blanks (char(4) 'a' and varchar 'a  ' are one row of a
// UNION; greatest(c, v) || '|' is `a|`). A char(n) value is kept without
// its blanks (bpchar.go), so the set operation printed `a` and kept `a`
// and `a  ` apart, and greatest/coalesce answered the varchar's blanks.
//
// The types are the columns' declared types, known once SQLite has
// compiled the statement (bpchar_compare.go reads them likewise):
//   - a set operation's column whose first operand is a char(n) column
//     and another a varchar column compares by SQLite's RTRIM collation
//     (set on the first operand's item, whose collation SQLite takes for
//     the column); at the top level its char(n) items are padded, as
//     printed (pg_bpchar_pad), and inside a subquery or CTE its varchar
//     items lose their trailing blanks, as the text a bpchar value
//     becomes;
//   - a coalesce (greatest and least are max/min over coalesce calls,
//     strsyntax.go) whose first argument is a char(n) column reads its
//     varchar column arguments without their trailing blanks.
// Remaining: a value of such a coalesce or nested set operation printed
// alone lacks the blanks PostgreSQL prints (docs "Differences").

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BpcharMixedConversion is sqlText (SQLite text) converted as the file's
// comment describes, "" when nothing is. declOf evaluates an SQL
// expression (a declared type's read) and returns its text.
func BpcharMixedConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, "coalesce(") && !strings.Contains(low, "union") &&
		!strings.Contains(low, "intersect") && !strings.Contains(low, "except") {
		return ""
	}
	x := newTx(sqlText)
	bt := &bpcharTypes{x: x, declOf: declOf}
	var eds []textEdit
	trimmed := map[int]bool{} // a varchar item's first token, wrapped once
	trim := func(a, b int) {
		if trimmed[a] {
			return
		}
		trimmed[a] = true
		eds = append(eds, textEdit{x.T(a).pos, 0, "rtrim("},
			textEdit{x.T(b-1).pos + len(x.T(b-1).text), 0, ", ' ')"})
	}
	// column types, read only for bare columns (bt.of reads the schema)
	colType := func(a, b int) (uint32, int32) {
		if x.inSchemaQuery(a) || !bt.column(a, b) {
			return 0, -1
		}
		return bt.of(a, b)
	}
	// lead is the first argument of the call at i, through nested
	// coalesce calls
	var lead func(i int) (int, int)
	lead = func(i int) (int, int) {
		args := x.splitTop(i+2, x.match(i+1))
		if len(args) == 0 {
			return -1, -1
		}
		a, b := x.unparen(args[0][0], args[0][1])
		if x.isCall(a, "coalesce") && x.match(a+1) == b-1 {
			return lead(a)
		}
		return a, b
	}
	// varcharArgs wraps the varchar column arguments of the call at i,
	// through nested coalesce calls
	var varcharArgs func(i int)
	varcharArgs = func(i int) {
		for _, arg := range x.splitTop(i+2, x.match(i+1)) {
			a, b := x.unparen(arg[0], arg[1])
			if x.isCall(a, "coalesce") && x.match(a+1) == b-1 {
				varcharArgs(a)
				continue
			}
			if o, _ := colType(a, b); o == pgoid.Varchar {
				trim(a, b)
			}
		}
	}
	for i := 0; i+1 < x.n(); i++ {
		if !x.isCall(i, "coalesce") && !x.isCall(i, "max") && !x.isCall(i, "min") {
			continue
		}
		if !x.isCall(i, "coalesce") && len(x.splitTop(i+2, x.match(i+1))) < 2 {
			continue // the aggregate
		}
		if a, b := lead(i); a >= 0 {
			if o, _ := colType(a, b); o == pgoid.Bpchar {
				varcharArgs(i)
			}
		}
	}
	// set operations: the statement's, and those of its subqueries
	starts := []int{x.withEnd()} // compoundarms.go
	for i := 0; i+1 < x.n(); i++ {
		if x.isP(i, "(") && x.kw(i+1, "SELECT") && !x.recursiveBody(i) { // unionfirst.go
			starts = append(starts, i+1)
		}
	}
	done := map[int]bool{}
	for n, s := range starts {
		if s >= x.n() || n == 0 && s > 0 && !x.T(0).kw("WITH") {
			continue
		}
		arms := x.compoundArmBoundsAt(s)
		if len(arms) < 2 || done[arms[0][0]] {
			continue
		}
		done[arms[0][0]] = true
		eds = append(eds, x.bpcharSetOp(arms, n == 0 && x.depth[s] == 0, colType, trim)...)
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// bpcharSetOp is the edits of the set operation of operands arms (see
// above): top when it is the statement's own.
func (x *tx) bpcharSetOp(arms [][2]int, top bool, colType func(a, b int) (uint32, int32), trim func(a, b int)) []textEdit {
	items := make([][][2]int, len(arms))
	for k, arm := range arms {
		if !x.T(arm[0]).kw("SELECT") {
			return nil
		}
		items[k], _ = x.selectListAt(arm[0])
		if len(items[k]) != len(items[0]) {
			return nil
		}
	}
	var eds []textEdit
	for c := range items[0] {
		a0, b0 := x.itemExpr(items[0][c][0], items[0][c][1])
		first, _ := colType(a0, b0)
		if first != pgoid.Bpchar {
			continue
		}
		mixed := false
		for k := 1; k < len(arms); k++ {
			a, b := x.itemExpr(items[k][c][0], items[k][c][1])
			if o, _ := colType(a, b); o == pgoid.Varchar {
				mixed = true
			}
		}
		if !mixed {
			continue
		}
		for k := range arms {
			a, b := x.itemExpr(items[k][c][0], items[k][c][1])
			o, mod := colType(a, b)
			pre, suf := "", ""
			switch {
			case o == pgoid.Bpchar && top && mod > 4:
				pre, suf = "(pg_bpchar_pad(", ", "+strconv.Itoa(int(mod-4))+"))"
			case o == pgoid.Varchar && !top:
				trim(a, b)
			}
			if k == 0 {
				pre, suf = "("+pre, suf+" COLLATE RTRIM)"
			}
			if pre == "" {
				continue
			}
			if b == items[k][c][1] {
				_, col, _ := x.bareColumn(x.unparen(a, b))
				suf += " AS " + quoteIdent(col)
			}
			eds = append(eds, textEdit{x.T(a).pos, 0, pre},
				textEdit{x.T(b-1).pos + len(x.T(b-1).text), 0, suf})
		}
	}
	return eds
}

// unwrapBpcharPad is the SQLite statement sqlText without the padding
// and collation bpcharSetOp wrote on operands' items, ((pg_bpchar_pad(c,
// n)) COLLATE RTRIM) on the first, (pg_bpchar_pad(c, n)) on others: the
// items as written, whose declared types describe the compound
// (sqlexec/compounddecl.go).
func unwrapBpcharPad(sqlText string) string {
	if !strings.Contains(sqlText, "(pg_bpchar_pad(") {
		return sqlText
	}
	x := newTx(sqlText)
	var eds []textEdit
	for i := 0; i+2 < x.n(); i++ {
		if !x.isP(i, "(") || !x.isCall(i+1, "pg_bpchar_pad") {
			continue
		}
		close, m := x.match(i), x.match(i+2)
		if close < 0 || close >= x.n() || m+1 != close {
			continue
		}
		args := x.splitTop(i+3, m)
		if len(args) != 2 {
			continue
		}
		a, b := args[0][0], args[0][1]
		eds = append(eds, textEdit{x.T(i).pos, x.T(a).pos - x.T(i).pos, ""},
			textEdit{x.T(b-1).pos + len(x.T(b-1).text), x.T(close).pos + 1 - (x.T(b-1).pos + len(x.T(b-1).text)), ""})
		i = close
	}
	if len(eds) == 0 {
		return sqlText
	}
	return applyEdits(sqlText, eds)
}
