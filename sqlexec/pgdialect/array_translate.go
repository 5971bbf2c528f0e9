package pgdialect

// array_translate.go: PostgreSQL's array syntax to the functions of
// array.go (docs/sql-dialect.md "Arrays").
//
//   - Columns: type[], type[n], type ARRAY, _type are stored as the
//     array type's pg_type name (_int4, _text, _varchar(20)), enforced by
//     its input function like every other type (enforce.go).
//   - ARRAY[a, b] -> pg_array(a, b); ARRAY(SELECT ...) -> pg_array_agg
//     over the subquery; expr::type[] and CAST(expr AS type[]) ->
//     pg_in__type(expr, typmod).
//   - a[i] -> pg_array_get(a, i), a[i:j] -> pg_array_slice(a, i, j).
//   - x = ANY(arr) / = SOME(arr) -> x IN (SELECT +value FROM json_each(...))
//     and x <> ALL(arr) -> x NOT IN (...): SQLite's IN has PostgreSQL's
//     NULL rules (a NULL array gives NULL, as the subquery then yields one
//     NULL row), and a column on the left keeps its index; the other
//     comparisons with ANY/SOME/ALL are anyall.go's.
//   - unnest(arr) in FROM -> json_each over pg_array_json(arr), the column
//     named as PostgreSQL names it; unnest in the select list -> the same
//     FROM item added to the query.
//   - @> and <@ are rewritten by the jsonb pass (pg_jsonb_contains reads
//     arrays too); && -> pg_array_overlap; || -> pg_array_concat when an
//     operand is shown to be an array, or at run time by a column's
//     declared type (jsonb_translate.go).
//
// Element types that the statement shows (a bare column's declared type,
// read at run time from pragma_table_xinfo) type the values json_each and
// subscripts return; otherwise an element that looks like a number is one.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func init() {
	for _, f := range []string{"array_length", "array_upper", "array_lower", "cardinality", "array_position", "array_ndims"} {
		funcResultOIDs[f] = pgoid.Int4
	}
	funcResultOIDs["string_to_array"] = pgoid.TextArray
	funcResultOIDs["array_positions"] = pgoid.Int4Array
	funcResultOIDs["array_to_string"] = pgoid.Text
	funcResultOIDs["array_dims"] = pgoid.Text
	funcRename["array_agg"] = "pg_array_agg"
	boolOps["&&"] = true
}

// arrayColumnType stores the column type at ts..te-1 (parsed up to end as
// an array of name with modifiers mods) as the array type's name.
func (x *tx) arrayColumnType(ts, te, end int, name, mods, col string) (string, error) {
	at := arrayTypeOf(name)
	if at == nil {
		return "", unsupported("arrays of type %s are not supported (column %s)", name, col)
	}
	if end != te {
		return "", x.syntaxErrAt(end)
	}
	x.blank(ts, te)
	x.T(ts).set(at.name + mods)
	return at.name, nil
}

// arrayCast rewrites the cast to an array of name at s..end-1 (the source
// expression starts at s; the type tokens are from..end-1) as the array
// type's input function; the caller blanks the cast syntax.
func (x *tx) arrayCast(name, mods string) (fn string, typmod int32, oid uint32, err error) {
	at := arrayTypeOf(name)
	if at == nil {
		if typeAlias[name] == nil {
			return "", 0, 0, &Error{Code: "42704", Message: "type \"" + name + "[]\" does not exist"}
		}
		return "", 0, 0, unsupported("arrays of type %s are not supported", name)
	}
	_, typmod = DeclTypeOID(name + mods)
	return "pg_in_" + at.name, typmod, at.oid, nil
}

// castToArray rewrites expr::type[] at the :: token i (expr from s, type
// tokens to end).
func (x *tx) castToArray(s, i, end int, name, mods string) error {
	f, typmod, oid, err := x.arrayCast(name, mods)
	if err != nil {
		return err
	}
	if x.T(s).typ == tParam && s == i-1 && x.T(s).text[0] == '$' {
		if n, err := strconv.Atoi(x.T(s).text[1:]); err == nil {
			x.oids[n] = oid
		}
	}
	first := x.T(s)
	first.pre = f + "(" + first.pre
	x.T(i).set("")
	x.blank(i+1, end)
	x.T(end - 1).set(", " + strconv.Itoa(int(typmod)) + ")")
	x.castEnd[end-1] = s
	return nil
}

// castFuncToArray rewrites CAST(expr AS type[]) at i (AS at as, closing
// parenthesis at e).
func (x *tx) castFuncToArray(i, as, e int, name, mods string) error {
	f, typmod, _, err := x.arrayCast(name, mods)
	if err != nil {
		return err
	}
	x.T(i).set(f)
	x.blank(as, e)
	x.T(as).set(", " + strconv.Itoa(int(typmod)))
	return nil
}

// arraySubqueryHead and arraySubqueryTail enclose the query of
// ARRAY(SELECT ...) (subqueryitems.go describes it by the query's column).
const (
	arraySubqueryHead = "(WITH pg_array_sub(v) AS "
	arraySubqueryTail = " SELECT coalesce(pg_array_agg(v), '{}') FROM pg_array_sub)"
)

// arrayConstructor rewrites ARRAY[...] or ARRAY(SELECT ...) at i.
func (x *tx) arrayConstructor(i int) error {
	if x.isP(i+1, "(") {
		e := x.match(i + 1)
		if !x.kw(i+2, "SELECT") && !x.kw(i+2, "WITH") && !x.kw(i+2, "VALUES") {
			return x.syntaxErrAt(i + 1)
		}
		// of no rows the empty array, where the aggregate gives NULL
		x.T(i).set(arraySubqueryHead)
		x.T(e).suf += arraySubqueryTail
		x.castEnd[e] = i
		return nil
	}
	c := x.closeBracket(i + 1)
	if c < 0 {
		return x.syntaxErrAt(i + 1)
	}
	for k := i + 2; k < c; k++ {
		if x.isP(k, "[") || x.T(k).kw("ARRAY") && (x.isP(k+1, "[") || x.isP(k+1, "(")) {
			return unsupported("multidimensional arrays are not supported")
		}
	}
	if n := len(x.splitTop(i+2, c)); n > maxArrayArgs {
		e := unsupported("ARRAY[...] with more than %d elements is not supported (%d given): pass the array as a parameter or as a literal '{...}'", maxArrayArgs, n)
		e.Position = x.charPos(i)
		return e
	}
	if c > i+2 {
		// elements of visibly unmatched types (ARRAY[1, true]) are
		// PostgreSQL's 42804; columns are checked once the statement
		// compiles (typecompare_common.go)
		var brs []branch
		for _, p := range x.splitTop(i+2, c) {
			brs = append(brs, x.classify(p[0], p[1]))
		}
		if _, e := commonType(brs, "ARRAY"); e != nil {
			e.Position = x.charPos(mismatchAt(brs, "ARRAY").a)
			return e
		}
	}
	x.castEnd[c] = i
	if c == i+2 {
		if x.T(c+1).typ != tCast {
			return &Error{Code: "42P18", Message: "cannot determine type of empty array", Position: x.T(i).pos + 1}
		}
		x.T(i).set("'{}'")
		x.blank(i+1, c+1)
		return nil
	}
	x.T(i).set("pg_array")
	x.T(i + 1).set("(")
	x.T(c).set(")")
	return nil
}

// maxArrayArgs is the most elements an ARRAY[...] constructor takes: its
// translation is one call of pg_array, and SQLite limits a call's
// arguments (SQLITE_MAX_FUNCTION_ARG); one of more was SQLite's "too many
// arguments" as an internal error.
const maxArrayArgs = 1000

// subscriptable reports whether the operand ending at token p takes a
// subscript in PostgreSQL's grammar: a column, a parameter or a
// parenthesised expression does; a function call, an ARRAY constructor,
// a constant or a CASE does not (ARRAY[1, 2][1] and f(x)[1] are 42601 at
// the [; (ARRAY[1, 2])[1] is the element), where the subscript was
// applied.
func (x *tx) subscriptable(p int) bool {
	t := x.T(p)
	switch {
	case x.isP(p, "]"), t.typ == tNumber, t.typ == tString, t.typ == tDollar, t.kw("END"):
		return false
	case x.isP(p, ")"):
		k := x.matchBack(p)
		if k < 1 {
			return true
		}
		b := x.T(k - 1)
		return !(b.kw("ARRAY") || (b.typ == tIdent || b.typ == tQIdent) && x.endsOperand(k-1) && !b.kw("IN") && !b.kw("EXISTS"))
	}
	return true
}

// closeBracket is the index of the ] closing the [ at i (-1 for none).
func (x *tx) closeBracket(i int) int {
	d := 0
	for j := i; j < x.n(); j++ {
		switch {
		case x.isP(j, "["):
			d++
		case x.isP(j, "]"):
			d--
			if d == 0 {
				return j
			}
		}
	}
	return -1
}

// subscript rewrites a[i] / a[i:j] at the [ token i.
func (x *tx) subscript(i int) error {
	if !x.subscriptable(i - 1) {
		return x.syntaxErrAt(i)
	}
	s := x.primaryStart(i - 1)
	c := x.closeBracket(i)
	if s < 0 || c < 0 {
		return x.syntaxErrAt(i)
	}
	if x.isP(c+1, "[") {
		return unsupported("multidimensional arrays are not supported")
	}
	colon := -1
	for k := i + 1; k < c; k++ {
		if x.depth[k] == x.depth[i]+1 && (x.isP(k, ":") || x.T(k).typ == tParam && x.T(k).text[0] == ':') {
			colon = k
		}
	}
	first := x.T(s)
	if colon < 0 {
		decl := x.arrayCtorDecl(s, i) // array_ctor_types.go
		if q, col, ok := x.bareColumn(s, i); ok {
			decl = ", " + x.columnTypeExpr(q, col)
		}
		first.pre = "pg_array_get(" + first.pre
		x.T(i).set(", ")
		x.T(c).set(decl + ")")
	} else {
		first.pre = "pg_array_slice(" + first.pre
		x.T(i).set(", ")
		if colon == i+1 {
			x.T(i).suf += "NULL"
		}
		if t := x.T(colon); t.typ == tParam { // a[1:2] lexed :2 as a parameter
			t.set(", " + t.text[1:])
		} else {
			x.T(colon).set(", ")
		}
		if colon == c-1 {
			x.T(c).set("NULL)")
		} else {
			x.T(c).set(")")
		}
	}
	x.castEnd[c] = s
	return nil
}

// anyAll rewrites op ANY/SOME/ALL (array or subquery) at i (the keyword;
// the operator at i-1, the parenthesis at i+1): = ANY and <> ALL are
// SQLite's IN and NOT IN, the other comparisons anyAllCompare's
// (anyall.go).
func (x *tx) anyAll(i int) error {
	op := x.anyAllOperator(i) // anyall_like.go
	u := x.T(i).upper()
	sub := x.kw(i+2, "SELECT") || x.kw(i+2, "WITH") || x.kw(i+2, "VALUES")
	var in string
	switch {
	case op == "=" && u != "ALL":
		in = "IN"
	case (op == "<>" || op == "!=") && u == "ALL":
		in = "NOT IN"
	}
	e := x.match(i + 1)
	decl := ""
	if q, col, ok := x.bareColumn(i+2, e); ok && !sub {
		decl = ", " + x.columnTypeExpr(q, col)
	} else if !sub {
		decl = x.arrayCtorDecl(i+2, e) // array_ctor_types.go
	}
	if decl == "" && !sub {
		decl = x.anyTextElems(i, e) // anyall_text.go
	}
	if !sub {
		decl = x.unknownAnyLeft(x.anyAllLeft(i), i, e, decl) // anyall_unknown.go
		var err error
		if decl, err = x.anyAllTypes(i, e, decl); err != nil { // anyall_types.go
			return err
		}
	}
	if in == "" {
		return x.anyAllCompare(i, sub, decl)
	}
	if sub {
		x.T(i - 1).set("")
		x.T(i).set(in)
		return nil
	}
	x.T(i - 1).set(" " + in + " ")
	// +value: json_each's column has BLOB affinity, under which SQLite
	// compares a numeric column's text with the array's integers as
	// they are, never equal (n = ANY(ARRAY[100, 2]) was false for 100;
	// the fuzz tester's seed 777360); an operand without affinity takes
	// the column's, as x IN (100, 2) does
	x.T(i).set(anyInSubquery + "coalesce(pg_array_json(") // any_conditional.go
	x.T(i + 1).set("")
	x.T(e).set(decl + "), '[null]')))")
	return nil
}

// unnestFrom rewrites unnest(arr) at i, a FROM item.
func (x *tx) unnestFrom(i int) error {
	e := x.match(i + 1)
	name, src, err := x.srfSource(i)
	if err != nil {
		return err
	}
	// WITH ORDINALITY: the element's 1-based position, json_each's key
	// (the 0-based index into the JSON array of the rows) plus one
	ord := ""
	j := e + 1
	if x.kw(j, "WITH", "ORDINALITY") {
		ord = "ordinality"
		j += 2
	}
	end := j
	if x.kw(j, "AS") {
		j++
	}
	alias, col := name, name
	if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) {
		alias, col = t.identName(), t.identName()
		end = j + 1
		if x.isP(j+1, "(") {
			ce := x.match(j + 1)
			cols := x.splitTop(j+2, ce)
			n := 1
			if ord != "" {
				n = 2
			}
			for _, c := range cols {
				if c[1] != c[0]+1 {
					return unsupported("a column alias list of more than one name on %s() is not supported", name)
				}
			}
			if len(cols) > n {
				return &Error{Code: "42P10", Message: fmt.Sprintf("table \"%s\" has %d columns available but %d columns specified", alias, n, len(cols))}
			}
			col = x.T(cols[0][0]).identName()
			if len(cols) == 2 {
				ord = x.T(cols[1][0]).identName()
			}
			end = ce + 1
		}
	}
	fn := name
	elemOf := "" // unnest's array (read before the wipe below)
	prevFrom := x.T(i-1).kw("FROM") || x.T(i-1).kw("LATERAL") && x.T(i-2).kw("FROM")
	next := x.T(end)
	alone := prevFrom && !(x.isP(end, ",") || next.kw("JOIN") || next.kw("LEFT") || next.kw("CROSS") || next.kw("INNER") || next.kw("NATURAL") || next.kw("FULL") || next.kw("RIGHT"))
	// after other FROM items (an implicit LATERAL): json_each itself, so
	// its argument may name them; references to the column become
	// alias.value, for unnest pg_unnest_elem(alias.value, array),
	// described as the array's element type (calltypes.go: an array
	// column's declared one, a constructor's or cast's) where json_each's
	// value is typed by the values (int8 for an int4[])
	wrap := x.srfValueWrap(i)
	// integer elements compared with a string literal compare as numbers
	// (u > '2'), as a table's int column: json_each's value has no
	// affinity, so the column gets INTEGER's
	intElem := false
	switch x.unnestElemOID(i) {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8:
		intElem = wrap == nil
	}
	value := func() string {
		if wrap != nil {
			return wrap(quoteIdent(alias) + ".value")
		}
		if elemOf == "" {
			return quoteIdent(alias) + ".value"
		}
		return "pg_unnest_elem(" + quoteIdent(alias) + ".value, " + elemOf + ")"
	}
	if !alone {
		x.qualifyEachCols(i)
		if _, src, err = x.srfSource(i); err != nil { // its argument's names qualified
			return err
		}
		if args := x.splitTop(i+2, e); name == "unnest" && len(args) == 1 {
			elemOf = x.text(args[0][0], args[0][1])
		}
		if err := x.unnestStars(i, end, alias, col, ord, value()); err != nil {
			return err
		}
	}
	x.wipe(i, end)
	if alone {
		ordCol := ""
		if ord != "" {
			ordCol = ", CAST(key + 1 AS BIGINT) AS " + quoteIdent(ord)
		}
		v := "value"
		if wrap != nil {
			v = wrap(v)
		} else if intElem {
			v = "CAST(value AS INTEGER)"
		}
		x.T(i).set("(SELECT " + v + " AS " + quoteIdent(col) + ordCol + " FROM " + src + ") AS " + quoteIdent(alias))
		return nil
	}
	x.T(i).set(src + " AS " + quoteIdent(alias))
	var operand func(bool) (string, error)
	if intElem {
		operand = func(literal bool) (string, error) {
			if literal {
				return "CAST(" + value() + " AS INTEGER)", nil
			}
			return value(), nil
		}
	}
	return x.srfColumnRefs(i, end, srfRefs{alias: alias, col: col, ord: ord, value: value, qualified: elemOf != "" || wrap != nil, oid: srfResultOIDs[fn], operand: operand})
}

// srfRefs describes a FROM item of one column kept as json_each after
// other FROM items (unnest's, generate_series's): its alias, its column
// and WITH ORDINALITY's, the expression that reads the column (value),
// whether a qualified alias.col becomes value() too (else alias.value),
// and the type the column is described as (0: its values').
type srfRefs struct {
	alias, col, ord string
	value           func() string
	qualified       bool
	oid             uint32
	// operand, when not nil, reads the column where a reference is no
	// whole select, ORDER BY or GROUP BY item (an operator's operand, a
	// cast's; literal: compared with a string literal), or refuses it
	operand func(literal bool) (string, error)
}

// srfColumnRefs rewrites the references to the column of the json_each
// FROM item at i..end-1 outside it (r): the column becomes r.value(),
// the ordinality json_each's 0-based key plus one; a select item that is
// the column alone keeps its name.
func (x *tx) srfColumnRefs(i, end int, r srfRefs) error {
	alias, col, ord := r.alias, r.col, r.ord
	// a select item that is the column alone keeps its name (not value);
	// an INSERT's source is not named (its items are wrapped by the
	// checks of the stored values, enforce.go)
	whole := map[int]bool{}
	label := map[int]bool{} // SELECT u.id id: the item's output name, no reference
	for _, items := range x.selectLists() {
		if x.findKw(0, x.n(), 0, "INSERT") >= 0 {
			break
		}
		for _, it := range items {
			if it[1] == it[0]+1 || it[1] == it[0]+3 && x.isP(it[0]+1, ".") {
				whole[it[1]-1] = true
			}
			if _, eb := x.itemExpr(it[0], it[1]); eb < it[1] {
				label[it[1]-1] = true
			}
		}
	}
	for k := 0; k < x.n(); k++ {
		if k >= i && k < end {
			continue
		}
		t := x.T(k)
		// a name only case-folded (foldIdent) is still the reference
		if t.ed && t.out != asciiLower(t.text) || t.typ != tIdent && t.typ != tQIdent || x.isP(k+1, "(") || label[k] {
			continue
		}
		name, field := col, "value"
		if ord != "" && t.identName() == ord {
			name, field = ord, "key + 1"
		} else if t.identName() != col {
			continue
		}
		value := r.value
		a := k
		if x.isP(k-1, ".") {
			a = k - 2
		}
		if inItem, _ := x.blockWholeItem(a, k+1); r.operand != nil && field == "value" && !whole[k] && !inItem && !x.sortItem(a, k+1) { // lateral.go
			v, err := r.operand(x.literalCompared(a, k+1))
			if err != nil {
				return err
			}
			value = func() string { return v }
		}
		switch {
		case x.isP(k-1, ".") && x.T(k-2).identName() == alias && field == "value" && r.qualified:
			x.T(k - 2).set("")
			x.T(k - 1).set("")
			t.set(value())
		case x.isP(k-1, ".") && x.T(k-2).identName() == alias && field == "value":
			t.set("value")
		case x.isP(k-1, ".") && x.T(k-2).identName() == alias:
			x.T(k - 2).set("")
			x.T(k - 1).set("")
			t.set("CAST(" + quoteIdent(alias) + ".key + 1 AS BIGINT)")
		case !x.isP(k-1, ".") && !x.isP(k+1, ".") && !(x.T(k - 1).kw("AS")):
			if field == "value" {
				t.set(value())
			} else {
				t.set("CAST(" + quoteIdent(alias) + ".key + 1 AS BIGINT)")
			}
		default:
			continue
		}
		if r.oid != 0 && field == "value" {
			x.typeSpan(k, k+1, r.oid) // generate_subscripts int4, not json_each's int8
		}
		if whole[k] {
			t.suf += " AS " + quoteIdent(name)
		}
	}
	return nil
}

// unnestStars expands alias.* and the * of the query block of the unnest
// FROM item at i..end-1, kept as json_each after other FROM items, to the
// columns PostgreSQL shows (the element as col, then WITH ORDINALITY's
// ord), never json_each's own; value reads the element. A * whose FROM
// clause fromStar cannot list is refused.
func (x *tx) unnestStars(i, end int, alias, col, ord, value string) error {
	items := []string{value + " AS " + quoteIdent(col)}
	if ord != "" {
		items = append(items, "CAST("+quoteIdent(alias)+".key + 1 AS BIGINT) AS "+quoteIdent(ord))
	}
	own := strings.Join(items, ", ")
	for k := 0; k+2 < x.n(); k++ {
		if k >= i && k < end {
			continue
		}
		u := x.T(k)
		if u.ed || u.typ != tIdent && u.typ != tQIdent || u.identName() != alias || !x.isP(k+1, ".") || !x.isP(k+2, "*") {
			continue
		}
		u.set("")
		x.T(k + 1).set("")
		x.T(k + 2).set(own)
	}
	s := x.blockSelect(i)
	if s < 0 {
		return nil
	}
	sel, e := x.selectListAt(s)
	for _, it := range sel {
		if it[1] != it[0]+1 || !x.isP(it[0], "*") || x.T(it[0]).ed {
			continue
		}
		cols, ok := x.fromStar(e, i, items) // json_srf_from.go
		if !ok || !x.T(e).kw("FROM") {
			return unsupported("SELECT * beside unnest() in this FROM clause is not supported (name the columns)")
		}
		x.T(it[0]).set(cols)
	}
	return nil
}

// unnestSelect rewrites unnest(arr) in the select list at i: the elements
// become a FROM item (json_each after the query's own FROM items), so each
// row is repeated per element, as PostgreSQL's set-returning function in
// the select list does for one such function (srfselect.go).
func (x *tx) unnestSelect(i int) error {
	e := x.match(i + 1)
	name, src, err := x.srfSource(i)
	if err != nil {
		return err
	}
	elem := func(v string) string { return v }
	w := x.srfValueWrap(i)
	if w != nil {
		elem = w // numeric constants keep their scale (branch_consts.go), jsonb compares as jsonb
	}
	if args := x.splitTop(i+2, e); len(args) == 1 {
		_, _, column := x.bareColumn(args[0][0], args[0][1])
		// ARRAY[...] of columns (no static type: ARRAY[id, id * 10])
		// too, its elements cheap to read again (SQLite evaluates the
		// call's arguments though the function ignores the array)
		ctor := w == nil && x.T(args[0][0]).kw("ARRAY") && x.isP(args[0][0]+1, "[") &&
			x.closeBracket(args[0][0]+1) == args[0][1]-1 && x.arrayExprOID(args[0][0], args[0][1]) == 0
		if column || ctor {
			// described as the array's element type (calltypes.go)
			arr := x.text(args[0][0], args[0][1])
			elem = func(v string) string { return "pg_unnest_elem(" + v + ", " + arr + ")" }
		}
	}
	if x.srfSelectOf(i) >= 0 {
		x.qualifyEachCols(i)
	}
	rows := strings.TrimSuffix(strings.TrimPrefix(src, "json_each("), ")") // beside other calls (srfselect.go)
	return x.srfSelect(i, e, name, src+" AS pg_unnest", elem("pg_unnest.value"), rows, elem)
}

// srfSource is the json_each call that lists the rows of the
// set-returning call at i: unnest(arr), string_to_table (unnest of
// string_to_array), or one whose values a function prepares as a JSON
// array (regexfuncs.go, jsonb.go, array.go): regexp_matches,
// regexp_split_to_table, jsonb_object_keys, json_object_keys,
// generate_subscripts.
func (x *tx) srfSource(i int) (name, src string, err error) {
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	name = strings.ToLower(x.T(i).text)
	var prep string
	switch name {
	case "unnest":
		if len(args) != 1 {
			return "", "", unsupported("unnest() of %d arrays is not supported", len(args))
		}
		decl := ""
		if q, col, ok := x.bareColumn(args[0][0], args[0][1]); ok {
			decl = ", " + x.columnTypeExpr(q, col)
		} else if x.unnestExact(i) {
			decl = ", 'numeric[]', 'exact'"
			x.arrayNumericConstsIn(args[0][0], args[0][1]) // branch_consts.go
		} else {
			decl = x.arrayCtorDecl(args[0][0], args[0][1]) // array_ctor_types.go
		}
		return name, "json_each(pg_array_json(" + x.text(args[0][0], args[0][1]) + decl + "))", nil
	case "regexp_matches":
		prep = "pg_regexp_matches_json"
	case "regexp_split_to_table":
		prep = "pg_regexp_split_json"
	case "jsonb_object_keys":
		prep = "pg_jsonb_keys"
	case "json_object_keys":
		prep = "pg_json_keys" // json_object_keys.go
	case "jsonb_path_query":
		prep = "pg_jsonb_path_query_rows" // jsonpath_funcs.go
	case "string_to_table":
		// the elements of string_to_array(s, delim[, null_string])
		if len(args) < 2 || len(args) > 3 {
			return "", "", &Error{Code: "42883", Message: fmt.Sprintf("function %s with %d arguments does not exist", name, len(args))}
		}
		return name, "json_each(pg_array_json(string_to_array(" + x.text(i+2, e) + ")))", nil
	case "generate_subscripts":
		prep = "pg_subscripts_json" // array.go
	}
	return name, "json_each(" + prep + "(" + x.text(i+2, e) + "))", nil
}

// arrayShown reports whether the expression a..b-1 is shown to be an
// array: ARRAY[...], a cast to an array type, an array function.
func (x *tx) arrayShown(a, b int) bool {
	if b <= a {
		return false
	}
	t := x.T(a)
	switch {
	case t.kw("ARRAY"):
		return true
	case x.arrayRef(a, b): // derived_arrays.go
		return true
	case t.ed && strings.HasPrefix(t.out, "(pg_array_concat(") && x.castEnd[b-1] == a:
		// an || of arrays rewritten already: greatest(2, 3) || ARRAY[5]
		// || least(1, 0) appends to it
		return true
	case t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1:
		switch strings.ToLower(t.text) {
		case "array_append", "array_prepend", "array_cat", "array_remove", "string_to_array", "array_agg":
			return true
		}
	}
	for c := b - 1; c > a; c-- {
		if x.T(c).typ == tCast && x.depth[c] == x.depth[a] {
			_, _, _, arr, ok := x.parseType(c + 1)
			return ok && arr
		}
	}
	return false
}

// arrayPass rewrites && and the || whose operand is shown to be an array
// (after the casts, before the jsonb pass).
func (x *tx) arrayPass() error {
	if x.catalog {
		return nil
	}
	x.distinctAggOrder()
	x.netOperators() // inet_translate.go: before && is read as the arrays'
	if x.settleErr != nil {
		return x.settleErr // an operator settled early (arrayOpsWithin)
	}
	for i := 1; i < x.n(); i++ {
		if err := x.arrayOperator(i); err != nil {
			return err
		}
	}
	// unnest after the operators, which its argument may hold
	// (unnest(ARRAY[1] || ARRAY[2]))
	for k := len(x.unnests) - 1; k >= 0; k-- {
		i := x.unnests[k]
		if x.inZip(i) {
			continue // ROWS FROM (unnest(a), ...): srfzip.go
		}
		p := i - 1
		if x.kw(p, "LATERAL") {
			p-- // FROM t, LATERAL unnest(t.a)
		}
		var err error
		if x.kw(p, "FROM") || x.kw(p, "JOIN") || x.isP(p, ",") && x.inFrom(i) {
			if x.T(i).identName() == "unnest" && len(x.splitTop(i+2, x.match(i+1))) > 1 {
				x.zips = append(x.zips, i) // unnest(a, b): srfzip.go
				continue
			}
			err = x.unnestFrom(i)
		} else {
			err = x.unnestSelect(i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// arrayOperator rewrites the && or || at i when an operand is an array.
func (x *tx) arrayOperator(i int) error {
	t := x.T(i)
	if t.typ != tOp || t.ed || t.text != "&&" && t.text != "||" || !x.endsOperand(i-1) {
		return nil
	}
	ls := x.primaryStart(i - 1)
	re := x.operandEnd(i + 1)
	if ls < 0 || re < 0 {
		return nil
	}
	if slices.ContainsFunc(x.unnests, func(u int) bool { return u >= ls && u < re }) {
		return nil // unnest(a) || b: the unnest is rewritten below
	}
	f, nullTok := "pg_array_overlap", -1
	if t.text == "||" {
		lShown, rShown := x.arrayShown(ls, i), x.arrayShown(i+1, re)
		if !lShown && !rShown {
			return nil
		}
		var err error
		if lShown && !rShown {
			nullTok, err = x.concatArrayLiteral(i+1, re) // concat_arrayliteral.go
		} else if rShown && !lShown {
			nullTok, err = x.concatArrayLiteral(ls, i)
		}
		if err != nil {
			return err
		}
		f = "pg_array_concat"
	}
	types, coll, typ := "", "", uint32(0)
	if f == "pg_array_concat" {
		types = x.concatShownTypes(ls, i, re) // concat_columns.go
		coll = x.concatCollation(ls, i, re)
		// described by the operands' types where the statement shows
		// both (ARRAY[1] || abs(2) is int4[]), read before the
		// operands' pending rewrites change their shape
		if lo, ro := x.concatOperandOID(ls, i), x.concatOperandOID(i+1, re); lo != 0 && ro != 0 {
			if o := concatType([]uint32{lo, ro}); pgoid.ElemOf(o) != 0 { // calltypes.go
				typ = o
			}
		}
	}
	if nullTok >= 0 {
		x.T(nullTok).set("'{}'") // a NULL array (concat_arrayliteral.go)
	}
	x.settleOperands(ls, i) // operandcopy.go: ARRAY[1] || greatest(2, 3)
	x.settleOperands(i+1, re)
	left, right := x.text(ls, i), x.text(i+1, re)
	x.wipe(ls, re)
	x.T(ls).set("(" + f + "(" + left + ", " + right + types + ")" + coll + ")")
	x.castEnd[re-1] = ls
	if typ != 0 {
		x.typeSpan(ls, re, typ)
	}
	return nil
}

// concatCollation is the COLLATE clause of the array || between
// ls..i-1 and i+1..re-1 when an operand shows its array type (ARRAY[1],
// '{}'::int4[]): the result orders as that array type's column does
// (array_order.go), not as its text ('{10}' before '{9}'); "" otherwise.
func (x *tx) concatCollation(ls, i, re int) string {
	for _, o := range [2][2]int{{i + 1, re}, {ls, i}} {
		if oid := x.arrayExprOID(o[0], o[1]); oid != 0 {
			if c := arrayCollation(TypeName(oid)); c != "" {
				return c
			}
		}
	}
	return ""
}

// distinctAggOrder gives array_agg(DISTINCT x) and string_agg(DISTINCT
// x, ...) without an ORDER BY of their own PostgreSQL's order: its
// DISTINCT sorts the values (NULL last), where SQLite's keeps the order
// the rows came in ({t,f} for PostgreSQL's {f,t}).
func (x *tx) distinctAggOrder() {
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") || !x.kw(i+2, "DISTINCT") || x.isP(i-1, ".") {
			continue
		}
		switch strings.ToLower(t.text) {
		case "array_agg", "string_agg":
		default:
			continue
		}
		e := x.match(i + 1)
		args := x.splitTop(i+2, e)
		if len(args) == 0 || x.findKw(i+2, e, x.depth[i+2], "ORDER") >= 0 {
			continue
		}
		v := args[0]
		if v[1] <= v[0]+1 {
			continue
		}
		// before the ")", not after the argument, which later rewrites
		// wrap (array_agg(DISTINCT 1.50): nestedresolve.go)
		x.T(e).pre = " ORDER BY " + x.text(v[0]+1, v[1]) + " NULLS LAST" + x.T(e).pre
	}
}

// arrayExprOID is the type of a select item a..b-1 that is an array
// constructor or a cast to an array type (0 otherwise).
func (x *tx) arrayExprOID(a, b int) uint32 {
	if x.T(a).kw("ARRAY") && x.isP(a+1, "[") && x.closeBracket(a+1) == b-1 {
		// the elements' common type (ARRAY[1, 2.5] is numeric[],
		// ARRAY[1, 2::int8] int8[]), as PostgreSQL resolves them
		var elems []uint32
		for _, p := range x.splitTop(a+2, b-1) {
			if p[1] == p[0]+1 && x.T(p[0]).kw("NULL") {
				continue // NULL takes the other elements' type
			}
			elems = append(elems, x.elementOID(p[0], p[1]))
		}
		if len(elems) == 0 {
			return 0
		}
		return pgoid.ArrayOf(CommonType(elems))
	}
	if o := x.arrayCallOID(a, b); o != 0 {
		return o
	}
	for c := b - 1; c > a; c-- {
		if x.T(c).typ == tCast && x.depth[c] == x.depth[a] {
			end, tn, _, arr, ok := x.parseType(c + 1)
			if ok && arr && end == b && !x.opBefore(a, c) { // aliases.go: j - '{a}'::text[] is no text[]
				if at := arrayTypeOf(tn); at != nil {
					return at.oid
				}
			}
			return 0
		}
	}
	if x.T(a).kw("CAST") && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		for k := a + 2; k < b-1; k++ {
			if x.T(k).kw("AS") && x.depth[k] == x.depth[a]+1 {
				_, tn, _, arr, _ := x.parseType(k + 1)
				if at := arrayTypeOf(tn); arr && at != nil {
					return at.oid
				}
			}
		}
	}
	return 0
}

// arrayCallOID is the type of a call a..b-1 of array_append,
// array_prepend, array_remove, array_replace or array_cat whose array
// arguments show their types (an ARRAY[...] literal, a cast): PostgreSQL
// resolves them over anycompatible, so the array of the common type of
// the arrays' elements and the element arguments (array_append(ARRAY[1],
// 2.5) is numeric[]); 0 when an argument's type is not shown (NULL and a
// string literal take the others').
func (x *tx) arrayCallOID(a, b int) uint32 {
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return 0
	}
	args := x.splitTop(a+2, b-1)
	if len(args) < 2 {
		return 0
	}
	arrays := args[:1] // the array arguments; the others are elements
	elems := args[1:]
	switch strings.ToLower(x.T(a).text) {
	case "array_append", "array_remove", "array_replace":
	case "array_prepend":
		arrays, elems = args[1:], args[:1]
	case "array_cat":
		arrays, elems = args, nil
	default:
		return 0
	}
	var oids []uint32
	for _, p := range arrays {
		if t := x.T(p[0]); p[1] == p[0]+1 && t.kw("NULL") {
			continue
		}
		e := pgoid.ElemOf(x.arrayExprOID(p[0], p[1]))
		if e == 0 {
			return 0
		}
		oids = append(oids, e)
	}
	if len(oids) == 0 {
		return 0
	}
	for _, p := range elems {
		if t := x.T(p[0]); p[1] == p[0]+1 && (t.kw("NULL") || t.typ == tString && strings.ContainsRune("'eE", rune(t.text[0]))) {
			continue
		}
		oids = append(oids, x.elementOID(p[0], p[1]))
	}
	return pgoid.ArrayOf(CommonType(oids)) // typeresolve.go
}

// elementOID is the type of array element expression a..b-1 (an integer
// constant int4, or int8 or numeric by magnitude), 0 when not shown.
func (x *tx) elementOID(a, b int) uint32 {
	if b == a+1 && x.T(a).typ == tNumber {
		if _, err := strconv.ParseInt(x.T(a).text, 10, 32); err == nil {
			return pgoid.Int4
		}
		if _, err := strconv.ParseInt(x.T(a).text, 10, 64); err == nil && !strings.ContainsAny(x.T(a).text, ".eE") {
			return pgoid.Int8
		}
		return pgoid.Numeric
	}
	return x.concatOperandOID(a, b) // concat_elements.go: ARRAY[greatest(1, 7)] is int4[]
}

// jsonEachColumns are json_each's columns in order; jsonEachCols as a
// set: a FROM item json_each beside a table makes the table's columns of
// these names ambiguous.
var (
	jsonEachColumns = []string{"key", "value", "type", "atom", "id", "parent", "fullkey", "path"}
	jsonEachCols    = func() map[string]bool {
		m := map[string]bool{}
		for _, c := range jsonEachColumns {
			m[c] = true
		}
		return m
	}()
)

// qualifyEachCols qualifies the unqualified references to columns named
// like json_each's with the statement's one table (its alias), before a
// json_each FROM item is added beside it; in a statement of more tables
// (a subquery's too), with the one table of the query block of the
// function at fn, that block's references only. With more than one table
// there the references stay as written (SQLite then reports an ambiguous
// column). keep are the names the function itself shows (jsonb_each's
// key and value): those stay unqualified. A token rewritten already (a
// cast of the column) is no bare name to qualify.
func (x *tx) qualifyEachCols(fn int, keep ...string) {
	// the call's own alias names its column (jsonb_object_keys(j) key:
	// a bare key is the function's)
	if a := x.match(fn+1) + 1; a < x.n() {
		if x.kw(a, "WITH", "ORDINALITY") {
			a += 2
		}
		if x.kw(a, "AS") {
			a++
		}
		if t := x.T(a); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) && !isJoinKw(t.upper()) {
			keep = append(keep, t.identName())
			if x.isP(a+1, "(") {
				// and its column alias list (unnest(a) u(id): a bare id is
				// the function's; the session refuses it as ambiguous
				// when a table of the block has one too, srf_alias_refs.go)
				for _, p := range x.splitTop(a+2, x.match(a+1)) {
					if n, e := x.name(p[0]); n != "" && e == p[1] {
						keep = append(keep, n)
					}
				}
			}
		}
	}
	ts := x.fromTables()
	block := -1
	if alias, ok := x.blockDerivedBeside(fn); ok {
		// the block's one other FROM item is a subquery, VALUES list or
		// CTE: the names are its columns (a table inside it is no table
		// of this block), and only this block's output names are kept (an
		// inner item's AS value names no column here)
		ts, block = []fromTable{{alias: alias}}, x.blockSelect(fn)
		keep = append(keep, x.itemAliasesOf(block)...)
	} else {
		if bt, ok := x.blockTablesBeside(fn, fn); ok { // blocktables.go
			// the block's own tables, not those of the statement's
			// other blocks (SELECT id ... FROM (SELECT id, unnest(a)
			// FROM t) s: the outer id is s's)
			if len(bt) != 1 {
				return
			}
			ts, block = bt, x.blockSelect(fn)
		} else if len(ts) != 1 {
			return
		}
		// an output name (SELECT -id AS id ... ORDER BY id) is the
		// select item's, not the table's column
		keep = append(keep, x.itemAliases()...)
	}
	q := ts[0].alias
	if q == "" {
		q = ts[0].name
	}
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.ed || t.typ != tIdent && t.typ != tQIdent || !jsonEachCols[t.identName()] || slices.Contains(keep, t.identName()) || x.isP(k-1, ".") || x.isP(k+1, ".") ||
			x.isP(k+1, "(") || x.T(k-1).kw("AS") || x.T(k-1).typ == tCast || block >= 0 && x.blockSelect(k) != block {
			continue
		}
		o := k - 1 // the parenthesis around the name
		for o >= 0 && x.depth[o] >= x.depth[k] {
			o--
		}
		if o > 1 && (x.kw(o-2, "INTO") || x.isP(o-2, ".") && x.kw(o-4, "INTO")) {
			continue // INSERT INTO t (id, ...): a target column
		}
		if o > 1 && x.aliasListAt(o) {
			continue // FROM (VALUES ...) v(id): a name the list gives
		}
		if strings.HasSuffix(t.pre, quoteIdent(q)+".") {
			continue // qualified for another function of the statement (SELECT unnest(a), unnest(b) FROM t)
		}
		t.pre += quoteIdent(q) + "." // after what wraps the name: (pg_mul(q.id, ...
	}
}

// aliasListAt reports whether the parenthesis at o opens a FROM item's
// column alias list: after the alias that follows a subquery, VALUES
// list, function call (`) v(id)`, `AS v(id)`) or table name (`FROM t
// x(a)`), where its names are the item's output names, no references.
func (x *tx) aliasListAt(o int) bool {
	if !x.isP(o, "(") || o < 2 {
		return false
	}
	a := x.T(o - 1)
	if a.typ != tIdent && a.typ != tQIdent || a.typ == tIdent && (reservedWord(a.upper()) || isClauseKw(a.upper()) || isJoinKw(a.upper()) || a.kw("FROM") || a.kw("LATERAL")) || !x.inFromList(o-1) {
		return false
	}
	if x.isP(o-2, ")") || x.kw(o-2, "AS") {
		return true
	}
	// FROM t x(a): the table's name before the alias
	return (x.T(o-2).typ == tIdent || x.T(o-2).typ == tQIdent) && (x.kw(o-3, "FROM") || x.kw(o-3, "JOIN") || x.isP(o-3, ",") && x.inFrom(o-2))
}

// qualifyBesideDerived qualifies, before any rewrite copies an operand's
// text, the names like json_each's columns in a query block whose FROM
// holds an unnest call beside one subquery, VALUES list or CTE
// (blockDerivedBeside): SELECT id, unnest(a) FROM (SELECT ...) s WHERE
// id = 1 compares s.id, where a bare id copied into a comparison's
// rewrite before the unnest's own qualification would be ambiguous with
// json_each's id. Beside a table, the rewrites qualify the columns they
// copy themselves.
func (x *tx) qualifyBesideDerived() {
	if x.catalog {
		return
	}
	for i := 0; i+1 < x.n(); i++ {
		if t := x.T(i); t.typ == tIdent && strings.EqualFold(t.text, "unnest") && x.isP(i+1, "(") && !x.isP(i-1, ".") {
			if _, ok := x.blockDerivedBeside(i); ok || x.srfSelectOf(i) >= 0 {
				x.qualifyEachCols(i)
			}
		}
	}
}

// itemAliases are the output names the select items of every level give
// themselves (AS n, or a name after the item): an ORDER BY or GROUP BY
// name may mean one, where a qualifier would make it the table's column.
func (x *tx) itemAliases() []string { return x.itemAliasesOf(-1) }

// itemAliasesOf is itemAliases of the query block whose SELECT is token
// block (every block's when block < 0).
func (x *tx) itemAliasesOf(block int) []string {
	var out []string
	for i := 0; i < x.n(); i++ {
		if !x.T(i).kw("SELECT") || block >= 0 && i != block {
			continue
		}
		d, s := x.depth[i], i+1
		for k := i + 1; ; k++ {
			if k < x.n() && x.depth[k] > d {
				continue
			}
			if k < x.n() && x.depth[k] == d && !x.isP(k, ",") && !x.isP(k, ";") && !(x.T(k).typ == tIdent && jsonListEnd[x.T(k).upper()]) {
				continue
			}
			if _, b := x.itemExpr(s, k); k > s && b < k {
				out = append(out, x.T(k-1).identName())
			}
			if k >= x.n() || !x.isP(k, ",") || x.depth[k] != d {
				break
			}
			s = k + 1
		}
	}
	return out
}

// unnestExact reports whether the unnest call at i is of an array the
// statement shows to be numeric[] (ARRAY[1.50, 2.0], '{1.50}'::numeric[]):
// its elements are then listed as their exact text (pg_array_json's
// 'exact'), where json_each would read 1.50 as the double 1.5, and
// become numeric values (exactNumericValue). An array column's element
// type is known only at run time: its elements stay json_each's numbers.
func (x *tx) unnestExact(i int) bool {
	if !strings.EqualFold(x.T(i).text, "unnest") || !x.isP(i+1, "(") {
		return false
	}
	args := x.splitTop(i+2, x.match(i+1))
	if len(args) != 1 {
		return false
	}
	if _, _, ok := x.bareColumn(args[0][0], args[0][1]); ok {
		return false
	}
	return x.exprOID(args[0][0], args[0][1]) == pgoid.ArrayOf(pgoid.Numeric)
}

// srfValueWrap is what makes json_each's value of the set-returning call
// at i the function's value (nil: the value itself): an exact numeric
// unnest's numeric, jsonb_path_query's jsonb text under the pg_jsonb
// collation (jsonb_order.go), so it compares and sorts as jsonb.
func (x *tx) srfValueWrap(i int) func(string) string {
	switch {
	case x.unnestExact(i):
		return exactNumericValue
	case strings.EqualFold(x.T(i).text, "jsonb_path_query"):
		return func(v string) string { return "(" + v + " COLLATE " + JSONBCollation + ")" }
	}
	return nil
}

// exactNumericValue is json_each's value v (numeric text under
// pg_array_json's 'exact') as a numeric value: TEXT with the collation of
// numeric values, so it compares and sorts by value as a numeric
// column does.
func exactNumericValue(v string) string {
	return "(CAST(" + v + " AS TEXT) COLLATE " + NumericCollation + ")"
}

// arrayConcatsWithin rewrites now the || of arrays within tokens lo..hi-1,
// whose text a rewrite is about to copy (operandcopy.go): the date/time
// operators' CASE form copied cardinality((ia || ARRAY[4])) + id before
// arrayPass, so its copies concatenated the arrays as text
// ('{1,2,3}{4}': the fuzz tester's seed 781002). An error is arrayPass's.
func (x *tx) arrayConcatsWithin(lo, hi int) {
	for i := lo + 1; i < hi && i < x.n(); i++ {
		if t := x.T(i); t.typ != tOp || t.ed || t.text != "||" {
			continue
		}
		if err := x.arrayOperator(i); err != nil && x.settleErr == nil {
			x.settleErr = err
		}
	}
}
