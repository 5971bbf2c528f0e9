package pgdialect

// setoptypes.go: a set operation's column whose common type shows only at
// run time.
//
// PostgreSQL converts every operand of a UNION / INTERSECT / EXCEPT
// column to the column's common type (select_common_type) before it
// sorts, compares, deduplicates or prints: SELECT i FROM t UNION ALL
// SELECT 1.5 over an int4 column is numeric, 1, 1.5, 2 in order. SQLite
// keeps each operand's values as they are: integers, and numeric as text
// (numeric.go), which it orders after every number. Where an operand
// reads a table's column, the translation has no schema, so resolveRows
// cannot convert it; when every operand's type is known at least at run
// time (a numeric type, or a column whose type the schema tells:
// numTypeExpr), each operand's item is written
//
//	pg_setop_value(item, <its type>, <every operand's type>) COLLATE pg_numeric
//
// which converts the value to the operands' common type, computed at run
// time from the schema (the same on every node): an integer to numeric
// text (exact; numeric is never routed through a float) or a float, a
// numeric to a float where a float operand makes the column float. The
// collation orders and compares the numeric text by value; it has no
// effect on a number. Only a column with an operand of a visible numeric
// type (a constant, a cast) is converted: then PostgreSQL's column is of
// a numeric type or the statement is refused (42804), so the collation
// cannot reach text. Where every operand is a table's column the values
// are left as they are (the conversion would drop a numeric column's
// collation, and could give a text column's values the numeric one); a
// value whose run-time type is not numeric is returned unchanged.
//
// A FROM subquery's or CTE's set operation column is typed at run time by
// pg_setop_type (setOpRuntimeType), so an outer query compares and
// orders it by value.
//
// CompoundArms reads the operands without the wrapper, so a compound's
// columns keep their operands' declared types (compounddecl.go).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// setOpValueFunc names the conversion (see above).
const setOpValueFunc = "pg_setop_value"

// runtimeSetOpColumn wraps the branches brs of one set operation column
// in the run-time conversion to their common type (see above), when a
// branch's type is seen only at run time and every type is known then.
func (x *tx) runtimeSetOpColumn(brs []branch) {
	types, list, opaque, static := x.runtimeBranchTypes(brs)
	if !opaque || !static || x.hasSetOpAll() {
		// all columns: the conversion's result would lose a numeric
		// column's collation, and a text column's values would take it
		// (a documented difference); INTERSECT ALL / EXCEPT ALL are
		// rewritten by setOpAll, which reads the operands as written
		return
	}
	x.convertBranches(brs, types, list, true)
}

// runtimeBranchTypes is the type of each of brs as an SQL expression
// ("" for a NULL) and their list, when every other branch's type is a
// numeric one known at least at run time (types nil otherwise): opaque
// when one is known only at run time (a column), static when one is of
// a visible numeric type (a constant, a cast).
func (x *tx) runtimeBranchTypes(brs []branch) (types []string, list string, opaque, static bool) {
	types = make([]string, len(brs))
	var all []string
	for i, br := range brs {
		switch br.kind {
		case branchNull:
			continue
		case branchTyped:
			n := arithOIDNames[br.oid]
			if n == "" {
				return nil, "", false, false
			}
			types[i], static = quoteLit(n), true
		case branchOpaque:
			rt := x.numTypeExpr(br.a, br.b)
			if rt == "" {
				return nil, "", false, false
			}
			if rt[0] == '\'' {
				static = static || unknownLitOIDs[strings.Trim(rt, "'")] != 0 || rt == "'numeric'"
			} else {
				opaque = true
			}
			types[i] = rt
		default:
			return nil, "", false, false
		}
		all = append(all, types[i])
	}
	return types, strings.Join(all, ", "), opaque, static
}

// convertBranches wraps each branch of brs that has a type (types, from
// runtimeBranchTypes) in the run-time conversion to the common type of
// list, collated as numeric; a decimal constant is first its exact text.
// asItems: the branches are select list items (a bare column keeps its
// name).
func (x *tx) convertBranches(brs []branch, types []string, list string, asItems bool) {
	for i, br := range brs {
		if types[i] == "" {
			continue
		}
		if br.kind == branchTyped && br.oid == pgoid.Numeric {
			x.numericConst(br.a, br.b) // arith.go: its exact text, converted
		}
		if asItems {
			x.wrapSetOpItem(br.a, br.b, types[i], list, true)
		} else {
			x.wrapSetOpValue(br.a, br.b, types[i], list, true)
		}
	}
}

// wrapSetOpItem writes the set operation item a..b-1, of type typ (an SQL
// expression) among the operands' types list, as its value converted to
// their common type (pg_setop_value), collated as numeric when coll.
func (x *tx) wrapSetOpItem(a, b int, typ, list string, coll bool) {
	x.wrapSetOpValue(a, b, typ, list, coll)
	if name := x.columnRefName(a, b); name != "" && x.unaliased(b) {
		// SQLite named the bare column after itself; the call it is now
		// would be named by its text
		x.T(b - 1).wsuf += ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
}

// wrapSetOpValue writes the value a..b-1, of type typ among types list,
// converted to their common type (pg_setop_value), collated as numeric
// when coll.
func (x *tx) wrapSetOpValue(a, b int, typ, list string, coll bool) {
	suf := ", " + typ + ", " + list + ")"
	if coll {
		suf += " COLLATE " + NumericCollation
	}
	x.T(a).wpre = "(" + setOpValueFunc + "(" + x.T(a).wpre
	x.T(b - 1).wsuf += suf + ")"
}

// SetOpConversion is the SQLite statement sqlText with the items of each
// set operation column whose operands are all table columns of different
// numeric types converted to their common type, as PostgreSQL casts
// every operand to it: numeric(5,2) UNION ALL int4 is numeric (2, not
// 2 ordered among the integers before every numeric text), numeric
// UNION float8 float8 (1.5, not 1.50). The translation cannot see these
// columns' types (runtimeSetOpColumn leaves them: the collation a
// conversion needs is known only with the types), so sqlexec, which
// compiles the operands, asks for it: armTypes gives the declared types
// of the operands' columns (one list per operand SELECT, 0 where not
// known, unknown for a NULL). The set operations are the statement's and
// those of its FROM subqueries, CTEs and scalar subqueries; the types are
// the schema's, the same on every node. "" when no column needs
// converting; PostgreSQL's 42804 when two operands' types cannot be
// matched (text beside int4), its Position then 1 + the byte offset in
// sqlText of the operand's item PostgreSQL places it at.
func SetOpConversion(sqlText string, armTypes func(arms []string) [][]uint32) (string, *Error) {
	x := newTx(sqlText)
	with := ""
	start := x.withEnd() // compoundarms.go
	if start > 0 && x.T(0).kw("WITH") && start < x.n() {
		with = x.orig(0, start) + " "
	}
	starts := []int{start}
	for i := 0; i+1 < x.n(); i++ {
		if x.isP(i, "(") && x.kw(i+1, "SELECT") && !x.recursiveBody(i) { // unionfirst.go
			starts = append(starts, i+1)
		}
	}
	done := map[int]bool{}
	changed := false
	for _, s := range starts {
		if s >= x.n() || s > 0 && s == start && !x.T(0).kw("WITH") {
			continue
		}
		arms := x.compoundArmBoundsAt(s)
		if len(arms) < 2 || done[arms[0][0]] {
			continue
		}
		done[arms[0][0]] = true
		texts := make([]string, len(arms))
		for k, arm := range arms {
			texts[k] = with + unwrapSetOpValue(x.orig(arm[0], arm[1]))
		}
		ch, err := x.convertSetOp(arms, armTypes(texts), strings.ToUpper(x.T(arms[0][1]).text))
		if err != nil {
			return "", err
		}
		changed = changed || ch
	}
	if arms, what := x.setOpAllArms(); arms != nil { // setops.go
		// (without the WITH clause: see CompoundArms)
		texts := []string{x.orig(arms[0][0], arms[0][1]), x.orig(arms[1][0], arms[1][1])}
		ch, err := x.convertSetOp(arms, armTypes(texts), what)
		if err != nil {
			return "", err
		}
		changed = changed || ch
	}
	if !changed {
		return "", nil
	}
	return x.all(), nil
}

// convertSetOp converts the items of the set operation of operands arms
// whose columns are of types armOIDs (see SetOpConversion), what the
// first set operator, and reports whether it converted one.
func (x *tx) convertSetOp(arms [][2]int, armOIDs [][]uint32, what string) (bool, *Error) {
	if len(arms) != len(armOIDs) {
		return false, nil
	}
	items := make([][][2]int, len(arms))
	for k, arm := range arms {
		if !x.T(arm[0]).kw("SELECT") {
			return false, nil // a VALUES operand: its items' types are its own
		}
		items[k], _ = x.selectListAt(arm[0])
		if len(items[k]) != len(armOIDs[k]) || len(items[k]) != len(items[0]) {
			return false, nil
		}
	}
	changed := false
	for c := range items[0] {
		var oids []uint32 // the operands' types but a NULL's
		var at []int      // their items' first tokens
		wrapped := false
		for k := range arms {
			a, _ := x.itemExpr(items[k][c][0], items[k][c][1])
			o := armOIDs[k][c]
			if o == pgoid.Unknown {
				continue
			}
			if o == 0 || arithOIDNames[o] == "" {
				wrapped = true // not known, or of no numeric type: left as it is
			}
			oids, at = append(oids, o), append(at, a)
			wrapped = wrapped || x.T(a).typ == tIdent && strings.EqualFold(x.T(a).text, setOpValueFunc) ||
				x.isP(a, "(") && strings.EqualFold(x.T(a+1).text, setOpValueFunc)
		}
		brs := typedBranches(oids)
		for k := range brs {
			brs[k].a = at[k]
		}
		if _, err := commonType(brs, what); err != nil {
			err.Position = x.T(mismatchAt(brs, what).a).pos + 1 // typeresolve.go
			return false, err
		}
		if dt := x.datetimeSetOp(arms, items, armOIDs, c); dt {
			changed = true
			continue
		}
		common := CommonType(oids)
		if wrapped || x.hasSetOpAll() || common != pgoid.Numeric && common != pgoid.Float8 && common != pgoid.Float4 {
			continue // converted by the translation, or nothing to convert
		}
		names := make([]string, len(oids))
		for k, o := range oids {
			names[k] = quoteLit(arithOIDNames[o])
		}
		list := strings.Join(names, ", ")
		for k := range arms {
			a, b := x.itemExpr(items[k][c][0], items[k][c][1])
			if o := armOIDs[k][c]; o == common && common == pgoid.Numeric && x.columnRefName(a, b) == "" && !x.collated(a, b) {
				// numeric text with no collation (sum(amt), amt * 2): SQLite
				// takes the column's collation from its first operand that
				// has one, so without it the column ordered, deduplicated
				// and matched numerics as text (103.00 before 3.75, 9.5
				// beside 9.50)
				x.T(a).wpre = "(" + x.T(a).wpre
				x.T(b - 1).wsuf += " COLLATE " + NumericCollation + ")"
				changed = true
				continue
			}
			if o := armOIDs[k][c]; o == common || o == pgoid.Unknown {
				continue // its values are the common type's already, or NULL
			}
			x.wrapSetOpItem(a, b, quoteLit(arithOIDNames[armOIDs[k][c]]), list, common == pgoid.Numeric)
			changed = true
		}
	}
	return changed, nil
}

// setOpTypeOIDs are the types pg_setop_value converts between.
var setOpTypeOIDs = map[string]uint32{"int2": pgoid.Int2, "int4": pgoid.Int4, "int8": pgoid.Int8,
	"numeric": pgoid.Numeric, "float4": pgoid.Float4, "float8": pgoid.Float8}

// fnSetOpValue is pg_setop_value(v, type, type...): v, of the first type,
// converted to the common type of the others (see the top of the file);
// v unchanged when a type is not a numeric one.
func fnSetOpValue(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) < 3 {
		return nil, pgErr("42883", "function pg_setop_value takes at least 3 arguments")
	}
	v := a[0]
	if v == nil {
		return nil, nil
	}
	oids := make([]uint32, 0, len(a)-2)
	for _, t := range a[2:] {
		s, _ := t.(string)
		o := setOpTypeOIDs[s]
		if o == 0 {
			return v, nil
		}
		oids = append(oids, o)
	}
	switch CommonType(oids) {
	case pgoid.Numeric:
		switch n := v.(type) {
		case int64:
			return strconv.FormatInt(n, 10), nil
		case float64: // an integer column holding a whole REAL: its value
			if n == math.Trunc(n) && math.Abs(n) < 1<<63 {
				return strconv.FormatInt(int64(n), 10), nil
			}
		}
	case pgoid.Float8:
		return setOpFloat(v, false)
	case pgoid.Float4:
		return setOpFloat(v, true)
	}
	return v, nil
}

// setOpFloat is v (an integer, or numeric text) as a float8, or as a
// float4 when single, as PostgreSQL's int-to-float and numeric-to-float
// casts: the nearest float to the exact value.
func setOpFloat(v driver.Value, single bool) (driver.Value, error) {
	var f float64
	switch n := v.(type) {
	case int64:
		if single {
			return float64(float32(n)), nil
		}
		f = float64(n)
	case string:
		bits := 64
		if single {
			bits = 32
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(n), bits)
		if err != nil {
			return v, nil // not numeric text: left as it is
		}
		f = p
	default:
		return v, nil
	}
	return f, nil
}

// unwrapSetOpValue is the SQLite statement sqlText without the
// conversions runtimeSetOpColumn wrote: each operand's item as written.
func unwrapSetOpValue(sqlText string) string {
	if !strings.Contains(sqlText, setOpValueFunc+"(") {
		return sqlText
	}
	x := newTx(sqlText)
	var b strings.Builder
	last := 0
	for i := 0; i+1 < x.n(); i++ {
		va, vb, close, ok := x.setOpValueAt(i)
		if !ok {
			continue
		}
		b.WriteString(sqlText[last:x.T(i).pos])
		b.WriteString(unwrapSetOpValue(sqlText[x.T(va).pos : x.T(vb-1).pos+len(x.T(vb-1).text)]))
		last = x.T(close).pos + 1
		i = close
	}
	b.WriteString(sqlText[last:])
	return b.String()
}

// setOpValueAt reads a conversion wrapSetOpValue wrote, (pg_setop_value(
// v, ...) [COLLATE c]), whose "(" is at i: v's tokens va..vb-1 and the
// wrapping's ")" at close.
func (x *tx) setOpValueAt(i int) (va, vb, close int, ok bool) {
	if !x.isP(i, "(") || x.T(i+1).typ != tIdent || !strings.EqualFold(x.T(i+1).text, setOpValueFunc) || !x.isP(i+2, "(") {
		return 0, 0, 0, false
	}
	m, close := x.match(i+2), x.match(i)
	if m < 0 || m >= x.n() || close < 0 || close >= x.n() {
		return 0, 0, 0, false
	}
	args := x.splitTop(i+3, m)
	if len(args) < 3 || args[0][1] <= args[0][0] {
		return 0, 0, 0, false
	}
	return args[0][0], args[0][1], close, true
}

// columnRefName is the column's name when a..b-1 is a column reference
// (c, t.c, s.t.c), else "".
func (x *tx) columnRefName(a, b int) string {
	for k := a; k < b; k++ {
		t := x.T(k)
		if (k-a)%2 == 1 {
			if !x.isP(k, ".") {
				return ""
			}
		} else if t.typ != tIdent && t.typ != tQIdent || t.typ == tIdent && isKeywordEnd(t.upper()) {
			return ""
		}
	}
	if (b-a)%2 == 0 {
		return ""
	}
	return x.T(b - 1).identName()
}

// unaliased reports whether a select item ending before token e has no
// alias: e ends the list or the statement.
func (x *tx) unaliased(e int) bool {
	if e >= x.n() || x.isP(e, ",") || x.isP(e, ")") || x.isP(e, ";") {
		return true
	}
	for _, k := range []string{"FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "ORDER", "LIMIT", "OFFSET", "FETCH", "INTO"} {
		if x.T(e).kw(k) {
			return true
		}
	}
	return false
}

// setOpRuntimeType is the run-time type expression of column c of the set
// operation a..b-1 whose operands' items are rows (brs: column c's items
// classified) when every operand's type is a numeric one known at least
// at run time: pg_setop_type(<type>, ...), the operands' common type; ""
// otherwise.
func (x *tx) setOpRuntimeType(a int, rows [][][2]int, c int, brs []branch, ctes map[string]*derivedRel) string {
	var types []string
	for i, br := range brs {
		switch br.kind {
		case branchNull:
			continue
		case branchTyped:
			n := arithOIDNames[br.oid]
			if n == "" {
				return ""
			}
			types = append(types, quoteLit(n))
		case branchOpaque:
			s := rows[i][c][0]
			for s > a && !(x.depth[s] == x.depth[a] && x.T(s).kw("SELECT")) {
				s--
			}
			rt := x.blockColumnType(x.typeBlock(s, ctes), br.a, br.b, ctes)
			if rt == "" {
				return ""
			}
			types = append(types, rt)
		default:
			return ""
		}
	}
	if len(types) == 0 {
		return ""
	}
	return setOpTypeFunc + "(" + strings.Join(types, ", ") + ")"
}

// setOpTypeFunc names the common type of run-time types.
const setOpTypeFunc = "pg_setop_type"

// fnSetOpType is pg_setop_type(type, ...): the types' common type when
// every one is a numeric type, else ”.
func fnSetOpType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	oids := make([]uint32, 0, len(a))
	for _, t := range a {
		s, _ := t.(string)
		o := setOpTypeOIDs[s]
		if o == 0 {
			return "", nil
		}
		oids = append(oids, o)
	}
	return arithOIDNames[CommonType(oids)], nil
}

// hasSetOpAll reports whether the statement has INTERSECT ALL or EXCEPT
// ALL.
func (x *tx) hasSetOpAll() bool {
	for i := 0; i+1 < x.n(); i++ {
		if (x.T(i).kw("INTERSECT") || x.T(i).kw("EXCEPT")) && x.kw(i+1, "ALL") {
			return true
		}
	}
	return false
}
