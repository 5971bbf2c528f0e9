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
