package pgdialect

// arith_columns.go: arithmetic typed by the declared types of columns.
// The translator has no schema, so a + 1 on a column used to be computed
// as bigint whatever a's type (2147483647 + 1 on an int4 column gave
// 2147483648 where PostgreSQL raises 22003 integer out of range). When an
// operand of an arithmetic operator is a column of a table the statement
// certainly names (columnTable), its type is read at run time from the
// table's CREATE TABLE text, like pg_col_dttype (datetime_columns.go):
//
//	pg_add(a, 1, (SELECT pg_arith_type('+', (SELECT pg_col_numtype(sql, 'a')
//	  FROM sqlite_schema WHERE ...), 'int4')))
//
// The type argument is an uncorrelated scalar subquery, which SQLite
// evaluates once per statement execution, so each row pays only what the
// literal type ('int4') costs. The statement's text, and so the log entry,
// is the same on every node; the type it computes depends only on the
// schema, which every node holds identically at that log position: the
// result (or the 22003) is deterministic.
//
// Statically the expression stays of unknown type (arithTypes "?", with
// its collation of numeric values): Describe types it from the operands'
// declared types (arith_types.go, ArithType), which gives the same answer.

import (
	"database/sql/driver"
	"slices"
	"strings"
)

// arithRuntimeMark is in every run-time type argument but a lone column's
// (pg_col_numtype: MentionsUntypedArith looks for both).
const arithRuntimeMark = "pg_arith_type("

// fnColNumType is pg_col_numtype(create_sql, column): the arithmetic type
// (arith.go's names: int2, int4, int8, numeric, float8) of the column's
// declared type; empty for any other type or an unknown column.
//
// With three or more arguments, pg_col_numtype(column, create_sql, ...)
// is the type of the column in the one table of those that has it (the
// tables of a join: an unqualified column is the one table's that has
// it, or SQLite refuses it as ambiguous); empty when no table or more
// than one has it.
func fnColNumType(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	oid, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	return oidArithType(oid), nil
}

// colDeclType is the declared type of the column named by
// pg_col_numtype's arguments (0 when not known); pg_col_outtype
// (textoperands.go) takes the same arguments.
func colDeclType(a []driver.Value) (uint32, error) {
	if len(a) > 2 {
		var typ uint32
		n := 0
		for _, create := range a[1:] {
			if t, ok := colDeclOID(create, a[0]); ok {
				typ, n = t, n+1
			}
		}
		if n != 1 {
			return 0, nil
		}
		return typ, nil
	}
	if len(a) != 2 {
		return 0, pgErr("42883", "function pg_col_numtype takes 2 or more arguments")
	}
	typ, _ := colDeclOID(a[0], a[1])
	return typ, nil
}

// colDeclOID is the declared type of column col of the table created by
// create (0: none), and whether the table has the column.
func colDeclOID(create, col driver.Value) (uint32, bool) {
	if create == nil || col == nil {
		return 0, false
	}
	for _, c := range tableDecls(str(create)) {
		if !equalFoldASCII(c.name, str(col)) {
			continue
		}
		if c.decl == "" {
			return 0, true
		}
		oid, _ := DeclTypeOID(c.decl)
		return oid, true
	}
	return 0, false
}

// fnArithType is pg_arith_type(op, l, r): arithResult of the operand
// types (empty: unknown); with op '-' and r NULL, unary minus of l.
func fnArithType(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	l := str(a[1])
	if a[2] == nil {
		return l, nil
	}
	if res, ok, err := columnsOpResult(str(a[0]), l, str(a[2])); ok { // optype_columns.go
		return res, err
	}
	return arithResult(str(a[0]), l, str(a[2])), nil
}

// columnTable is the table of the column at a..b-1 when a..b-1 is a
// column of a table the statement certainly names (qualified, or its only
// table), with the column's name; ok=false otherwise.
func (x *tx) columnTable(a, b int) (tbl, col string, ok bool) {
	qual, col, ok := x.bareColumn(a, b)
	if !ok {
		return "", "", false
	}
	if qual == "" && b == a+1 {
		// qualified by a rewrite (qualifyEachCols: FROM t, unnest(ARRAY[id
		// * 10]) reads t.id) as if written so
		qual = preQualifier(x.T(a).pre)
	}
	if qual == "" && x.hasDerivedTable() {
		// a derived table or CTE may name a column of another type
		// after a table's (FROM (SELECT a::int8 AS a FROM t) q): only
		// the column's own block's tables are sure (blocktables.go)
		return x.blockColumnTable(a, qual, col)
	}
	tbl = tableOf(x.fromTables(), qual)
	if tbl == "" {
		// an upsert's excluded.d: the target's column (excluded.d + 1 of a
		// date column is date arithmetic)
		tbl = x.excludedTable(qual) // pgcast.go
	}
	if tbl != "" && x.hasDerivedTable() && x.cteNames()[tbl] {
		// d a of WITH d AS (...): no table of the schema (its columns'
		// run-time types are derivedcols.go's); read as one, d's missing
		// declarations left a - n untyped (integers sorted before numeric
		// text)
		return "", "", false
	}
	return tbl, col, tbl != ""
}

// preQualifier is the name a token's prefix ends with before a dot
// ("t." or "\"T\"."), as a rewrite qualifies a column; "" when none.
func preQualifier(pre string) string {
	p, ok := strings.CutSuffix(pre, ".")
	if !ok || p == "" {
		return ""
	}
	if strings.HasSuffix(p, `"`) {
		q := strings.LastIndex(p[:len(p)-1], `"`)
		if q < 0 || q > 0 && p[q-1] == '"' {
			return "" // a doubled quote inside: not worth reading
		}
		return p[q+1 : len(p)-1]
	}
	k := len(p)
	for k > 0 && (isIdentStart(p[k-1]) || p[k-1] >= '0' && p[k-1] <= '9') {
		k--
	}
	if k == len(p) || !isIdentStart(p[k]) {
		return ""
	}
	return p[k:]
}

// tableOf is the table among tabs that a column qualified by qual (""
// for none) belongs to: the one table of that name or alias, or for an
// unqualified column the only table; "" when none or several are.
func tableOf(tabs []fromTable, qual string) string {
	tbl := ""
	for _, ft := range tabs {
		if qual != "" && ft.alias != qual && !(ft.alias == "" && ft.name == qual) {
			continue
		}
		if tbl != "" && tbl != ft.name {
			return "" // ambiguous
		}
		tbl = ft.name
	}
	return tbl
}

// hasDerivedTable reports whether the statement has a WITH clause, a
// subquery in FROM or JOIN, or a function after other FROM items (FROM
// t, generate_series(1, t.n) g: an unqualified g is the function's, not
// t's).
func (x *tx) hasDerivedTable() bool {
	for k := 0; k+2 < x.n(); k++ {
		if x.T(k).kw("WITH") || (x.T(k).kw("FROM") || x.T(k).kw("JOIN")) && x.isP(k+1, "(") {
			return true
		}
		if x.kw(k, "LATERAL") && !x.isP(k+1, "(") || (x.kw(k, "JOIN") || x.isP(k, ",") && x.inFrom(k+1)) && x.T(k+1).typ == tIdent && x.isP(k+2, "(") {
			return true
		}
	}
	return false
}

// numTypeExpr is the type of operand a..b-1 as an SQL expression: its
// static type quoted ('int4'), a run-time type (a column's, or an
// arithmetic result over one), or "" when neither is known.
func (x *tx) numTypeExpr(a, b int) string {
	if t := x.numType(a, b); t != "" {
		return quoteLit(t)
	}
	if a >= b {
		return ""
	}
	if e, ok := x.arithRTypes[a]; ok && x.castEnd[b-1] == a {
		return e
	}
	if x.isP(a, "(") && x.match(a) == b-1 {
		return x.numTypeExpr(a+1, b-1)
	}
	if t := x.T(a); t.typ == tIdent && strings.EqualFold(t.text, "abs") && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") && len(x.splitTop(a+2, b-1)) == 1 {
		return x.numTypeExpr(a+2, b-1) // abs keeps its argument's type: sqrt(abs(n))
	}
	if rt := x.roundTypeExpr(a, b); rt != "" {
		return rt // round(n) / 2 of a numeric column is numeric division (round_type.go)
	}
	if rt := x.modTypeExpr(a, b); rt != "" {
		return rt // mod(i2, 5) * n (mod_type.go)
	}
	if t := x.T(a); t.typ == tIdent && strings.EqualFold(t.text, "nullif") && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") {
		if args := x.splitTop(a+2, b-1); len(args) == 2 {
			return nullifType(x.numTypeExpr(args[0][0], args[0][1]), x.numTypeExpr(args[1][0], args[1][1]))
		}
	}
	if e := x.windowValueArg(a, b); e[1] > e[0] {
		return x.numTypeExpr(e[0], e[1]) // f - lag(f) OVER (...) is f's type
	}
	if t := x.T(a); t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") {
		if args := x.splitTop(a+2, b-1); len(args) == 1 {
			lo := args[0][0]
			if x.kw(lo, "DISTINCT") {
				lo++ // sum(DISTINCT r) + 1 of a real column is real
			}
			if _, _, ok := x.bareColumn(lo, args[0][1]); ok || x.roundTypeExpr(lo, args[0][1]) != "" {
				// sum(n) of a numeric column: sqrt(sum(n)) is numeric
				return aggRuntimeType(t.identName(), x.numTypeExpr(lo, args[0][1]))
			}
		}
	}
	if r, ok := x.colRTypes[a]; ok && r.end == b {
		return r.expr // a derived table's or CTE's column (derivedcols.go)
	}
	if rt := x.branchRuntimeType(a, b); rt != "" {
		return rt
	}
	tbl, col, ok := x.columnTable(a, b)
	if !ok {
		return x.joinColumnType("pg_col_numtype", a, b)
	}
	return colTypeQuery("pg_col_numtype", tbl, col)
}

// windowValueArg is the value argument of a..b-1 when it is a window
// call returning its argument's type (lag, lead without a default,
// first_value, last_value, nth_value) with its OVER clause, else {0, 0}.
func (x *tx) windowValueArg(a, b int) [2]int {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.isP(a-1, ".") {
		return [2]int{}
	}
	m := x.match(a + 1)
	if m < 0 || !x.kw(m+1, "OVER") || x.overEnd(m+1) != b {
		return [2]int{}
	}
	args := x.splitTop(a+2, m)
	switch t.identName() {
	case "lag", "lead":
		if len(args) > 2 {
			return [2]int{} // the default takes part in the type
		}
	case "first_value", "last_value", "nth_value":
	default:
		return [2]int{}
	}
	if len(args) == 0 {
		return [2]int{}
	}
	return args[0]
}

// branchRuntimeType is the type of a..b-1 when it is a CASE or a
// coalesce, greatest or least call (nullif: nullifType) whose values are of numeric
// types known at least at run time: PostgreSQL's common type of the
// values (select_common_type; pg_setop_type at run time), so
// i * coalesce(s, 3) over an int4 and an int2 column is int4
// arithmetic, 22003 past int4's range, not SQLite's int8. "" otherwise.
func (x *tx) branchRuntimeType(a, b int) string {
	vals := x.conditionalValues(a, b, false) // typeresolve.go
	var types []string
	static := true
	for _, v := range vals {
		if x.classify(v[0], v[1]).kind == branchNull {
			continue
		}
		rt := x.numTypeExpr(v[0], v[1])
		if rt == "" {
			return ""
		}
		static = static && rt[0] == '\''
		types = append(types, rt)
	}
	if len(types) == 0 {
		return ""
	}
	if static {
		oids := make([]uint32, len(types))
		for i, rt := range types {
			if oids[i] = setOpTypeOIDs[strings.Trim(rt, "'")]; oids[i] == 0 {
				return ""
			}
		}
		if n := arithOIDNames[CommonType(oids)]; n != "" {
			return quoteLit(n)
		}
		return ""
	}
	return setOpTypeFunc + "(" + strings.Join(types, ", ") + ")" // setoptypes.go
}

// nullifType is the type of nullif(x, y) from its arguments' type
// expressions: x's where the = it implies keeps x's type (x and y of one
// type, both integers: int2 = int4 is int24eq, or y promoted to x's:
// numeric = int4), "" otherwise (nullif(1, 2.2) is numeric: the operator
// promoted x). Untyped, nullif(i2, i4) * i2 was bigint arithmetic, where
// PostgreSQL's smallint product overflows (22003; found by the
// differential fuzz tester, seed 900335).
func nullifType(xt, yt string) string {
	if xt == "" || yt == "" {
		return ""
	}
	const ints = "('int2', 'int4', 'int8')"
	if xt[0] == '\'' && yt[0] == '\'' {
		// the = operators' promotion order (float4 = float8 is float48eq)
		rank := map[string]int{"'int2'": 1, "'int4'": 1, "'int8'": 1, "'numeric'": 2, "'float4'": 3, "'float8'": 3}
		if rank[xt] != 0 && rank[xt] >= rank[yt] {
			return xt
		}
		return ""
	}
	// y an integer is converted to x's type (numeric = int4 is numeric =
	// numeric; int2 = int4 is int24eq)
	return "(CASE WHEN " + xt + " = " + yt + " OR " + yt + " IN " + ints + " THEN " + xt + " ELSE '' END)"
}

// aggRuntimeType is the run-time type of aggregate fn over an argument
// of run-time type rt (PostgreSQL's: sum of int2/int4 int8, of int8
// numeric; min and max the argument's), "" when not known or rt is not
// a run-time type.
func aggRuntimeType(fn, rt string) string {
	if rt == "" || rt[0] == '\'' {
		return ""
	}
	switch fn {
	case "min", "max":
		return rt
	case "sum":
		return "(CASE " + rt + " WHEN 'int2' THEN 'int8' WHEN 'int4' THEN 'int8' WHEN 'int8' THEN 'numeric' ELSE " + rt + " END)"
	case "avg":
		// avg of any integer or numeric is numeric (the integers' too:
		// SELECT count(*) UNION SELECT avg(i) is one row, 1 and
		// 1.00000000000000000000 being one numeric value), of a float
		// float8
		return "(CASE WHEN " + rt + " IN ('int2', 'int4', 'int8', 'numeric') THEN 'numeric' WHEN " + rt + " IN ('float4', 'float8') THEN 'float8' ELSE '' END)"
	}
	return ""
}

// joinColumnType is the run-time type of the unqualified column a..b-1 of
// a join of tables (FROM tx JOIN acc ON ...: columnTable cannot tell
// whose column amt is), "" when the statement has a derived table or CTE
// or fewer than two tables: f (pg_col_numtype or pg_col_dttype) of the
// column in the one table of the statement that has it (joinTypeQuery).
func (x *tx) joinColumnType(f string, a, b int) string {
	qual, col, ok := x.bareColumn(a, b)
	if !ok || qual != "" || x.hasDerivedTable() {
		return ""
	}
	var tbls []string
	fts := x.fromTables()
	insert := x.kw(0, "INSERT", "INTO") && len(fts) > 0
	if insert {
		// the INSERT's target (fromTables lists it last) is no table the
		// query reads: INSERT INTO t2 SELECT id, d + n FROM a, b; but
		// it is the one table of ON CONFLICT and RETURNING
		target := fts[len(fts)-1]
		if x.insertTail(a) {
			return colTypeQuery(f, target.name, col)
		}
		fts = fts[:len(fts)-1]
	}
	for _, ft := range fts {
		if !slices.Contains(tbls, ft.name) {
			tbls = append(tbls, ft.name)
		}
	}
	if len(tbls) == 1 && insert {
		return colTypeQuery(f, tbls[0], col) // INSERT INTO t2 SELECT d + n FROM a
	}
	if len(tbls) < 2 {
		return ""
	}
	return joinTypeQuery(f, tbls, col)
}

// insertTail reports whether token a of an INSERT is in its ON CONFLICT
// or RETURNING clause, whose columns are the target's.
func (x *tx) insertTail(a int) bool {
	for k := 3; k < a && k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "ON", "CONFLICT") || x.T(k).kw("RETURNING")) {
			return true
		}
	}
	return false
}

// joinTypeQuery is the uncorrelated scalar subquery giving f
// (pg_col_numtype or pg_col_dttype) of column col in the one of tables
// tbls that has it (empty when none or several have it: the tables are
// all those the statement names, also in its subqueries, so a column
// name two of them have is left untyped rather than typed by the wrong
// one).
func joinTypeQuery(f string, tbls []string, col string) string {
	var sb strings.Builder
	sb.WriteString("(SELECT " + f + "(" + quoteLit(col))
	for _, t := range tbls {
		sb.WriteString(", " + relSQLExpr(t))
	}
	sb.WriteString("))")
	return sb.String()
}

// numTypeQueryPrefix starts colTypeQuery("pg_col_numtype", ...).
const numTypeQueryPrefix = "pg_col_numtype(" + RelSQLFunc + "("

// colTypeQuery is f(create_sql, col) over table tbl's CREATE TABLE text
// (a view's: its columns' types, viewdecls.go), read by pg_rel_sql
// (tablesql.go): a deterministic call of constants, so SQLite evaluates it
// once per statement execution, not once per row.
func colTypeQuery(f, tbl, col string) string {
	return f + "(" + relSQLExpr(tbl) + ", " + quoteLit(col) + ")"
}

// colTypeRead reports whether the call at k reads a column's type as
// colTypeQuery writes it (pg_col_numtype(pg_rel_sql('t'), 'c'), ...): a
// type argument the translator adds, not the statement's.
func (x *tx) colTypeRead(k int) bool {
	t := x.T(k)
	if t.typ != tIdent || !x.isP(k+1, "(") {
		return false
	}
	switch t.text {
	case "pg_col_numtype", "pg_col_dttype", "pg_col_srctype", "pg_col_typename":
		return x.T(k+2).typ == tIdent && x.T(k+2).text == RelSQLFunc
	}
	return false
}

// isParam reports whether a..b-1 is a lone parameter ($1).
func (x *tx) isParam(a, b int) bool { return b == a+1 && x.T(a).typ == tParam }

// isUnknown reports whether a..b-1 is of PostgreSQL's type unknown until
// an operator resolves it: a parameter or a quoted literal ('1', as pgx's
// simple protocol sends $1).
func (x *tx) isUnknown(a, b int) bool {
	return x.isParam(a, b) || b == a+1 && x.T(a).typ == tString && x.T(a).text[0] == '\''
}

// runtimeArithType is the run-time type argument of l op r (r: b..e-1;
// unary minus when b < 0) whose static type is unknown, "" when no
// operand's type is known. A parameter or quoted literal takes the other
// operand's type, as PostgreSQL resolves $1 in a + $1.
func (x *tx) runtimeArithType(op string, a, i, b, e int) string {
	l := x.numTypeExpr(a, i)
	if b < 0 {
		if l == "" || l[0] == '\'' {
			return ""
		}
		return "(SELECT " + arithRuntimeMark + quoteLit(op) + ", " + l + ", NULL))"
	}
	r := x.numTypeExpr(b, e)
	switch {
	case l == "" && x.isUnknown(a, i) && r != "" && r[0] != '\'':
		return r // t op t is t
	case r == "" && x.isUnknown(b, e) && l != "" && l[0] != '\'':
		return l
	}
	if l == "" || r == "" || l[0] == '\'' && r[0] == '\'' {
		return ""
	}
	if lc, rc := x.columnsTypeExpr(op, a, i, b, e), x.columnsTypeExpr(op, b, e, a, i); lc != "" && rc != "" {
		l, r = lc, rc // two columns: ranges and bit strings too (optype_columns.go)
	}
	return "(SELECT " + arithRuntimeMark + quoteLit(op) + ", " + l + ", " + r + "))"
}

// branchArithResult is the static result type of op over a..i-1 and
// i+1..e-1 when numType sees only one operand's type but numTypeExpr both,
// as numeric types (greatest(x::real, y::real), coalesce(r::real, 1)):
// PostgreSQL computes 0.5::real / greatest(x::real, y::real) as real. ""
// otherwise.
func (x *tx) branchArithResult(op string, a, i, e int) string {
	l, r := x.numTypeExpr(a, i), x.numTypeExpr(i+1, e)
	if l == "" || r == "" || l[0] != '\'' || r[0] != '\'' {
		return ""
	}
	l, r = strings.Trim(l, "'"), strings.Trim(r, "'")
	if setOpTypeOIDs[l] == 0 || setOpTypeOIDs[r] == 0 {
		return "" // an unknown literal's type, or no number
	}
	return arithResult(op, l, r)
}

// setRuntimeType records the run-time type argument of the rewritten
// expression starting at s.
func (x *tx) setRuntimeType(s int, e string) {
	if e == "" {
		return
	}
	if x.arithRTypes == nil {
		x.arithRTypes = map[int]string{}
	}
	x.arithRTypes[s] = e
}

// arithAbs gives abs(x) of an integer type its type, static or from a
// column, as a second argument: abs(x, 'int4') raises 22003 for the
// type's smallest value, as PostgreSQL's int4abs does (abs(-2147483648)
// of an int4 is out of range; as bigint it would not be).
func (x *tx) arithAbs() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !strings.EqualFold(t.text, "abs") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 {
			continue
		}
		typ := x.numTypeExpr(i+2, e)
		switch typ {
		case "'int2'", "'int4'":
		case "", "'int8'", "'numeric'", "'float8'":
			continue
		default:
			if typ[0] == '\'' {
				continue
			}
		}
		x.T(e - 1).suf += ", " + typ
	}
}
