package pgdialect

import (
	"strconv"
	"strings"
)

// Set operations. PostgreSQL lets an operand of UNION / INTERSECT /
// EXCEPT, and a whole query, be a parenthesised query with its own ORDER
// BY and LIMIT: (SELECT ... LIMIT 2) UNION ALL (SELECT ...); SQLite's
// grammar has no parentheses there. Each such operand is made a subquery:
// SELECT * FROM (SELECT ... LIMIT 2), which keeps its columns, their
// names and declared types.

// setOpParens rewrites parenthesised set-operation operands (see above).
func (x *tx) setOpParens() {
	for i := 0; i+1 < x.n(); i++ {
		if !x.isP(i, "(") || !x.kw(i+1, "SELECT") && !x.kw(i+1, "WITH") && !x.kw(i+1, "VALUES") {
			continue
		}
		e := x.match(i)
		if e >= x.n() {
			return
		}
		if i == 0 || x.afterSetOp(i) || x.isSetOp(e+1) && !x.scalarContext(i) && !x.subqueryOperand(i) || x.insertSource(i) {
			x.T(i).pre = "SELECT * FROM " + x.T(i).pre
		}
	}
}

// subqueryOperand reports whether the "(" at i (not after a set
// operator) opens the subquery of IN, EXISTS, ANY, SOME or ALL, or a FROM
// item: x IN (SELECT ...) EXCEPT SELECT ... ends the first operand there,
// the subquery is no operand of the EXCEPT.
func (x *tx) subqueryOperand(i int) bool {
	return x.kw(i-1, "IN") || x.kw(i-1, "EXISTS") || x.kw(i-1, "ANY") || x.kw(i-1, "SOME") || x.kw(i-1, "ALL") ||
		x.kw(i-1, "FROM") || x.kw(i-1, "JOIN") || x.kw(i-1, "LATERAL")
}

// isSetOp reports whether token i is UNION, INTERSECT or EXCEPT.
func (x *tx) isSetOp(i int) bool {
	return x.kw(i, "UNION") || x.kw(i, "INTERSECT") || x.kw(i, "EXCEPT")
}

// afterSetOp reports whether token i follows a set operator (and its ALL
// or DISTINCT).
func (x *tx) afterSetOp(i int) bool {
	if x.kw(i-1, "ALL") || x.kw(i-1, "DISTINCT") {
		i--
	}
	return x.isSetOp(i - 1)
}

// insertSource reports whether the "(" at i starts the source of INSERT
// INTO t [(cols)] (SELECT ...).
func (x *tx) insertSource(i int) bool {
	if !x.kw(0, "INSERT", "INTO") || x.depth[i] != 0 {
		return false
	}
	_, j := x.name(2)
	if x.kw(j, "AS") {
		j += 2
	}
	if x.isP(j, "(") && j != i {
		j = x.match(j) + 1
	}
	return j == i
}

// EXCEPT ALL and INTERSECT ALL keep duplicates by count (PostgreSQL: a
// row n times left and m times right is there max(n-m, 0) / min(n, m)
// times); SQLite has only the set forms. Numbering each row among its
// equals makes the multisets sets, and the set operation then counts
// right:
//
//	SELECT a, b FROM t EXCEPT ALL SELECT x, y FROM u ORDER BY 1
//	WITH pg_sa(pg_s1, pg_s2) AS (SELECT a, b FROM t), pg_sb(pg_s1, pg_s2) AS (SELECT x, y FROM u),
//	    pg_nb AS MATERIALIZED (SELECT pg_s1, pg_s2, row_number() OVER (PARTITION BY pg_s1, pg_s2) AS pg_rn FROM pg_sb)
//	SELECT l.pg_s1 AS "a", l.pg_s2 AS "b"
//	FROM (SELECT pg_s1, pg_s2, row_number() OVER (PARTITION BY pg_s1, pg_s2) AS pg_rn FROM pg_sa) AS l
//	WHERE NOT EXISTS (SELECT 1 FROM pg_nb AS r WHERE r.pg_s1 IS l.pg_s1 AND r.pg_s2 IS l.pg_s2 AND r.pg_rn = l.pg_rn)
//	ORDER BY 1
//
// (INTERSECT ALL: EXISTS.) The result columns read the left operand's;
// where the operands' columns are of different numeric types, sqlexec
// converts both operands to the common type as for any set operation
// (SetOpConversion, reading them with setOpAllArms) and describes the
// column as of it (CompoundArms). IS compares NULLs as equal, as the set
// operations do.
//
// Supported where it is one set operation of a statement's top level
// between two plain SELECTs, the first with named items (no *), and the
// statement has no WITH of its own; elsewhere 0A000 as before.

// setOpAll rewrites EXCEPT ALL / INTERSECT ALL (see above). It runs after
// applyAliases.
func (x *tx) setOpAll() error {
	op := -1
	for k := 0; k < x.n(); k++ {
		if x.isSetOp(k) && x.kw(k+1, "ALL") && !x.kw(k, "UNION") {
			if x.depth[k] != 0 || op >= 0 {
				return unsupported("%s ALL is not supported here", x.T(k).upper())
			}
			op = k
		}
	}
	if op < 0 {
		return nil
	}
	what := x.T(op).upper() + " ALL"
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && x.isSetOp(k) && k != op {
			return unsupported("%s mixed with other set operations is not supported", what)
		}
	}
	if !x.T(0).kw("SELECT") || !x.kw(op+2, "SELECT") {
		return unsupported("%s is supported between two SELECTs", what)
	}
	lists := x.selectLists()
	if len(lists) < 2 {
		return unsupported("%s is supported between two SELECTs", what)
	}
	names, _, err := x.outputNames(lists[0], what)
	if err != nil {
		return err
	}
	end := x.n()
	for k := op + 2; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "ORDER", "BY") || x.T(k).kw("LIMIT") || x.T(k).kw("OFFSET") || x.T(k).kw("FETCH")) {
			end = k
			break
		}
	}
	cols := make([]string, len(names))
	outer := make([]string, len(names))
	match := make([]string, len(names))
	for i := range names {
		cols[i] = "pg_s" + strconv.Itoa(i+1)
		outer[i] = "l." + cols[i] + " AS " + quoteIdent(names[i])
		match[i] = "r." + cols[i] + " IS l." + cols[i]
	}
	c := strings.Join(cols, ", ")
	numbered := "SELECT " + c + ", row_number() OVER (PARTITION BY " + c + ") AS pg_rn FROM "
	exists := "EXISTS"
	if x.T(op).kw("EXCEPT") {
		exists = "NOT EXISTS"
	}
	x.T(0).pre = "WITH pg_sa(" + c + ") AS (" + x.T(0).pre
	x.T(op - 1).wsuf += "), pg_sb(" + c + ") AS ("
	x.T(end - 1).wsuf += "), pg_nb AS MATERIALIZED (" + numbered + "pg_sb) SELECT " + strings.Join(outer, ", ") +
		" FROM (" + numbered + "pg_sa) AS l WHERE " + exists + " (SELECT 1 FROM pg_nb AS r WHERE " + strings.Join(match, " AND ") + " AND r.pg_rn = l.pg_rn)"
	x.erase(op, op+2)
	return nil
}

// SetOpAllMark starts every statement setOpAll writes: sqlexec looks for
// it, as for UNION / INTERSECT / EXCEPT, before asking SetOpConversion to
// convert the operands to their common type.
const SetOpAllMark = "WITH pg_sa("

// setOpAllArms are the operand SELECTs of the SQLite statement setOpAll
// wrote (the bodies of pg_sa and pg_sb) and its set operator's name, or
// nil. Their items are converted as any set operation's are
// (convertSetOp): PostgreSQL's EXCEPT ALL of a real column and a float8
// one is float8, compared and printed as such.
func (x *tx) setOpAllArms() ([][2]int, string) {
	var arms [][2]int
	i := 1
	for _, name := range []string{"pg_sa", "pg_sb"} {
		if !x.T(0).kw("WITH") || x.T(i).text != name || !x.isP(i+1, "(") {
			return nil, ""
		}
		as := x.match(i+1) + 1
		if !x.kw(as, "AS") || !x.isP(as+1, "(") || !x.kw(as+2, "SELECT") {
			return nil, ""
		}
		end := x.match(as + 1)
		arms = append(arms, [2]int{as + 2, end})
		i = end + 2
	}
	for k := arms[1][1]; k+1 < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "NOT") && x.kw(k+1, "EXISTS") {
			return arms, "EXCEPT"
		}
	}
	return arms, "INTERSECT"
}

// refuseSetOpAll is 0A000 for EXCEPT ALL / INTERSECT ALL where setOpAll
// does not apply (an INSERT's source).
func (x *tx) refuseSetOpAll() error {
	for k := 0; k < x.n(); k++ {
		if (x.kw(k, "EXCEPT") || x.kw(k, "INTERSECT")) && x.kw(k+1, "ALL") {
			return unsupported("%s ALL is not supported here", x.T(k).upper())
		}
	}
	return nil
}
