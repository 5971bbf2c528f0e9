package pgdialect

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ALTER COLUMN c TYPE t of a column a CHECK constraint reads. PostgreSQL
// parses the constraint again for the new type: it then compares and
// computes by t (or fails, `text > integer` is 42883). Here the CHECK's
// text was translated once, for the column's old type (an int4 column's
// c / 2 divides as integers), and SQLite keeps evaluating it so; kept
// under a column of another kind it would check something else than
// PostgreSQL's. Where the kind stays (the integer types among
// themselves, text and varchar, a typmod change of one type) the
// translation is the same, and the constraint stays; otherwise the
// statement is refused (0A000), naming the constraint.

// CheckKeepsType reports whether the CHECK constraints of a column keep
// their meaning when its declared type changes from oldDecl to newDecl.
func CheckKeepsType(oldDecl, newDecl string) bool {
	from, _ := DeclTypeOID(oldDecl)
	to, _ := DeclTypeOID(newDecl)
	ints := map[uint32]bool{pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true}
	strs := map[uint32]bool{pgoid.Text: true, pgoid.Varchar: true}
	return from == to || ints[from] && ints[to] || strs[from] && strs[to]
}

// ChecksNaming lists the CHECK constraints of the table definition
// createSQL that name column col ("" for one without a name), the
// hidden ones enforcing the columns' types excepted.
func ChecksNaming(createSQL, col string) []string {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return nil
	}
	var out []string
	for i := p + 1; i < x.match(p); i++ {
		if !x.kw(i, "CHECK") || !x.isP(i+1, "(") {
			continue
		}
		name := ""
		if x.kw(i-2, "CONSTRAINT") {
			name = x.T(i - 1).identName()
		}
		if strings.HasPrefix(name, InternalCheckPrefix) {
			continue
		}
		for k := i + 2; k < x.match(i+1); k++ {
			if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k+1, "(") && strings.EqualFold(t.identName(), col) {
				out = append(out, name)
				break
			}
		}
	}
	return out
}
