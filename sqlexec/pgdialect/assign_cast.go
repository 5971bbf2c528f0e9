package pgdialect

// assign_cast.go: PostgreSQL refuses at parse time an INSERT, UPDATE or
// ON CONFLICT DO UPDATE whose assigned expression's type has no
// assignment (or implicit) cast to the column's type (42804, column "n"
// is of type numeric but expression is of type boolean), also over no
// rows and for a NULL of that type. pg_in_col converted the value
// instead (storing it, or failing with the input function's error at the
// first row only). Where the statement shows the expression's type (a
// cast, a typed literal, an operator or function result exprOID knows, a
// column qualified by its table, excluded.col), enforceDML passes it to
// pg_in_col as a sixth argument (assignFromType): an SQL expression of a
// declared type name, which reads only the catalog, and the value's
// position in the client's statement as a seventh. sqlexec evaluates it
// with the target's declaration when it prepares the statement and asks
// AssignRefusal (sqlexec/assigncheck.go); at run time InColAt reads it to
// print a real value assigned to a string column as float4out does.

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// assignCasts is pg_cast's casts of context 'a' (assignment) or 'i'
// (implicit) between built-in types, source -> targets, as PostgreSQL
// 15's catalog lists them (castcontext IN ('a', 'i')); a type to itself
// is always allowed.
var assignCasts = map[uint32][]uint32{
	16:   {25, 1042, 1043},
	18:   {25, 1042, 1043},
	19:   {25, 1042, 1043},
	20:   {21, 23, 24, 26, 700, 701, 790, 1700, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191},
	21:   {20, 23, 24, 26, 700, 701, 1700, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191},
	23:   {20, 21, 24, 26, 700, 701, 790, 1700, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191},
	24:   {20, 23, 26, 2202},
	25:   {18, 19, 1042, 1043, 2205},
	26:   {20, 23, 24, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191},
	114:  {3802},
	142:  {25, 1042, 1043},
	194:  {25},
	600:  {603},
	602:  {604},
	603:  {604},
	604:  {602},
	650:  {25, 869, 1042, 1043},
	700:  {20, 21, 23, 701, 1700},
	701:  {20, 21, 23, 700, 1700},
	774:  {829},
	790:  {1700},
	829:  {774},
	869:  {25, 650, 1042, 1043},
	1042: {18, 19, 25, 1043},
	1043: {18, 19, 25, 1042, 2205},
	1082: {1114, 1184},
	1083: {1186, 1266},
	1114: {1082, 1083, 1184},
	1184: {1082, 1083, 1114, 1266},
	1186: {1083},
	1266: {1083},
	1560: {1562},
	1562: {1560},
	1700: {20, 21, 23, 700, 701, 790},
	2202: {20, 23, 24, 26},
	2203: {20, 23, 26, 2204},
	2204: {20, 23, 26, 2203},
	2205: {20, 23, 26},
	2206: {20, 23, 26},
	3361: {17, 25},
	3402: {17, 25},
	3734: {20, 23, 26},
	3769: {20, 23, 26},
	3802: {114},
	4089: {20, 23, 26},
	4096: {20, 23, 26},
	4191: {20, 23, 26},
	5017: {17, 25},
}

// AssignHint is PostgreSQL's hint beside AssignRefusal's message.
const AssignHint = "You will need to rewrite or cast the expression."

// AssignRefusal is PostgreSQL's 42804 message for assigning a value of
// the declared type from to column col of declared type to, ok=false
// when an assignment cast exists or a type is not known here.
func AssignRefusal(col, from, to string) (msg string, ok bool) {
	fo, to2 := assignDeclOID(from), assignDeclOID(to)
	if fo == 0 || to2 == 0 || assignable(fo, to2) {
		return "", false
	}
	return "column \"" + col + "\" is of type " + FormatType(to2, -1) + " but expression is of type " + FormatType(fo, -1), true
}

// assignDeclOID is the type of a declared type name, 0 when raftsql does
// not know it for certain (an enum, a domain, SQLite's own names).
func assignDeclOID(decl string) uint32 {
	d := strings.ToLower(strings.TrimSpace(decl))
	e, arr := arrayDeclElem(d)
	if !arr {
		e = d
	}
	if !DeclTypeKnown(e) {
		return 0
	}
	o, _ := DeclTypeOID(d)
	if typesByOID[o] == nil {
		return 0
	}
	return o
}

// assignable reports whether PostgreSQL assigns a value of type from to a
// column of type to: the same type, a cast of assignCasts, any type to a
// string type through its output function (CoerceViaIO, allowed in
// assignment), and an array to an array whose element types assign.
func assignable(from, to uint32) bool {
	if from == to {
		return true
	}
	switch to {
	case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name:
		return true
	}
	fe, te := pgoid.ElemOf(from), pgoid.ElemOf(to)
	if fe != 0 && te != 0 {
		return assignable(fe, te)
	}
	for _, t := range assignCasts[from] {
		if t == to {
			return true
		}
	}
	return false
}

// assignFromType is pg_in_col's sixth and seventh arguments for the value
// lo..hi-1 assigned to a column of table tbl from scope
// (assign_columns.go): the SQL expression of its type (assign_exprs.go)
// and its position (assignPosition); "" when the statement does not show
// the type: a string literal or NULL is unknown to PostgreSQL (read as
// the column's type), a parameter's type is the column's.
func (x *tx) assignFromType(lo, hi int, tbl string, scope int) string {
	t := x.assignTypeExpr(lo, hi, tbl, scope)
	if p, ok := x.preAssign[lo]; ok && p.end == hi {
		// read before the expression pass (assign_exprs.go), from the
		// tokens as written: the rewritten text's type where that one
		// names none
		switch {
		case t == "" || p.expr[0] == '\'':
			t = p.expr
		case t != p.expr:
			t = "coalesce(nullif(" + p.expr + ", ''), " + t + ")"
		}
	}
	if t == "" {
		return ""
	}
	if hi-lo == 2 && x.T(lo).typ == tIdent && x.T(lo+1).typ == tString {
		lo++ // a typed literal (interval '1 day'): PostgreSQL's position is its string's
	}
	return t + x.assignPosition(lo)
}

// assignPosition is ", " and the 1-based character position of token i in
// the client's statement (0: not known, as in a part of a statement
// translated on its own), where PostgreSQL places 42804.
func (x *tx) assignPosition(i int) string { return ", " + strconv.Itoa(x.clientPos(i)) }

// clientPos is the 1-based character position of token i in the client's
// statement (0: not known).
func (x *tx) clientPos(i int) int {
	if x.client == "" {
		return 0
	}
	var pos int
	if x.client == x.src {
		pos = x.srcRunes(x.T(i).pos) + 1
	} else {
		// aligned once per statement (errpos.go)
		if x.clientAlign == nil {
			x.clientAlign = alignStatements(x.client, x.src)
		}
		p, _, atEnd, ok := x.clientAlign.at(x.T(i).pos)
		if !ok || atEnd {
			return 0
		}
		pos = p
	}
	if x.outer != nil {
		pos += x.outer.base // the part after a WITH list (withdml.go)
	}
	return pos
}

// hasParam reports whether lo..hi-1 holds a $n parameter.
func (x *tx) hasParam(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if x.T(k).typ == tParam {
			return true
		}
	}
	return false
}

// AssignSite is one assigned value whose type the statement shows: the
// SQL of its declared type, the SQL of the target table's CREATE text and
// of its column (pg_in_col's second and third arguments), and the value's
// position in the client's statement (0: not known). A quoted literal
// of a VALUES list, of unknown type, is a site too (Literal: its SQL, and
// no FromType): PostgreSQL reads it with the column's input function as
// it meets it, so its 22P02 comes before a later value's 42804.
type AssignSite struct {
	FromType, Create, Col string
	Pos                   int
	Literal               string
	// Const: the SQL of the conversion of a number constant a SET
	// assigns (UPDATE's or ON CONFLICT DO UPDATE's: SET n = 123.4), which
	// PostgreSQL folds when it plans the statement, so that its error
	// (22003 numeric field overflow into numeric(3,1), integer out of
	// range) comes whether or not a row is written; "" otherwise
	Const string
}

// AssignSites finds the pg_in_col calls of the compiled text sqlText that
// carry the value's type (assignFromType) or convert a quoted literal, in
// the statement's order.
func AssignSites(sqlText string) []AssignSite {
	if !strings.Contains(sqlText, "pg_in_col(") {
		return nil
	}
	x := newTx(sqlText)
	if !x.balanced() {
		return nil
	}
	var out []AssignSite
	set := x.dmlStart() // withdml.go
	if !x.T(set).kw("UPDATE") {
		set = -1
	}
	for i := 0; i < x.n(); i++ {
		if x.depth[i] == 0 && x.kw(i, "DO", "UPDATE", "SET") {
			set = i
		}
		if !x.T(i).kw("pg_in_col") || !x.isP(i+1, "(") {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		arg := func(k int) string { return x.text(args[k][0], args[k][1]) }
		switch {
		case len(args) == 7:
			pos, _ := strconv.Atoi(arg(6))
			site := AssignSite{FromType: arg(5), Create: arg(1), Col: arg(2), Pos: pos}
			if set >= 0 && x.numberConst(args[0][0], args[0][1]) { // numeric_runtimecmp.go
				site.Const = x.text(i, x.match(i+1)+1)
			}
			out = append(out, site)
		case len(args) == 5 && arg(4) == "'unknown'" && args[0][1] == args[0][0]+1 && x.T(args[0][0]).typ == tString:
			out = append(out, AssignSite{Create: arg(1), Col: arg(2), Literal: arg(0)})
		}
	}
	return out
}
