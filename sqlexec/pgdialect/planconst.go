package pgdialect

import "strings"

// PostgreSQL evaluates some expressions before it reads a row, so their
// errors come even when no row is read (an empty table, WHERE false,
// LIMIT 0), where SQLite, which evaluates them per row, answers with no
// rows. Two moments:
//
//   - parse analysis coerces a literal to the type a cast names
//     ('abc'::int, CAST('abc' AS int), int 'abc'): everywhere in the
//     statement, even in a CASE branch that is never taken;
//   - the planner (eval_const_expressions) folds a call of an immutable
//     function or operator whose arguments are all constants (1/0,
//     sqrt(-1), 2147483647 + 1, (1/0)::text), after simplifying the
//     arguments, except those it drops first: a CASE branch behind a
//     constant false (or after a constant true) condition, AND's operands
//     after a constant false, OR's after a constant true, COALESCE's after
//     a non-null constant, the select list of an EXISTS subquery, a
//     derived table's unreferenced columns and an unreferenced CTE.
//
// planConstants finds both kinds lexically. It is conservative: a constant
// it cannot vouch for (a function it does not know to be immutable, a
// value it cannot read, syntax it does not parse) is left out, and where
// PostgreSQL may have dropped what follows, what follows is left out, so
// a statement PostgreSQL runs is never refused. The session evaluates
// each one on its connection before it runs the statement (sqlexec's
// planconst.go), so a failing write never enters the log.

// PlanConstant is one expression PostgreSQL evaluates before reading any
// row: its text in the client's statement, and for a literal read by a
// cast at parse analysis the byte offset of that literal (where
// PostgreSQL places the error; -1 for a planner fold, which has none).
type PlanConstant struct {
	Expr string
	Pos  int
	// Unsupported: its feature-not-supported error (0A000) is
	// PostgreSQL's too (an extract unit a date has not,
	// planconst_extract.go); otherwise only a data exception counts
	Unsupported bool
}

// planConstants returns the statement's constants in the order
// PostgreSQL evaluates them: the literal casts of parse analysis, then the
// planner's folds in text order. nil for statements PostgreSQL does not
// plan here (DDL; a view's body is planned when it is read). x is read
// before any rewrite (x.orig is the client's text).
func (x *tx) planConstants() []PlanConstant {
	if x.n() == 0 || !x.balanced() {
		return nil
	}
	switch x.T(0).upper() {
	case "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "VALUES", "EXPLAIN", "(":
	default:
		if !x.isP(0, "(") {
			return nil
		}
	}
	out := x.literalCasts()
	f := &folder{x: x}
	f.scan(0, x.n(), true)
	return append(out, f.out...)
}

// literalCastTypes are the type names that read a literal written after
// them (int 'abc', date '2024-13-01').
var literalCastTypes = map[string]bool{
	"int": true, "int2": true, "int4": true, "int8": true, "integer": true, "smallint": true,
	"bigint": true, "numeric": true, "decimal": true, "real": true, "float4": true, "float8": true,
	"date": true, "time": true, "timetz": true, "timestamp": true, "timestamptz": true,
	"interval": true, "bool": true, "boolean": true, "uuid": true, "json": true, "jsonb": true,
	"inet": true, "cidr": true, "money": true, "bytea": true, "macaddr": true,
}

// literalCasts returns the literals coerced by a cast (parse analysis).
func (x *tx) literalCasts() []PlanConstant {
	var out []PlanConstant
	isLit := func(i int) bool { t := x.T(i); return t.typ == tString || t.typ == tDollar }
	// typedLit: the literal at i is read by the type named before it
	// (interval '1 day'::time casts the interval, not the literal)
	typedLit := func(i int) bool {
		return x.T(i-1).typ == tIdent && literalCastTypes[asciiLower(x.T(i-1).text)] && !x.isP(i-2, ".") && !x.kw(i-2, "AS") ||
			x.kw(i-2, "DOUBLE", "PRECISION")
	}
	for i := 0; i < x.n(); i++ {
		switch {
		case isLit(i) && x.T(i+1).typ == tCast && !(i > 0 && typedLit(i)):
			if end, _, _, _, ok := x.parseType(i + 2); ok {
				out = append(out, PlanConstant{Expr: x.orig(i, end), Pos: x.T(i).pos})
			}
		case isLit(i) && x.isP(i-1, "(") && x.isP(i+1, ")"):
			if lo, end := x.parenLiteralCast(i); end > 0 {
				out = append(out, PlanConstant{Expr: x.orig(lo, end), Pos: x.T(i).pos})
			}
		case x.kw(i, "CAST") && x.isP(i+1, "(") && isLit(i+2) && x.kw(i+3, "AS"):
			if e := x.match(i + 1); e < x.n() {
				out = append(out, PlanConstant{Expr: x.orig(i, e+1), Pos: x.T(i + 2).pos})
			}
		case x.T(i).typ == tIdent && isLit(i+1) && literalCastTypes[asciiLower(x.T(i).text)] &&
			!x.isP(i-1, ".") && !x.kw(i-1, "AS") && x.T(i+1).typ == tString:
			end := i + 2
			if x.T(i).kw("INTERVAL") {
				for x.T(end).typ == tIdent && intervalFieldWords[x.T(end).upper()] {
					end++
				}
			}
			out = append(out, PlanConstant{Expr: x.orig(i, end), Pos: x.T(i + 1).pos})
		case isLit(i) && x.unknownAnyElem(i) != 0: // anyall_unknown.go
			out = append(out, PlanConstant{Expr: x.orig(i, i+1) + "::" + TypeName(x.unknownAnyElem(i)), Pos: x.T(i).pos})
		case isLit(i) && x.unknownAnyColumn(i) != "": // anyall_unknown.go
			out = append(out, PlanConstant{Expr: x.unknownAnyColumn(i), Pos: x.T(i).pos})
		case x.kw(i, "DOUBLE", "PRECISION") && x.T(i+2).typ == tString:
			out = append(out, PlanConstant{Expr: x.orig(i, i+3), Pos: x.T(i + 2).pos})
		}
	}
	return out
}

// parenOpeners are the tokens after which a parenthesis opens an
// expression, not a call's arguments.
var parenOpeners = map[string]bool{
	"(": true, ",": true, "SELECT": true, "WHERE": true, "AND": true, "OR": true, "NOT": true,
	"WHEN": true, "THEN": true, "ELSE": true, "CASE": true, "HAVING": true, "BY": true, "ON": true,
	"RETURNING": true, "LIMIT": true, "OFFSET": true, "BETWEEN": true,
}

// parenLiteralCast reads a parenthesized literal cast, ('abc')::int or
// (('abc'))::int, around the literal at i: parse analysis drops the
// parentheses and reads the literal with the cast's type, as it does
// 'abc'::int. It returns the tokens lo..end-1 of the cast, end 0 when the
// literal's parentheses are not followed by a cast or may be a call's
// (f('abc')::int casts f's result).
func (x *tx) parenLiteralCast(i int) (lo, end int) {
	lo, hi := i, i+1
	for x.isP(lo-1, "(") && x.isP(hi, ")") {
		lo, hi = lo-1, hi+1
	}
	if x.T(hi).typ != tCast {
		return 0, 0
	}
	if before := x.T(lo - 1); before.typ != tOp && (before.typ == tQIdent || !parenOpeners[before.upper()]) {
		return 0, 0
	}
	end, _, _, _, ok := x.parseType(hi + 1)
	if !ok {
		return 0, 0
	}
	return lo, end
}

// cnode is a parsed expression: its tokens, what the planner makes of it,
// and where its folds go in the output.
type cnode struct {
	lo, hi int
	state  cstate
	typ    ctype
	// lit: a literal's value for the pruning rules: 't', 'f', 'n' (NULL),
	// 0 for anything else
	lit byte
	// stopAnd, stopOr: an AND (OR) chain stopped at a constant in it: the
	// operands after this one are not simplified
	stopAnd, stopOr bool
	mark            int  // len(folder.out) when the node began
	pruned          bool // parsed where PostgreSQL drops it unsimplified
	// safe: a fold that cannot fail (text concatenated from literals), not
	// worth evaluating
	safe bool
	// unsupported: PlanConstant.Unsupported
	unsupported bool
}

type cstate uint8

const (
	cUnknown cstate = iota // may or may not be folded to a constant
	cDyn                   // never a constant: reads a column, a parameter, a subquery, a stable or volatile function
	cLit                   // a constant needing no evaluation (a literal, a literal cast)
	cFold                  // a constant the planner folds, which may fail
)

type ctype uint8

const (
	tyOther   ctype = iota
	tyNum           // an int, numeric or float value
	tyUnknown       // a string literal (type unknown)
	tyText          // a text value ('a' || 'b')
)

// foldFuncs are immutable numeric functions the planner folds over
// constant arguments; the list is short on purpose (see planConstants).
var foldFuncs = map[string]bool{
	"sqrt": true, "cbrt": true, "ln": true, "log": true, "log10": true, "exp": true,
	"power": true, "pow": true, "abs": true, "mod": true, "div": true, "floor": true,
	"ceil": true, "ceiling": true, "round": true, "trunc": true, "sign": true,
	"gcd": true, "lcm": true, "factorial": true, "asin": true, "acos": true,
	"atanh": true, "acosh": true, "asind": true, "acosd": true, "width_bucket": true,
}

// dynFuncs are functions never folded (stable or volatile); a call of one
// is no constant.
var dynFuncs = map[string]bool{
	"now": true, "random": true, "clock_timestamp": true, "statement_timestamp": true,
	"transaction_timestamp": true, "timeofday": true, "nextval": true, "currval": true,
	"setval": true, "lastval": true, "gen_random_uuid": true, "current_setting": true,
	"count": true, "sum": true, "avg": true, "min": true, "max": true, "string_agg": true,
	"array_agg": true, "bool_and": true, "bool_or": true, "every": true,
	"json_agg": true, "jsonb_agg": true, "row_number": true, "rank": true, "dense_rank": true,
	"lag": true, "lead": true, "first_value": true, "last_value": true, "nth_value": true,
}

// dynWords are the value keywords read at run time (SQLValueFunction).
var dynWords = map[string]bool{
	"CURRENT_DATE": true, "CURRENT_TIME": true, "CURRENT_TIMESTAMP": true, "LOCALTIME": true,
	"LOCALTIMESTAMP": true, "CURRENT_USER": true, "SESSION_USER": true, "USER": true,
	"CURRENT_ROLE": true, "CURRENT_SCHEMA": true, "CURRENT_CATALOG": true, "DEFAULT": true,
}

// foldNumTypes are the cast targets whose coercion of a constant number is
// folded (immutable).
var foldNumTypes = map[string]bool{
	"int": true, "int2": true, "int4": true, "int8": true, "integer": true, "smallint": true,
	"bigint": true, "numeric": true, "decimal": true, "real": true, "float4": true, "float8": true,
}

// folder walks a statement's tokens collecting the planner's folds.
type folder struct {
	x      *tx
	i      int // next token
	hi     int // end of the range parsed
	out    []PlanConstant
	pruned int  // > 0: inside what PostgreSQL drops unsimplified
	bad    bool // the expression did not parse: its folds are dropped
}

// clauseWords end an expression list at their depth.
var clauseWords = map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true,
	"OFFSET": true, "UNION": true, "INTERSECT": true, "EXCEPT": true, "RETURNING": true,
	"WINDOW": true, "FOR": true, "INTO": true, "ON": true, "SET": true, "VALUES": true,
	"FETCH": true, "SELECT": true, "USING": true, "JOIN": true, "DO": true,
}

// notOperand are words that cannot begin an operand.
var notOperand = map[string]bool{
	"AS": true, "THEN": true, "WHEN": true, "ELSE": true, "END": true, "AND": true, "OR": true,
	"IS": true, "DISTINCT": true, "ASC": true, "DESC": true, "IN": true, "BETWEEN": true, "LIKE": true,
	"ILIKE": true, "SIMILAR": true, "COLLATE": true, "AT": true,
}

// scan walks tokens lo..hi-1 of a statement, parsing the expressions of
// its clauses. selectList false skips the select lists (a derived table's
// or EXISTS's, whose unreferenced columns PostgreSQL drops).
func (f *folder) scan(lo, hi int, selectList bool) {
	x := f.x
	saveI, saveHi, saveBad := f.i, f.hi, f.bad
	defer func() { f.i, f.hi, f.bad = saveI, saveHi, saveBad }()
	f.hi = hi
	for i := lo; i < hi; {
		t := x.T(i)
		switch {
		case x.isP(i, "("):
			e := x.match(i)
			if e >= hi {
				return
			}
			if x.subqueryAt(i + 1) {
				// a CTE's body is left out (it is planned only where it
				// is referenced), a derived table's select list too
				if !x.kw(i-1, "AS") && !x.kw(i-1, "MATERIALIZED") {
					f.scan(i+1, e, false)
				}
				i = e + 1
				continue
			}
			i++
		case t.kw("SELECT"):
			i++
			if !selectList {
				i = f.skipList(i, hi)
				continue
			}
			if x.kw(i, "DISTINCT") && x.kw(i+1, "ON") {
				i += 2
			} else if x.kw(i, "DISTINCT") || x.kw(i, "ALL") {
				i++
			}
			i = f.list(i, hi, true)
		case t.kw("VALUES"):
			if !selectList {
				i = f.skipList(i+1, hi)
				continue
			}
			i = f.list(i+1, hi, false)
		case t.kw("BY"), t.kw("RETURNING"), t.kw("SET"):
			i = f.list(i+1, hi, t.kw("RETURNING"))
		case t.kw("WHERE"), t.kw("HAVING"), t.kw("ON"), t.kw("LIMIT"), t.kw("OFFSET"):
			i = f.list(i+1, hi, false)
		default:
			i++
		}
	}
}

// subqueryAt reports whether a query starts at token i.
func (x *tx) subqueryAt(i int) bool {
	return x.kw(i, "SELECT") || x.kw(i, "WITH") || x.kw(i, "VALUES") || x.kw(i, "INSERT") ||
		x.kw(i, "UPDATE") || x.kw(i, "DELETE") || x.kw(i, "TABLE") || x.isP(i, "(") && x.subqueryAt(i+1)
}

// skipList returns the first token at or after i, at i's depth, that
// begins a clause (or hi).
func (f *folder) skipList(i, hi int) int {
	x := f.x
	for ; i < hi; i++ {
		if x.isP(i, "(") {
			i = x.match(i)
			continue
		}
		if x.isP(i, ")") || x.T(i).typ == tIdent && clauseWords[x.T(i).upper()] {
			return i
		}
	}
	return hi
}

// list parses the comma-separated expressions from token i (select list
// items with their aliases, ORDER BY items with their directions) and
// returns the token after them. An expression that does not parse drops
// its folds and the rest of the list.
func (f *folder) list(i, hi int, aliases bool) int {
	x := f.x
	for {
		f.i, f.hi, f.bad = i, hi, false
		mark := len(f.out)
		n := f.expr(0)
		if f.bad {
			f.out = f.out[:mark]
			return f.skipList(i, hi)
		}
		f.emit(n)
		i = f.i
		// an alias, an ORDER BY direction
		if aliases && x.kw(i, "AS") {
			i += 2
		} else if aliases && (x.T(i).typ == tIdent && !clauseWords[x.T(i).upper()] || x.T(i).typ == tQIdent) {
			i++
		}
		for x.kw(i, "ASC") || x.kw(i, "DESC") || x.kw(i, "NULLS") || x.kw(i, "FIRST") || x.kw(i, "LAST") {
			i++
		}
		if x.kw(i, "USING") && x.T(i+1).typ == tOp {
			i += 2
		}
		if i >= hi || !x.isP(i, ",") {
			return i
		}
		i++
	}
}

// emit records n when the planner folds it and nothing encloses it in a
// larger fold, at its place in text order.
func (f *folder) emit(n cnode) {
	if n.state != cFold || n.pruned || n.safe {
		return
	}
	c := PlanConstant{Expr: f.x.orig(n.lo, n.hi), Pos: -1, Unsupported: n.unsupported}
	f.out = append(f.out, PlanConstant{})
	copy(f.out[n.mark+1:], f.out[n.mark:])
	f.out[n.mark] = c
}

// dropped parses with its folds dropped when drop is set.
func (f *folder) dropped(drop bool, parse func() cnode) cnode {
	if drop {
		f.pruned++
		defer func() { f.pruned-- }()
	}
	return parse()
}

func (f *folder) node(lo int) cnode {
	return cnode{lo: lo, hi: lo, mark: len(f.out), pruned: f.pruned > 0}
}

// fail marks the expression unparsed.
func (f *folder) fail() cnode {
	f.bad = true
	return cnode{lo: f.i, hi: f.i}
}

// binding powers, PostgreSQL's operator precedence from loosest to tightest
const (
	bpOr = iota + 1
	bpAnd
	bpNot
	bpIs
	bpCmp
	bpLike // BETWEEN, IN, LIKE, ILIKE, SIMILAR
	bpOp   // any other operator
	bpAdd
	bpMul
	bpExp
	bpAt
	bpCollate
	bpUnary
)

// infix is the binding power of the operator at token i, 0 if none.
func (f *folder) infix(i int) int {
	x := f.x
	t := x.T(i)
	if i >= f.hi {
		return 0
	}
	switch t.typ {
	case tOp:
		switch t.text {
		case "+", "-":
			return bpAdd
		case "*", "/", "%":
			return bpMul
		case "^":
			return bpExp
		case "=", "<", ">", "<=", ">=", "<>", "!=":
			return bpCmp
		}
		return bpOp
	case tIdent:
		switch t.upper() {
		case "OR":
			return bpOr
		case "AND":
			return bpAnd
		case "IS", "ISNULL", "NOTNULL":
			return bpIs
		case "BETWEEN", "IN", "LIKE", "ILIKE", "SIMILAR":
			return bpLike
		case "NOT":
			if x.kw(i+1, "BETWEEN") || x.kw(i+1, "IN") || x.kw(i+1, "LIKE") || x.kw(i+1, "ILIKE") || x.kw(i+1, "SIMILAR") {
				return bpLike
			}
		case "AT":
			return bpAt
		case "COLLATE":
			return bpCollate
		}
	}
	return 0
}

// expr parses an expression whose operators bind tighter than min.
func (f *folder) expr(min int) cnode {
	left := f.prefix()
	for !f.bad {
		bp := f.infix(f.i)
		if bp == 0 || bp <= min {
			return left
		}
		left = f.infixOp(left, bp)
	}
	return left
}

// combine is a node over parts that is no constant the session evaluates
// as a whole: the parts' folds are emitted, and it is dynamic when one of
// them is.
func (f *folder) combine(lo int, mark int, parts ...cnode) cnode {
	n := cnode{lo: lo, hi: f.i, mark: mark, pruned: f.pruned > 0}
	for _, p := range parts {
		f.emit(p)
		if p.state == cDyn {
			n.state = cDyn
		}
	}
	return n
}

func (f *folder) infixOp(left cnode, bp int) cnode {
	x := f.x
	t := x.T(f.i)
	switch {
	case t.kw("AND"), t.kw("OR"):
		and := t.kw("AND")
		f.i++
		f.emit(left)
		stop := left.stops(and)
		right := f.dropped(stop, func() cnode { return f.expr(bp) })
		n := f.combine(left.lo, left.mark, right)
		n.state = cUnknown
		if left.state == cDyn && right.state == cDyn {
			n.state = cDyn
		}
		if and {
			n.stopAnd = stop || right.stops(true)
		} else {
			n.stopOr = stop || right.stops(false)
		}
		return n
	case t.kw("IS"):
		f.i++
		if x.kw(f.i, "NOT") {
			f.i++
		}
		switch {
		case x.kw(f.i, "NULL"), x.kw(f.i, "TRUE"), x.kw(f.i, "FALSE"), x.kw(f.i, "UNKNOWN"):
			f.i++
			return f.combine(left.lo, left.mark, left)
		case x.kw(f.i, "DISTINCT") && x.kw(f.i+1, "FROM"):
			f.i += 2
			right := f.expr(bp)
			return f.combine(left.lo, left.mark, left, right)
		}
		return f.fail()
	case t.kw("ISNULL"), t.kw("NOTNULL"):
		f.i++
		return f.combine(left.lo, left.mark, left)
	case t.kw("NOT"):
		f.i++
		return f.infixOp(left, bp)
	case t.kw("BETWEEN"):
		// a BETWEEN b AND c is a >= b AND a <= c: the second test is
		// dropped when the first is a constant false
		f.i++
		if x.kw(f.i, "SYMMETRIC") || x.kw(f.i, "ASYMMETRIC") {
			f.i++
		}
		f.emit(left)
		low := f.expr(bpLike)
		f.emit(low)
		if !x.kw(f.i, "AND") {
			return f.fail()
		}
		f.i++
		high := f.dropped(left.state != cDyn && low.state != cDyn, func() cnode { return f.expr(bpLike) })
		return f.combine(left.lo, left.mark, left, low, high)
	case t.kw("IN"):
		f.i++
		if !x.isP(f.i, "(") {
			return f.fail()
		}
		items := f.parenthesized()
		return f.combine(left.lo, left.mark, left, items)
	case t.kw("LIKE"), t.kw("ILIKE"), t.kw("SIMILAR"):
		if t.kw("SIMILAR") {
			if !x.kw(f.i+1, "TO") {
				return f.fail()
			}
			f.i++
		}
		f.i++
		right := f.expr(bp)
		if x.kw(f.i, "ESCAPE") {
			f.i++
			esc := f.expr(bp)
			return f.combine(left.lo, left.mark, left, right, esc)
		}
		return f.combine(left.lo, left.mark, left, right)
	case t.kw("AT"):
		if !x.kw(f.i+1, "TIME", "ZONE") {
			return f.fail()
		}
		f.i += 3
		right := f.expr(bp)
		return f.combine(left.lo, left.mark, left, right)
	case t.kw("COLLATE"):
		f.i++
		f.qualifiedName()
		return f.combine(left.lo, left.mark, left)
	}
	// a binary operator
	op := t.text
	f.i++
	right := f.expr(bp)
	if f.bad {
		return right
	}
	switch op {
	case "+", "-", "*", "/", "%", "^":
		if left.constNum() && right.constNum() && (left.typ == tyNum || right.typ == tyNum) {
			return cnode{lo: left.lo, hi: f.i, state: cFold, typ: tyNum, mark: left.mark, pruned: left.pruned}
		}
	case "||":
		// text || text (textcat) is immutable; text || another type
		// (textanycat) is stable, never folded
		if left.constText() && right.constText() {
			safe := (left.state == cLit || left.safe) && (right.state == cLit || right.safe)
			return cnode{lo: left.lo, hi: f.i, state: cFold, typ: tyText, mark: left.mark, pruned: left.pruned, safe: safe}
		}
	}
	return f.combine(left.lo, left.mark, left, right)
}

// constNum: a constant number or unknown-typed literal.
func (n cnode) constNum() bool {
	return (n.state == cLit || n.state == cFold) && (n.typ == tyNum || n.typ == tyUnknown)
}

// constText: a constant text value or unknown-typed literal.
func (n cnode) constText() bool {
	return (n.state == cLit || n.state == cFold) && (n.typ == tyText || n.typ == tyUnknown)
}

// stops reports whether an AND (and) or OR (!and) chain stops simplifying
// after operand n: a constant false (true), or a constant whose value the
// lexer cannot read (conservatively).
func (n cnode) stops(and bool) bool {
	if and && n.stopAnd || !and && n.stopOr {
		return true
	}
	switch {
	case n.state == cDyn:
		return false
	case n.lit == 'n':
		return false
	case n.lit == 't':
		return !and
	case n.lit == 'f':
		return and
	}
	return true
}

// qualifiedName skips name(.name)*.
func (f *folder) qualifiedName() {
	x := f.x
	for {
		if t := x.T(f.i); t.typ != tIdent && t.typ != tQIdent {
			return
		}
		f.i++
		if !x.isP(f.i, ".") {
			return
		}
		f.i++
	}
}

func (f *folder) prefix() cnode {
	x := f.x
	n := f.node(f.i)
	if f.i >= f.hi {
		return f.fail()
	}
	t := x.T(f.i)
	switch t.typ {
	case tNumber:
		f.i++
		n.state, n.typ = cLit, tyNum
	case tString, tDollar:
		f.i++
		n.state, n.typ = cLit, tyUnknown
	case tParam:
		f.i++
		n.state = cDyn
	case tOp:
		switch t.text {
		case "-", "+":
			f.i++
			if x.T(f.i).typ == tNumber {
				// a signed number is a literal (the parser folds it)
				f.i++
				n.state, n.typ = cLit, tyNum
				break
			}
			arg := f.expr(bpUnary)
			if arg.constNum() {
				n.state, n.typ = cFold, tyNum
			} else {
				n = f.combine(n.lo, n.mark, arg)
			}
		case "*":
			f.i++
			n.state = cDyn
		default:
			// a prefix operator (@, |/, ~ ...)
			f.i++
			arg := f.expr(bpUnary)
			n = f.combine(n.lo, n.mark, arg)
		}
	case tPunct:
		if !x.isP(f.i, "(") {
			return f.fail()
		}
		n = f.parenthesized()
	case tQIdent:
		f.qualifiedName()
		n.state = cDyn
	case tIdent:
		n = f.word(n)
	default:
		return f.fail()
	}
	n.hi = f.i
	return f.postfix(n)
}

// parenthesized parses ( expr ), a row or list ( a, b ), or a subquery.
func (f *folder) parenthesized() cnode {
	x := f.x
	n := f.node(f.i)
	e := x.match(f.i)
	if e >= f.hi {
		return f.fail()
	}
	if x.subqueryAt(f.i + 1) {
		if f.pruned == 0 {
			f.scan(f.i+1, e, true)
		}
		f.i = e + 1
		n.hi, n.state = f.i, cDyn
		return n
	}
	f.i++
	parts := f.exprList(e, false)
	if f.bad || f.i != e {
		return f.fail()
	}
	f.i = e + 1
	if len(parts) == 1 {
		p := parts[0]
		p.lo, p.hi, p.mark = n.lo, f.i, n.mark
		return p
	}
	return f.combine(n.lo, n.mark, parts...)
}

// exprList parses the comma-separated expressions from f.i up to the closing
// parenthesis or bracket at e (none when empty and the list may be empty:
// ARRAY[]), leaving f.i after the last.
func (f *folder) exprList(e int, mayBeEmpty bool) []cnode {
	hi := f.hi
	f.hi = e
	var parts []cnode
	for !f.bad && (!mayBeEmpty || f.i < e) {
		parts = append(parts, f.expr(0))
		if f.bad || !f.x.isP(f.i, ",") {
			break
		}
		f.i++
	}
	f.hi = hi
	return parts
}

// word parses what starts with a bare word: a literal keyword, CASE,
// NOT, EXISTS, ARRAY, CAST, a call, a column.
func (f *folder) word(n cnode) cnode {
	x := f.x
	t := x.T(f.i)
	u := t.upper()
	switch {
	case u == "TRUE" || u == "FALSE" || u == "NULL":
		f.i++
		n.state, n.lit = cLit, strings.ToLower(u)[0]
		if u == "FALSE" {
			n.lit = 'f'
		}
		return n
	case u == "CASE":
		return f.caseExpr(n)
	case u == "NOT":
		f.i++
		arg := f.expr(bpNot)
		m := f.combine(n.lo, n.mark, arg)
		if arg.state != cDyn {
			m.state = cUnknown
		}
		return m
	case u == "EXISTS" && x.isP(f.i+1, "("):
		e := x.match(f.i + 1)
		if e >= f.hi {
			return f.fail()
		}
		if f.pruned == 0 {
			f.scan(f.i+2, e, false)
		}
		f.i = e + 1
		n.state = cDyn
		return n
	case (u == "ARRAY" || u == "ROW") && x.isP(f.i+1, "("):
		f.i++
		p := f.parenthesized()
		m := f.combine(n.lo, n.mark, p)
		return m
	case u == "ARRAY" && x.isP(f.i+1, "["):
		e := x.matchBracket(f.i + 1)
		if e >= f.hi {
			return f.fail()
		}
		f.i += 2
		parts := f.exprList(e, true)
		if f.bad || f.i != e {
			return f.fail()
		}
		f.i = e + 1
		return f.combine(n.lo, n.mark, parts...)
	case u == "CAST" && x.isP(f.i+1, "("):
		e := x.match(f.i + 1)
		if e >= f.hi {
			return f.fail()
		}
		hi := f.hi
		f.hi, f.i = e, f.i+2
		arg := f.expr(0)
		f.hi = hi
		if f.bad || !x.kw(f.i, "AS") {
			return f.fail()
		}
		end, name, _, array, ok := x.parseType(f.i + 1)
		if !ok || end != e {
			return f.fail()
		}
		f.i = e + 1
		return f.castOf(n, arg, name, array)
	case dynWords[u]:
		f.i++
		if x.isP(f.i, "(") {
			f.i = x.match(f.i) + 1
		}
		n.state = cDyn
		return n
	}
	if clauseWords[u] || notOperand[u] {
		return f.fail() // a clause word where an operand belongs
	}
	if end, name, _, _, ok := x.parseType(f.i); ok && x.T(end).typ == tString {
		// a typed literal (date '2024-01-01', interval '1' day): read at
		// parse analysis (literalCasts)
		f.i = end + 1
		if name == "interval" {
			for x.T(f.i).typ == tIdent && intervalFieldWords[x.T(f.i).upper()] {
				f.i++
			}
			if x.isP(f.i, "(") {
				f.i = x.match(f.i) + 1
			}
		}
		n.state, n.typ, n.hi = cLit, tyOther, f.i
		if foldNumTypes[name] {
			n.typ = tyNum
		}
		return n
	}
	f.qualifiedName()
	if x.isP(f.i-1, ".") && x.isP(f.i, "*") {
		f.i++ // t.*
	}
	name := asciiLower(x.T(f.i - 1).text)
	if !x.isP(f.i, "(") {
		n.state = cDyn // a column
		n.hi = f.i
		return n
	}
	return f.call(n, name)
}

// call parses a function call whose name ended before token f.i.
func (f *folder) call(n cnode, name string) cnode {
	x := f.x
	e := x.match(f.i)
	if e >= f.hi {
		return f.fail()
	}
	hi := f.hi
	f.hi, f.i = e, f.i+1
	unit := -1
	if name == "extract" && x.kw(f.i+1, "FROM") {
		unit = f.i
		f.i += 2 // the field is a word, not a column
	}
	var args []cnode
	stop := false
	for !f.bad && f.i < e {
		for x.kw(f.i, "DISTINCT") || x.kw(f.i, "ALL") || x.kw(f.i, "VARIADIC") ||
			x.kw(f.i, "BOTH") || x.kw(f.i, "LEADING") || x.kw(f.i, "TRAILING") {
			f.i++
		}
		if x.kw(f.i, "ORDER", "BY") {
			f.i = f.list(f.i+2, e, false)
			f.bad = f.bad || f.i != e
			break
		}
		if x.subqueryAt(f.i) {
			if f.pruned == 0 {
				f.scan(f.i, e, true)
			}
			f.i = e
			args = append(args, cnode{state: cDyn})
			break
		}
		// coalesce: the arguments after a non-null constant are dropped
		a := f.dropped(stop, func() cnode { return f.expr(0) })
		if name == "coalesce" && a.state != cDyn && a.lit != 'n' {
			stop = true
		}
		args = append(args, a)
		if x.isP(f.i, ",") || x.kw(f.i, "FROM") || x.kw(f.i, "FOR") || x.kw(f.i, "PLACING") {
			f.i++
			continue
		}
		if x.kw(f.i, "ORDER", "BY") {
			continue // an aggregate's ORDER BY (string_agg(t, ',' ORDER BY t))
		}
		break
	}
	f.hi = hi
	if f.bad || f.i != e {
		return f.fail()
	}
	f.i = e + 1
	// FILTER (...), OVER (...) / OVER w, WITHIN GROUP (...): aggregates
	// and window functions, never constants; the expressions of FILTER's
	// WHERE, of the window's PARTITION BY and ORDER BY and of WITHIN GROUP's
	// ORDER BY are folded
	win := false
	for {
		switch {
		case (x.kw(f.i, "FILTER") || x.kw(f.i, "OVER")) && x.isP(f.i+1, "("), x.kw(f.i, "WITHIN", "GROUP") && x.isP(f.i+2, "("):
			open := f.i + 1
			if x.kw(f.i, "WITHIN") {
				open++
			}
			e := x.match(open)
			if e >= f.hi {
				return f.fail()
			}
			if f.pruned == 0 {
				f.scan(open+1, e, true)
			}
			f.i = e + 1
			win = true
			continue
		case x.kw(f.i, "OVER"):
			f.i += 2
			win = true
			continue
		}
		break
	}
	if unit >= 0 && len(args) == 1 && !win && x.dateUnitRefused(unit, args[0]) { // planconst_extract.go
		n.hi, n.state, n.typ, n.unsupported = f.i, cFold, tyNum, true
		return n
	}
	if foldFuncs[name] && !win && len(args) > 0 {
		all := true
		for _, a := range args {
			all = all && a.constNum()
		}
		if all {
			n.hi, n.state, n.typ = f.i, cFold, tyNum
			return n
		}
	}
	m := f.combine(n.lo, n.mark, args...)
	if m.state != cDyn && (dynFuncs[name] || win) {
		m.state = cDyn
	}
	if name == "coalesce" && (len(args) == 0 || args[0].state != cDyn) {
		m.state = cUnknown
	}
	return m
}

// castOf is arg cast to the type name (CAST or ::).
func (f *folder) castOf(n, arg cnode, name string, array bool) cnode {
	n.hi = f.i
	switch {
	case arg.state == cLit && arg.typ == tyUnknown:
		// read at parse analysis (literalCasts)
		n.state, n.typ = cLit, tyOther
		if foldNumTypes[name] && !array {
			n.typ = tyNum
		} else if (name == "text" || name == "varchar") && !array {
			n.typ = tyText
		}
		return n
	case (arg.constNum() || arg.constText()) && !array && (foldNumTypes[name] || name == "text" || name == "varchar" || name == "bool" || name == "boolean"):
		n.state, n.typ = cFold, tyOther
		if foldNumTypes[name] {
			n.typ = tyNum
		} else if name == "text" || name == "varchar" {
			n.typ = tyText
		}
		return n
	}
	m := f.combine(n.lo, n.mark, arg)
	return m
}

// postfix parses what follows an operand: ::type, [subscript], .field.
func (f *folder) postfix(n cnode) cnode {
	x := f.x
	for !f.bad && f.i < f.hi {
		switch {
		case x.T(f.i).typ == tCast:
			end, name, _, array, ok := x.parseType(f.i + 1)
			if !ok || end > f.hi {
				return f.fail()
			}
			f.i = end
			n = f.castOf(cnode{lo: n.lo, mark: n.mark, pruned: n.pruned}, n, name, array)
		case x.isP(f.i, "["):
			e := x.matchBracket(f.i)
			if e >= f.hi {
				return f.fail()
			}
			f.i = e + 1
			n = f.combine(n.lo, n.mark, n)
		case x.isP(f.i, ".") && (x.T(f.i+1).typ == tIdent || x.T(f.i+1).typ == tQIdent || x.isP(f.i+1, "*")):
			f.i += 2
			n = f.combine(n.lo, n.mark, n)
		default:
			return n
		}
	}
	return n
}

// caseExpr parses CASE ... END: a branch behind a constant false
// condition, or after a constant true one, is dropped unsimplified; a
// condition whose value the lexer cannot read drops what follows it.
func (f *folder) caseExpr(n cnode) cnode {
	x := f.x
	f.i++
	var arg *cnode
	if !x.kw(f.i, "WHEN") {
		a := f.expr(0)
		f.emit(a)
		arg = &a
	}
	n.state = cUnknown
	stop := false
	first := true
	for !f.bad && x.kw(f.i, "WHEN") {
		f.i++
		cond := f.dropped(stop, func() cnode { return f.expr(0) })
		f.emit(cond)
		if !x.kw(f.i, "THEN") {
			return f.fail()
		}
		f.i++
		drop := stop
		if !stop {
			test := cond.state
			if arg != nil && arg.state == cDyn {
				test = cDyn
			}
			switch {
			case test == cDyn:
			case arg == nil && (cond.lit == 'f' || cond.lit == 'n'):
				drop = true
			case arg == nil && cond.lit == 't':
				stop = true
			default:
				drop, stop = true, true
			}
			if first && test == cDyn {
				n.state = cDyn
			}
		}
		first = false
		res := f.dropped(drop, func() cnode { return f.expr(0) })
		f.emit(res)
	}
	if x.kw(f.i, "ELSE") {
		f.i++
		e := f.dropped(stop, func() cnode { return f.expr(0) })
		f.emit(e)
	}
	if f.bad || !x.kw(f.i, "END") {
		return f.fail()
	}
	f.i++
	n.hi = f.i
	return n
}
