package pgdialect

import (
	"strings"
	"unicode/utf8"
)

// CREATE TABLE t [(names)] AS query [WITH [NO] DATA] and SELECT ... INTO
// [TEMP] [TABLE] t FROM ...: PostgreSQL makes t's columns of the query's
// result types (numeric(10,3) of a numeric(10,3) column, varchar(5),
// timestamptz, ...) and stores the rows under those types. SQLite's own
// CREATE TABLE AS declares its columns by affinity (TEXT, NUM, "") and
// enforces nothing, so a later INSERT of 'abc' into a numeric column or of
// 2.2555 into a numeric(10,3) one was stored as sent. The result types are
// a property of the schema the statement runs on, which the lexical
// translation does not see, so the translation only parses the statement
// into Stmt.TableAs (and translates its query alone, for its errors); the
// session describes the query as a client's Describe would, writes the
// table out as a CREATE TABLE of those types and an INSERT ... query
// (TableAs.Statements), and proposes both as one entry
// (sqlexec/tableas.go).

// TableAs is a CREATE TABLE ... AS or SELECT ... INTO.
type TableAs struct {
	Temp        bool
	IfNotExists bool
	Table       string   // the new table's name (unqualified, as PostgreSQL folds it)
	TableText   string   // the name as written (schema-qualified, quoted)
	Columns     []string // CREATE TABLE t (a, b) AS: the names given (nil: the query's)
	Options     string   // WITH (...), ON COMMIT ..., TABLESPACE ... as written
	Query       string   // the query, PostgreSQL text
	NoData      bool     // WITH NO DATA
	// Into: written as SELECT ... INTO (its tag is always SELECT n)
	Into bool
}

// TableAsColumn is a column of the table a TableAs makes: its name and
// its type as PostgreSQL's format_type writes it.
type TableAsColumn struct {
	Name, Type string
}

// Statements are the PostgreSQL statements that make ta's table of the
// columns cols and store the query's rows in it (insert "" for WITH NO
// DATA). The CREATE has no IF NOT EXISTS: the session decided that
// before (a table made meanwhile fails the entry with 42P07 rather than
// taking the rows).
func (ta *TableAs) Statements(cols []TableAsColumn) (create, insert string) {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ta.Temp {
		b.WriteString("TEMP ")
	}
	b.WriteString("TABLE ")
	b.WriteString(ta.TableText)
	b.WriteString(" (")
	names := make([]string, len(cols))
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		names[i] = quoteIdent(c.Name)
		b.WriteString(names[i])
		b.WriteByte(' ')
		b.WriteString(c.Type)
	}
	b.WriteByte(')')
	if ta.Options != "" {
		b.WriteByte(' ')
		b.WriteString(ta.Options)
	}
	create = b.String()
	if ta.NoData {
		return create, ""
	}
	return create, "INSERT INTO " + ta.TableText + " (" + strings.Join(names, ", ") + ") " + ta.Query
}

// tableAs parses CREATE [TEMP] TABLE [IF NOT EXISTS] name at the TABLE
// keyword i when what follows the name makes it a CREATE TABLE AS; ok is
// false for any other CREATE TABLE.
func (x *tx) tableAs(i int) (st *Stmt, ok bool, err error) {
	k := i + 1
	ta := &TableAs{Temp: x.temp}
	if x.kw(k, "IF", "NOT", "EXISTS") {
		ta.IfNotExists = true
		k += 3
	}
	nameAt := k
	ta.Table, k = x.name(k)
	if ta.Table == "" {
		return nil, false, nil
	}
	ta.TableText = x.orig(nameAt, k)
	// AS at the top level after the name (and its column list and
	// options): a column definition's AS (GENERATED ... AS) is inside
	// the list
	as := -1
	for j := k; j < x.n(); j++ {
		if x.depth[j] == x.depth[i] && x.kw(j, "AS") {
			as = j
			break
		}
	}
	if as < 0 {
		return nil, false, nil
	}
	if x.isP(k, "(") {
		e := x.match(k)
		if e > as {
			return nil, false, nil
		}
		for _, p := range x.splitTop(k+1, e) {
			n, j := x.name(p[0])
			if n == "" || j != p[1] || x.T(p[0]).typ == tIdent && colConstraintKw[x.T(p[0]).upper()] {
				return nil, true, x.syntaxErrAt(p[0])
			}
			ta.Columns = append(ta.Columns, n)
		}
		k = e + 1
	}
	if x.kw(k, "USING") { // an access method: PostgreSQL's heap only
		k += 2
	}
	if k < as {
		ta.Options = x.orig(k, as)
		for j := k; j < as; j++ {
			if x.kw(j, "ON", "COMMIT") {
				ta.Options = x.orig(k, j) + " " + x.orig(j, as)
				break
			}
		}
	}
	q, end := as+1, x.n()
	if x.kw(end-2, "WITH", "DATA") && x.depth[end-2] == x.depth[i] {
		end -= 2
	} else if x.kw(end-3, "WITH", "NO", "DATA") && x.depth[end-3] == x.depth[i] {
		end -= 3
		ta.NoData = true
	}
	if q >= end {
		return nil, true, x.syntaxErrAt(q)
	}
	if x.kw(q, "EXECUTE") {
		return nil, true, unsupported("CREATE TABLE ... AS EXECUTE is not supported")
	}
	for j := q; j < end; j++ {
		if x.kw(j, "INTO") && x.depth[j] == x.depth[q] && !x.kw(j-1, "INSERT") && !x.kw(j-1, "MERGE") {
			return nil, true, &Error{Code: "42601", Message: "SELECT ... INTO is not allowed here", Position: x.charPos(j + 1)}
		}
	}
	ta.Query = x.orig(q, end)
	if x.kw(q, "TABLE") {
		// TABLE t is SELECT * FROM t
		ta.Query = "SELECT * FROM " + x.orig(q+1, end)
		return x.tableAsStmt(ta, -1, -1)
	}
	return x.tableAsStmt(ta, q, end)
}

// tableAsStmt checks ta's query, tokens q..end-1 of x, by translating it
// alone (its errors at their places in the statement) and returns the
// statement the session expands.
func (x *tx) tableAsStmt(ta *TableAs, q, end int) (*Stmt, bool, error) {
	var qs *Stmt
	var err error
	if q < 0 {
		qs, err = translate(ta.Query, nil)
	} else {
		qs, err = x.translatePartIn(q, end, nil)
	}
	if err != nil {
		return nil, true, err
	}
	if qs.Kind != KindQuery || len(qs.Exec) != 1 {
		return nil, true, unsupported("CREATE TABLE ... AS of this query is not supported")
	}
	if _, ok := ParseWithDML(qs.Exec[0]); ok {
		return nil, true, unsupported("CREATE TABLE ... AS with a data-modifying statement in WITH is not supported")
	}
	tag := "SELECT"
	if ta.NoData {
		tag = "CREATE TABLE AS"
	}
	return &Stmt{Kind: KindQuery, Tag: tag, TableAs: ta, Temp: ta.Temp,
		ParamCount: qs.ParamCount, ParamOIDs: qs.ParamOIDs}, true, nil
}

// selectInto parses SELECT ... INTO [TEMP | TEMPORARY | UNLOGGED] [TABLE]
// name ...: ok is false when the statement has no INTO at its top level.
func (x *tx) selectInto() (st *Stmt, ok bool, err error) {
	into, sel := -1, false
	for j := 0; j < x.n() && into < 0; j++ {
		switch {
		case x.depth[j] != 0:
		case x.kw(j, "SELECT"):
			sel = true
		case x.kw(j, "INSERT"), x.kw(j, "UPDATE"), x.kw(j, "DELETE"), x.kw(j, "MERGE"):
			return nil, false, nil // WITH ... INSERT INTO
		case x.kw(j, "INTO") && sel:
			into = j
		}
	}
	if into < 0 {
		return nil, false, nil
	}
	// INTO of a later branch of a set operation: PostgreSQL's error
	for j := 0; j < into; j++ {
		if x.depth[j] == 0 && (x.kw(j, "UNION") || x.kw(j, "INTERSECT") || x.kw(j, "EXCEPT")) {
			return nil, true, &Error{Code: "42601", Message: "INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT", Position: x.charPos(into + 1)}
		}
	}
	ta := &TableAs{Into: true}
	k := into + 1
	for x.kw(k, "TEMP") || x.kw(k, "TEMPORARY") || x.kw(k, "UNLOGGED") || x.kw(k, "LOCAL") || x.kw(k, "GLOBAL") {
		ta.Temp = ta.Temp || x.kw(k, "TEMP") || x.kw(k, "TEMPORARY")
		k++
	}
	if x.kw(k, "TABLE") {
		k++
	}
	nameAt := k
	ta.Table, k = x.name(k)
	if ta.Table == "" || x.T(nameAt).typ == tIdent && reservedWord(x.T(nameAt).upper()) {
		return nil, true, x.syntaxErrAt(nameAt)
	}
	ta.TableText = x.orig(nameAt, k)
	// the query is the statement without its INTO clause, blanked to
	// spaces so that the query's positions are the statement's
	clause := x.src[x.T(into).pos : x.T(k-1).pos+len(x.T(k-1).text)]
	ta.Query = x.src[:x.T(into).pos] + strings.Repeat(" ", utf8.RuneCountInString(clause)) + x.src[x.T(k-1).pos+len(x.T(k-1).text):]
	ta.Query = strings.TrimRight(strings.TrimSpace(ta.Query), ";")
	qs, err := translate(ta.Query, nil)
	if err != nil {
		return nil, true, err
	}
	if qs.Kind != KindQuery || len(qs.Exec) != 1 {
		return nil, true, x.syntaxErrAt(0)
	}
	if _, ok := ParseWithDML(qs.Exec[0]); ok {
		return nil, true, unsupported("SELECT ... INTO with a data-modifying statement in WITH is not supported")
	}
	return &Stmt{Kind: KindQuery, Tag: "SELECT", TableAs: ta, Temp: ta.Temp,
		ParamCount: qs.ParamCount, ParamOIDs: qs.ParamOIDs}, true, nil
}

// UserTypeName is the type a column declared decl is of when decl names
// a type this package does not know by name (an enum: "mood"), quoted
// as a statement writes it; false when decl is no single name.
func UserTypeName(decl string) (string, bool) {
	x := newTx(decl)
	n, j := x.name(0)
	if n == "" || j != x.n() {
		return "", false
	}
	return quoteIdent(n), true
}
