package pgdialect

// distinct_operator.go: IS [NOT] DISTINCT FROM as one operator token.
// The comparison rewrites (datetime_translate.go's comparison step,
// arith.go's arithCompare) read an operator at one token with its
// operands on either side; the three or four keywords of IS DISTINCT FROM
// were no operator to them, so SQLite compared the operands as it does
// =: coalesce(n, 0) IS DISTINCT FROM 1.5 was true for a numeric 1.5 (its
// text, with no affinity, is never the number 1.5; fuzz seed 800415),
// where n2 + 0 = 1.5 compares by value. Before any pass reads the
// statement, the keywords are merged into one tOp token spelled
// "IS DISTINCT FROM" or "IS NOT DISTINCT FROM" (SQLite's own syntax, so a
// comparison no rewrite takes prints as before), and the comparison
// rewrites take it as they take <> and =, comparing NULLs as the
// operator does (distinctCmp).

// Spellings of the merged operator tokens.
const (
	opDistinct    = "IS DISTINCT FROM"
	opNotDistinct = "IS NOT DISTINCT FROM"
)

// isDistinctOp reports whether op is a merged IS [NOT] DISTINCT FROM.
func isDistinctOp(op string) bool { return op == opDistinct || op == opNotDistinct }

// distinctOperator merges x's IS [NOT] DISTINCT FROM keywords into one
// operator token each, at IS's position.
func (x *tx) distinctOperator() {
	if !containsFoldASCII(x.src, "distinct") { // usingstar.go
		return
	}
	merged := map[int]int{} // token index of IS -> token index of FROM
	for i := 0; i+2 < x.n(); i++ {
		if !x.kw(i, "IS") {
			continue
		}
		j := i + 1
		if x.kw(j, "NOT") {
			j++
		}
		if x.kw(j, "DISTINCT") && x.kw(j+1, "FROM") {
			merged[x.sig[i]] = x.sig[j+1]
		}
	}
	if len(merged) == 0 {
		return
	}
	toks := make([]token, 0, len(x.toks))
	for ti := 0; ti < len(x.toks); ti++ {
		f, ok := merged[ti]
		if !ok {
			toks = append(toks, x.toks[ti])
			continue
		}
		op := opDistinct
		for k := ti + 1; k < f; k++ {
			if x.toks[k].kw("NOT") {
				op = opNotDistinct
			}
		}
		toks = append(toks, token{typ: tOp, text: op, pos: x.toks[ti].pos})
		ti = f // the words and what lies between them are the token
	}
	x.toks = toks
	x.indexTokens()
}

// distinctCmp is the comparison function fn (pg_cmp, pg_dt_cmp) that a
// rewrite of the comparison op calls: for IS [NOT] DISTINCT FROM its
// variant that compares two NULLs as equal (0) and a NULL with a value as
// unknown (NULL), which the operator, written after the call's result
// (pg_cmp_nd(a, b) IS DISTINCT FROM 0), then reads as PostgreSQL's.
func distinctCmp(fn, op string) string {
	if isDistinctOp(op) {
		return fn + "_nd"
	}
	return fn
}

func init() {
	boolOps[opDistinct] = true // aliases.go: the operators return boolean
	boolOps[opNotDistinct] = true
}
