package sqlexec

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// A column qualified by a name no FROM item has (SELECT zz.a FROM t) is
// SQLite's "no such column: zz.a", as an unknown column of a known item
// is; PostgreSQL tells them apart: 42P01 missing FROM-clause entry for
// table "zz". Where the client's statement names zz only as a qualifier
// (no table, alias or CTE of the name anywhere in it), the reference is
// surely the first kind. EXCLUDED is so only in a statement without an
// upsert's DO UPDATE, which has it.

// missingFromEntry makes e, an unknown qualified column of the client's
// statement orig, PostgreSQL's missing FROM-clause entry, placed at the
// qualifier; false when e is not one.
func missingFromEntry(e *Error, orig string) bool {
	q, c, ok := strings.Cut(e.Column, ".")
	if !ok || strings.Contains(c, ".") || strings.EqualFold(q, "excluded") && reDoUpdate.MatchString(orig) {
		return false
	}
	name, ok := pgdialect.QualifierOnly(orig, q)
	if !ok {
		return false
	}
	i := findName(orig, q)
	if i < 0 {
		return false
	}
	e.Code, e.Message, e.Column = CodeUndefinedTable, fmt.Sprintf("missing FROM-clause entry for table %q", name), ""
	e.Pos = len([]rune(orig[:i])) + 1
	return true
}

// reDoUpdate finds an upsert's DO UPDATE.
var reDoUpdate = regexp.MustCompile(`(?i)\bdo\s+update\b`)
