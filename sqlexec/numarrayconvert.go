package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// The elements of a numeric[] column, read by a subscript or unnest(),
// keep their scale and compare by value only when the statement treats
// them as numeric text, which the translation cannot tell: it has no
// schema (pgdialect/numeric_arrays.go). Once SQLite has compiled the
// statement, the array columns' declared types are read (the
// expressions the translation wrote for them), and the statement that
// runs is the one with those elements converted. The types are the
// schema's, so every node runs the same statement; a schema change drops
// the cached statements (syncSchema), and with them the conversion.

// convertNumArrays is st, or the statement with its numeric[] columns'
// elements converted when it reads some (st released then).
func (c *lconn) convertNumArrays(st *lstmt, tail string) (*lstmt, error) {
	if st.numArr == 0 {
		st.numArr = 1
		if strings.TrimSpace(tail) == "" {
			if q := numArrayConversion(st); q != "" {
				st.numArr, st.numArrSQL = 2, q
			}
		}
	}
	if st.numArr != 2 {
		return st, nil
	}
	q := st.numArrSQL
	st.release()
	conv, _, err := c.prepareCached(q)
	if err != nil {
		return nil, err
	}
	if conv != nil {
		conv.numArr = 1 // converted already
	}
	return conv, nil
}

// numArrayConversion is st's text with its numeric[] columns' elements
// converted, "" when it reads none.
func numArrayConversion(st *lstmt) string {
	sqlText := libc.GoString(lib.Xsqlite3_sql(st.c.tls, st.p))
	return pgdialect.NumericArrayConversion(sqlText, func(expr string) string {
		// the catalog reads are raftsql's own, outside the user's allow-list
		restore := st.c.enterAuth(authOff)
		defer restore()
		decls, err := queryStrings(st.c, "SELECT "+expr)
		if err != nil || len(decls) != 1 {
			return ""
		}
		return decls[0]
	})
}
