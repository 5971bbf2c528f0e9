package pgdialect

// concattypes.go: the type of a result column that is || over a column
// whose type is known at run time only.
//
// `doc || '{"z": 0}'` and `tags || 'z'` over a table's or view's column
// are translated to a choice made at run time (jsonb_translate.go): the
// jsonb concatenation, the array one, or text's. The description of such
// a column follows the operands' types as describing probes them
// (sqlexec's probeLeaves, arith_types.go's ArithProbeSQL): jsonb when an
// operand is jsonb, the array's type when one is an array, else left to
// the values (text).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// concatRuntimeMark is in every run-time choice of || (jsonb_translate.go).
const concatRuntimeMark = "THEN pg_array_concat("

// MentionsConcat is a cheap test before lexing: sqlText has a run-time
// choice of ||.
func MentionsConcat(sqlText string) bool {
	return strings.Contains(sqlText, concatRuntimeMark)
}

// ConcatItems are the result items of the SQLite statement sqlText that
// are a run-time choice of || (the whole item), with its two operands as
// leaves; nil when the list has a *.
func ConcatItems(sqlText string) []ArithItem {
	x := newTx(sqlText)
	var out []ArithItem
	for col, it := range x.resultItems() {
		a, b := x.itemExpr(it[0], it[1])
		if x.isP(a, "*") || x.isP(b-1, "*") {
			return nil
		}
		if b-a < 4 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "CASE") {
			continue
		}
		d := x.depth[a] + 1
		for k := a + 1; k < b-1; k++ {
			if x.depth[k] != d || !strings.EqualFold(x.T(k).text, "pg_array_concat") || !x.isP(k+1, "(") || !x.kw(k-1, "THEN") {
				continue
			}
			args := x.splitTop(k+2, x.match(k+1))
			if len(args) < 2 || len(args) > 4 {
				break // (three or four: the operands' types follow, concat_columns.go)
			}
			var leaves []string
			for _, p := range args[:2] {
				p = x.columnBranchLeaf(p)
				leaves = append(leaves, x.src[x.T(p[0]).pos:x.T(p[1]-1).pos+len(x.T(p[1]-1).text)])
			}
			last := x.T(b - 1)
			out = append(out, ArithItem{Column: col, Leaves: leaves, expr: x.src[x.T(a).pos : last.pos+len(last.text)],
				start: x.T(a).pos, end: last.pos + len(last.text)})
			break
		}
	}
	return out
}

// ConcatType is the type of a ConcatItems item given its operands' types
// (0: unknown): with both known, PostgreSQL's operator as concatType
// (calltypes.go) resolves it; with one unknown (a literal), jsonb or the
// array's type where the other operand is one, else 0 (text's ||,
// described from its values).
func ConcatType(it ArithItem, leafTypes []uint32) uint32 {
	if len(leafTypes) == 2 && leafTypes[0] != 0 && leafTypes[1] != 0 {
		return concatType(leafTypes)
	}
	for i, o := range leafTypes {
		// beside a quoted literal (unknown: read as jsonb); beside
		// another expression of no declared type (j || 'x'::text is
		// text's ||) left to the values
		if o == pgoid.JSONB && len(it.Leaves) == 2 && unknownLeaf(it.Leaves[1-i]) {
			return pgoid.JSONB
		}
	}
	for _, o := range leafTypes {
		if pgoid.ElemOf(o) != 0 {
			return o
		}
	}
	return 0
}

// unknownLeaf reports whether the SQLite text leaf is of PostgreSQL's
// type unknown: a quoted literal alone, or NULL.
func unknownLeaf(leaf string) bool {
	x := newTx(leaf)
	return x.n() == 1 && (x.T(0).typ == tString || x.T(0).kw("NULL"))
}

// columnBranchLeaf is the operand p of a run-time jsonb or array operator
// to probe for its type: p, or the first column among its branches when p
// is a conditional (coalesce(j, '{}') || ..., (CASE ... END) - 'a':
// jsonb_translate.go's columnOrConditionalType decided by that column).
func (x *tx) columnBranchLeaf(p [2]int) [2]int {
	a, b := x.unparen(p[0], p[1])
	for _, br := range x.conditionalBranches(a, b) {
		if _, _, ok := x.bareColumn(br[0], br[1]); ok {
			return br
		}
	}
	return p
}
