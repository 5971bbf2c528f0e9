package sqlexec

import (
	"strings"

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
// SQLite's: without its type modifier ("numeric_text(10,3)" is
// "numeric_text") when s is a compound SELECT an operand of which
// declares the column otherwise.
//
// A UNION written to keep the first of equal rows (SELECT DISTINCT * FROM
// (arms) AS pgdialect_union: pgdialect/unionfirst.go) is declared by its
// first operand too: SQLite would declare the subquery's columns as its
// last operand's.
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
		}
	}
	p := strings.IndexByte(decl, '(')
	if p < 0 {
		return decl
	}
	if s.armDecls == nil {
		s.armDecls = s.operandDecls()
	}
	for _, decls := range s.armDecls {
		if i >= len(decls) || !strings.EqualFold(decls[i], decl) {
			return strings.TrimSpace(decl[:p])
		}
	}
	return decl
}

// operandDecls compiles each operand of s when it is a compound SELECT
// and returns their columns' declared types ("?" for an operand that does
// not compile: no column matches it); an empty, non-nil list otherwise.
func (s *lstmt) operandDecls() [][]string {
	arms := pgdialect.CompoundArms(libc.GoString(lib.Xsqlite3_sql(s.c.tls, s.p)))
	out := [][]string{}
	c := s.c
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
		for k := range decls {
			decls[k] = st.columnDecl(k)
		}
		st.finalize()
		out = append(out, decls)
	}
	return out
}
