package pgdialect

import (
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"strings"

	sqlite "modernc.org/sqlite"
)

// COMMENT ON TABLE t IS '...' | NULL and COMMENT ON COLUMN t.c IS ...
//
// A comment is kept in the table's own CREATE TABLE text in sqlite_schema,
// as a marker comment (commentMark, the text in hex) right after the "("
// of the element list (the table's) or after the column's name (the
// column's). It is written at apply by the table-change mechanism
// (altercolumn.go, sqlexec/tablechange.go), so it is replicated and in
// snapshots, it goes when the table is dropped (a new table of the same
// name has none) and follows a rename. pg_description, obj_description
// and col_description read it; pg_dump dumps it. Comments on views,
// indexes, sequences, types, constraints and the schema: comment_objects.go.

const commentMark = "/*pg_comment:"

// comment translates COMMENT ON at x (ok false: not a kept form).
func (x *tx) comment() (*Stmt, bool, error) {
	if st, ok, err := x.commentObject(); ok || err != nil { // comment_objects.go
		return st, ok, err
	}
	if !x.kw(1, "ON") || !(x.kw(2, "TABLE") || x.kw(2, "COLUMN")) {
		return nil, false, nil
	}
	var parts []string
	j := 3
	for {
		t := x.T(j)
		if t.typ != tIdent && t.typ != tQIdent {
			return nil, false, x.syntaxErrAt(j)
		}
		parts = append(parts, t.identName())
		j++
		if !x.isP(j, ".") {
			break
		}
		j++
	}
	if !x.kw(j, "IS") || j+2 != x.n() {
		return nil, false, x.syntaxErrAt(j)
	}
	ac := TableChange{Action: "comment"}
	if x.kw(2, "COLUMN") {
		if len(parts) < 2 {
			return nil, false, pgErr("42601", "column name must be qualified")
		}
		ac.Table, ac.Column = parts[len(parts)-2], parts[len(parts)-1]
	} else {
		ac.Table = parts[len(parts)-1]
	}
	if x.kw(j+1, "NULL") {
		ac.IfExists = true // the comment is removed
	} else if v, ok := unquoteString(x.T(j + 1)); ok {
		ac.Expr = v
	} else {
		return nil, false, x.syntaxErrAt(j + 1)
	}
	return &Stmt{Kind: KindQuery, Tag: "COMMENT", Exec: []string{ac.statement()}}, true, nil
}

// SetComment returns the CREATE TABLE text createSQL with the comment of
// TableChange ac (Column "" = the table's; IfExists = remove) set.
func SetComment(createSQL string, ac TableChange) (string, error) {
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return "", pgErr("XX000", "table %s has no element list", ac.Table)
	}
	at := open // the significant token the comment follows
	if ac.Column != "" {
		at = -1
		for _, el := range x.splitTop(open+1, x.match(open)) {
			if n, _ := x.name(el[0]); n != "" && strings.EqualFold(n, ac.Column) && !x.T(el[0]).kw("CONSTRAINT") &&
				!x.T(el[0]).kw("PRIMARY") && !x.T(el[0]).kw("UNIQUE") && !x.T(el[0]).kw("CHECK") && !x.T(el[0]).kw("FOREIGN") {
				at = el[0]
				break
			}
		}
		if at < 0 {
			return "", pgErr("42703", "column \"%s\" of relation \"%s\" does not exist", ac.Column, ac.Table)
		}
	}
	var b strings.Builder
	for k := range x.toks {
		t := &x.toks[k]
		if t.typ == tComment && strings.HasPrefix(t.text, commentMark) && k > x.sig[at] && (at+1 >= x.n() || k < x.sig[at+1]) {
			continue // the old comment
		}
		b.WriteString(t.text)
		if k == x.sig[at] && !ac.IfExists {
			b.WriteString(" " + commentMark + hex.EncodeToString([]byte(ac.Expr)) + "*/")
		}
	}
	return b.String(), nil
}

// fnTableComments(createSQL) is the comments kept in a CREATE TABLE text
// as a JSON array of [column, text] ("" for the table's).
func fnTableComments(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql := str(a[0])
	if !strings.Contains(sql, commentMark) {
		return "[]", nil
	}
	x := newTx(sql)
	open := x.firstTopParen()
	var out [][2]string
	for k := range x.toks {
		t := &x.toks[k]
		if t.typ != tComment || !strings.HasPrefix(t.text, commentMark) {
			continue
		}
		b, err := hex.DecodeString(strings.TrimSuffix(strings.TrimPrefix(t.text, commentMark), "*/"))
		if err != nil {
			continue
		}
		col := ""
		for i := x.n() - 1; i >= 0; i-- { // the significant token before the comment
			if x.sig[i] < k {
				if i != open {
					col = x.T(i).identName()
				}
				break
			}
		}
		out = append(out, [2]string{col, string(b)})
	}
	if out == nil {
		return "[]", nil
	}
	j, _ := json.Marshal(out)
	return string(j), nil
}

// descriptionRewrite translates obj_description(oid[, catalog]) and
// col_description(oid, attnum) at i into a lookup of pg_description, each
// argument written once (as formatTypeRewrite does).
func (x *tx) descriptionRewrite(i int, fname string) bool {
	if !x.isP(i+1, "(") {
		return false
	}
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if len(args) == 0 || len(args) > 2 || args[0][0] >= args[0][1] || e >= x.n() {
		return false
	}
	sub := "0"
	if fname == "col_description" {
		if len(args) != 2 {
			return false
		}
		sub = "pgd_dx.b"
	}
	x.T(i).set("(SELECT pgd_d.description FROM pg_description pgd_d, (SELECT ")
	x.T(i + 1).set("")
	if len(args) == 2 {
		x.T(args[0][1]).set(" AS a, ")
		x.T(e).set(" AS b) pgd_dx WHERE pgd_d.objoid = pgd_dx.a AND pgd_d.objsubid = " + sub + ")")
	} else {
		x.T(e).set(" AS a) pgd_dx WHERE pgd_d.objoid = pgd_dx.a AND pgd_d.objsubid = 0)")
	}
	x.catalog = true
	return true
}
