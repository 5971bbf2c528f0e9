package pgdialect

// assign_exprs.go: the type of an expression assigned to a column, for
// assign_cast.go's 42804 check, as an SQL expression: a quoted type name
// where the statement shows it (exprOID, a common type of typed
// branches), else one read from the catalog when the statement is
// prepared, where the type follows a column's (assign_columns.go) through
// the functions and operators that keep or derive it: CASE, coalesce,
// greatest and least take their branches' common type, nullif, min, max,
// array_append, array_cat and the like their argument's, date_trunc a
// timestamp's, and arithmetic its operands' arithmetic type
// (arith_columns.go's numTypeExpr). "" when none is known: the run-time
// conversion decides then, as before.

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// assignTypeName is the canonical name of type o that pg_col_decltype
// names (int4, bool, int4[]) and DeclTypeOID reads back, "" when none
// does.
func assignTypeName(o uint32) string {
	n := TypeName(o)
	if e := pgoid.ElemOf(o); e != 0 {
		n = TypeName(e) + "[]"
	}
	if n == "" || assignDeclOID(n) != o {
		n = FormatType(o, -1) // "char" and its array: the quoted name
		if assignDeclOID(n) != o {
			return ""
		}
	}
	return n
}

// assignTypeLit is assignTypeName quoted as an SQL literal, "" when o has
// no name read back.
func assignTypeLit(o uint32) string {
	if o == 0 || typesByOID[o] == nil {
		return ""
	}
	if n := assignTypeName(o); n != "" {
		return quoteLit(n)
	}
	return ""
}

// staticAssignOID is the type a static type expression (a quoted name)
// names, 0 for a run-time one.
func staticAssignOID(t string) uint32 {
	if len(t) < 2 || t[0] != '\'' {
		return 0
	}
	return assignDeclOID(strings.ReplaceAll(t[1:len(t)-1], "''", "'"))
}

// preAssignTypes reads the type of each value the statement assigns
// (assignValues) before the expression pass rewrites its tokens: a call
// of coalesce, greatest or nullif, a CASE, || become SQLite's forms,
// whose arguments no longer read as the columns they were.
// assignFromType takes it where the rewritten text shows no type.
func (x *tx) preAssignTypes() {
	if !x.balanced() {
		return
	}
	tbl, sites := x.assignValues()
	for _, s := range sites {
		if t := x.assignTypeExpr(s.lo, s.hi, tbl, s.scope); t != "" {
			if x.preAssign == nil {
				x.preAssign = map[int]runtimeRef{}
			}
			x.preAssign[s.lo] = runtimeRef{end: s.hi, expr: t}
		}
	}
}

// assignValue is one value an INSERT, UPDATE or ON CONFLICT DO UPDATE
// assigns: its tokens and where it reads from (assign_columns.go).
type assignValue struct {
	lo, hi, scope int
}

// assignValues are the values the statement assigns to columns of table
// tbl, as enforceDML finds them (the items of a VALUES list, of the
// select list of INSERT ... SELECT, of a SET list).
func (x *tx) assignValues() (tbl string, out []assignValue) {
	set := func(s, scope int) {
		end := x.n()
		for k := s + 1; k < x.n(); k++ {
			if x.depth[k] == x.depth[s] && (x.T(k).kw("FROM") || x.T(k).kw("WHERE") || x.T(k).kw("RETURNING")) {
				end = k
				break
			}
		}
		for _, it := range x.splitTop(s+1, end) {
			if col, k := x.name(it[0]); col != "" && x.isP(k, "=") {
				out = append(out, assignValue{k + 1, it[1], scope})
			}
		}
	}
	switch {
	case x.kw(0, "INSERT", "INTO"):
		t, j := x.name(2)
		if t == "" {
			return "", nil
		}
		tbl = t
		if x.kw(j, "AS") {
			j += 2
		}
		if x.isP(j, "(") {
			j = x.match(j) + 1
		}
		end := x.n()
		for k := j; k < x.n(); k++ {
			if x.depth[k] == 0 && (x.kw(k, "ON", "CONFLICT") || x.T(k).kw("RETURNING")) {
				end = k
				break
			}
		}
		switch {
		case x.kw(j, "VALUES"):
			for j++; x.isP(j, "("); j++ {
				e := x.match(j)
				for _, it := range x.splitTop(j+1, e) {
					out = append(out, assignValue{it[0], it[1], assignFromValues})
				}
				if j = e + 1; !x.isP(j, ",") {
					break
				}
			}
		case x.kw(j, "SELECT") || x.kw(j, "WITH"):
			if sel := x.mainSelect(j, end); sel >= 0 { // insertcols.go
				items, _ := x.selectListAt(sel) // aliases.go
				for _, it := range items {
					a, b := x.itemExpr(it[0], it[1])
					out = append(out, assignValue{a, b, assignFromSelect})
				}
			}
		}
		for k := end; k < x.n(); k++ {
			if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
				set(k+2, assignFromConflict)
			}
		}
	case x.T(0).kw("UPDATE"):
		i := 1
		if x.kw(i, "ONLY") {
			i++
		}
		if tbl, _ = x.name(i); tbl == "" {
			return "", nil
		}
		if s := x.findKw(i, x.n(), 0, "SET"); s > 0 {
			set(s, assignFromUpdate)
		}
	}
	return tbl, out
}

// assignTypeExpr is the SQL of the type of expression a..b-1 assigned to
// a column of table tbl from scope (assign_columns.go), "" when not known.
func (x *tx) assignTypeExpr(a, b int, tbl string, scope int) string {
	if a >= b || b > x.n() {
		return ""
	}
	if b-a == 1 && (x.T(a).typ == tString || x.T(a).kw("NULL") || x.T(a).kw("DEFAULT") || x.T(a).typ == tParam) {
		// (a string token of any spelling, E'..' or $$..$$ rewritten or
		// not, and B'..' whose bit type is not checked here)
		return ""
	}
	if r, ok := x.resolved[a]; ok && r.end == b {
		return assignTypeLit(r.oid) // typeresolve.go, derivedcols.go
	}
	if q, c, ok := x.bareColumn(a, b); ok {
		// (pg_col_decltype's canonical names, which the run-time
		// combinations of types below compare)
		_, derived := x.colRTypes[a]
		switch {
		case derived: // a derived item's column (assign_columns.go)
		case q != "" && x.outer != nil && x.outer.ctes[q] != nil:
			return "" // a CTE's column of no type known here, not a table's
		case strings.EqualFold(q, "excluded"):
			return colTypeQuery("pg_col_decltype", tbl, c) // the proposed row: the target's column
		case q != "" && x.qualTable(q) != "":
			return colTypeQuery("pg_col_decltype", x.qualTable(q), c)
		}
		return x.assignColumnType(a, b, tbl, scope) // assign_columns.go
	}
	if x.hasParam(a, b) {
		return "" // a parameter's type may follow the column's
	}
	if o := x.exprOID(a, b); o != 0 {
		return assignTypeLit(o)
	}
	if x.isP(a, "(") && x.match(a) == b-1 && x.kw(a+1, "SELECT") {
		return x.subqueryAssignType(a+1, b-1, tbl)
	}
	if x.isP(a, "(") && x.match(a) == b-1 {
		return x.assignTypeExpr(a+1, b-1, tbl, scope)
	}
	if x.T(a).kw("CASE") {
		brs, end := x.caseBranches(a) // typeresolve.go
		if end != b {
			return ""
		}
		vals := make([][2]int, len(brs))
		for i, br := range brs {
			vals[i] = [2]int{br.a, br.b}
		}
		return x.commonAssignType(vals, tbl, scope)
	}
	if t := x.T(a); t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") {
		if rt := x.callAssignType(t.identName(), x.splitTop(a+2, b-1), tbl, scope); rt != "" {
			return rt
		}
	}
	if br := x.classify(a, b); br.kind == branchTyped {
		return assignTypeLit(br.oid)
	}
	if rt := x.assignOpType(a, b, tbl, scope); rt != "" {
		return rt
	}
	if rt := x.numTypeExpr(a, b); rt != "" && rt[0] != '\'' {
		// arithmetic over columns, typed at run time (arith_columns.go);
		// a static type here would be a guess of numType's
		return rt
	}
	return ""
}

// subqueryAssignType is assignTypeExpr of the scalar subquery whose
// SELECT is at s (ending before e): its one item's type, read in its own
// query block (SET n = (SELECT b FROM s)); "" for a set operation, whose
// branches' common type is not read here.
func (x *tx) subqueryAssignType(s, e int, tbl string) string {
	items, _ := x.selectListAt(s) // aliases.go
	if len(items) != 1 {
		return ""
	}
	if rows, _ := x.setOpRows(s, e); rows != nil { // nestedresolve.go
		return ""
	}
	ia, ib := x.itemExpr(items[0][0], items[0][1])
	return x.assignTypeExpr(ia, ib, tbl, assignFromSelect)
}

// callAssignType is assignTypeExpr of a call of function fn with
// arguments args, "" when not known.
func (x *tx) callAssignType(fn string, args [][2]int, tbl string, scope int) string {
	arg := func(i int) string {
		if i >= len(args) {
			return ""
		}
		lo := args[i][0]
		if x.kw(lo, "DISTINCT") || x.kw(lo, "ALL") {
			lo++
		}
		return x.assignTypeExpr(lo, args[i][1], tbl, scope)
	}
	switch fn {
	case "coalesce", "greatest", "least":
		return x.commonAssignType(args, tbl, scope)
	case "nullif":
		// the first argument's type, unless the = it implies promotes it
		// (nullif(i4, 2.5) is numeric): the second of the same type, or
		// NULL, or an unknown literal read as the first's type
		if len(args) != 2 {
			return ""
		}
		f := arg(0)
		if b0 := x.classify(args[0][0], args[0][1]); b0.kind == branchUnknown {
			// an unknown literal first takes the second's type, as the
			// = resolves (nullif('1 day', replace(...)) is text), two
			// unknowns (or NULL) are text
			switch b1 := x.classify(args[1][0], args[1][1]); b1.kind {
			case branchNull, branchUnknown:
				return assignTypeLit(pgoid.Text)
			}
			return arg(1)
		}
		switch br := x.classify(args[1][0], args[1][1]); {
		case br.kind == branchNull || br.kind == branchUnknown:
			return f
		case f != "" && arg(1) == f:
			return f
		case br.kind == branchTyped && numericRank[br.oid] == 0 && typesByOID[br.oid] != nil && typesByOID[br.oid].cat != "S":
			// no promotion of the first argument but to a number or a
			// string type (nullif(vc, t) is text)
			return f
		}
		return ""
	case "min", "max", "array_append", "array_remove", "array_replace":
		return arg(0)
	case "array_prepend":
		return arg(1)
	case "array_cat":
		if t := arg(0); t != "" {
			return t
		}
		return arg(1)
	case "array_agg":
		t := arg(0)
		if len(args) != 1 || t == "" {
			return ""
		}
		if o := staticAssignOID(t); o != 0 {
			return assignTypeLit(pgoid.ArrayOf(o))
		}
		// a scalar column's array; an array's array_agg is of the same
		// array type (one more dimension)
		return "(CASE WHEN " + t + " = '' OR " + t + " LIKE '%]' THEN " + t + " ELSE " + t + " || '[]' END)"
	case "string_agg":
		// string_agg(text, text) or string_agg(bytea, bytea)
		t := arg(0)
		if len(args) != 2 || t == "" {
			return ""
		}
		if o := staticAssignOID(t); o != 0 {
			if o == pgoid.Bytea {
				return t
			}
			return assignTypeLit(pgoid.Text)
		}
		return "(CASE " + t + " WHEN 'bytea' THEN 'bytea' ELSE 'text' END)"
	case "avg":
		// numeric of integers and numeric, float8 of floats, an interval's
		t := arg(0)
		if len(args) != 1 || t == "" {
			return ""
		}
		return "(CASE WHEN " + t + " IN ('int2', 'int4', 'int8', 'numeric') THEN 'numeric' WHEN " + t + " IN ('float4', 'float8') THEN 'float8' WHEN " + t + " = 'interval' THEN 'interval' ELSE '' END)"
	case "date_trunc":
		// of a timestamp a timestamp; of a date (cast to timestamptz) and
		// of a timestamptz a timestamptz; of an interval an interval
		if len(args) < 2 {
			return ""
		}
		t := arg(1)
		if t == "" {
			return ""
		}
		if o := staticAssignOID(t); o != 0 {
			switch o {
			case pgoid.Timestamp, pgoid.Timestamptz, pgoid.Interval:
				return t
			case pgoid.Date:
				return assignTypeLit(pgoid.Timestamptz)
			}
			return ""
		}
		return "(CASE " + t + " WHEN 'timestamp' THEN 'timestamp' WHEN 'interval' THEN 'interval' WHEN 'date' THEN 'timestamptz' WHEN 'timestamptz' THEN 'timestamptz' ELSE '' END)"
	}
	return ""
}

// commonAssignType is the common type of the values vals (CASE's
// branches, coalesce's arguments: select_common_type), "" when not
// known: static when every typed value's type shows, else read at run
// time where the values' types are all known and equal, or all numeric
// (pg_setop_type, setoptypes.go).
func (x *tx) commonAssignType(vals [][2]int, tbl string, scope int) string {
	var brs []branch
	var types []string
	static := true
	for _, v := range vals {
		br := x.classify(v[0], v[1])
		if br.kind == branchNull || br.kind == branchUnknown {
			brs = append(brs, br)
			continue
		}
		t := x.assignTypeExpr(v[0], v[1], tbl, scope)
		if t == "" {
			if br.kind == branchTyped {
				return "" // a type with no name read back
			}
			brs = append(brs, br) // opaque: commonType's rule for boolean
			static = false
			continue
		}
		types = append(types, t)
		if o := staticAssignOID(t); o != 0 {
			brs = append(brs, branch{a: v[0], b: v[1], kind: branchTyped, oid: o})
		} else {
			brs = append(brs, branch{a: v[0], b: v[1], kind: branchOpaque})
			static = false
		}
	}
	if o, err := commonType(brs, ""); err == nil && o != 0 {
		return assignTypeLit(o)
	}
	if static || len(types) == 0 || len(types) < len(brs)-countKind(brs, branchNull, branchUnknown) {
		return ""
	}
	// every typed value's type known, some at run time
	if len(types) == 1 {
		return types[0]
	}
	return "(SELECT " + assignCommonFunc + "(" + strings.Join(types, ", ") + "))"
}

// assignCommonFunc is assignCommon at run time:
// pg_assign_common(type, ...).
const assignCommonFunc = "pg_assign_common"

func init() {
	quoteFuncs[assignCommonFunc] = struct {
		n int32
		f fn
	}{-1, func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
		names := make([]string, len(a))
		for i, v := range a {
			names[i] = str(v)
		}
		return assignCommon(names), nil
	}}
}

// assignCommon is PostgreSQL's common type (select_common_type) of
// values of the types names (canonical names), "" when any is not known
// or the rule is not one of these: one type; numbers (their widest);
// string types with text among them (text, the category's preferred
// type); dates and timestamps (timestamptz the preferred, else
// timestamp).
func assignCommon(names []string) string {
	same, nums, strs, dts := true, true, true, true
	text, tz, ts := false, false, false
	for _, n := range names {
		if n == "" {
			return ""
		}
		same = same && n == names[0]
		nums = nums && setOpTypeOIDs[n] != 0
		switch n {
		case "text":
			text = true
		case "varchar", "bpchar", "name":
		default:
			strs = false
		}
		switch n {
		case "timestamptz":
			tz = true
		case "timestamp":
			ts = true
		case "date":
		default:
			dts = false
		}
	}
	switch {
	case same:
		return names[0]
	case nums:
		oids := make([]uint32, len(names))
		for i, n := range names {
			oids[i] = setOpTypeOIDs[n]
		}
		return arithOIDNames[CommonType(oids)]
	case strs && text:
		return "text"
	case dts && tz:
		return "timestamptz"
	case dts && ts:
		return "timestamp"
	}
	return ""
}

// countKind is the number of brs of the kinds given.
func countKind(brs []branch, kinds ...int) int {
	n := 0
	for _, br := range brs {
		for _, k := range kinds {
			if br.kind == k {
				n++
			}
		}
	}
	return n
}

// assignOpType is assignTypeExpr of a..b-1 when it is an operator
// expression (l op r at its top level, with +, -, *, /, % or ||): the
// operator's result type from its operands' (assignOpResult), read at
// run time when an operand's type is. "" when not known or a..b-1 has
// another operator at its top level.
func (x *tx) assignOpType(a, b int, tbl string, scope int) string {
	d := x.depth[a]
	at := [3]int{-1, -1, -1} // the last || or json path operator, + or -, * / or % at the top level
	for k := a + 1; k < b; k++ {
		t := x.T(k)
		if x.depth[k] != d || t.typ != tOp {
			continue
		}
		if !x.endsOperand(k - 1) {
			continue // a sign
		}
		switch t.text {
		case "||", "->", "->>", "#>", "#>>": // PostgreSQL's "any other operator": one precedence, left to right
			at[0] = k
		case "+", "-":
			at[1] = k
		case "*", "/", "%":
			at[2] = k
		default:
			return ""
		}
	}
	k := -1
	for _, i := range at {
		if i > 0 {
			k = i
			break
		}
	}
	if k < 0 {
		return ""
	}
	op := x.T(k).text
	switch op {
	case "->", "->>", "#>", "#>>":
		return jsonPathAssignType(op, x.opOperandType(a, k, tbl, scope))
	}
	l, r := x.opOperandType(a, k, tbl, scope), x.opOperandType(k+1, b, tbl, scope)
	if l == "" || r == "" {
		return ""
	}
	lo, ro := staticAssignOID(l), staticAssignOID(r)
	if (lo != 0 || l == unknownOperand) && (ro != 0 || r == unknownOperand) {
		return quoteLitOrEmpty(assignOpResult(op, strings.Trim(l, "'"), strings.Trim(r, "'")))
	}
	return "(SELECT " + assignOpFunc + "(" + quoteLit(op) + ", " + l + ", " + r + "))"
}

// jsonPathAssignType is the type of l op key for a json path operator
// (->, ->>, #>, #>>) whose left operand is of type l (a type expression):
// ->> and #>> text, -> and #> the left operand's json or jsonb; "" when
// the left operand is not known to be json or jsonb (the right operand's
// type does not change the result's).
func jsonPathAssignType(op, l string) string {
	text := op == "->>" || op == "#>>"
	if o := staticAssignOID(l); o != 0 {
		switch {
		case o != pgoid.JSON && o != pgoid.JSONB:
			return ""
		case text:
			return assignTypeLit(pgoid.Text)
		}
		return assignTypeLit(jsonOpResultOID(op, o, 0)) // jsonb_translate.go
	}
	if l == "" || l == unknownOperand {
		return ""
	}
	res := l
	if text {
		res = assignTypeLit(pgoid.Text)
	}
	return "(CASE WHEN " + l + " IN ('json', 'jsonb') THEN " + res + " ELSE '' END)"
}

// unknownOperand is opOperandType's type of a quoted literal: unknown
// until the operator reads it.
const unknownOperand = "'unknown'"

// opOperandType is assignTypeExpr of an operand, unknownOperand for a
// quoted literal.
func (x *tx) opOperandType(a, b int, tbl string, scope int) string {
	if b-a == 1 && x.plainLiteral(a) {
		return unknownOperand
	}
	t := x.assignTypeExpr(a, b, tbl, scope)
	if o := staticAssignOID(t); o != 0 {
		return assignTypeLit(o) // the canonical name assignOpResult reads
	}
	return t
}

// quoteLitOrEmpty is s quoted, "" for "".
func quoteLitOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return quoteLit(s)
}

// assignOpFunc is assignOpResult at run time:
// pg_assign_optype(op, left type, right type).
const assignOpFunc = "pg_assign_optype"

func init() {
	quoteFuncs[assignOpFunc] = struct {
		n int32
		f fn
	}{3, func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
		return assignOpResult(str(a[0]), str(a[1]), str(a[2])), nil
	}}
}

// assignArith are the arithmetic types arithResult combines.
var assignArith = map[string]bool{"int2": true, "int4": true, "int8": true, "numeric": true, "float4": true, "float8": true}

// assignDTOps are PostgreSQL's date/time operators: "l op r" -> result.
// (An int2 operand is read as int4, an implicit cast.)
var assignDTOps = map[string]string{
	"date - date": "int4", "date + int4": "date", "date - int4": "date", "int4 + date": "date",
	"date + interval": "timestamp", "date - interval": "timestamp", "interval + date": "timestamp",
	"date + time": "timestamp", "time + date": "timestamp", "date + timetz": "timestamptz", "timetz + date": "timestamptz",
	"timestamp - timestamp": "interval", "timestamp + interval": "timestamp", "timestamp - interval": "timestamp", "interval + timestamp": "timestamp",
	"timestamp - date": "interval", "date - timestamp": "interval",
	"timestamptz - timestamptz": "interval", "timestamptz + interval": "timestamptz", "timestamptz - interval": "timestamptz", "interval + timestamptz": "timestamptz",
	"timestamptz - timestamp": "interval", "timestamp - timestamptz": "interval", "timestamptz - date": "interval", "date - timestamptz": "interval",
	"interval + interval": "interval", "interval - interval": "interval",
	"time - time": "interval", "time + interval": "time", "time - interval": "time", "interval + time": "time",
	"timetz + interval": "timetz", "timetz - interval": "timetz", "interval + timetz": "timetz",
}

// assignOpResult is the type of l op r for the canonical type names l
// and r ("unknown": a quoted literal), "" when not known here.
func assignOpResult(op, l, r string) string {
	if l == "" || r == "" {
		return ""
	}
	if op == "||" {
		return concatResult(l, r)
	}
	if l == "int2" {
		l = "int4"
	}
	if r == "int2" && !assignArith[l] {
		r = "int4"
	}
	if assignArith[l] && assignArith[r] {
		return arithResult(op, l, r)
	}
	if t := assignDTOps[l+" "+op+" "+r]; t != "" {
		return t
	}
	// an interval scaled by a number (float8 after an implicit cast)
	if op == "*" && (l == "interval" && assignArith[r] || r == "interval" && assignArith[l]) || op == "/" && l == "interval" && assignArith[r] {
		return "interval"
	}
	return ""
}

// concatResult is the type of l || r: an array's with an element or an
// array, text of anything else with a string (anynonarray || text), ""
// for the types with || of their own (jsonb, bytea, bit strings,
// tsvector) or when neither is a string.
func concatResult(l, r string) string {
	arr := func(t string) bool { return strings.HasSuffix(t, "]") }
	switch {
	case l == "unknown" && arr(r) || r == "unknown" && arr(l):
		return "" // a quoted literal read as an array first (22P02)
	case arr(l):
		return l
	case arr(r):
		return r
	}
	str := map[string]bool{"text": true, "varchar": true, "bpchar": true, "name": true, "unknown": true}
	own := map[string]bool{"jsonb": true, "bytea": true, "bit": true, "varbit": true, "tsvector": true, "tsquery": true}
	if own[l] || own[r] {
		return ""
	}
	if str[l] || str[r] {
		return "text"
	}
	return ""
}
