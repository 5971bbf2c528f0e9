package sqlexec

import (
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Result types of aggregates, from the declarations, never from the data:
// a column typed by its first row would be described differently on an
// empty table (or a lagging replica) than on a full one, and a client
// that prepared the statement once then fails to scan it. SQLite declares
// no type for sum(x); PostgreSQL's follows from x's type
// (pgdialect/aggitems.go asks SQLite for it).

// resultTypes corrects the types of the result columns of sqlText that
// SQLite's declarations leave open or get wrong: serial columns,
// aggregates, arithmetic.
func resultTypes(c *lconn, sqlText string, infos []colInfo) {
	if isExplainText(sqlText) {
		// EXPLAIN QUERY PLAN's columns are SQLite's four plan columns,
		// not the explained SELECT's list: typing them by that list's
		// aggregates or arithmetic would index past them.
		return
	}
	serialTypes(c, infos)
	aggregateTypes(c, sqlText, infos)
	arithTypes(c, sqlText, infos)
	concatTypes(c, sqlText, infos)
	branchTypes(c, sqlText, infos)
	callTypes(c, sqlText, infos)
	subqueryTypes(c, sqlText, infos)
	derivedTypes(c, sqlText, infos) // derivedtypes.go
}

// isExplainText reports whether the translated sqlText is an EXPLAIN.
func isExplainText(sqlText string) bool {
	t := strings.TrimLeft(sqlText, " \t\r\n(")
	return len(t) >= 7 && strings.EqualFold(t[:7], "EXPLAIN")
}

// serialTypes gives a column that reads a bigserial/smallserial (or
// identity) column its type: SQLite declares it INTEGER, the rowid alias.
func serialTypes(c *lconn, infos []colInfo) {
	for i := range infos {
		if in := &infos[i]; in.table != "" {
			if d := serialDecl(c, in.table, in.column); d != "" {
				in.decl = d
			}
		}
	}
}

// serialDecl is pgdialect.SerialDecl of table's column col, cached on
// the connection until the schema changes (a point read of an INTEGER
// column would otherwise read sqlite_schema).
func serialDecl(c *lconn, table, col string) string {
	st, _, err := c.prepareCached("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1")
	if err != nil || st == nil {
		return ""
	}
	defer st.release()
	if c.serials == nil || c.serialsAt != c.cacheSchema { // prepareCached synced cacheSchema
		c.serials, c.serialsAt = map[string]string{}, c.cacheSchema
	}
	key := table + "\x00" + col
	if d, ok := c.serials[key]; ok {
		return d
	}
	var tableSQL string
	_, _ = st.run([]any{table}, func(r []any) error {
		tableSQL, _ = r[0].(string)
		return nil
	})
	d := pgdialect.SerialDecl(tableSQL, col)
	if len(c.serials) < 1024 {
		c.serials[key] = d
	}
	return d
}

// aggregateTypes sets the hint of each untyped result column of sqlText
// that is sum/avg/min/max of an argument with a declared type.
func aggregateTypes(c *lconn, sqlText string, infos []colInfo) {
	need := false
	for _, in := range infos {
		need = need || in.decl == "" && in.hint == 0
	}
	if !need || !mentionsAggregate(sqlText) {
		return
	}
	items := pgdialect.AggregateItems(sqlText)
	if len(items) == 0 {
		return
	}
	probe := pgdialect.ProbeSQL(sqlText, items)
	st, _, err := c.prepareCached(probe)
	if err != nil || st == nil {
		return
	}
	defer st.release()
	if st.columnCount() != len(infos) {
		return
	}
	var derived []colInfo
	for _, it := range items {
		in := &infos[it.Column]
		if in.decl != "" || in.hint != 0 {
			continue
		}
		arg, _ := typeFromDeclMod(st.columnDecl(it.Column))
		if arg == 0 {
			arg = pgdialect.ExprType(it.Arg)
		}
		if arg == 0 {
			// an argument that reads a subquery's, CTE's or view's
			// column (sum(dbl) of a view's amount * 2), or that is itself
			// an aggregate, a call or arithmetic (sum(sum(v)) OVER ()):
			// its type as a result column of the probe
			if derived == nil {
				derived = probeTypes(c, st, probe, len(infos))
			}
			arg = derived[it.Column].hint
		}
		in.hint = pgdialect.AggregateType(it.Func, arg)
	}
}

// mentionsAggregate is a cheap test before lexing: sqlText names one of
// the aggregates typed here.
func mentionsAggregate(sqlText string) bool {
	low := strings.ToLower(sqlText)
	for _, f := range []string{"sum", "avg", "min", "max", "array_", "pg_percentile", "pg_mode", "stddev", "var", "bit_"} {
		if strings.Contains(low, f) {
			return true
		}
	}
	return false
}

// arithTypes sets the hint of each untyped result column of sqlText that
// is arithmetic over operands of declared types (a + 1 on an int4 column
// is int4, n * 2 on a numeric one numeric): one probe per operand
// position (pgdialect/arith_types.go).
func arithTypes(c *lconn, sqlText string, infos []colInfo) {
	if untyped(infos) && pgdialect.MentionsUntypedArith(sqlText) {
		probeLeaves(c, sqlText, infos, pgdialect.ArithItems(sqlText), pgdialect.ArithType)
	}
}

// concatTypes sets the hint of each untyped result column of sqlText
// that is || over a column of run-time type: jsonb or the array's type
// (pgdialect/concattypes.go).
func concatTypes(c *lconn, sqlText string, infos []colInfo) {
	if untyped(infos) && pgdialect.MentionsConcat(sqlText) {
		probeLeaves(c, sqlText, infos, pgdialect.ConcatItems(sqlText), pgdialect.ConcatType)
	}
}

// branchTypes sets the hint of each untyped result column of sqlText that
// is a CASE, COALESCE, NULLIF or lag/lead over columns: one probe per
// branch position (pgdialect/branchtypes.go).
func branchTypes(c *lconn, sqlText string, infos []colInfo) {
	if untyped(infos) && pgdialect.MentionsBranches(sqlText) {
		probeLeaves(c, sqlText, infos, pgdialect.BranchItems(sqlText), pgdialect.BranchType)
	}
}

// callTypes sets the hint of each untyped result column of sqlText that
// is a call of a known signature over columns (date_trunc of a date
// column is timestamptz, gcd of int4 columns int4): one probe per
// argument position (pgdialect/calltypes.go).
func callTypes(c *lconn, sqlText string, infos []colInfo) {
	if untyped(infos) && pgdialect.MentionsCalls(sqlText) {
		probeLeaves(c, sqlText, infos, pgdialect.CallItems(sqlText), pgdialect.CallType)
	}
}

// subqueryTypes sets the hint of each untyped result column of sqlText
// that is an uncorrelated scalar subquery: the type of the subquery's one
// column, described as a statement of its own (pgdialect/subqueryitems.go;
// a correlated one without its WHERE clause, which reads the outer query).
func subqueryTypes(c *lconn, sqlText string, infos []colInfo) {
	if !untyped(infos) || !pgdialect.MentionsSubquery(sqlText) {
		return
	}
	for _, it := range pgdialect.SubqueryItems(sqlText) {
		if it.Column >= len(infos) {
			return
		}
		in := &infos[it.Column]
		if in.decl != "" || in.hint != 0 {
			continue
		}
		q := it.SQL
		st, _, err := c.prepareCached(q)
		if (err != nil || st == nil) && it.Uncorrelated != "" {
			// correlated (WHERE i.g = t.g): its column's type without
			// the WHERE that reads the outer query
			q = it.Uncorrelated
			st, _, err = c.prepareCached(q)
		}
		if err != nil || st == nil {
			continue
		}
		if st.columnCount() == 1 {
			sub := []colInfo{newColInfo(st, 0)}
			serialTypes(c, sub)
			resultTypes(c, q, sub) // the subquery is shorter: this ends
			in.hint = sub[0].hint
			if o, _ := typeFromDeclMod(sub[0].decl); o != 0 {
				in.hint = o
			}
			if it.Array {
				in.hint = pgoid.ArrayOf(in.hint) // 0 when it has none
			}
		}
		st.release()
	}
}

// untyped reports whether a result column has neither a declared type
// nor a hint.
func untyped(infos []colInfo) bool {
	for _, in := range infos {
		if in.decl == "" && in.hint == 0 {
			return true
		}
	}
	return false
}

// probeLeaves compiles sqlText with each item replaced by its k-th leaf,
// for every k, and hints each untyped item's column with combine of its
// leaves' declared types. An item's Column below 0 counts from the end
// (CallItems: an item after a *).
func probeLeaves(c *lconn, sqlText string, infos []colInfo, items []pgdialect.ArithItem, combine func(pgdialect.ArithItem, []uint32) uint32) {
	n := 0
	items = slices.Clone(items)
	for i := range items {
		n = max(n, len(items[i].Leaves))
		if items[i].Column < 0 {
			items[i].Column += len(infos)
		}
		if items[i].Column < 0 {
			return
		}
	}
	types := make([][]uint32, len(items))
	for k := 0; k < n; k++ {
		st, _, err := c.prepareCached(pgdialect.ArithProbeSQL(sqlText, items, k))
		if err != nil || st == nil {
			return
		}
		if st.columnCount() != len(infos) {
			st.release()
			return
		}
		var derived []colInfo
		for i, it := range items {
			o, _ := typeFromDeclMod(st.columnDecl(it.Column))
			if o == 0 {
				// a leaf that reads a subquery's, CTE's or view's column
				// (s * 1.5 over a CTE's sum), or that is itself a call, a
				// branch or arithmetic (coalesce(total, 0) + amt,
				// date_bin(...) + interval '1 hour'): its type as a result
				// column of the probe, as PostgreSQL resolves an operator
				// from its operands' resolved types
				if derived == nil {
					derived = probeTypes(c, st, pgdialect.ArithProbeSQL(sqlText, items, k), len(infos))
				}
				o = derived[it.Column].hint
			}
			types[i] = append(types[i], o)
		}
		st.release()
	}
	for i, it := range items {
		if in := &infos[it.Column]; in.decl == "" && in.hint == 0 {
			for k, o := range types[i] {
				if o == 0 && k < len(it.Leaves) {
					types[i][k] = scalarSubqueryType(c, it.Leaves[k])
				}
			}
			in.hint = combine(it, types[i])
		}
	}
}

// probeTypes describes the n result columns of probe, compiled as st, the
// way any statement's are (resultTypes): each probe replaces an item by
// its operand, so its columns are the operands' types. A column with a
// declared type gets it as its hint. The probes nest at most maxDeriving
// deep (each is shorter than the statement it probes).
func probeTypes(c *lconn, st *lstmt, probe string, n int) []colInfo {
	infos := make([]colInfo, n)
	for k := range infos {
		infos[k] = newColInfo(st, k)
	}
	if c.deriving < maxDeriving {
		c.deriving++
		resultTypes(c, probe, infos)
		c.deriving--
	}
	for k := range infos {
		if o, m := typeFromDeclMod(infos[k].decl); o != 0 && infos[k].hint == 0 {
			infos[k].hint, infos[k].hintMod = o, m
		}
	}
	return infos
}

// scalarSubqueryType is the type of leaf when it is an uncorrelated
// scalar subquery ((SELECT sum(n) FROM t) + 1), described as a statement
// of its own as subqueryTypes describes a select item; 0 otherwise.
func scalarSubqueryType(c *lconn, leaf string) uint32 {
	q := strings.TrimSpace(leaf) // the probe's leaf is the query, without its parentheses
	for len(q) > 2 && q[0] == '(' && q[len(q)-1] == ')' {
		q = strings.TrimSpace(q[1 : len(q)-1])
	}
	if len(q) < 7 || !strings.EqualFold(q[:7], "SELECT ") || c.deriving >= maxDeriving {
		return 0
	}
	c.deriving++
	defer func() { c.deriving-- }()
	cols := describeSQL(c, q, colHints{}) // derivedtypes.go
	if len(cols) != 1 {
		return 0
	}
	if o, _ := typeFromDeclMod(cols[0].decl); o != 0 {
		return o
	}
	return cols[0].hint
}
