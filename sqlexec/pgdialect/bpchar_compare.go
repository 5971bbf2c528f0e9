package pgdialect

// bpchar_compare.go: a character(n) column compared with a varchar
// column. PostgreSQL resolves char(n) = varchar (and <, IN, IS DISTINCT
// FROM, a join's ON) as bpchar's comparison, which ignores trailing
// blanks on both sides: a char(4) 'a' equals a varchar 'a  '. A char(n)
// value is kept without its trailing blanks (bpchar.go), the varchar with
// them, so SQLite's comparison of the texts answered false. (Beside text
// PostgreSQL compares texts, the char(n) value without its blanks, which
// is what SQLite does already.)
//
// The translation has no schema. Once SQLite has compiled the statement
// (as for the other conversions by declared types, compiled_types.go), a
// comparison between two column references whose declared types are
// char(n) and varchar gets SQLite's RTRIM collation, which ignores
// trailing blanks as bpchar's comparison does (both compare the rest
// bytewise, raftsql's C collation): `c = v COLLATE RTRIM`, and for IN
// `c COLLATE RTRIM IN (v, ...)`. The reads of the declared types are the
// schema's, the same on every node, once per compiled statement; a
// statement without a comparison of two columns is not lexed.

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// bpcharCmpOps are the comparison operators of the SQLite text.
var bpcharCmpOps = map[string]bool{"=": true, "==": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true,
	opDistinct: true, opNotDistinct: true} // distinct_operator.go

// BpcharCompareConversion is sqlText (SQLite text) with the comparisons
// the file's comment describes collated, "" when none is. declOf
// evaluates an SQL expression (a declared type's read) and returns its
// text.
func BpcharCompareConversion(sqlText string, declOf func(expr string) string) string {
	if low := strings.ToLower(sqlText); !strings.ContainsAny(sqlText, "=<>") && !strings.Contains(low, " in ") &&
		!strings.Contains(low, " is ") && !strings.Contains(low, "nullif(") {
		return ""
	}
	x := newTx(sqlText)
	bt := &bpcharTypes{x: x, declOf: declOf}
	typeOf := func(a, b int) uint32 {
		o, _ := bt.of(a, b)
		return o
	}
	mixed := func(l, r uint32) bool {
		if r == pgoid.Bpchar {
			l, r = r, l
		}
		// char(n) beside varchar, or beside a quoted literal (which
		// becomes char(n)); a char(n) column beside a literal compares
		// with the literal read as its type already (pg_in_col)
		return l == pgoid.Bpchar && (r == pgoid.Varchar || r == pgoid.Unknown)
	}
	// mixedPair is mixed of the operands a0..a1-1 and b0..b1-1, reading
	// a column's declared type (a query of the schema, per compile) only
	// when the other operand may be char(n), varchar or a quoted literal:
	// beside a number, a parameter or any other expression it never is
	// (the simple protocol compiles each new text: pgbench's aid = 56789
	// over tables with char(n) fillers read the schema twice per text)
	mixedPair := func(a0, a1, b0, b1 int) bool {
		if x.inSchemaQuery(a0) {
			return false // raftsql's own run-time type lookup
		}
		if bt.column(a0, a1) && !bt.column(b0, b1) {
			a0, a1, b0, b1 = b0, b1, a0, a1
		}
		first := typeOf(a0, a1)
		if first != pgoid.Bpchar && first != pgoid.Varchar && first != pgoid.Unknown {
			return false
		}
		return mixed(first, typeOf(b0, b1))
	}
	var eds []textEdit
	for i := 1; i+1 < x.n(); i++ {
		t := x.T(i)
		switch {
		case t.typ == tOp && bpcharCmpOps[t.text], t.kw("IS"):
			rs := i + 1
			if t.kw("IS") && x.kw(rs, "NOT") {
				rs++
			}
			if t.kw("IS") && x.kw(rs, "DISTINCT", "FROM") {
				rs += 2
			}
			ls := x.primaryStart(i - 1)
			re := x.operandEnd(rs)
			if ls < 0 || re < 0 || re > x.n() || !x.cmpBoundary(ls-1, re) {
				continue
			}
			if mixedPair(ls, i, rs, re) {
				end := x.T(re-1).pos + len(x.T(re-1).text)
				eds = append(eds, textEdit{end, 0, " COLLATE RTRIM"})
			}
		case x.isCall(i, "nullif"):
			args := x.splitTop(i+2, x.match(i+1))
			if len(args) == 2 && mixedPair(args[0][0], args[0][1], args[1][0], args[1][1]) {
				end := x.T(args[0][1]-1).pos + len(x.T(args[0][1]-1).text)
				eds = append(eds, textEdit{end, 0, " COLLATE RTRIM"})
			}
		case t.kw("IN") && x.isP(i+1, "(") && x.kw(i+2, "SELECT"):
			// x IN (SELECT col FROM ...): the subquery's one item
			le := i
			if x.kw(i-1, "NOT") {
				le = i - 1
			}
			ls := x.primaryStart(le - 1)
			f := x.findKw(i+3, x.match(i+1), x.depth[i+2], "FROM")
			if ls < 0 || f < 0 || !x.cmpBoundary(ls-1, -1) || x.kw(i+3, "DISTINCT") || x.kw(i+3, "ALL") {
				continue
			}
			if mixedPair(ls, le, i+3, f) {
				end := x.T(le-1).pos + len(x.T(le-1).text)
				eds = append(eds, textEdit{end, 0, " COLLATE RTRIM"})
			}
		case t.kw("IN") && x.isP(i+1, "(") && !x.inSchemaQuery(i):
			ls := x.primaryStart(i - 1)
			if x.kw(i-1, "NOT") {
				ls = x.primaryStart(i - 2)
			}
			if ls < 0 {
				continue
			}
			le := i
			if x.kw(i-1, "NOT") {
				le = i - 1
			}
			lt := typeOf(ls, le)
			if lt == 0 || !x.cmpBoundary(ls-1, -1) {
				continue
			}
			found, plain := false, true
			for _, p := range x.splitTop(i+2, x.match(i+1)) {
				if o := typeOf(p[0], p[1]); mixed(lt, o) {
					found = true
				} else if o != 0 && o != lt && o != pgoid.Unknown {
					plain = false // another type: PostgreSQL's resolution is not bpchar's alone
				}
			}
			if found && plain {
				end := x.T(le-1).pos + len(x.T(le-1).text)
				eds = append(eds, textEdit{end, 0, " COLLATE RTRIM"})
			}
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// cmpBoundary reports whether the tokens before a comparison (p) and
// after it (n; -1: not asked) bind looser than it, so its operands are
// the ones read.
func (x *tx) cmpBoundary(p, n int) bool {
	pt, nt := x.T(p), x.T(n)
	before := p < 0 || pt.typ == tPunct && (pt.text == "(" || pt.text == ",") ||
		pt.typ == tIdent && (pt.kw("WHERE") || pt.kw("AND") || pt.kw("OR") || pt.kw("NOT") || pt.kw("ON") || pt.kw("WHEN") ||
			pt.kw("SELECT") || pt.kw("HAVING") || pt.kw("THEN") || pt.kw("ELSE"))
	after := n < 0 || n >= x.n() || nt.typ == tPunct && (nt.text == ")" || nt.text == "," || nt.text == ";") ||
		nt.typ == tIdent && (nt.kw("AND") || nt.kw("OR") || nt.kw("THEN") || nt.kw("WHEN") || nt.kw("ELSE") || nt.kw("END") ||
			nt.kw("ORDER") || nt.kw("GROUP") || nt.kw("LIMIT") || nt.kw("AS") || nt.kw("FROM") || nt.kw("WHERE") ||
			nt.kw("UNION") || nt.kw("INTERSECT") || nt.kw("EXCEPT") || nt.kw("JOIN") || nt.kw("LEFT") || nt.kw("INNER") ||
			nt.kw("RIGHT") || nt.kw("FULL") || nt.kw("CROSS") || nt.kw("HAVING") || nt.kw("WINDOW") || nt.kw("OFFSET") ||
			nt.kw("RETURNING") || nt.kw("NATURAL"))
	return before && after
}

// bpcharTypes reads the types of operands in the SQLite text: a quoted
// literal (unknown), an explicit cast to char(n) or varchar(n), a column
// (its declared type, read once per expression; nothing is read when no
// table has a char(n) column).
type bpcharTypes struct {
	x      *tx
	declOf func(expr string) string
	any    int // whether a char(n) column exists: 0 not asked, 1 no, 2 yes
	decls  map[string]string
}

// of is the type of a..b-1 and its modifier (-1 none), 0 when not known.
// inSchemaQuery reports whether token i is in a subquery that reads
// sqlite_schema or sqlite_temp_schema directly: the run-time type lookups
// the translation writes (name = 't', type IN (...)), whose columns are
// no user's, and whose comparisons, in every translated DML statement,
// read the schema for nothing at each compile.
func (x *tx) inSchemaQuery(i int) bool {
	d := x.depth[i]
	for j := i; j >= 0 && d > 0; j-- {
		if x.depth[j] >= d {
			continue
		}
		// j opens the group i is in
		if x.kw(j+1, "SELECT") {
			f := x.findKw(j+2, x.match(j), d, "FROM")
			if f < 0 {
				return false
			}
			n, _ := x.name(f + 1)
			return n == "sqlite_schema" || n == "sqlite_temp_schema" || n == "sqlite_master"
		}
		d = x.depth[j]
	}
	return false
}

// column reports whether a..b-1 is a bare column reference, whose type
// of reads from the schema.
func (bt *bpcharTypes) column(a, b int) bool {
	a, b = bt.x.unparen(a, b)
	_, _, ok := bt.x.bareColumn(a, b)
	return ok
}

func (bt *bpcharTypes) of(a, b int) (uint32, int32) {
	x := bt.x
	a, b = x.unparen(a, b)
	if b == a+1 && x.T(a).typ == tString {
		return pgoid.Unknown, -1 // a quoted literal: beside char(n) it is char(n)
	}
	if x.isCall(a, "pg_cast_len") && x.match(a+1) == b-1 {
		// an explicit cast to char(n) (true) or varchar(n) (pgcast.go)
		args := x.splitTop(a+2, b-1)
		if len(args) != 3 {
			return 0, -1
		}
		n, err := strconv.Atoi(x.orig(args[1][0], args[1][1]))
		mod := int32(n + 4)
		if err != nil || n <= 0 || n >= 10485760 {
			mod = -1 // bare bpchar: no length
		}
		switch strings.ToLower(x.orig(args[2][0], args[2][1])) {
		case "true":
			return pgoid.Bpchar, mod
		case "false":
			return pgoid.Varchar, mod
		}
		return 0, -1
	}
	if x.T(a).kw("CAST") && x.isP(a+1, "(") && x.match(a+1) == b-1 && b-a >= 6 && x.kw(b-3, "AS") && x.kw(b-2, "VARCHAR") {
		return pgoid.Varchar, -1 // x::varchar, no length (expr.go)
	}
	qual, col, ok := x.bareColumn(a, b)
	if !ok {
		return 0, -1
	}
	if bt.any == 0 {
		bt.any = 1
		if bt.declOf("(SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE sql LIKE '%pg_in_bpchar(%') OR EXISTS (SELECT 1 FROM sqlite_temp_schema WHERE sql LIKE '%pg_in_bpchar(%'))") == "1" {
			bt.any = 2
		}
	}
	if bt.any == 1 {
		return 0, -1 // no char(n) column anywhere: nothing to read
	}
	e := x.columnTypeExpr(qual, col) // pgcast.go
	if e == "NULL" {
		return 0, -1
	}
	if bt.decls == nil {
		bt.decls = map[string]string{}
	}
	d, known := bt.decls[e]
	if !known {
		d = bt.declOf(e)
		bt.decls[e] = d
	}
	return DeclTypeOID(d)
}
