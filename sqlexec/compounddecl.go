package sqlexec

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// Declared types of a compound SELECT's columns. SQLite declares each
// column of a UNION, INTERSECT or EXCEPT as its first operand's column,
// type modifier included; PostgreSQL keeps a modifier only when every
// operand's column has the same one (select_common_typmod), else -1. The
// modifier is not only described: the wire writer prints a numeric(p,s)
// column's values at scale s, so numeric(10,3) UNION numeric(10,1)
// printed 0.1 as 0.100, and with the operands swapped 9.250 as 9.3.

// compoundDecl is the declared type of result column i of s, decl
// SQLite's, when s is a compound SELECT: without its type modifier
// ("numeric_text(10,3)" is "numeric_text") when an operand declares the
// column otherwise, and of the operands' common type when they declare
// different numeric types (int4 UNION int8 is int8, as in PostgreSQL,
// whose select_common_type widens the first operand's type).
//
// A UNION written to keep the first of equal rows (SELECT DISTINCT * FROM
// (arms) AS pgdialect_union: pgdialect/unionfirst.go) starts from its
// first operand's declaration: SQLite would declare the subquery's
// columns as its last operand's.
func (s *lstmt) compoundDecl(i int, decl string) string {
	if s.unionWrap == 0 {
		s.unionWrap = 2
		if pgdialect.UnionKeepsFirst(libc.GoString(lib.Xsqlite3_sql(s.c.tls, s.p))) {
			s.unionWrap = 1
		}
	}
	if s.unionWrap == 1 {
		if s.armDecls == nil {
			s.armDecls = s.operandDecls()
		}
		if len(s.armDecls) > 0 && i < len(s.armDecls[0]) && s.armDecls[0][0] != "?" {
			decl = s.armDecls[0][i]
			if decl == nullOperand {
				decl = "" // the other operands' type
			}
		}
	}
	oid, _ := typeFromDeclMod(decl)
	if strings.IndexByte(decl, '(') < 0 && oid != 0 && pgdialect.CommonType([]uint32{oid, pgoid.Int2}) == 0 {
		return decl // no modifier, and of no type an operand could widen
	}
	if s.armDecls == nil {
		s.armDecls = s.operandDecls()
	}
	if len(s.armDecls) == 0 {
		return decl
	}
	same, oids := true, make([]uint32, 0, len(s.armDecls))
	best, bestOID := decl, oid
	for _, decls := range s.armDecls {
		if i >= len(decls) {
			return stripMod(decl)
		}
		if decls[i] == nullOperand {
			continue
		}
		same = same && strings.EqualFold(decls[i], decl)
		o, _ := typeFromDeclMod(decls[i])
		oids = append(oids, o)
		if o != 0 && o != bestOID && o == pgdialect.CommonType(oids) {
			best, bestOID = decls[i], o // the widest so far
		}
	}
	if same {
		return decl
	}
	if charBeforeVarchar(oids) {
		// char(n) first, varchar after: bpchar, its values as printed
		// (pgdialect/bpchar_mixed.go pads them)
		return "bpchar"
	}
	if bestOID == 0 || bestOID != pgdialect.CommonType(oids) {
		best = decl // not one type: the operands' hints and values decide
	}
	return stripMod(best)
}

// charBeforeVarchar reports whether oids (a compound column's operands'
// types) are char(n) first and char(n) or varchar after, one varchar at
// least: PostgreSQL's column is bpchar, the first operand's type, to
// which varchar converts implicitly (select_common_type).
func charBeforeVarchar(oids []uint32) bool {
	if len(oids) < 2 || oids[0] != pgoid.Bpchar {
		return false
	}
	varchar := false
	for _, o := range oids[1:] {
		switch o {
		case pgoid.Varchar:
			varchar = true
		case pgoid.Bpchar:
		default:
			return false
		}
	}
	return varchar
}

// stripMod is decl without its type modifier.
func stripMod(decl string) string {
	if p := strings.IndexByte(decl, '('); p >= 0 {
		return strings.TrimSpace(decl[:p])
	}
	return decl
}

// operandDecls compiles each operand of s when it is a compound SELECT
// and returns their columns' declared types ("?" for an operand that does
// not compile: no column matches it); an empty, non-nil list otherwise.
func (s *lstmt) operandDecls() [][]string {
	out := [][]string{}
	sqlText := libc.GoString(lib.Xsqlite3_sql(s.c.tls, s.p))
	if low := strings.ToLower(sqlText); !strings.Contains(low, "union") && !strings.Contains(low, "intersect") && !strings.Contains(low, "except") && !strings.HasPrefix(sqlText, pgdialect.SetOpAllMark) {
		return out // not compound: no need to lex it
	}
	return armDecls(s.c, pgdialect.CompoundArms(sqlText))
}

// armDecls compiles each operand arms of a compound SELECT and returns
// their columns' declared types (see operandDecls).
func armDecls(c *lconn, arms []string) [][]string {
	out := [][]string{}
	var refused *Error
	var alters bool
	if c.auth != nil {
		refused, alters = c.auth.refused, c.auth.alters // prepareFresh resets them
		defer func() { c.auth.refused, c.auth.alters = refused, alters }()
	}
	for _, arm := range arms {
		st, _, err := c.prepareFresh(arm)
		if err != nil || st == nil {
			out = append(out, []string{"?"})
			continue
		}
		decls := make([]string, st.columnCount())
		var consts []uint32
		var nulls []bool
		var described []colInfo
		for k := range decls {
			if decls[k] = st.columnDecl(k); decls[k] != "" {
				continue
			}
			// a constant (SELECT 0, 1.5): its type
			if consts == nil {
				consts, nulls = pgdialect.ItemTypes(arm), pgdialect.NullItems(arm)
			}
			if k < len(nulls) && nulls[k] {
				decls[k] = nullOperand
				continue
			}
			o := uint32(0)
			if k < len(consts) {
				o = consts[k]
			}
			if o == 0 {
				// an expression (i + 0): typed as the operand alone
				// would be described
				if described == nil {
					described = describeSQL(c, arm, colHints{})
				}
				if k < len(described) {
					if described[k].decl != "" {
						decls[k] = described[k].decl
						continue
					}
					o = described[k].hint
				}
			}
			if o != 0 {
				if name := pgoid.TypeName(o); name != "" {
					if t, _ := typeFromDeclMod(name); t == o {
						decls[k] = name
					}
				}
			}
		}
		st.finalize()
		out = append(out, decls)
	}
	return out
}

// nullOperand is operandDecls' declaration of an operand's NULL item: it
// takes no part in the column's type (PostgreSQL resolves it to the
// others' common type).
const nullOperand = "null"
