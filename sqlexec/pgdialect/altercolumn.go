package pgdialect

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ALTER TABLE ... ALTER [COLUMN] c {SET DEFAULT e | DROP DEFAULT |
// SET NOT NULL | DROP NOT NULL | [SET DATA] TYPE t [USING e]}.
//
// SQLite has no ALTER COLUMN. The state machine changes the column's
// definition in the table's CREATE TABLE text (sqlite_schema, under
// writable_schema, the documented procedure for changes that do not alter
// the stored format) and rewrites the column's values where they must
// change (sqlexec/altercolumn.go), all inside the statement's entry, so
// the change is atomic and the same on every node. The table is never
// dropped: rows, indexes, triggers, views and the foreign keys of other
// tables stay as they are.
//
// The statement is translated into a placeholder that SQLite accepts as a
// write of the table (DELETE FROM t WHERE 0) carrying the change in a
// marker comment; at apply the state machine recognises it
// (ParseTableChange) and edits the definition with EditColumn, which needs
// the table's current definition and so runs at the entry's log position.

// TableChange is one change of a table's definition made at apply: an
// ALTER COLUMN action, or a constraint added or dropped
// (constraint_ddl.go).
type TableChange struct {
	Table string
	// Column: the column (ALTER COLUMN), or the constraint's name ("" =
	// PostgreSQL's default name, chosen at apply).
	Column string
	// Action: "set default", "drop default", "set not null",
	// "drop not null", "type", "set generated" (Type: "a" or "d"),
	// "drop identity" (identity_alter.go), "add check", "add foreign key",
	// "drop constraint", "alter constraint" (Expr: the foreign key's
	// attributes, deferral.go), "generated" (Expr: the GENERATED ALWAYS
	// AS (...) STORED clause given to a column just added, addcolumn.go),
	// "primary key" (42P16 when the table has one; addcolumn.go),
	// "add column"/"drop column" (IF [NOT] EXISTS:
	// Expr is the ALTER TABLE statement to run unless the column
	// exists/is missing), "validate constraint" (validateconstraint.go),
	// or "rename table"/"rename column" (Expr: the new name; rename.go).
	Action string
	// Expr: the default (set default), the USING expression (type, "" =
	// the automatic conversion), the CHECK's parenthesized expression or
	// the FOREIGN KEY clause, translated to SQLite.
	Expr string
	// Type: the new type as written (type).
	Type string
	// IfExists: DROP CONSTRAINT IF EXISTS, ADD COLUMN IF NOT EXISTS,
	// DROP COLUMN IF EXISTS; NoValidate: ADD ... NOT VALID.
	IfExists, NoValidate bool
	// Cascade: DROP CONSTRAINT ... CASCADE (foreign keys depending on a
	// dropped key go with it).
	Cascade bool `json:",omitempty"`
	// Fill: set default of a column just added, the value its existing
	// rows take, evaluated for each (the default converted to the
	// column's type; addcolumn.go).
	Fill string `json:",omitempty"`
	// Then: add column IF NOT EXISTS, the statements that complete the
	// column once added (addcolumn.go), skipped with it.
	Then []string `json:",omitempty"`
}

const tableChangeMark = "/* raftsql:table-change "

func (a TableChange) statement() string {
	b, _ := json.Marshal(a)
	return "DELETE FROM " + quoteIdent(a.Table) + " WHERE 0 " + tableChangeMark + hex.EncodeToString(b) + " */"
}

// ParseTableChange recognises the statement an ALTER COLUMN was translated
// into.
func ParseTableChange(sqlText string) (a TableChange, ok bool) {
	k := strings.Index(sqlText, tableChangeMark)
	if k < 0 || !strings.HasPrefix(sqlText, "DELETE FROM ") || !strings.HasSuffix(sqlText, " */") {
		return a, false
	}
	b, err := hex.DecodeString(sqlText[k+len(tableChangeMark) : len(sqlText)-len(" */")])
	if err != nil || json.Unmarshal(b, &a) != nil || a.Table == "" {
		return a, false
	}
	return a, true
}

// alterColumn translates the ALTER [COLUMN] action in tokens a..b-1 of an
// ALTER TABLE tbl statement (after exprPass: expressions are SQLite's).
func (x *tx) alterColumn(tbl string, a, b int) (string, error) {
	k := a + 1
	if x.kw(k, "COLUMN") {
		k++
	}
	col, k := x.name(k)
	if col == "" {
		return "", x.syntaxErrAt(k)
	}
	ac := TableChange{Table: tbl, Column: col}
	switch {
	case x.kw(k, "SET", "DEFAULT"):
		if k+2 >= b {
			return "", syntaxErr(0, "syntax error at end of input")
		}
		ac.Action, ac.Expr = "set default", strings.TrimSpace(x.text(k+2, b))
		ac.Expr = setDefaultMark(x.orig(k+2, b)) + ac.Expr // default_display.go: CURRENT_TIMESTAMP shown as set
	case x.kw(k, "DROP", "DEFAULT"):
		ac.Action = "drop default"
	case x.kw(k, "SET", "NOT", "NULL"):
		ac.Action = "set not null"
	case x.kw(k, "DROP", "NOT", "NULL"):
		ac.Action = "drop not null"
	case x.kw(k, "TYPE"), x.kw(k, "SET", "DATA", "TYPE"):
		if x.kw(k, "SET") {
			k += 2
		}
		k++
		u := k
		for u < b && !x.kw(u, "USING") && !x.kw(u, "COLLATE") {
			u++
		}
		if u == k {
			return "", x.syntaxErrAt(k)
		}
		ac.Action, ac.Type = "type", strings.TrimSpace(x.orig(k, u))
		if _, arr := arrayDeclElem(ac.Type); arr || strings.HasPrefix(ac.Type, "_") {
			return "", unsupported("ALTER COLUMN ... TYPE to an array type is not supported") // array.go
		}
		_, name, _, array, ok := x.parseType(k)
		if err := x.columnTypeErr(col, k, name, array, ok); err != nil { // typeallow.go
			err.Position = 0 // PostgreSQL places no caret here
			return "", err
		}
		if _, _, err := newTypeColumn(col, ac.Type); err != nil {
			return "", err
		}
		if x.kw(u, "COLLATE") {
			return "", unsupported("ALTER COLUMN ... TYPE ... COLLATE is not supported")
		}
		if x.kw(u, "USING") {
			if u+1 >= b {
				return "", syntaxErr(0, "syntax error at end of input")
			}
			if err := x.usingCalls(u+1, b); err != nil {
				return "", err
			}
			conv, err := usingExpr(tbl, x.orig(u+1, b))
			if err != nil {
				return "", err
			}
			ac.Expr = conv
		}
	case x.kw(k, "RESTART"), x.kw(k, "SET", "INCREMENT"), x.kw(k, "SET", "START"), x.kw(k, "SET", "MINVALUE"), x.kw(k, "SET", "MAXVALUE"),
		x.kw(k, "SET", "NO"), x.kw(k, "SET", "CYCLE"), x.kw(k, "SET", "CACHE"):
		return x.alterIdentity(tbl, col, k, b) // serial.go
	case x.kw(k, "ADD", "GENERATED", "BY", "DEFAULT", "AS", "IDENTITY"):
		return x.addIdentity(tbl, col, k+6, b, "identity:d") // identity_add.go
	case x.kw(k, "ADD", "GENERATED", "ALWAYS", "AS", "IDENTITY"):
		return x.addIdentity(tbl, col, k+5, b, "identity:a")
	case x.kw(k, "SET", "GENERATED"), x.kw(k, "DROP", "IDENTITY"):
		if err := x.identityAlter(&ac, k, b); err != nil { // identity_alter.go
			return "", err
		}
	case x.kw(k, "ADD", "GENERATED"), x.kw(k, "DROP", "EXPRESSION"):
		return "", unsupported("ALTER COLUMN ... %s %s is not supported", x.T(k).upper(), x.T(k+1).upper())
	case x.kw(k, "SET", "STATISTICS"), x.kw(k, "SET", "STORAGE"), x.kw(k, "SET", "COMPRESSION"),
		x.kw(k, "SET") && x.isP(k+1, "("), x.kw(k, "RESET"):
		return "", nil // planner and storage settings: nothing to do
	default:
		return "", x.syntaxErrAt(k)
	}
	return ac.statement(), nil
}

// usingExpr translates the USING expression of ALTER COLUMN ... TYPE, the
// PostgreSQL text expr, as a select item of table tbl: the expression
// reads a row of tbl, and where the translator needs a column's type (a
// cast, arithmetic, a date's) it looks the type up at run time in the
// table it reads from; in the ALTER TABLE statement itself it has no
// table and took the column for a number (`s::int` of a text column
// reported "invalid input syntax for type numeric").
func usingExpr(tbl, expr string) (string, error) {
	const alias = " AS raftsql_using FROM "
	st, err := Translate("SELECT (" + expr + ")" + alias + quoteIdent(tbl))
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Position = 0 // a position in the text above, not the client's
		}
		return "", err
	}
	s := ""
	if len(st.Exec) == 1 {
		s = st.Exec[0]
	}
	i := strings.LastIndex(s, alias)
	if !strings.HasPrefix(s, "SELECT ") || i < 0 {
		return "", unsupported("ALTER COLUMN ... TYPE ... USING %s", expr)
	}
	return s[len("SELECT "):i], nil
}

// usingCalls refuses in USING (tokens lo..hi-1) what PostgreSQL refuses
// in a transform expression, with its errors: a subquery, an aggregate,
// a window or set-returning function (mergecalls.go). Each would compute
// over other rows than the one being converted (an aggregate over the
// whole table gave one row its count and the others NULL).
func (x *tx) usingCalls(lo, hi int) error {
	for i := lo; i < hi; i++ {
		if x.isSubquery(i) {
			at := i
			if x.kw(i-1, "EXISTS") || x.kw(i-1, "ARRAY") {
				at = i - 1 // PostgreSQL's caret: the sublink's keyword
			}
			return &Error{Code: "0A000", Message: "cannot use subquery in transform expression", Position: x.charPos(at)}
		}
	}
	return x.mergeCallsIn(mergeCallPlace{lo: lo, hi: hi, where: "transform expressions"})
}

// newTypeColumn translates the definition of column col with type typ
// alone: its SQLite declared type and the clauses (hidden CHECK, COLLATE)
// that enforce it.
func newTypeColumn(col, typ string) (decl string, clauses []string, err error) {
	st, err := Translate("CREATE TABLE t (" + quoteIdent(col) + " " + typ + ")")
	if err != nil {
		return "", nil, err
	}
	x := newTx(st.Exec[0])
	p := x.findParen(0, x.n())
	el := columnElem{x: x, lo: p + 1, hi: x.match(p)}
	el.parse()
	if el.marker() {
		return "", nil, unsupported("ALTER COLUMN ... TYPE %s is not supported", typ)
	}
	for _, c := range el.clauses {
		clauses = append(clauses, x.orig(c[0], c[1]))
	}
	return x.orig(el.ts, el.te), clauses, nil
}

// columnElem is one column definition of a CREATE TABLE's list, split
// into its name, type (ts..te-1) and constraint clauses.
type columnElem struct {
	x       *tx
	lo, hi  int
	ts, te  int
	clauses [][2]int // each clause, with its CONSTRAINT name if any
}

// clauseStart reports whether the token at i (at the element's depth)
// begins a column constraint.
func (e *columnElem) clauseStart(i int) bool {
	x := e.x
	t := x.T(i)
	if t.typ != tIdent {
		return false
	}
	prev := x.T(i - 1)
	switch t.upper() {
	case "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "GENERATED":
		return true
	case "AS": // a generated column's AS (...), not GENERATED ALWAYS AS
		return i > e.ts && !prev.kw("ALWAYS")
	case "DEFAULT":
		return !prev.kw("SET") // ON DELETE SET DEFAULT
	case "NOT":
		return x.kw(i+1, "NULL")
	case "NULL":
		return !prev.kw("NOT") && !prev.kw("SET") && !prev.kw("DEFAULT")
	}
	return false
}

func (e *columnElem) parse() {
	x := e.x
	_, e.ts = x.name(e.lo)
	d := x.depth[e.lo]
	e.te = e.ts
	for e.te < e.hi && !(x.depth[e.te] == d && e.clauseStart(e.te)) {
		e.te++
	}
	var starts []int
	for i := e.te; i < e.hi; i++ {
		if x.depth[i] != d || !e.clauseStart(i) {
			continue
		}
		if n := len(starts); n > 0 && x.kw(starts[n-1], "CONSTRAINT") && i == starts[n-1]+2 {
			continue // the constraint CONSTRAINT name introduces
		}
		starts = append(starts, i)
	}
	for j, s := range starts {
		end := e.hi
		if j+1 < len(starts) {
			end = starts[j+1]
		}
		e.clauses = append(e.clauses, [2]int{s, end})
	}
}

// kind is the constraint keyword of clause c (after CONSTRAINT name).
func (e *columnElem) kind(c [2]int) string {
	k := c[0]
	if e.x.kw(k, "CONSTRAINT") {
		k += 2
	}
	if e.x.kw(k, "NOT", "NULL") {
		return "NOT NULL"
	}
	return e.x.T(k).upper()
}

// hidden reports a clause this package adds to enforce the column's type
// (CONSTRAINT pgdialect_... CHECK, COLLATE).
func (e *columnElem) hidden(c [2]int) bool {
	x := e.x
	if x.kw(c[0], "COLLATE") {
		return true
	}
	return x.kw(c[0], "CONSTRAINT") && strings.HasPrefix(x.T(c[0]+1).identName(), InternalCheckPrefix)
}

// marker reports a serial or identity column (the /*serial*/ comment of
// ddl.go's columnDef in its type).
func (e *columnElem) marker() bool {
	return e.te > e.ts && strings.Contains(e.x.orig(e.ts, e.te), "/*") || e.te < e.hi && strings.Contains(e.x.orig(e.ts, e.hi), "/*")
}

// markerComment is the serial or identity marker comment (ddl.go's
// columnDef writes /*serial...*/ or /*identity:...*/ after the type), with
// a leading blank, or "". The tokens skip comments, so the declared type
// (orig(ts, te)) ends before it: an edit that rewrites the column from its
// type and clauses must carry it over, or the column silently stops being
// an identity column (seen: ADD PRIMARY KEY's SET NOT NULL on a restored
// GENERATED ALWAYS column accepted explicit ids).
func (e *columnElem) markerComment() string {
	if e.te <= e.ts {
		return ""
	}
	last := e.x.T(e.te - 1)
	gap := e.x.src[last.pos+len(last.text) : e.x.T(e.te).pos]
	if i := strings.Index(gap, "/*"); i >= 0 {
		if j := strings.LastIndex(gap, "*/"); j > i {
			return " " + gap[i:j+2]
		}
	}
	return ""
}

// ColumnEdit is the result of EditColumn.
type ColumnEdit struct {
	SQL string // the table's new CREATE TABLE text
	// CheckNulls: the column must hold no NULL (SET NOT NULL).
	CheckNulls bool
	// Convert: the expression the column's values are rewritten with
	// (TYPE), "" for none.
	Convert string
	// Rewrite: the rows must be rewritten in full before the new text is
	// installed: a column added with a default (ALTER TABLE ADD COLUMN) is
	// stored only in rows written afterwards, and older rows read the
	// default from the definition, which is changing.
	Rewrite bool
	// Rebuild: the new text changes how SQLite stores the table (an
	// INTEGER PRIMARY KEY, the rowid, becomes an ordinary key column), so
	// it is installed by a table rebuild (sqlexec/rebuild.go), not by
	// editing the definition in place.
	Rebuild bool
	// Decl: the column's new declared type (TYPE).
	Decl string
	// Sequence, SequenceType: the sequence a column made serial or
	// identity draws from (action "identity"), which takes the column's
	// integer type as PostgreSQL's identity sequences do.
	Sequence, SequenceType string
	// NoChange: the definition stays as it is (a check only).
	NoChange bool
	// DropSequence: the sequence to drop with the change (DROP IDENTITY's).
	DropSequence string
	// Skip: nothing changes; the NOTICE PostgreSQL sends instead (DROP
	// IDENTITY IF EXISTS of a column that is no identity column).
	Skip string
}

// EditColumn applies ac to the table definition createSQL (as stored in
// sqlite_schema) with PostgreSQL's errors.
func EditColumn(createSQL string, ac TableChange) (*ColumnEdit, error) {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return nil, unsupported("ALTER COLUMN of table %s", ac.Table)
	}
	var el *columnElem
	pkCols := map[string]bool{}
	for _, r := range x.splitTop(p+1, x.match(p)) {
		first := x.T(r[0])
		if first.kw("PRIMARY") || first.kw("CONSTRAINT") && x.kw(r[0]+2, "PRIMARY") {
			for _, c := range x.parenNames(r[0], r[1]) {
				pkCols[strings.ToLower(c)] = true
			}
			continue
		}
		if first.kw("CONSTRAINT") || first.kw("UNIQUE") || first.kw("CHECK") || first.kw("FOREIGN") {
			continue
		}
		if n, _ := x.name(r[0]); strings.EqualFold(n, ac.Column) {
			el = &columnElem{x: x, lo: r[0], hi: r[1]}
		}
	}
	if el == nil {
		return nil, &Error{Code: "42703", Message: fmt.Sprintf("column \"%s\" of relation \"%s\" does not exist", ac.Column, ac.Table)}
	}
	el.parse()
	decl := x.orig(el.ts, el.te)
	inPK := pkCols[strings.ToLower(ac.Column)]
	for _, c := range el.clauses {
		if el.kind(c) == "PRIMARY" {
			inPK = true
		}
	}
	keep := func(drop func(c [2]int) bool) []string {
		var out []string
		for _, c := range el.clauses {
			if !drop(c) {
				out = append(out, x.orig(c[0], c[1]))
			}
		}
		return out
	}
	out := &ColumnEdit{}
	typ := decl
	var clauses []string
	switch ac.Action {
	case "set default":
		expr := ac.Expr
		if lit, ok := unquoteString(newTx(expr).T(0)); ok && newTx(expr).n() == 1 {
			c, ok, err := canonicalDefault(lit, decl)
			if err != nil {
				return nil, err
			}
			if ok {
				expr = c
			}
		} else if s := intLiteralDefault(expr, decl); s != "" { // int_default.go
			expr = s
		}
		clauses = append(keep(func(c [2]int) bool { return el.kind(c) == "DEFAULT" }), "DEFAULT ("+expr+")")
		out.Rewrite = true
		if rowidAlias(decl, inPK) {
			// the rowid ignores a DEFAULT (ddl.go's columnDef declares
			// such a key rowidFreeInteger): the table is rebuilt with
			// the column as an ordinary int4 key, enforced as int4
			typ = rowidFreeInteger
			clauses = append([]string{strings.TrimSpace(inCheck(ac.Column, rowidFreeInteger))}, clauses...)
			out.Rewrite, out.Rebuild = false, true
		}
	case "drop default":
		clauses = keep(func(c [2]int) bool { return el.kind(c) == "DEFAULT" })
		out.Rewrite = true
	case "generated":
		if err := addedGeneratedRefErr(createSQL, ac.Expr); err != nil { // generated_refs.go
			return nil, err
		}
		// a STORED column's values are in the rows: the table is
		// rebuilt, which computes them
		clauses = append(keep(func(c [2]int) bool { return el.kind(c) == "DEFAULT" }), ac.Expr)
		out.Rebuild = true
	case "set not null":
		clauses = keep(func(c [2]int) bool { return el.kind(c) == "NOT NULL" })
		clauses = append(clauses, "NOT NULL")
		out.CheckNulls = true
	case "drop not null":
		if inPK {
			return nil, &Error{Code: "42P16", Message: fmt.Sprintf("column \"%s\" is in a primary key", ac.Column)}
		}
		clauses = keep(func(c [2]int) bool { return el.kind(c) == "NOT NULL" })
	case "type":
		if el.marker() || rowidAlias(decl, inPK) {
			return nil, unsupported("ALTER COLUMN ... TYPE of a serial, identity or integer primary key column")
		}
		newDecl, typeClauses, err := newTypeColumn(ac.Column, ac.Type)
		if err != nil {
			return nil, err
		}
		if strings.EqualFold(newDecl, "integer") && inPK {
			return nil, unsupported("ALTER COLUMN ... TYPE to the integer primary key of a table")
		}
		typ, out.Decl = newDecl, newDecl
		clauses = append(keep(el.hidden), typeClauses...)
		conv := ac.Expr
		if conv == "" {
			from, _ := DeclTypeOID(decl)
			to, _ := DeclTypeOID(newDecl)
			if !autoCastable(from, to) {
				tn := FormatType(to, -1)
				return nil, &Error{Code: "42804", Message: fmt.Sprintf("column \"%s\" cannot be cast automatically to type %s", ac.Column, tn),
					Hint: fmt.Sprintf("You might need to specify \"USING %s::%s\".", quoteIdent(ac.Column), tn)}
			}
			q := quoteIdent(ac.Column)
			switch {
			case from == pgoid.Bool:
				conv = "CASE " + q + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"
			case typesByOID[to].cat == "V":
				// a bit string stays its text; the new type's CHECK
				// enforces its length as an assignment does (22026,
				// 22001), where a cast would pad or truncate
				conv = q
			case typesByOID[to].cat == "S" && from != 0:
				// the value's output text as its type prints it (pgcast.go's
				// pg_text: inet with its mask length, real's digits, bytea
				// in hex); the new type's CHECK enforces its length as an
				// assignment does (22001)
				conv = "pg_text(" + q + ", " + quoteLit(decl) + ")"
			case typesByOID[to].cat == "S":
				conv = "CAST(" + q + " AS TEXT)"
			case from == pgoid.Inet && to == pgoid.Cidr || from == pgoid.Macaddr8 && to == pgoid.Macaddr:
				// inet_translate.go's cast from the column's type: the
				// network of an address, a macaddr8 without ff:fe
				conv = "pg_cast_net_from(" + q + ", " + quoteLit(TypeName(to)) + ", " + quoteLit(decl) + ")"
			default:
				// the cast as the translator writes it, checked; numeric
				// (stored as text) rounds to an integer half away from
				// zero as PostgreSQL's numeric cast does
				v := q
				switch {
				case from == pgoid.Numeric && (to == pgoid.Int2 || to == pgoid.Int4 || to == pgoid.Int8):
					v = "round(" + q + ")"
				case from == pgoid.Money:
					v = "pg_money_numeric(" + q + ", 'money')" // money.go: cash_numeric
				case from == pgoid.OID && to == pgoid.Int4:
					v = "pg_oid_int4(" + q + ")" // oidtype.go: the bits
				}
				st, err := Translate("SELECT 1 WHERE CAST(" + v + " AS " + ac.Type + ")")
				if err != nil {
					return nil, err
				}
				_, conv, _ = strings.Cut(st.Exec[0], " WHERE ")
			}
		}
		out.Convert = conv
		if checks := ChecksNaming(createSQL, ac.Column); len(checks) > 0 && !CheckKeepsType(decl, newDecl) { // altertype_checks.go
			what := "a CHECK constraint"
			if checks[0] != "" {
				what = "check constraint \"" + checks[0] + "\""
			}
			return nil, &Error{Code: "0A000", Message: fmt.Sprintf("ALTER COLUMN ... TYPE %s of column \"%s\", which %s reads, is not supported", ac.Type, ac.Column, what),
				Hint: "Drop the constraint, alter the column, and add the constraint again."}
		}
	case "set generated", "drop identity":
		var err error
		if typ, clauses, err = editIdentity(el, createSQL, decl, ac, out); err != nil { // identity_alter.go
			return nil, err
		}
		if out.Skip != "" {
			return out, nil
		}
	case "identity check":
		// ADD GENERATED's checks before its sequence is created
		// (identity_add.go): a column that is an identity already is
		// 55000, not the sequence's name taken
		ac.Action = "identity"
		if _, _, _, err := identityEdit(el, decl, inPK, ac); err != nil {
			return nil, err
		}
		out.NoChange = true
		return out, nil
	case "identity":
		var err error
		if typ, clauses, out.SequenceType, err = identityEdit(el, decl, inPK, ac); err != nil { // identity_add.go
			return nil, err
		}
		out.Sequence, out.CheckNulls, out.Rewrite = ac.Expr, true, true
	default:
		return nil, fmt.Errorf("pgdialect: unknown ALTER COLUMN action %q", ac.Action)
	}
	if ac.Action != "identity" && ac.Action != "set generated" && ac.Action != "drop identity" {
		// the serial or identity marker stays with the column (TYPE of
		// such a column is refused above; identity writes its own)
		typ += el.markerComment()
	}
	elem := x.orig(el.lo, el.ts) + " " + typ
	for _, c := range clauses {
		elem += " " + c
	}
	lo, hi := x.T(el.lo).pos, x.T(el.hi-1).pos+len(x.T(el.hi-1).text)
	out.SQL = createSQL[:lo] + elem + createSQL[hi:]
	return out, nil
}

// autoCastable reports an assignment cast from one type to another, which
// ALTER COLUMN TYPE applies without USING: within the numeric types (but
// money only from int4, int8 and numeric and to numeric, oid only from
// the integers and to int4 and int8), within the bit string types, within
// the date/time types of one kind, time to interval, inet and cidr,
// macaddr and macaddr8 each way,
// and from anything to a string type (PostgreSQL's automatic I/O
// conversion casts).
func autoCastable(from, to uint32) bool {
	if from == to || from == 0 {
		return true
	}
	ints := map[uint32]bool{pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true}
	switch {
	case to == pgoid.Money:
		return from == pgoid.Int4 || from == pgoid.Int8 || from == pgoid.Numeric
	case from == pgoid.Money && typesByOID[to] != nil && typesByOID[to].cat != "S":
		return to == pgoid.Numeric
	case to == pgoid.OID:
		return ints[from]
	case from == pgoid.OID && typesByOID[to] != nil && typesByOID[to].cat != "S":
		return to == pgoid.Int4 || to == pgoid.Int8
	case from == pgoid.Time && to == pgoid.Interval, from == pgoid.Inet && to == pgoid.Cidr,
		from == pgoid.Cidr && to == pgoid.Inet, from == pgoid.Macaddr && to == pgoid.Macaddr8,
		from == pgoid.Macaddr8 && to == pgoid.Macaddr:
		return true
	}
	cat := func(o uint32) string {
		if t, ok := typesByOID[o]; ok {
			return t.cat
		}
		return ""
	}
	switch {
	case cat(to) == "S":
		return true
	case cat(from) == "N" && cat(to) == "N", cat(from) == "V" && cat(to) == "V": // bit and varbit
		return true
	}
	stamp := map[uint32]bool{pgoid.Date: true, pgoid.Timestamp: true, pgoid.Timestamptz: true}
	clock := map[uint32]bool{pgoid.Time: true, pgoid.Timetz: true}
	return stamp[from] && stamp[to] || clock[from] && clock[to] || from == pgoid.Interval && to == pgoid.Time
}
