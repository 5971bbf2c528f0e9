package sqlexec

import (
	"context"
	"fmt"
	"slices"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// operandParams gives each parameter of sql still of unknown type the
// type PostgreSQL infers from the expression it meets (count(*) > $1 is
// int8, substr(s, $1, $2) int4: pgdialect/paramoperands.go). The
// operand is typed by describing a probe statement whose one result
// column it is, with the typing of RowDescription (resulttypes.go): one
// typer for both. A parameter left unknown would be bound as TEXT, and
// in SQLite every number is less than every text.
func (s *Session) operandParams(ctx context.Context, sql string, oids []uint32) {
	if !slices.Contains(oids, 0) {
		return
	}
	ops := pgdialect.ParamOperands(sql)
	probes := make([][2]*pgdialect.Stmt, len(ops))
	toProbe := false
	for i, op := range ops {
		if op.Probe == "" || op.Param < 1 || op.Param > len(oids) || oids[op.Param-1] != 0 {
			continue
		}
		// translated before the read connection is taken: translation
		// may read the catalog itself
		for k, probe := range []string{op.Probe, op.FromOnly} {
			if probe == "" {
				continue
			}
			if st, err := s.translate(ctx, probe); err == nil && st.Kind == pgdialect.KindQuery && len(st.Exec) == 1 {
				probes[i][k], toProbe = st, true
			}
		}
	}
	typeOf := func(c *lconn, i int) uint32 { return 0 }
	if toProbe {
		typeOf = func(c *lconn, i int) uint32 {
			for _, st := range probes[i] {
				if st == nil {
					continue
				}
				if o := probeColumnType(c, st.Exec[0], stmtHints(st)); o != 0 {
					return o
				}
			}
			return 0
		}
	}
	apply := func(c *lconn) {
		for i, op := range ops {
			n := op.Param
			if n < 1 || n > len(oids) || oids[n-1] != 0 {
				continue
			}
			o := op.OID
			if o == 0 && c != nil {
				o = typeOf(c, i)
				if op.Elem {
					o = pgoid.ElemOf(o) // $1 = ANY (array): its element type
				}
				if op.Arith && !numericParam(o) {
					o = 0 // PostgreSQL picks among the operator's overloads
				}
			}
			if op.Concat {
				o = pgdialect.ConcatParamType(o) // s || $1: text
			}
			oids[n-1] = o
		}
	}
	if !toProbe {
		apply(nil)
		return
	}
	_ = s.readSchema(ctx, func(c *lconn) error {
		apply(c)
		return nil
	})
}

// untypedParam is PostgreSQL's refusal of a parameter that nothing in
// sql types and that no inference above typed (WHERE $1 IS NULL alone):
// 42P18, rather than a parameter described as unknown and bound as text.
func untypedParam(sql string, oids []uint32) error {
	for _, n := range pgdialect.UntypedParams(sql) {
		if n >= 1 && n <= len(oids) && oids[n-1] == 0 {
			return &Error{Code: "42P18", Message: fmt.Sprintf("could not determine data type of parameter $%d", n)}
		}
	}
	return nil
}

// numericParam reports whether an operand of type o gives an unknown
// operand of arithmetic its own type (int4 + unknown is int4 + int4).
func numericParam(o uint32) bool {
	switch o {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8, pgoid.Numeric:
		return true
	}
	return false
}

// probeColumnType is the described type of the one result column of the
// SQLite statement sqlText (0 when it does not compile or is not typed
// statically), as a RowDescription would give it.
func probeColumnType(c *lconn, sqlText string, hints colHints) uint32 {
	st, _, err := c.prepare(sqlText)
	if err != nil || st == nil {
		return 0
	}
	defer st.finalize()
	if st.columnCount() != 1 {
		return 0
	}
	infos := []colInfo{newColInfo(st, 0)}
	infos[0].setHint(hints, 0)
	serialTypes(c, infos)
	resultTypes(c, sqlText, infos)
	if o, _ := typeFromDeclMod(infos[0].decl); o != 0 {
		return o
	}
	return infos[0].hint
}
