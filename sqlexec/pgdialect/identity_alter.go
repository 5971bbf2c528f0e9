package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"regexp"
	"strings"
)

// ALTER TABLE t ALTER [COLUMN] c SET GENERATED {ALWAYS | BY DEFAULT} and
// DROP IDENTITY [IF EXISTS], as PostgreSQL 15 does them: the first
// switches an identity column between refusing explicit values (428C9)
// and taking them, the second makes it a plain integer column (NOT NULL
// kept, no default) and drops its sequence. Migrations write both:
// Django's change of an AutoField to an IntegerField is DROP IDENTITY IF
// EXISTS. Whether the column is an identity column is the table's
// definition at the entry's log position, so both are TableChanges
// edited at apply (altercolumn.go EditColumn); the sequence is dropped in
// the same entry (sqlexec/tablechange.go).

// identityAlter translates the SET GENERATED / DROP IDENTITY action at
// token k (a..b-1: the ALTER COLUMN action) into ac.
func (x *tx) identityAlter(ac *TableChange, k, b int) error {
	end := k
	switch {
	case x.kw(k, "SET", "GENERATED", "ALWAYS"):
		ac.Action, ac.Type, end = "set generated", "a", k+3
	case x.kw(k, "SET", "GENERATED", "BY", "DEFAULT"):
		ac.Action, ac.Type, end = "set generated", "d", k+4
	case x.kw(k, "DROP", "IDENTITY"):
		ac.Action, end = "drop identity", k+2
		if x.kw(end, "IF", "EXISTS") {
			ac.IfExists, end = true, end+2
		}
	default:
		return x.syntaxErrAt(k + 2)
	}
	if end < b {
		if ac.Action == "set generated" && (x.kw(end, "SET") || x.kw(end, "RESTART")) {
			// PostgreSQL takes a list: SET GENERATED ALWAYS SET INCREMENT BY 2
			return unsupported("ALTER COLUMN ... SET GENERATED with further identity options is not supported")
		}
		return x.syntaxErrAt(end)
	}
	return nil
}

// identityKind is the marker of identity column name in a table
// definition ("identity:a:integer"), "" for any other column.
func identityKind(createSQL, name string) string {
	v, _ := fnSerialKind(nil, []driver.Value{createSQL, name})
	if s, ok := v.(string); ok && strings.HasPrefix(s, "identity:") {
		return s
	}
	return ""
}

// identityDefaultSeqRe finds the sequence of an identity column's stored
// default: DEFAULT (nextval('"t_id_seq"')).
var identityDefaultSeqRe = regexp.MustCompile(`(?i)nextval\(\s*'((?:[^']|'')*)'`)

// editIdentity is EditColumn's "set generated" and "drop identity": the
// column's new type (with its marker) and clauses. A column that is no
// identity column is PostgreSQL's 55000, or for DROP IDENTITY IF EXISTS
// its NOTICE and no change (out.Skip).
func editIdentity(el *columnElem, createSQL, decl string, ac TableChange, out *ColumnEdit) (typ string, clauses []string, err error) {
	x := el.x
	kind := identityKind(createSQL, ac.Column)
	if kind == "" {
		msg := fmt.Sprintf("column \"%s\" of relation \"%s\" is not an identity column", ac.Column, ac.Table)
		if ac.IfExists {
			out.Skip = msg + ", skipping"
			return "", nil, nil
		}
		return "", nil, &Error{Code: "55000", Message: msg}
	}
	if ac.Action == "set generated" {
		p := strings.SplitN(kind, ":", 3)
		p[1] = ac.Type
		for _, c := range el.clauses {
			clauses = append(clauses, x.orig(c[0], c[1]))
		}
		return decl + " /*" + strings.Join(p, ":") + "*/", clauses, nil
	}
	for _, c := range el.clauses {
		if el.kind(c) != "DEFAULT" {
			clauses = append(clauses, x.orig(c[0], c[1]))
			continue
		}
		if m := identityDefaultSeqRe.FindStringSubmatch(x.orig(c[0], c[1])); m != nil {
			if n, err := SequenceName(strings.ReplaceAll(m[1], "''", "'")); err == nil {
				out.DropSequence = n
			}
		}
	}
	// older rows of a column added with a default read it from the
	// definition: they are written out before it goes, as DROP DEFAULT
	out.Rewrite = true
	return decl, clauses, nil
}
