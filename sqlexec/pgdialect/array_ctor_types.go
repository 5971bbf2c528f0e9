package pgdialect

// array_ctor_types.go: the type of ARRAY[...] over columns. The
// translation writes pg_array(e1, e2, ...) (array_translate.go) and types
// it when every element's type shows (ARRAY[1, 2] is int4[]); over a
// column SQLite declares nothing for the call, and the column was
// described text, where PostgreSQL's is the array of the elements' common
// type (ARRAY[id, id * 10] of an int4 column is int4[]: a client scanning
// into []int32 failed on text). As for other calls (calltypes.go), the
// session probes each element's declared type and arrayCtorType resolves
// them as PostgreSQL's ARRAY[] does: a quoted literal or NULL takes the
// others' type (text when all are), a parameter too.

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

func init() {
	callSigs["pg_array"] = callSig{allArgs: true, leafTyp: arrayCtorType}
}

// arrayCtorType is the array of the common type of elements leaves of
// probed types leafTypes (0: none declared), 0 when an element's type
// cannot be told or the types cannot be matched.
func arrayCtorType(leaves []string, leafTypes []uint32) uint32 {
	brs := make([]branch, len(leaves))
	for i, leaf := range leaves {
		x := newTx(leaf)
		switch {
		case x.n() == 1 && x.T(0).kw("NULL"):
			brs[i].kind = branchNull
		case x.n() == 1 && (x.T(0).typ == tString || x.T(0).typ == tParam):
			brs[i].kind = branchUnknown // resolved to the others' type
		default:
			o := leafTypes[i]
			if o == 0 {
				o = ExprType(leaf)
			}
			if o == 0 || o == pgoid.Unknown || pgoid.ElemOf(o) != 0 {
				return 0 // not known, or an array (multidimensional: refused)
			}
			brs[i] = branch{kind: branchTyped, oid: o}
		}
	}
	typed := make([]uint32, len(brs))
	for i, br := range brs {
		if br.kind == branchTyped {
			typed[i] = br.oid
		}
	}
	if o := datetimeCommon(typed); o != 0 {
		return pgoid.ArrayOf(o) // date beside timestamp: datetime_common.go
	}
	if o := stringCommon(typed); o != 0 {
		return pgoid.ArrayOf(o)
	}
	o, err := commonType(brs, "ARRAY")
	if err != nil {
		return 0
	}
	if o == 0 {
		for _, br := range brs {
			if br.kind == branchTyped {
				return 0 // types commonType does not match
			}
		}
		o = pgoid.Text // ARRAY[NULL] is text[]
	}
	return pgoid.ArrayOf(o)
}

// stringCommon is the common type of string element types oids (0: an
// unknown literal or NULL) as select_common_type resolves text, varchar
// and char(n), which cast implicitly to each other: the first (ARRAY[c,
// t] of a char(n) and a text column is bpchar[], ARRAY[v, c] varchar[]);
// 0 when one is of another type or none is typed.
func stringCommon(oids []uint32) uint32 {
	var first uint32
	for _, o := range oids {
		switch o {
		case 0:
		case pgoid.Text, pgoid.Varchar, pgoid.Bpchar:
			if first == 0 {
				first = o
			}
		default:
			return 0
		}
	}
	return first
}

// arrayCtorDecl is the declared-type argument (", type") that the
// functions reading an array's elements take (pg_array_get, pg_array_json,
// pg_json_typed) for the operand a..b-1 when it is ARRAY[...]: the array
// of its first element's type, a column's declared type read at run time
// or the type the statement shows; "" when no element is typed. Without
// it the elements were read by their look: ARRAY[b] of a boolean column
// holds t/f (bool_array.go), which would read as text, and to_json of
// ARRAY[id] was the string "{1}".
func (x *tx) arrayCtorDecl(a, b int) string {
	a, b = x.unparen(a, b)
	if !x.T(a).kw("ARRAY") || !x.isP(a+1, "[") || x.closeBracket(a+1) != b-1 {
		return ""
	}
	for _, p := range x.splitTop(a+2, b-1) {
		ea, eb := x.unparen(p[0], p[1])
		if eb == ea+1 && (x.T(ea).kw("NULL") || x.T(ea).typ == tString || x.T(ea).typ == tParam) {
			continue // takes the others' type
		}
		if q, col, ok := x.bareColumn(ea, eb); ok {
			if r, ok := x.resolved[ea]; ok && r.end == eb && r.oid != 0 {
				return x.arrayDeclOf(r.oid)
			}
			if e := x.columnTypeExpr(q, col); e != "NULL" {
				return ", (" + e + " || '[]')"
			}
			return ""
		}
		return x.arrayDeclOf(x.exprOID(ea, eb))
	}
	return ""
}

// arrayDeclOf is arrayCtorDecl of elements of type o (0: unknown).
func (x *tx) arrayDeclOf(o uint32) string {
	if o == 0 || o == pgoid.Unknown || pgoid.ArrayOf(o) == 0 {
		return ""
	}
	return ", " + quoteLit(TypeName(pgoid.ArrayOf(o)))
}
