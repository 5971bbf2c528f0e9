package pgdialect

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Parameters typed by the expression they meet. PostgreSQL gives a
// parameter of unknown type the type of the other operand of the operator
// it is an operand of (count(*) > $1: int8), of the left side of BETWEEN
// and IN, of the other branches of CASE and COALESCE, and the declared type
// of a function's argument (substr(s, $1, $2): int4). A client that leaves
// the type to the server (pgx, database/sql) then sends the value in that
// type; left unknown, the value reaches SQLite as TEXT, and in SQLite any
// number is less than any text: a silent wrong answer.
//
// The operand's type is not guessed here: ParamOperands returns, for each
// such parameter, a probe statement "SELECT <operand> FROM <the block's
// FROM ...>" in PostgreSQL's dialect, and the session describes it as any
// statement's result column (sqlexec/paramtypes.go): one typer for
// RowDescription and ParameterDescription.

// ParamOperand is what one parameter is typed from.
type ParamOperand struct {
	Param int // $n
	// OID: the type the context gives directly (a function argument of
	// known signature); 0 when Probe is to be described.
	OID uint32
	// Probe: a PostgreSQL statement whose one result column is the
	// operand, in the parameter's scope. FromOnly: the same with the
	// block's FROM list alone, for a block that does not compile by
	// itself (a correlated subquery's WHERE reads the outer query).
	Probe, FromOnly string
	// Arith: the parameter is an operand of arithmetic: it takes the
	// operand's type only when that is numeric.
	Arith bool
	// Elem: the parameter is compared with ANY, SOME or ALL of an array
	// (Probe is the array): it takes the array's element type, as
	// PostgreSQL resolves unknown = ANY (anyarray).
	Elem bool
	// Concat: the parameter is an operand of || (or meets a || chain): it
	// takes the operand's type when that is an array or jsonb (array ||
	// element, jsonb || jsonb), else text, as PostgreSQL resolves
	// unknown || text and unknown || anynonarray (ConcatParamType).
	Concat bool
}

// ConcatParamType is the type of a parameter of || (ParamOperand.Concat)
// beside an operand of type o (0: not known): an array's or jsonb's own
// type, else text.
func ConcatParamType(o uint32) uint32 {
	if o == pgoid.JSONB || pgoid.ElemOf(o) != 0 {
		return o
	}
	return pgoid.Text
}

// paramArgTypes are argument types of functions whose parameters
// PostgreSQL types by signature (0: from the value, not typed here).
var paramArgTypes = map[string][]uint32{
	"substr":     {0, pgoid.Int4, pgoid.Int4},
	"substring":  {0, pgoid.Int4, pgoid.Int4},
	"left":       {0, pgoid.Int4},
	"right":      {0, pgoid.Int4},
	"repeat":     {0, pgoid.Int4},
	"lpad":       {0, pgoid.Int4, pgoid.Text},
	"rpad":       {0, pgoid.Int4, pgoid.Text},
	"date_trunc": {pgoid.Text},
	"date_part":  {pgoid.Text},
	"split_part": {0, pgoid.Text, pgoid.Int4},
}

// arithOps are the binary arithmetic operators whose unknown operand takes
// the other operand's (numeric) type.
var arithOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true}

// ParamOperands returns what each parameter of sql (PostgreSQL text) not
// followed by a cast may be typed from, at most one per parameter.
func ParamOperands(sql string) []ParamOperand {
	x := newTx(sql)
	if x.mergeStart() >= 0 {
		x = newTx(MergeTypingText(sql)) // merge.go: its expressions as a query
	}
	var out []ParamOperand
	seen := map[int]bool{}
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tParam || len(t.text) < 2 || t.text[0] != '$' || x.T(i+1).typ == tCast {
			continue
		}
		n, err := strconv.Atoi(t.text[1:])
		if err != nil || seen[n] {
			continue
		}
		if o := x.argParamType(i); o != 0 {
			seen[n] = true
			out = append(out, ParamOperand{Param: n, OID: o})
			continue
		}
		if x.bareSelectItem(i) {
			seen[n] = true
			out = append(out, ParamOperand{Param: n, OID: pgoid.Text})
			continue
		}
		a, b, arith := x.paramOperand(i)
		concat := x.isP(i-1, "||") || x.isP(i+1, "||")
		if !concat && a >= 0 && a < b {
			// $2 of s || $1 = $2: the other operand is a || chain
			for k := a; k < b; k++ {
				concat = concat || x.depth[k] == x.depth[a] && x.isP(k, "||")
			}
		}
		if concat && (a < 0 || a >= b || b-a == 1 && (x.T(a).typ == tParam || x.kw(a, "NULL"))) {
			// $1 || $2, $1 || NULL: text || text
			seen[n] = true
			out = append(out, ParamOperand{Param: n, OID: pgoid.Text})
			continue
		}
		if a < 0 || a >= b {
			continue
		}
		if b-a == 1 && (x.T(a).typ == tParam || x.kw(a, "NULL")) {
			continue // the other operand is untyped too
		}
		elem := false
		if (x.kw(a, "ANY") || x.kw(a, "SOME") || x.kw(a, "ALL")) && x.isP(a+1, "(") && x.match(a+1) == b-1 {
			// $1 = ANY (array): the array's element type; $1 = ANY
			// (SELECT ...): the subquery's column type (the
			// parenthesized subquery probed as a scalar one)
			a++
			elem = !x.kw(a+1, "SELECT") && !x.kw(a+1, "WITH") && !x.kw(a+1, "VALUES")
			if b-a == 3 && x.T(a+1).typ == tParam {
				continue // ANY ($2): untyped too
			}
		}
		if probe, fromOnly := x.operandProbe(a, b); probe != "" {
			seen[n] = true
			out = append(out, ParamOperand{Param: n, Probe: probe, FromOnly: fromOnly, Arith: arith, Concat: concat, Elem: elem})
		}
	}
	return out
}

// argParamType is the declared type of the argument parameter i is, when
// it is a whole argument of a call in paramArgTypes.
func (x *tx) argParamType(i int) uint32 {
	if !(x.isP(i-1, "(") || x.isP(i-1, ",")) || !(x.isP(i+1, ")") || x.isP(i+1, ",")) {
		return 0
	}
	open := i - 1
	for open >= 0 && !(x.isP(open, "(") && x.depth[open]+1 == x.depth[i]) {
		open--
	}
	if open < 1 || x.T(open-1).typ != tIdent {
		return 0
	}
	sig := paramArgTypes[strings.ToLower(x.T(open-1).text)]
	for k, p := range x.splitTop(open+1, x.match(open)) {
		if p[0] == i && k < len(sig) {
			return sig[k]
		}
	}
	return 0
}

// opRank is the precedence of binary operator token t: 3 for * / %, 2
// for + -, 1 for comparisons, 0 for none.
func opRank(t *token) int {
	switch {
	case t.typ != tOp:
		return 0
	case t.text == "*" || t.text == "/" || t.text == "%":
		return 3
	case t.text == "+" || t.text == "-":
		return 2
	case cmpOps[t.text]:
		return 1
	}
	return 0
}

// paramOperand is the operand a..b-1 parameter i is typed from (a < 0:
// none) and whether it meets it in arithmetic. Of the operators on its
// two sides, the one binding tighter takes it (left on a tie).
func (x *tx) paramOperand(i int) (a, b int, arith bool) {
	prev, next := x.T(i-1), x.T(i+1)
	left, right := opRank(prev), opRank(next)
	if left > 0 && x.operandBack(i-2, false) < 0 {
		left = 0 // a sign: -$1
	}
	switch {
	case x.isP(i-1, "||") && right <= 1:
		// s || $1: the chain before it (operandStops goes on over ||);
		// || binds tighter than a comparison, looser than + - * / %
		return x.operandBack(i-2, false), i - 1, false
	case x.isP(i+1, "||") && left <= 1:
		return i + 2, x.operandForward(i+2, false), false
	case left > 0 && left >= right:
		return x.operandBack(i-2, left == 3), i - 1, left > 1
	case right > 0:
		return i + 2, x.operandForward(i+2, right == 3), right > 1
	case x.kw(i-1, "BETWEEN"):
		return x.operandBack(i-2, false), i - 1, false
	case x.kw(i+1, "BETWEEN"):
		return i + 2, x.operandForward(i+2, false), false
	case x.kw(i-1, "AND"):
		// lo AND $n of BETWEEN: the left side of BETWEEN
		s := x.operandBack(i-2, false)
		if s > 0 && x.kw(s-1, "BETWEEN") {
			return x.operandBack(s-2, false), s - 1, false
		}
	case x.kw(i-1, "THEN") || x.kw(i-1, "ELSE"):
		return x.caseBranch(i)
	case x.isP(i-1, "(") || x.isP(i-1, ","):
		return x.listOperand(i)
	}
	return -1, 0, false
}

// operandStops reports whether token k ends an operand scanned from
// inside it.
func (x *tx) operandStops(k int, mulOnly bool) bool {
	t := x.T(k)
	switch t.typ {
	case tOp:
		if mulOnly {
			return !(t.text == "*" || t.text == "/" || t.text == "%")
		}
		return !arithOps[t.text] && t.text != "||"
	case tPunct:
		return t.text != "." && t.text != "(" && t.text != ")"
	case tIdent:
		return isClauseKw(t.upper()) || t.kw("AND") || t.kw("OR") || t.kw("NOT") || t.kw("BETWEEN") || t.kw("IN") ||
			t.kw("IS") || t.kw("LIKE") || t.kw("ILIKE") || t.kw("WHEN") || t.kw("THEN") || t.kw("ELSE") || t.kw("CASE") ||
			t.kw("END") || t.kw("SELECT") || t.kw("SET") || t.kw("AS") || t.kw("FROM") || t.kw("BY") || t.kw("VALUES")
	}
	return false
}

// operandBack is the start of the operand ending at e, -1 when none.
func (x *tx) operandBack(e int, mulOnly bool) int {
	if e < 0 {
		return -1
	}
	d := x.depth[e]
	k := e
	for k >= 0 {
		if x.isP(k, ")") {
			k = x.matchBack(k) - 1
			continue
		}
		if x.kw(k, "END") && x.depth[k] == d {
			if c := x.caseStart(k); c >= 0 {
				k = c - 1 // CASE ... END < $1: the whole CASE
				continue
			}
		}
		if x.depth[k] < d || x.isP(k, "(") || x.operandStops(k, mulOnly) {
			break
		}
		k--
	}
	if k+1 > e {
		return -1
	}
	return k + 1
}

// operandForward is the end of the operand starting at s (mulOnly: of
// the operand of * / %).
func (x *tx) operandForward(s int, mulOnly bool) int {
	if s >= x.n() {
		return s
	}
	d := x.depth[s]
	k := s
	for k < x.n() {
		if x.isP(k, "(") {
			k = x.match(k) + 1
			continue
		}
		if x.kw(k, "CASE") && x.depth[k] == d {
			if e := x.caseEnd(k); e < x.n() {
				k = e + 1 // $1 < CASE ... END: the whole CASE
				continue
			}
		}
		if x.depth[k] < d || x.isP(k, ")") || x.operandStops(k, mulOnly) {
			break
		}
		if x.T(k).typ == tCast { // x::type
			k += 2
			continue
		}
		k++
	}
	return k
}

// caseBranch is another result of the CASE whose THEN/ELSE result
// parameter i is.
func (x *tx) caseBranch(i int) (int, int, bool) {
	d := x.depth[i]
	c := i - 1
	for depth := 0; c >= 0; c-- {
		if x.depth[c] != d {
			continue
		}
		if x.kw(c, "END") {
			depth++
		} else if x.kw(c, "CASE") {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	if c < 0 {
		return -1, 0, false
	}
	for k, depth := c+1, 0; k < x.n() && x.depth[k] >= d; k++ {
		if x.depth[k] != d {
			continue
		}
		switch {
		case x.kw(k, "CASE"):
			depth++
		case x.kw(k, "END"):
			if depth == 0 {
				return -1, 0, false
			}
			depth--
		case depth == 0 && (x.kw(k, "THEN") || x.kw(k, "ELSE")) && k+1 != i:
			e := k + 1
			for e < x.n() && !(x.depth[e] == d && (x.kw(e, "WHEN") || x.kw(e, "ELSE") || x.kw(e, "END"))) {
				e++
			}
			if e > k+1 && !(e == k+2 && (x.T(k+1).typ == tParam || x.kw(k+1, "NULL"))) {
				return k + 1, e, false
			}
		}
	}
	return -1, 0, false
}

// listOperand types a parameter that is a whole item of x IN (...) by x,
// or of coalesce/nullif/greatest/least by another argument.
func (x *tx) listOperand(i int) (int, int, bool) {
	if !(x.isP(i+1, ")") || x.isP(i+1, ",")) {
		return -1, 0, false
	}
	open := i - 1
	for open >= 0 && !(x.isP(open, "(") && x.depth[open]+1 == x.depth[i]) {
		open--
	}
	if open < 1 {
		return -1, 0, false
	}
	if x.kw(open-1, "IN") {
		return x.operandBack(open-2-btoi(x.kw(open-2, "NOT")), false), open - 1 - btoi(x.kw(open-2, "NOT")), false
	}
	switch strings.ToLower(x.T(open - 1).text) {
	case "coalesce", "nullif", "greatest", "least":
		for _, p := range x.splitTop(open+1, x.match(open)) {
			if p[0] != i && !(p[1]-p[0] == 1 && (x.T(p[0]).typ == tParam || x.kw(p[0], "NULL"))) {
				return p[0], p[1], false
			}
		}
	}
	return -1, 0, false
}

// operandProbe is "SELECT <a..b-1> FROM ..." in the operand's scope: the
// FROM, WHERE, GROUP BY and HAVING of its SELECT block (the table of an
// UPDATE or DELETE), after the statement's WITH clause; and the same
// with the FROM list alone ("" when that is the whole block).
func (x *tx) operandProbe(a, b int) (string, string) {
	d := x.depth[a]
	prefix := ""
	if x.kw(0, "WITH") {
		for k := 1; k < x.n(); k++ {
			if x.depth[k] == 0 && (x.kw(k, "SELECT") || x.kw(k, "INSERT") || x.kw(k, "UPDATE") || x.kw(k, "DELETE")) {
				if k < a {
					prefix = x.orig(0, k) + " "
				}
				break
			}
		}
	}
	expr := x.orig(a, b)
	s := a
	for s >= 0 && !(x.depth[s] == d && (x.kw(s, "SELECT") || x.kw(s, "UPDATE") || x.kw(s, "DELETE"))) {
		if x.depth[s] < d {
			d = x.depth[s]
		}
		s--
	}
	if s < 0 {
		return prefix + "SELECT " + expr, ""
	}
	if x.kw(s, "UPDATE") || x.kw(s, "DELETE") {
		k := s + 1
		if x.kw(k, "FROM") {
			k++
		}
		if x.kw(k, "ONLY") {
			k++
		}
		_, e := x.name(k)
		if e == k {
			return "", ""
		}
		if x.kw(e, "AS") {
			e++
		}
		if t := x.T(e); (t.typ == tIdent && !isClauseKw(t.upper()) && !t.kw("SET")) || t.typ == tQIdent {
			e++
		}
		from := x.findKw(e, x.n(), x.depth[s], "FROM")
		if from < 0 {
			from = x.findKw(e, x.n(), x.depth[s], "USING")
		}
		if from >= 0 {
			// UPDATE t SET ... FROM u, DELETE FROM t USING u: the operand
			// sees the target and the other tables, as a join of them
			end := from + 1
			for end < x.n() && !(x.depth[end] == x.depth[s] && (x.kw(end, "WHERE") || x.kw(end, "RETURNING"))) {
				end++
			}
			if end == from+1 {
				return "", ""
			}
			return prefix + "SELECT " + expr + " FROM " + x.orig(k, e) + ", " + x.orig(from+1, end), ""
		}
		return prefix + "SELECT " + expr + " FROM " + x.orig(k, e), ""
	}
	from, where := -1, -1
	end := s + 1
	for ; end < x.n() && x.depth[end] >= x.depth[s]; end++ {
		if x.depth[end] != x.depth[s] {
			continue
		}
		if from < 0 && x.kw(end, "FROM") {
			from = end
		}
		if where < 0 && from >= 0 && (x.kw(end, "WHERE") || x.kw(end, "GROUP") || x.kw(end, "HAVING")) {
			where = end
		}
		if x.kw(end, "ORDER") || x.kw(end, "LIMIT") || x.kw(end, "OFFSET") || x.kw(end, "UNION") || x.kw(end, "INTERSECT") ||
			x.kw(end, "EXCEPT") || x.kw(end, "FETCH") || x.kw(end, "FOR") || x.kw(end, "RETURNING") || x.kw(end, "WINDOW") ||
			x.kw(end, "ON") && x.kw(end+1, "CONFLICT") {
			break
		}
	}
	if from < 0 {
		return prefix + "SELECT " + expr, ""
	}
	fromOnly := ""
	if where > from {
		fromOnly = prefix + "SELECT " + expr + " " + x.orig(from, where)
	}
	return prefix + "SELECT " + expr + " " + x.orig(from, end), fromOnly
}

// bareSelectItem reports whether parameter i is a whole item of the select
// list of a top-level SELECT (SELECT $1, SELECT $1 AS a): PostgreSQL
// describes it text. An INSERT's SELECT is typed by its target instead.
func (x *tx) bareSelectItem(i int) bool {
	if x.depth[i] != 0 || !(x.kw(i-1, "SELECT") || x.isP(i-1, ",")) {
		return false
	}
	if !(x.isP(i+1, ",") || x.kw(i+1, "AS") || x.kw(i+1, "FROM") || x.T(i+1).typ == tPunct && x.T(i+1).text == "" ||
		x.T(i+1).typ == tIdent && !isClauseKw(x.T(i+1).upper()) && x.isP(i+2, ",")) {
		return false
	}
	s := i - 1
	for s >= 0 && !x.kw(s, "SELECT") {
		if x.depth[s] == 0 && !x.isP(s, ",") && x.T(s).typ != tParam && x.T(s).typ != tIdent && x.T(s).typ != tQIdent {
			return false
		}
		s--
	}
	return s == 0 // the statement's own SELECT: not INSERT ... SELECT, nor after WITH
}
