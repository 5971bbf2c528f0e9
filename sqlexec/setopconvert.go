package sqlexec

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// A set operation whose operands' columns are all table columns is typed
// by the columns' declared types, which the translation does not see:
// PostgreSQL converts every operand to the column's common type (an int4
// beside a numeric column is numeric, a numeric beside a float8 float8),
// SQLite compares and prints each value as stored. Once SQLite has
// compiled such a statement, its operands' declared types are known
// (each compiled alone, as operandDecls does for the description: the
// statement's set operations and those of its subqueries and CTEs), and
// the statement that runs is the one with the operands converted
// (pgdialect.SetOpConversion; compiledconvert.go runs it). A column whose
// operands' types cannot be matched (text beside int4) is PostgreSQL's
// 42804.

// setOpConversion is sqlText (compiled on c) with its set operations'
// operands converted, "" when it has none or none of their columns needs
// it.
func setOpConversion(c *lconn, sqlText string) (string, *Error) {
	if low := strings.ToLower(sqlText); !strings.Contains(low, "union") && !strings.Contains(low, "intersect") && !strings.Contains(low, "except") && !strings.HasPrefix(sqlText, pgdialect.SetOpAllMark) {
		return "", nil // no set operation: no need to lex it
	}
	q, e := pgdialect.SetOpConversion(sqlText, func(arms []string) [][]uint32 {
		return declOIDs(armDecls(c, arms))
	})
	if e != nil {
		err := &Error{Code: e.Code, Message: e.Message, Statement: -1}
		if e.Position > 0 {
			err.lite.sql, err.lite.off = sqlText, e.Position-1 // fixPosition places it in the client's text
		}
		return "", err
	}
	return q, nil
}

// declOIDs are the types of operands' declared column types decls
// (nullOperand: unknown; none or "?": 0).
func declOIDs(decls [][]string) [][]uint32 {
	oids := make([][]uint32, len(decls))
	for k, ds := range decls {
		oids[k] = make([]uint32, len(ds))
		for i, d := range ds {
			switch d {
			case nullOperand:
				oids[k][i] = pgoid.Unknown // a NULL: not converted, of no type
			case "", "?":
				// no declared type, or an operand that does not compile
				// alone (a recursive CTE's, one that reads an outer
				// query's columns): not known
			default:
				oids[k][i], _ = typeFromDeclMod(d)
			}
		}
	}
	return oids
}
