package sqlexec

import (
	"strings"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// A client's statement, once SQLite has compiled it, is converted by its
// columns' declared types where the translation (which has no schema)
// could not decide: a set operation's operands to their common types
// (setopconvert.go), then numeric arrays, numeric min/max and typed
// conditionals (typedconvert.go). The statement that runs is the
// converted one, compiled and cached by its text; the answer is kept on
// the compiled statement, so the conversion runs once per cached
// statement, never per execution. The types are the schema's, so every
// node runs the same statement; a schema change drops the cached
// statements (syncSchema), and with them the conversion.

// convertCompiled is st, or the statement converted by its columns'
// declared types when it needs it (st released then); a conversion that
// finds the statement wrong (42804) refuses it.
func (c *lconn) convertCompiled(st *lstmt, tail string) (*lstmt, error) {
	if st.conv == 0 {
		st.conv = 1
		if strings.TrimSpace(tail) == "" {
			sqlText := libc.GoString(lib.Xsqlite3_sql(c.tls, st.p))
			q, err := setOpConversion(c, sqlText)
			switch {
			case err != nil:
				st.conv, st.convErr = 3, err
			default:
				if q == "" {
					q = sqlText
				}
				if t := typedConversion(c, q); t != "" {
					q = t
				}
				if t := notValidUpdate(c, q); t != "" { // notvalid_update.go
					q = t
				}
				if q != sqlText {
					st.conv, st.convSQL = 2, q
				}
			}
		}
	}
	switch st.conv {
	case 3:
		st.release()
		return nil, st.convErr
	case 2:
	default:
		return st, nil
	}
	q := st.convSQL
	st.release()
	conv, _, err := c.prepareCached(q)
	if err != nil {
		return nil, err
	}
	if conv != nil {
		conv.conv = 1 // converted already
	}
	return conv, nil
}
