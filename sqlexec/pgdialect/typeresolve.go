package pgdialect

// Common type resolution. PostgreSQL gives the columns of a set operation
// (UNION, INTERSECT, EXCEPT), the rows of a VALUES list, the branches of
// CASE and the arguments of COALESCE, GREATEST and LEAST one type
// (select_common_type): the values of known type decide it (int4 with
// numeric is numeric, int4 with int8 int8, anything numeric with float8
// float8), a quoted literal of unknown type is read by that type's input
// function (so SELECT 1 UNION SELECT 'a' is 22P02, invalid input syntax
// for type integer) and only literals alone make text. SQLite has no such
// step: it would return 1 and 'a' in one column and describe the column
// by its first row. Here, where the translation can see every branch's
// type, the unknown literals are converted by the resolved type's cast,
// values of a narrower numeric type are widened to it (1 UNION 1.0 is one
// row, as in PostgreSQL), and the result column is described with it
// whatever the rows are (an empty result included). A branch whose type
// is not visible (a column, a function the translation does not type)
// leaves the column as it was. Categories that cannot be matched (integer
// with text) are 42804, as PostgreSQL says.

import (
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// branchKind of an expression taking part in a resolution.
const (
	branchTyped   = iota // of a known type
	branchUnknown        // a quoted literal: unknown, converted to the result
	branchNull           // NULL: any type
	branchOpaque         // of a type the translation cannot see
)

// branch is one expression (tokens a..b-1) of a resolution.
type branch struct {
	a, b int
	kind int
	oid  uint32
}

// stringKeepsFirst: string types each of which casts implicitly to the
// other, of which a common type is the first one's.
var stringKeepsFirst = map[uint32]bool{pgoid.Text: true, pgoid.Varchar: true}

// numericRank orders the numeric types by PostgreSQL's implicit casts.
var numericRank = map[uint32]int{pgoid.Int2: 1, pgoid.Int4: 2, pgoid.Int8: 3, pgoid.Numeric: 4, pgoid.Float4: 5, pgoid.Float8: 6}

// resolveTypeNames are the names PostgreSQL's 42804 message uses.
var resolveTypeNames = map[uint32]string{pgoid.Int2: "smallint", pgoid.Int4: "integer", pgoid.Int8: "bigint",
	pgoid.Numeric: "numeric", pgoid.Float4: "real", pgoid.Float8: "double precision", pgoid.Text: "text",
	pgoid.Bool: "boolean", pgoid.Date: "date"}

// classify types expression a..b-1.
func (x *tx) classify(a, b int) branch {
	br := branch{a: a, b: b, kind: branchOpaque}
	if a >= b || b > x.n() {
		return br // an empty or unterminated expression: SQLite's syntax error
	}
	if b-a == 1 && x.T(a).kw("NULL") {
		br.kind = branchNull
		return br
	}
	if b-a == 1 && x.plainLiteral(a) {
		br.kind = branchUnknown
		return br
	}
	if o := unknownLitOIDs[x.numType(a, b)]; o != 0 {
		br.kind, br.oid = branchTyped, o
		return br
	}
	if x.numType(a, b) == "numeric" {
		br.kind, br.oid = branchTyped, pgoid.Numeric
		return br
	}
	if o := x.exprOID(a, b); o != 0 {
		br.kind, br.oid = branchTyped, o
	} else if o := x.plainArithType(a, b); o != 0 {
		br.kind, br.oid = branchTyped, o
	}
	return br
}

// arithOIDNames are the static type names of arith.go by OID.
var arithOIDNames = map[uint32]string{pgoid.Int2: "int2", pgoid.Int4: "int4", pgoid.Int8: "int8", pgoid.Numeric: "numeric", pgoid.Float4: "float4", pgoid.Float8: "float8"}

// plainArithType is the type of a..b-1 when it is arithmetic (+ - * / %)
// not yet rewritten by the expression pass over operands of known
// numeric types (x + 1 in a CTE over an int4 column is int4), else 0.
func (x *tx) plainArithType(a, b int) uint32 {
	if a >= b { // an empty operand (least(NULL, at the end): SQLite reports the syntax error
		return 0
	}
	d := x.depth[a]
	res, op, s := "", "", a
	for k := a; k <= b; k++ {
		if k < b && (x.depth[k] != d || x.T(k).typ != tOp) {
			continue
		}
		if k < b {
			switch x.T(k).text {
			case "+", "-", "*", "/", "%":
			default:
				return 0
			}
			if k == s {
				return 0 // a sign: not handled here
			}
		}
		if k == b && s == a {
			return 0 // no operator
		}
		br := x.classify(s, k)
		t := arithOIDNames[br.oid]
		if br.kind != branchTyped || t == "" {
			return 0
		}
		if res == "" {
			res = t
		} else {
			res = arithResult(op, res, t)
		}
		if k < b {
			op, s = x.T(k).text, k+1
		}
	}
	return unknownLitOIDs[res] + map[string]uint32{"numeric": pgoid.Numeric}[res]
}

// commonType is the resolved type of branches (0 when it cannot be seen),
// or PostgreSQL's 42804 when their types cannot be matched (what names
// the construct: UNION, CASE, COALESCE ...).
func commonType(brs []branch, what string) (uint32, *Error) {
	var res uint32
	opaque := false
	for _, br := range brs {
		switch br.kind {
		case branchOpaque:
			opaque = true
		case branchTyped:
			switch {
			case res == 0 || res == br.oid:
				res = br.oid
			case numericRank[res] > 0 && numericRank[br.oid] > 0:
				if numericRank[br.oid] > numericRank[res] {
					res = br.oid
				}
			case stringKeepsFirst[res] && stringKeepsFirst[br.oid]:
				// text and varchar cast to each other implicitly, so
				// PostgreSQL keeps the first (select_common_type):
				// least(vc, t) is varchar, least(t, vc) text
			case resolveTypeNames[res] != "" && resolveTypeNames[br.oid] != "":
				return 0, &Error{Code: "42804", Message: fmt.Sprintf("%s types %s and %s cannot be matched", what, resolveTypeNames[res], resolveTypeNames[br.oid])}
			default:
				return 0, nil
			}
		}
	}
	if opaque {
		// a branch of a type not seen (a column): boolean has no implicit
		// cast to or from another type, so where one branch is boolean
		// the others are too or PostgreSQL refuses the statement (CASE
		// WHEN c THEN paid ELSE false END is boolean); any other type
		// could be widened by the unseen branch
		if res == pgoid.Bool {
			return res, nil
		}
		return 0, nil
	}
	if res == 0 {
		for _, br := range brs {
			if br.kind == branchUnknown {
				return pgoid.Text, nil
			}
		}
	}
	return res, nil
}

// mismatchAt is the first of brs, whose types cannot be matched
// (commonType's 42804), whose type does not match the ones before it:
// where PostgreSQL places the error.
func mismatchAt(brs []branch, what string) branch {
	for n := 2; n < len(brs); n++ {
		if _, err := commonType(brs[:n], what); err != nil {
			return brs[n-1]
		}
	}
	return brs[len(brs)-1]
}

// resolveBranches converts branches to type o: unknown literals by o's
// input function, narrower numeric values widened to numeric or float8,
// numeric constants of a numeric result kept exact (numericConst).
func (x *tx) resolveBranches(brs []branch, o uint32) *Error {
	var first *Error
	for _, br := range brs {
		switch {
		case br.kind == branchTyped && br.oid == pgoid.Numeric && o == pgoid.Numeric:
			x.numericConst(br.a, br.b) // arith.go
		case br.kind == branchUnknown:
			if err := x.checkLiteral(br.a, o); err != nil && first == nil {
				first = err
			}
			if _, ok := unknownLitCast[o]; ok {
				x.typeLiteral(br.a, o)
			} else if o == pgoid.Numeric || o == pgoid.JSONB {
				// jsonb: printed in its normal form ('{"b":2,  "a":1}'
				// beside a jsonb is {"a": 1, "b": 2})
				pre, suf, _ := checkedCast(resolveCastType(o), "", true)
				x.T(br.a).wpre, x.T(br.a).wsuf = pre, suf
			} else {
				continue
			}
			x.setResolved(br.a, br.b, o)
		case br.kind == branchTyped && br.oid != o && numericRank[br.oid] > 0 && (o == pgoid.Numeric || o == pgoid.Float8):
			tt := resolveCastType(o)
			if tt == nil {
				continue
			}
			pre, suf, ok := checkedCast(tt, "", false)
			if !ok {
				continue
			}
			x.T(br.a).pre = pre + x.T(br.a).pre
			x.T(br.b - 1).suf += suf
			x.setResolved(br.a, br.b, o)
		}
	}
	return first
}

// setResolved records that expression a..b-1 is of type o.
func (x *tx) setResolved(a, b int, o uint32) {
	if x.resolved == nil {
		x.resolved = map[int]resolvedExpr{}
	}
	x.resolved[a] = resolvedExpr{end: b, oid: o}
}

// resolveCastType is the type whose cast converts to a resolved OID.
func resolveCastType(o uint32) *pgType {
	switch o {
	case pgoid.Numeric:
		return typeAlias["numeric"]
	case pgoid.Float8:
		return typeAlias["float8"]
	case pgoid.JSONB:
		return typeAlias["jsonb"]
	}
	return nil
}

// itemExpr is select item a..b-1 without its alias.
func (x *tx) itemExpr(a, b int) (int, int) {
	if b-a >= 3 && x.T(b-2).kw("AS") {
		return a, b - 2
	}
	if b-a >= 2 && (x.T(b-1).typ == tQIdent || x.T(b-1).typ == tIdent && !isKeywordEnd(x.T(b-1).upper())) &&
		x.endsOperand(b-2) && !x.isP(b-2, ".") && x.T(b-2).typ != tCast && !x.T(b-2).kw("OVER") {
		return a, b - 1
	}
	return a, b
}

// resolveSetOps resolves the column types of a statement's set operation
// (its depth-0 select lists) or of its VALUES list, and records them as
// the result columns' types.
func (x *tx) resolveSetOps() error {
	if err := x.resolveExprs(); err != nil {
		return err
	}
	if err := x.resolveNested(); err != nil { // nestedresolve.go
		return err
	}
	x.padCharItems() // bpchar.go
	var rows [][][2]int
	what := "VALUES"
	if done, err := x.resolveValuesSetOp(); done || err != nil { // setop_values.go
		return err
	}
	if done, err := x.resolveSelectValuesSetOp(); done || err != nil { // setop_select_values.go
		return err
	}
	if x.T(0).kw("VALUES") {
		end := x.n()
		for k := 1; k < x.n(); k++ {
			if x.depth[k] != 0 {
				continue
			}
			if x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT") {
				return nil
			}
			if end == x.n() && (x.kw(k, "ORDER") || x.kw(k, "LIMIT") || x.kw(k, "OFFSET") || x.kw(k, "FETCH")) {
				end = k // the rows end there (values_order.go)
			}
		}
		for _, r := range x.splitTop(1, end) {
			if !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
				return nil
			}
			rows = append(rows, x.splitTop(r[0]+1, r[1]-1))
		}
	} else {
		what = ""
		for k := 0; k < x.n(); k++ {
			if x.depth[k] == 0 && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
				if what == "" {
					what = x.T(k).upper()
				}
				if x.kw(k+1, "VALUES") || x.kw(k+1, "ALL", "VALUES") || x.kw(k+1, "DISTINCT", "VALUES") {
					return nil
				}
			}
		}
		if what == "" {
			return nil
		}
		for _, l := range x.selectLists() {
			items := make([][2]int, len(l))
			for i, it := range l {
				if it[1] > it[0] && x.isP(it[1]-1, "*") {
					return nil
				}
				items[i][0], items[i][1] = x.itemExpr(it[0], it[1])
			}
			rows = append(rows, items)
		}
	}
	if len(rows) < 2 && what != "VALUES" {
		return nil
	}
	oids, err := x.resolveRows(rows, what)
	if err != nil {
		return err
	}
	if what == "VALUES" && oids != nil {
		x.colOIDs, x.colMods = oids, nil // no select list: applyAliases leaves it
	}
	return nil
}

// resolveRows resolves each column of rows (the items of the rows of a
// VALUES list, or of the select lists of a set operation) to its common
// type, converting the items (resolveBranches), and returns the types (0
// where not seen; nil when the rows differ in length). The first row's
// item is recorded as of the resolved type (applyAliases asks exprOID).
func (x *tx) resolveRows(rows [][][2]int, what string) ([]uint32, *Error) {
	if len(rows) == 0 {
		return nil, nil
	}
	n := len(rows[0])
	for _, r := range rows {
		if len(r) != n {
			return nil, nil
		}
	}
	oids := make([]uint32, n)
	for c := 0; c < n; c++ {
		brs := make([]branch, len(rows))
		for i, r := range rows {
			brs[i] = x.classify(r[c][0], r[c][1])
		}
		o, err := commonType(brs, what)
		if err != nil {
			err.Position = x.charPos(mismatchAt(brs, what).a)
			return nil, err
		}
		x.collateSetOpColumn(brs[0]) // setopcollation.go
		if o == 0 {
			if what != "VALUES" {
				x.runtimeSetOpColumn(brs) // setoptypes.go
			}
			continue
		}
		if err := x.resolveBranches(brs, o); err != nil {
			return nil, err
		}
		oids[c] = o
		x.setResolved(rows[0][c][0], rows[0][c][1], o)
	}
	return oids, nil
}

// resolvedExpr is the type resolveExprs found for the expression
// starting at a token and ending before end.
type resolvedExpr struct {
	end int
	oid uint32
}

// resolveExprs resolves the result types of every CASE and COALESCE /
// NULLIF call of the statement, converting their unknown literals, and
// records the types for exprOID. The error is the first unknown literal
// that is not valid input for its resolved type.
func (x *tx) resolveExprs() *Error {
	var first *Error
	keep := func(err *Error) {
		if err != nil && first == nil {
			first = err
		}
	}
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if _, done := x.resolved[i]; done || t.typ != tIdent {
			continue
		}
		if n := t.identName(); (n == "greatest" || n == "least") && x.isP(i+1, "(") && !x.isP(i-1, ".") {
			// rewritten by rewriteMinMax (strsyntax.go); the arguments'
			// tokens keep their text
			if m := x.match(i + 1); m > i+2 {
				var args []branch
				for _, arg := range x.splitTop(i+2, m) {
					args = append(args, x.classify(arg[0], arg[1]))
				}
				if o, err := commonType(args, strings.ToUpper(n)); err == nil && o != 0 {
					x.setResolved(i, m+1, o)
				}
			}
			continue
		}
		if t.ed && (mathResult[t.identName()] == nil || t.out != funcRename[t.identName()]) {
			continue // rewritten, other than a rename (sqrt is pg_sqrt)
		}
		var brs []branch
		what, end := "", 0
		switch {
		case t.kw("CASE"):
			brs, end = x.caseBranches(i)
			what = "CASE"
		case x.isP(i+1, "(") && !x.isP(i-1, ".") && mathResult[t.identName()] != nil:
			if m := x.match(i + 1); m > i+1 {
				var args []branch
				for _, arg := range x.splitTop(i+2, m) {
					args = append(args, x.classify(arg[0], arg[1]))
				}
				if o := mathResult[t.identName()](args); o != 0 {
					x.setResolved(i, x.overEnd(m+1), o)
				}
			}
			continue
		case x.isP(i+1, "(") && !x.isP(i-1, ".") && (t.identName() == "coalesce" || t.identName() == "nullif"):
			end = x.match(i+1) + 1
			if end <= i+1 {
				continue
			}
			for _, arg := range x.splitTop(i+2, end-1) {
				if arg[0] >= arg[1] {
					brs = nil
					break
				}
				brs = append(brs, x.classify(arg[0], arg[1]))
			}
			what = "COALESCE"
		}
		if len(brs) == 0 {
			continue
		}
		var o uint32
		if what == "COALESCE" && t.identName() == "nullif" {
			// nullif(a, b) is of a's type; b is compared with a as a
			// value of that type
			if len(brs) != 2 || brs[0].kind != branchTyped {
				continue
			}
			o = brs[0].oid
			if b := brs[1]; b.kind == branchTyped && numericRank[o] > 0 && numericRank[b.oid] > numericRank[o] && numericRank[b.oid] > numericRank[pgoid.Int8] {
				// = has no integer = numeric (or float) operator: a is
				// promoted to b's type, which the result then has
				// (nullif(1, 2.50) is numeric 1)
				o = b.oid
			}
			if o == pgoid.Numeric {
				// a decimal constant as a: its exact text, so it prints
				// at its own scale (nullif(1.50, 2) is 1.50) and compares
				// with b by value (SQLite's double 2.5 is never equal to
				// b's numeric text '2.5': nullif(2.50, 2.5) was 2.5)
				keep(x.resolveBranches(brs[:1], o))
			}
			keep(x.resolveBranches(brs[1:], o))
		} else {
			var err *Error
			cb := brs
			if what == "CASE" {
				cb = elseFirst(brs, x.kw(brs[len(brs)-1].a-1, "ELSE"))
			}
			if o, err = commonType(cb, what); err != nil || o == 0 {
				if err == nil {
					x.constsBesideColumns(brs, false) // branch_consts.go
				}
				continue // a mismatch is left to the statement as it was
			}
			keep(x.resolveBranches(brs, o))
		}
		x.setResolved(i, end, o)
	}
	return first
}

// caseBranches returns the result expressions (THEN and ELSE) of the CASE
// at token c and the index after its END; nil when it is malformed.
func (x *tx) caseBranches(c int) ([]branch, int) {
	d := x.depth[c]
	var brs []branch
	level, start := 0, -1
	for k := c + 1; k < x.n(); k++ {
		if x.depth[k] < d {
			return nil, 0
		}
		if x.depth[k] != d {
			continue
		}
		t := x.T(k)
		switch {
		case t.kw("CASE"):
			level++
		case t.kw("END") && level > 0:
			level--
		case level == 0 && (t.kw("WHEN") || t.kw("ELSE") || t.kw("END")):
			if start >= 0 {
				if start >= k {
					return nil, 0
				}
				brs = append(brs, x.classify(start, k))
				start = -1
			}
			if t.kw("ELSE") {
				start = k + 1
			}
			if t.kw("END") {
				return brs, k + 1
			}
		case level == 0 && t.kw("THEN"):
			start = k + 1
		}
	}
	return nil, 0
}

// mathResult gives the result type of a call from its arguments' (0:
// not known), as PostgreSQL picks the function: an integer argument of
// round, ceil, sign, sqrt or power is cast to float8 (its preferred
// numeric type), abs and mod keep an integer type, numeric stays numeric.
var mathResult = map[string]func(args []branch) uint32{
	"abs":         keepType(1),
	"mod":         keepType(2),
	"min":         keepType(1), // the aggregate (SQLite's min(a, b) is not PostgreSQL's)
	"max":         keepType(1),
	"sum":         aggType("sum"), // sum(x) over a VALUES column (aggitems.go types those over tables)
	"avg":         aggType("avg"),
	"bit_and":     aggType("bit_and"),
	"bit_or":      aggType("bit_or"),
	"bit_xor":     aggType("bit_xor"),
	"stddev":      aggType("stddev"),
	"stddev_samp": aggType("stddev_samp"),
	"stddev_pop":  aggType("stddev_pop"),
	"variance":    aggType("variance"),
	"var_samp":    aggType("var_samp"),
	"var_pop":     aggType("var_pop"),
	"sign":        floatOrNumeric(1),
	"round":       roundType,
	"trunc":       roundType,
	"ceil":        floatOrNumeric(1),
	"ceiling":     floatOrNumeric(1),
	"floor":       floatOrNumeric(1),
	"sqrt":        floatOrNumeric(1),
	"cbrt":        fixedType(pgoid.Float8), // only cbrt(float8) exists
	"exp":         floatOrNumeric(1),
	"ln":          floatOrNumeric(1),
	"power":       floatOrNumeric(2),
	"pow":         floatOrNumeric(2),
	// window functions (their items end after OVER (...))
	"ntile":        fixedType(pgoid.Int4),
	"row_number":   fixedType(pgoid.Int8),
	"rank":         fixedType(pgoid.Int8),
	"dense_rank":   fixedType(pgoid.Int8),
	"percent_rank": fixedType(pgoid.Float8),
	"cume_dist":    fixedType(pgoid.Float8),
	"lag":          firstArgType,
	"lead":         firstArgType,
	"first_value":  firstArgType,
	"last_value":   firstArgType,
	"nth_value":    firstArgType,
}

// fixedType: a function of one result type.
func fixedType(o uint32) func([]branch) uint32 {
	return func([]branch) uint32 { return o }
}

// firstArgType: the type of the first argument when it is known
// (lag(x, 1, 0) is of x's type).
func firstArgType(args []branch) uint32 {
	if len(args) == 0 || args[0].kind != branchTyped {
		return 0
	}
	return args[0].oid
}

// overEnd is the index after the window clause OVER (...) at e, e when
// there is none: a window call's item ends there.
func (x *tx) overEnd(e int) int {
	if x.kw(e, "OVER") && x.isP(e+1, "(") {
		if m := x.match(e + 1); m > e {
			return m + 1
		}
	}
	if x.kw(e, "OVER") && (x.T(e+1).typ == tIdent || x.T(e+1).typ == tQIdent) {
		return e + 2 // a named window
	}
	return e
}

// numArgs is the common numeric type of args when there are n of them,
// all of a known numeric type, else 0.
func numArgs(args []branch, n int) uint32 {
	if len(args) != n {
		return 0
	}
	var res uint32
	for _, a := range args {
		if a.kind != branchTyped || numericRank[a.oid] == 0 {
			return 0
		}
		if numericRank[a.oid] > numericRank[res] {
			res = a.oid
		}
	}
	return res
}

// keepType: the arguments' common type (abs(int4) is int4).
func keepType(n int) func([]branch) uint32 {
	return func(args []branch) uint32 { return numArgs(args, n) }
}

// floatOrNumeric: numeric for numeric arguments, else float8.
func floatOrNumeric(n int) func([]branch) uint32 {
	return func(args []branch) uint32 {
		switch numArgs(args, n) {
		case 0:
			return 0
		case pgoid.Numeric:
			return pgoid.Numeric
		}
		return pgoid.Float8
	}
}

// roundType: round(x) and trunc(x) as floatOrNumeric; round(x, n) is
// numeric whatever x (PostgreSQL has only round(numeric, int4): an
// argument of any other type converts to numeric or fails), so
// round(avg(x), 2) is numeric though avg(x)'s type is not known here.
func roundType(args []branch) uint32 {
	if len(args) == 2 {
		return pgoid.Numeric
	}
	return floatOrNumeric(1)(args)
}

// aggType: the aggregate fn's result type over its one argument's
// (AggregateType: sum(int4) is int8, avg(int4) numeric).
func aggType(fn string) func([]branch) uint32 {
	return func(args []branch) uint32 {
		if len(args) != 1 || args[0].kind != branchTyped {
			return 0
		}
		return AggregateType(fn, args[0].oid)
	}
}

// typedBranches are branches of types oids (0: not known).
func typedBranches(oids []uint32) []branch {
	brs := make([]branch, len(oids))
	for i, o := range oids {
		brs[i] = branch{kind: branchTyped, oid: o}
		if o == 0 {
			brs[i].kind = branchOpaque
		}
	}
	return brs
}

// CommonType is the type PostgreSQL resolves values of the types oids to
// (int4 and int8: int8; an integer and numeric: numeric), 0 when they
// cannot be matched or one is not known (0) and could widen the others
// (an unknown one beside a boolean is boolean too).
func CommonType(oids []uint32) uint32 {
	o, err := commonType(typedBranches(oids), "")
	if err != nil {
		return 0
	}
	return o
}

// conditionalValues are the values of the conditional a..b-1, a CASE or a
// coalesce, greatest or least call (with nullif, nullif's first argument,
// whose type it has), each as its token range; nil when a..b-1 is none.
func (x *tx) conditionalValues(a, b int, nullif bool) [][2]int {
	t := x.T(a)
	switch {
	case t.kw("CASE"):
		brs, end := x.caseBranches(a)
		if end != b {
			return nil
		}
		vals := make([][2]int, 0, len(brs))
		for _, br := range brs {
			vals = append(vals, [2]int{br.a, br.b})
		}
		return vals
	case t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, "."):
		args := x.splitTop(a+2, b-1)
		switch t.identName() {
		case "coalesce", "greatest", "least":
			return args
		case "nullif":
			if nullif && len(args) == 2 {
				return args[:1]
			}
		}
	}
	return nil
}
