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
// (operandDecls, as for the description), and the statement that runs is
// the one with the operands converted (pgdialect.SetOpConversion). The
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

// setOpConversion is st's text with its operands converted, "" when it
// is no set operation or none of its columns needs it.
func setOpConversion(st *lstmt) (string, *Error) {
	sqlText := libc.GoString(lib.Xsqlite3_sql(st.c.tls, st.p))
	if st.armDecls == nil {
		st.armDecls = st.operandDecls()
	}
	if len(st.armDecls) < 2 {
		return "", nil
	}
	oids := make([][]uint32, len(st.armDecls))
	for k, decls := range st.armDecls {
		oids[k] = make([]uint32, len(decls))
		for i, d := range decls {
			if d == nullOperand {
				oids[k][i] = pgoid.Unknown // a NULL: not converted, of no type
				continue
			}
			oids[k][i], _ = typeFromDeclMod(d)
		}
	}
	q, e := pgdialect.SetOpConversion(sqlText, oids)
	if e != nil {
		return "", &Error{Code: e.Code, Message: e.Message, Statement: -1}
	}
	return q, nil
}
