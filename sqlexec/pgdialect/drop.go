package pgdialect

import (
	"encoding/hex"
	"strings"
)

// DROP TABLE that never loses data.
//
// SQLite's DROP TABLE runs an implicit DELETE FROM first, which fires the
// ON DELETE actions of the tables that reference the dropped one (a
// CASCADE rule deletes their rows) and refuses with an unnamed foreign-key
// error otherwise. PostgreSQL instead refuses (2BP01) while other objects
// depend on the table and, with CASCADE, drops the dependent constraints
// and views, never rows. The dependencies are a property of the database
// at the statement's log position, so the check runs at apply (sqlexec):
// the translation only marks each SQLite DROP TABLE with what the
// PostgreSQL statement said (CASCADE or RESTRICT, and the set of tables it
// drops together, whose references to each other are not dependencies).
// The mark is a trailing comment, so the statement stays valid SQLite for
// every compile-only check; the names in it are hex so no name can end
// the comment.

const dropMark = "/* raftsql:drop "

// dropByRelation is the mark's third word (markDropTables).
const dropByRelation = "relations"

// markDropTables appends the mark to each DROP TABLE (DROP VIEW)
// statement of st.
func markDropTables(st *Stmt, names []string, cascade bool) {
	mode := "restrict"
	if cascade {
		mode = "cascade"
	}
	hexed := make([]string, len(names))
	for i, n := range names {
		hexed[i] = hex.EncodeToString([]byte(n))
	}
	// the third word: a view depends on the table when it reads it as a
	// relation (ReadsRelation); a mark without it (an entry written
	// before) keeps the older rule, any identifier of the name
	// (ReferencesName), so a replayed log builds the same database
	mark := " " + dropMark + mode + " " + strings.Join(hexed, ",") + " " + dropByRelation + " */"
	for i := range st.Exec {
		st.Exec[i] += mark
	}
}

// DropTable is a marked DROP TABLE or DROP VIEW statement (see
// ParseDropTable).
type DropTable struct {
	View     bool     // DROP VIEW: Table names a view, whose dependents are views
	Table    string   // the table (view) dropped by this statement
	IfExists bool     // DROP TABLE IF EXISTS
	Cascade  bool     // DROP ... CASCADE
	Set      []string // every table the PostgreSQL statement drops
	// ByRelation: views depend on the table when they read it as a
	// relation (ReadsRelation); false for a mark written before that
	// rule, whose views depend on any identifier of its name
	// (ReferencesName)
	ByRelation bool
}

// ParseDropTable recognizes a DROP TABLE statement produced by the
// translation. ok is false for anything else (including an unmarked DROP
// TABLE, which runs as SQLite's).
func ParseDropTable(sqlText string) (d DropTable, ok bool) {
	if !(strings.HasPrefix(sqlText, "DROP TABLE ") || strings.HasPrefix(sqlText, "DROP VIEW ")) || !strings.HasSuffix(sqlText, " */") {
		return d, false // every statement is asked: the cheap tests first
	}
	k := strings.LastIndex(sqlText, dropMark)
	if k < 0 {
		return d, false
	}
	d.View = strings.HasPrefix(sqlText, "DROP VIEW ")
	mark := strings.Fields(sqlText[k+len(dropMark) : len(sqlText)-len(" */")])
	if len(mark) == 3 && mark[2] == dropByRelation {
		d.ByRelation, mark = true, mark[:2]
	}
	if len(mark) != 2 || (mark[0] != "cascade" && mark[0] != "restrict") {
		return d, false
	}
	d.Cascade = mark[0] == "cascade"
	for _, h := range strings.Split(mark[1], ",") {
		b, err := hex.DecodeString(h)
		if err != nil {
			return d, false
		}
		d.Set = append(d.Set, string(b))
	}
	toks := lex(sqlText[:k])
	var words []*token
	for i := range toks {
		if !toks[i].trivia() {
			words = append(words, &toks[i])
		}
	}
	i := 2
	if len(words) == 5 && words[2].kw("IF") && words[3].kw("EXISTS") {
		d.IfExists = true
		i = 4
	}
	if len(words) != i+1 || (words[i].typ != tIdent && words[i].typ != tQIdent) {
		return d, false
	}
	d.Table = words[i].identName()
	return d, true
}

// ForeignKey is one foreign-key clause of a CREATE TABLE statement as
// SQLite stores it: a column's REFERENCES or a table's FOREIGN KEY.
type ForeignKey struct {
	Name     string   // CONSTRAINT name; "" when not named
	Columns  []string // referencing columns
	RefTable string   // referenced table
	// RefColumns: the referenced columns as written; none when the
	// clause names none (the referenced table's primary key)
	RefColumns []string
	// Deferrable, Deferred: DEFERRABLE, INITIALLY DEFERRED (deferral.go)
	Deferrable, Deferred bool
	// attrs: byte ranges of the attribute words; attrAt: where the
	// attributes go (the end of the clause)
	attrs  [][2]int
	attrAt int
	// start, end: byte range of the clause to cut to drop the constraint
	start, end int
}

// ForeignKeys lists the foreign-key clauses of createSQL (a CREATE TABLE
// statement from sqlite_schema), in order.
func ForeignKeys(createSQL string) []ForeignKey {
	toks := lex(createSQL)
	var w []token
	for _, t := range toks {
		if !t.trivia() {
			w = append(w, t)
		}
	}
	open := -1
	for i := range w {
		if w[i].typ == tPunct && w[i].text == "(" {
			open = i
			break
		}
	}
	if open < 0 {
		return nil
	}
	var out []ForeignKey
	// Walk the elements of the top-level parenthesized list.
	depth := 0
	elemStart := open + 1
	prevComma := -1 // index of the comma before the element, -1 for the first
	for i := open + 1; i < len(w); i++ {
		t := &w[i]
		if t.typ == tPunct && t.text == "(" {
			depth++
			continue
		}
		if t.typ == tPunct && t.text == ")" && depth > 0 {
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		if t.typ == tPunct && (t.text == "," || t.text == ")") {
			out = append(out, elementFKs(createSQL, w, elemStart, i, prevComma)...)
			if t.text == ")" {
				break
			}
			prevComma, elemStart = i, i+1
		}
	}
	return out
}

// elementFKs finds the foreign keys of one table element w[lo:hi].
func elementFKs(src string, w []token, lo, hi, prevComma int) []ForeignKey {
	if lo >= hi {
		return nil
	}
	var out []ForeignKey
	k := lo
	name := ""
	if w[k].kw("CONSTRAINT") && k+1 < hi {
		name, k = w[k+1].identName(), k+2
	}
	if k+1 < hi && w[k].kw("FOREIGN") && w[k+1].kw("KEY") {
		fk := ForeignKey{Name: name}
		j := k + 2
		cols, j := parenNames(w, j, hi)
		fk.Columns = cols
		if j < hi && w[j].kw("REFERENCES") && j+1 < hi {
			fk.RefTable = w[j+1].identName()
			fk.RefColumns, _ = parenNames(w, j+2, hi)
		}
		fk.Deferrable, fk.Deferred = fkDeferral(w, j, hi)
		fk.attrs, fk.attrAt = fkAttrs(w, j, hi)
		// Cut the whole element with the comma before it (or after it,
		// for the first element).
		fk.start, fk.end = w[lo].pos, w[hi-1].pos+len(w[hi-1].text)
		if prevComma >= 0 {
			fk.start = w[prevComma].pos
		} else if hi < len(w) && w[hi].text == "," {
			fk.end = w[hi].pos + 1
		}
		return append(out, fk)
	}
	if k != lo {
		return nil // a named table constraint of another kind
	}
	col := w[lo].identName()
	for j := lo + 1; j < hi; j++ {
		if !w[j].kw("REFERENCES") || j+1 >= hi {
			continue
		}
		fk := ForeignKey{Columns: []string{col}, RefTable: w[j+1].identName()}
		fk.RefColumns, _ = parenNames(w, j+2, hi)
		start := j
		if j >= 2 && w[j-2].kw("CONSTRAINT") && j-2 > lo {
			fk.Name, start = w[j-1].identName(), j-2
		}
		end := fkClauseEnd(w, j+2, hi)
		fk.Deferrable, fk.Deferred = fkDeferral(w, j+2, end)
		fk.attrs, fk.attrAt = fkAttrs(w, j+2, end)
		fk.start, fk.end = w[start].pos, w[end-1].pos+len(w[end-1].text)
		out = append(out, fk)
		j = end - 1
	}
	return out
}

// parenNames reads "(a, b)" at w[j]; it returns the names and the index
// after the closing parenthesis.
func parenNames(w []token, j, hi int) ([]string, int) {
	if j >= hi || w[j].text != "(" {
		return nil, j
	}
	var names []string
	for j++; j < hi && w[j].text != ")"; j++ {
		if w[j].typ == tIdent || w[j].typ == tQIdent {
			names = append(names, w[j].identName())
		}
	}
	return names, j + 1
}

// fkClauseEnd returns the index after the foreign-key clause whose
// referenced table precedes w[j]: [(cols)] then ON DELETE/UPDATE actions,
// MATCH, [NOT] DEFERRABLE and INITIALLY in any order.
func fkClauseEnd(w []token, j, hi int) int {
	if j < hi && w[j].text == "(" {
		_, j = parenNames(w, j, hi)
	}
	for j < hi {
		switch {
		case w[j].kw("ON") && j+2 < hi && (w[j+2].kw("SET") || w[j+2].kw("NO")):
			j += 4
		case w[j].kw("ON"):
			j += 3
		case w[j].kw("MATCH"), w[j].kw("INITIALLY"):
			j += 2
		case w[j].kw("NOT") && j+1 < hi && w[j+1].kw("DEFERRABLE"):
			j += 2
		case w[j].kw("DEFERRABLE"):
			j++
		default:
			return j
		}
	}
	return hi
}

// FKConstraintName is the name PostgreSQL gives the foreign key fk of
// table: its CONSTRAINT name, else table_col1_col2_fkey.
func FKConstraintName(table string, fk ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return table + "_" + strings.Join(fk.Columns, "_") + "_fkey"
}

// RemoveForeignKeys returns createSQL without its foreign-key clauses
// that reference refTable (compared case-insensitively, as SQLite does),
// and whether any was removed.
func RemoveForeignKeys(createSQL, refTable string) (string, bool) {
	fks := ForeignKeys(createSQL)
	out := createSQL
	removed := false
	for i := len(fks) - 1; i >= 0; i-- {
		if !strings.EqualFold(fks[i].RefTable, refTable) {
			continue
		}
		out = out[:fks[i].start] + out[fks[i].end:]
		removed = true
	}
	return out, removed
}

// ReferencesName reports whether sqlText (a view's SELECT as stored)
// names name as an identifier. It is lexical, so a column of the same
// name counts too: a view is then treated as dependent, which can only
// refuse a DROP PostgreSQL would allow, never lose a view silently.
func ReferencesName(sqlText, name string) bool {
	for _, t := range lex(sqlText) {
		if (t.typ == tIdent || t.typ == tQIdent) && strings.EqualFold(t.identName(), name) {
			return true
		}
	}
	return false
}

// ReadsRelation reports whether sqlText (a view's SELECT as stored) reads
// the table or view name: names it where a relation stands, first in a
// FROM list (after FROM, a comma of that list, or JOIN; schema-qualified
// or not), not as a column, alias or function of the same name. DROP
// TABLE status refused for a view with a column status (2BP01), and its
// CASCADE dropped that view, which PostgreSQL leaves alone. A CTE of the
// same name still counts (the view is then kept as dependent: a refusal,
// never a view lost).
func ReadsRelation(sqlText, name string) bool {
	var toks []token
	for _, t := range lex(sqlText) {
		if t.typ != tSpace && t.typ != tComment {
			toks = append(toks, t)
		}
	}
	inFrom := map[int]bool{} // per parenthesis depth: inside a FROM list
	depth, expect := 0, false
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		switch {
		case t.typ == tPunct && t.text == "(":
			depth++
			expect, inFrom[depth] = false, false
		case t.typ == tPunct && t.text == ")":
			inFrom[depth] = false
			depth--
			expect = false
		case t.typ == tPunct && t.text == ",":
			expect = inFrom[depth]
		case t.kw("FROM") || t.kw("JOIN"):
			inFrom[depth], expect = true, true
		case expect && (t.kw("ONLY") || t.kw("LATERAL")):
		case t.kw("ON") || t.kw("USING") || t.kw("WHERE") || t.kw("GROUP") || t.kw("HAVING") ||
			t.kw("WINDOW") || t.kw("ORDER") || t.kw("LIMIT") || t.kw("UNION") || t.kw("INTERSECT") ||
			t.kw("EXCEPT") || t.kw("SELECT") || t.kw("VALUES"):
			inFrom[depth], expect = false, false
		case expect && (t.typ == tIdent || t.typ == tQIdent):
			if i+2 < len(toks) && toks[i+1].typ == tPunct && toks[i+1].text == "." {
				continue // a schema: the relation follows the dot
			}
			if strings.EqualFold(t.identName(), name) {
				return true
			}
			expect = false
		case expect && t.typ == tPunct && t.text == ".":
		default:
			expect = false
		}
	}
	return false
}

// dropCalls translates the name list of DROP SEQUENCE/EXTENSION/TYPE
// [IF EXISTS] a, b [CASCADE | RESTRICT] from i into one state-function
// call per name: fn(name, flag) with flag 1 for IF EXISTS. cascade:
// CASCADE is accepted (and means nothing more than RESTRICT).
func (x *tx) dropCalls(i int, fn string, cascade bool, check func(name string) error) ([]string, error) {
	flag := "0"
	if x.kw(i, "IF", "EXISTS") {
		flag, i = "1", i+2
	}
	var out []string
	for {
		n, j := x.name(i)
		if n == "" {
			return nil, x.syntaxErrAt(i)
		}
		if check != nil {
			if err := check(n); err != nil {
				return nil, err
			}
		}
		out = append(out, "SELECT "+fn+"("+quoteLit(n)+", "+flag+")")
		i = j
		if !x.isP(i, ",") {
			break
		}
		i++
	}
	if x.kw(i, "CASCADE") && !cascade {
		return nil, unsupported("DROP ... CASCADE is not supported here")
	}
	if x.kw(i, "CASCADE") || x.kw(i, "RESTRICT") {
		i++
	}
	if i < x.n() {
		return nil, x.syntaxErrAt(i)
	}
	return out, nil
}
