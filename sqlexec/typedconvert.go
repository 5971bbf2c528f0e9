package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// What a column's declared type decides, the translation cannot tell: it
// has no schema. Once SQLite has compiled the statement, the declared
// types are read (the expressions the translation wrote for them), and
// the statement that runs is the one converted accordingly:
//
//   - the elements of a numeric[] column, read by a subscript or
//     unnest(), keep their scale and compare by value only as numeric
//     text (pgdialect/numeric_arrays.go);
//   - min/max of a numeric column keep the last of equal values, and a
//     coalesce/CASE of numeric, interval or jsonb columns that is grouped
//     or deduplicated compares by its type's collation
//     (pgdialect/compiled_types.go).
//
// The types are the schema's, so every node runs the same statement; a
// schema change drops the cached statements (syncSchema), and with them
// the conversion.

// convertTyped is st, or the statement converted by its columns' declared
// types when it needs it (st released then).
func (c *lconn) convertTyped(st *lstmt, tail string) (*lstmt, error) {
	if st.typedConv == 0 {
		st.typedConv = 1
		if strings.TrimSpace(tail) == "" {
			if q := typedConversion(st); q != "" {
				st.typedConv, st.typedSQL = 2, q
			}
		}
	}
	if st.typedConv != 2 {
		return st, nil
	}
	q := st.typedSQL
	st.release()
	conv, _, err := c.prepareCached(q)
	if err != nil {
		return nil, err
	}
	if conv != nil {
		conv.typedConv = 1 // converted already
	}
	return conv, nil
}

// typedConversion is st's text converted by its columns' declared types,
// "" when nothing in it needs that.
func typedConversion(st *lstmt) string {
	sqlText := libc.GoString(lib.Xsqlite3_sql(st.c.tls, st.p))
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := st.c.enterAuth(authOff)
	defer restore()
	eval := func(expr string) string {
		vals, err := queryStrings(st.c, "SELECT CAST("+expr+" AS TEXT)")
		if err != nil || len(vals) != 1 {
			return ""
		}
		return vals[0]
	}
	q := sqlText
	if conv := pgdialect.NumericArrayConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.CompiledTypeConversion(q, func(cond string) bool { return eval("("+cond+") IS 1") == "1" }); conv != "" {
		q = conv
	}
	if q == sqlText {
		return ""
	}
	return q
}
