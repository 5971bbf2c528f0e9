package sqlexec

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
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
// (pgdialect.SetOpConversion). The
// types are the schema's, so every node runs the same statement; a schema
// change drops the cached statements (syncSchema), and with them the
// conversion.

// convertSetOp is st, or the statement with its set operation's operands
// converted when they need it (st released then).
// A column whose operands' types cannot be matched (text beside int4) is
// PostgreSQL's 42804.
func (c *lconn) convertSetOp(st *lstmt, tail string) (*lstmt, error) {
	if st.setOp == 0 {
		st.setOp = 1
		if strings.TrimSpace(tail) == "" {
			q, err := setOpConversion(st)
			switch {
			case err != nil:
				st.setOp, st.setOpErr = 3, err
			case q != "":
				st.setOp, st.setOpSQL = 2, q
			}
		}
	}
	if st.setOp == 3 {
		st.release()
		return nil, st.setOpErr
	}
	if st.setOp != 2 {
		return st, nil
	}
	q := st.setOpSQL
	st.release()
	conv, _, err := c.prepareCached(q)
	if err != nil {
		return nil, err
	}
	if conv != nil {
		conv.setOp = 1 // converted already
	}
	return conv, nil
}

// setOpConversion is st's text with its set operations' operands
// converted, "" when it has none or none of their columns needs it.
func setOpConversion(st *lstmt) (string, *Error) {
	sqlText := libc.GoString(lib.Xsqlite3_sql(st.c.tls, st.p))
	if low := strings.ToLower(sqlText); !strings.Contains(low, "union") && !strings.Contains(low, "intersect") && !strings.Contains(low, "except") && !strings.HasPrefix(sqlText, pgdialect.SetOpAllMark) {
		return "", nil // no set operation: no need to lex it
	}
	q, e := pgdialect.SetOpConversion(sqlText, func(arms []string) [][]uint32 {
		return declOIDs(armDecls(st.c, arms))
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
