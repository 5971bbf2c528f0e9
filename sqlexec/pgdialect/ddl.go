package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func (x *tx) create() (*Stmt, error) {
	i := 1
	if x.kw(i, "OR", "REPLACE") {
		if x.kw(i+2, "VIEW") {
			return x.replaceView(i) // viewreplace.go
		}
		if x.kw(i+2, "TEMP", "VIEW") || x.kw(i+2, "TEMPORARY", "VIEW") {
			return nil, unsupported("CREATE OR REPLACE TEMP VIEW is not supported")
		}
		return nil, unsupported("CREATE OR REPLACE %s is not supported", x.T(i+2).upper())
	}
	temp := false
	for x.kw(i, "TEMP") || x.kw(i, "TEMPORARY") || x.kw(i, "UNLOGGED") || x.kw(i, "GLOBAL") || x.kw(i, "LOCAL") {
		temp = temp || x.kw(i, "TEMP") || x.kw(i, "TEMPORARY")
		if x.kw(i, "UNLOGGED") || x.kw(i, "GLOBAL") || x.kw(i, "LOCAL") {
			x.T(i).set("")
		} else {
			x.temp = true // temp.go
		}
		i++
	}
	obj := x.T(i).upper()
	switch obj {
	case "TABLE":
		if st, ok, err := x.tableAs(i); ok { // tableas.go
			return st, err
		}
		if st, ok, err := x.createLike(i); ok { // createlike.go
			return st, err
		}
		return x.createTable(i)
	case "UNIQUE", "INDEX":
		return x.createIndex(i)
	case "VIEW":
		return x.createView(i)
	case "TRIGGER":
		for j := i + 1; j < x.n(); j++ {
			if x.kw(j, "EXECUTE", "FUNCTION") || x.kw(j, "EXECUTE", "PROCEDURE") {
				return nil, &Error{Code: "0A000", Message: "CREATE TRIGGER ... EXECUTE FUNCTION is not supported (there are no PostgreSQL functions)",
					Hint: "Write the trigger's body in SQLite's form: CREATE TRIGGER name {BEFORE|AFTER} {INSERT|UPDATE|DELETE} ON table [FOR EACH ROW] [WHEN cond] BEGIN statement; ... END."}
			}
			if x.kw(j, "BEGIN") {
				break
			}
		}
		return x.query("CREATE TRIGGER", x.all(), false), nil
	case "SEQUENCE":
		if temp {
			return nil, unsupported("temporary sequences are not supported")
		}
		return x.sequence("CREATE", i) // sequence.go
	case "EXTENSION":
		return x.extension("CREATE", i) // extension.go
	case "TYPE":
		return x.createType(i) // enum.go
	case "VIRTUAL":
		return x.query("CREATE TABLE", x.all(), false), nil
	case "SCHEMA":
		j := i + 1
		ine := x.kw(j, "IF", "NOT", "EXISTS")
		if ine {
			j += 3
		}
		if n, _ := x.name(j); n == "public" && ine {
			return &Stmt{Kind: KindNoop, Tag: "CREATE SCHEMA"}, nil
		}
		return nil, unsupported("CREATE SCHEMA is not supported (only schema public exists)")
	case "MATERIALIZED":
		return nil, unsupported("materialized views are not supported")
	case "FUNCTION", "PROCEDURE", "AGGREGATE":
		return nil, unsupported("CREATE %s is not supported", obj)
	case "RECURSIVE":
		return nil, unsupported("CREATE RECURSIVE VIEW is not supported")
	}
	return nil, unsupported("CREATE %s is not supported", obj)
}

// createView translates CREATE [TEMP] VIEW (VIEW at i), keeping the
// PostgreSQL text of its query for pg_get_viewdef.
func (x *tx) createView(i int) (*Stmt, error) {
	check, at := x.viewCheckClause() // view_check.go
	if at >= 0 {
		x.blank(at, x.n())
		x.sig = x.sig[:at] // the query ends before the clause
	}
	as, pgText := x.viewText(i) // catalog_dump.go
	if check != "" && as >= 0 {
		pgText = viewCheckMark + check + "*/ " + pgText
	}
	var oids []uint32
	if as >= 0 {
		if q, err := Translate(x.orig(as+1, x.n())); err == nil && q.Kind == KindQuery {
			oids = q.ColumnOIDs
		}
	}
	if err := x.exprPass(); err != nil {
		return nil, err
	}
	if as >= 0 {
		// the query's set operation columns, as a SELECT's: converted to
		// their common type (typeresolve.go, setoptypes.go)
		if err := x.resolveSetOps(); err != nil {
			return nil, err
		}
	}
	x.applyAliases()
	x.typeViewBools(oids, as) // viewbools.go
	if as >= 0 {
		x.T(as).set(x.T(as).str() + " " + pgText)
	}
	st := x.query("CREATE VIEW", x.all(), false)
	j := i + 1
	if x.kw(j, "IF", "NOT", "EXISTS") {
		j += 3
	}
	if name, _ := x.name(j); name != "" && !x.temp {
		// (a temporary view runs on the session's connection, where its
		// statements are not one transaction: not checked)
		st.Exec = append(st.Exec, viewColumnsCheck(name, x.orig(0, x.n()))) // viewcolumns.go
		if as >= 0 {
			st.Exec = append(st.Exec, viewNumericSQL(name)) // viewnumeric.go
		}
		st.NoRows = true
	}
	return st, nil
}

func (x *tx) createIndex(i int) (*Stmt, error) {
	if x.kw(i, "UNIQUE") {
		i++
	}
	i++ // INDEX
	if x.kw(i, "CONCURRENTLY") {
		x.T(i).set("")
		x.noTxBlock = "CREATE INDEX CONCURRENTLY"
		i++
	}
	ine := x.kw(i, "IF", "NOT", "EXISTS")
	if ine {
		i += 3
	}
	named := !x.kw(i, "ON")
	if named {
		_, i = x.name(i)
	}
	if !x.kw(i, "ON") {
		return nil, x.syntaxErrAt(i)
	}
	on := i
	i++
	if x.kw(i, "ONLY") {
		x.T(i).set("")
		i++
	}
	tbl, j := x.name(i)
	if x.kw(j, "USING") {
		m := strings.ToLower(x.T(j + 1).text)
		if m != "btree" && m != "hash" {
			return nil, unsupported("index access method %q is not supported", m)
		}
		x.blank(j, j+2)
		j += 2
	}
	if !x.isP(j, "(") {
		return nil, x.syntaxErrAt(j)
	}
	e := x.match(j)
	if !named {
		var cols []string
		for _, p := range x.splitTop(j+1, e) {
			if n, _ := x.name(p[0]); n != "" {
				cols = append(cols, n)
			} else {
				cols = append(cols, "expr")
			}
		}
		t := x.T(on)
		t.set(quoteIdent(tbl+"_"+strings.Join(cols, "_")+"_idx") + " ON")
	}
	// drop INCLUDE (...), WITH (...), TABLESPACE x after the column list
	k := e + 1
	for k < x.n() {
		switch {
		case (x.kw(k, "INCLUDE") || x.kw(k, "WITH")) && x.isP(k+1, "("):
			k = x.blankListOption(k)
		case x.kw(k, "TABLESPACE"):
			x.blank(k, k+2)
			k += 2
		case x.kw(k, "NULLS"):
			return nil, unsupported("NULLS [NOT] DISTINCT is not supported")
		default:
			k = x.n()
		}
	}
	if err := x.exprPass(); err != nil {
		return nil, err
	}
	x.indexNulls(j, e) // index_nulls.go
	return x.query("CREATE INDEX", x.all(), false), nil
}

// blankListOption blanks an option made of the keyword at k and the
// parenthesized list after it (INCLUDE (...), WITH (...)) and returns the
// index after the list.
func (x *tx) blankListOption(k int) int {
	m := x.match(k + 1)
	x.blank(k, m+1)
	return m + 1
}

var colConstraintKw = map[string]bool{"CONSTRAINT": true, "NOT": true, "NULL": true, "PRIMARY": true, "UNIQUE": true,
	"CHECK": true, "DEFAULT": true, "REFERENCES": true, "COLLATE": true, "GENERATED": true, "AS": true, "DEFERRABLE": true, "INITIALLY": true}

func (x *tx) createTable(i int) (*Stmt, error) {
	i++ // TABLE
	if x.kw(i, "IF", "NOT", "EXISTS") {
		i += 3
	}
	tbl, j := x.name(i)
	if tbl == "" {
		return nil, x.syntaxErrAt(i)
	}
	if !x.temp {
		x.table, x.ifNotExists = tbl, x.kw(i-3, "IF", "NOT", "EXISTS") // serial.go
	}
	if x.kw(j, "AS") || x.kw(j, "USING") {
		if err := x.exprPass(); err != nil {
			return nil, err
		}
		return x.query("SELECT", x.all(), false), nil
	}
	if x.kw(j, "PARTITION") {
		return nil, unsupported("partitioned tables are not supported")
	}
	if x.kw(j, "OF") {
		return nil, unsupported("typed tables are not supported")
	}
	if !x.isP(j, "(") {
		return nil, x.syntaxErrAt(j)
	}
	e := x.match(j)
	if e == j+1 {
		// PostgreSQL keeps a table of zero columns; SQLite has none
		// (as for dropping a table's last column)
		return nil, unsupported("a table of no columns (CREATE TABLE %s ()) is not supported", tbl)
	}
	// table options after the column list
	k := e + 1
	for k < x.n() {
		switch {
		case x.kw(k, "WITH") && x.isP(k+1, "("):
			k = x.blankListOption(k)
		case x.kw(k, "WITHOUT", "OIDS"), x.kw(k, "WITH", "OIDS"):
			x.blank(k, k+2)
			k += 2
		case x.kw(k, "TABLESPACE"):
			x.blank(k, k+2)
			k += 2
		case x.kw(k, "ON", "COMMIT"):
			m := k + 2
			var words []string
			for m < x.n() && (x.kw(m, "PRESERVE") || x.kw(m, "DELETE") || x.kw(m, "DROP") || x.kw(m, "ROWS")) {
				words = append(words, x.T(m).upper())
				m++
			}
			x.onCommit = strings.Join(words, " ")
			x.blank(k, m)
			k = m
		case x.kw(k, "INHERITS"):
			return nil, unsupported("table inheritance is not supported")
		case x.kw(k, "PARTITION", "BY"):
			return nil, unsupported("partitioned tables are not supported")
		case x.kw(k, "USING"):
			x.blank(k, k+2)
			k += 2
		default:
			k++ // SQLite's own options (WITHOUT ROWID, STRICT, ',')
		}
	}
	// column definitions and table constraints
	elems := x.splitTop(j+1, e)
	pkCols := []string{}
	hasInlinePK := false
	for _, el := range elems {
		if x.T(el[0]).kw("PRIMARY") {
			pkCols = x.parenNames(el[0]+2, el[1])
		}
		if x.T(el[0]).kw("CONSTRAINT") && x.T(el[0]+2).kw("PRIMARY") {
			pkCols = x.parenNames(el[0]+4, el[1])
		}
		for k := el[0]; k < el[1]; k++ {
			if x.kw(k, "PRIMARY", "KEY") && !x.T(el[0]).kw("PRIMARY") && !x.T(el[0]).kw("CONSTRAINT") {
				hasInlinePK = true
			}
		}
	}
	if err := x.bareNameList(elems, e); err != nil {
		return nil, err
	}
	x.nameChecks(tbl, elems)
	if err := x.generatedRefErr(elems); err != nil { // generated_refs.go
		return nil, err
	}
	for _, el := range elems {
		if err := x.constraintAttrs(el[0], el[1]); err != nil { // deferral.go
			return nil, err
		}
		if err := x.columnDef(el[0], el[1], pkCols, hasInlinePK); err != nil {
			return nil, err
		}
		if x.madePK {
			hasInlinePK = true
		}
	}
	if err := x.exprPass(); err != nil {
		return nil, err
	}
	st := x.query("CREATE TABLE", x.all(), false)
	if len(x.ownedSeqs) > 0 {
		st.Exec = append(st.Exec, x.ownedSeqs...) // serial.go
		st.NoRows = true
	}
	if len(x.typeRequires) > 0 {
		st.Exec = append(st.Exec, x.typeRequireSQL()...) // typeallow.go
		st.NoRows = true
	}
	if !x.temp && x.hasReferences(j+1, e) {
		st.Exec = append(st.Exec, fkTypesSQL(tbl)) // createfk.go
		st.NoRows = true
	}
	return st, nil
}

// bareNameList refuses a column list that starts with a bare name (SQLite's
// untyped columns, CREATE TABLE t (a, b)) as PostgreSQL does: it reads such
// a list as the column names of CREATE TABLE t (a, b) AS query, so its
// syntax error is at the first element that is more than a name, or after
// the list (e: its closing parenthesis).
func (x *tx) bareNameList(elems [][2]int, e int) error {
	bare := func(el [2]int) bool {
		return el[1] == el[0]+1 && (x.T(el[0]).typ == tIdent || x.T(el[0]).typ == tQIdent) && !colConstraintKw[x.T(el[0]).upper()]
	}
	if len(elems) == 0 || !bare(elems[0]) {
		return nil
	}
	for _, el := range elems {
		if !bare(el) {
			return x.syntaxErrAt(el[0] + 1)
		}
	}
	return x.syntaxErrAt(e + 1)
}

// parenNames returns the names in the parenthesised list at i.
func (x *tx) parenNames(i, hi int) []string {
	for i < hi && !x.isP(i, "(") {
		i++
	}
	if i >= hi {
		return nil
	}
	e := x.match(i)
	var out []string
	for _, p := range x.splitTop(i+1, e) {
		n, _ := x.name(p[0])
		out = append(out, n)
	}
	return out
}

// columnDef rewrites one element of a CREATE TABLE / ADD COLUMN list.
func (x *tx) columnDef(lo, hi int, pkCols []string, hasInlinePK bool) error {
	t := x.T(lo)
	switch {
	case t.kw("CONSTRAINT"), t.kw("PRIMARY"), t.kw("UNIQUE"), t.kw("CHECK"), t.kw("FOREIGN"):
		for k := lo; k < hi; k++ {
			if x.kw(k, "USING", "INDEX", "TABLESPACE") {
				x.blank(k, k+4)
			}
		}
		if x.kw(lo+1, "NULLS") || x.kw(lo+2, "NULLS") {
			return unsupported("NULLS [NOT] DISTINCT is not supported")
		}
		return nil
	case t.kw("EXCLUDE"):
		return unsupported("EXCLUDE constraints are not supported")
	case t.kw("LIKE"):
		return unsupported("CREATE TABLE ... (LIKE ...) is not supported")
	}
	col, k := x.name(lo)
	if col == "" {
		return x.syntaxErrAt(lo)
	}
	// type: up to the first constraint keyword
	ts := k
	te := ts
	for te < hi && !(x.T(te).typ == tIdent && colConstraintKw[x.T(te).upper()] && !(x.T(te).kw("AS") && te == ts)) {
		if x.isP(te, "(") {
			te = x.match(te)
		}
		te++
	}
	if te == ts {
		// a column without a type (SQLite's a, b): PostgreSQL's syntax
		// error, at what follows the name (bareNameList: a list of names)
		return x.syntaxErrAt(ts)
	}
	typeName := ""
	typeMods := ""
	marker := ""
	if te > ts {
		end, name, mods, array, ok := x.parseType(ts)
		typeMods = mods
		if ok && !array && end < te && !x.kw(ts, "NATIONAL") {
			// words after a type name that are no constraint
			// (a int b int): SQLite would take them all for the type
			return x.syntaxErrAt(end)
		}
		if err := x.intervalTypeErr(ts, end); ok && err != nil { // interval_typmod.go
			return err
		}
		if err := x.columnTypeErr(col, ts, name, array, ok); err != nil { // typeallow.go
			return err
		}
		if ok && array {
			n, err := x.arrayColumnType(ts, te, end, name, mods, col) // array_translate.go
			if err != nil {
				return err
			}
			typeName = n
		} else if ok && end == te {
			typeName = name
			switch name {
			case "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2":
				marker = name
			case "timestamptz", "timestamp", "timetz", "time", "varchar", "float8", "varbit":
				// multi-word forms: store the canonical short name
				if te-ts > 1 && strings.Contains(normTypeWords(strings.Fields(strings.ToLower(x.orig(ts, te)))), " ") || te-ts > 1 && !x.isP(ts+1, "(") || x.kw(te-1, "ZONE") {
					mods := ""
					if p := x.findParen(ts, te); p >= 0 {
						mods = x.orig(p, x.match(p)+1)
					}
					x.blank(ts, te)
					x.T(ts).set(name + mods)
				}
			case "interval":
				if mods != "" { // SQLite's type names cannot hold TO (interval_typmod.go)
					x.blank(ts, te)
					x.T(ts).set(intervalStoredDecl(mods))
				}
			}
		}
	}
	decl := ""
	if te > ts {
		decl = x.text(ts, te)
	}
	if te == ts+1 && x.T(ts).identName() == "citext" {
		// citext (extension.go): text compared case-insensitively
		x.T(ts).wsuf += " COLLATE " + CitextCollation
	}
	if te > ts {
		// type_collations.go: interval, jsonb, date/time by value; right
		// after the type, a clause of the column (at the definition's end
		// it followed a DEFAULT expression, which wrapDefault then wrapped
		// with it: the default was collated, the column not)
		x.T(te - 1).wsuf += typeCollation(typeName)
	}
	// constraints
	identity := ""
	var identityOpts *SeqOptions
	inlinePK, autoinc := false, false
	cc := columnConflicts{col: col, table: x.table, depth: x.depth[lo]}
	for c := te; c < hi; c++ {
		if err := x.columnConflict(&cc, c, marker != ""); err != nil { // identity_conflicts.go
			return err
		}
		switch {
		case x.kw(c, "GENERATED", "ALWAYS", "AS", "IDENTITY"), x.kw(c, "GENERATED", "BY", "DEFAULT", "AS", "IDENTITY"):
			n := 4
			identity = "a"
			if x.kw(c+1, "BY") {
				n, identity = 5, "d"
			}
			end := c + n
			if x.isP(end, "(") {
				var err error
				if identityOpts, err = x.identityOptions(end); err != nil { // serial.go
					return err
				}
				end = x.match(end) + 1
			}
			x.blank(c, end)
			c = end - 1
		case x.kw(c, "GENERATED", "ALWAYS", "AS") && x.isP(c+3, "("):
			// PostgreSQL 15 has STORED generated columns only (SQLite
			// would make a VIRTUAL one)
			if e := x.match(c + 3); !x.kw(e+1, "STORED") {
				return x.syntaxErrAt(e + 1)
			}
		case x.kw(c, "PRIMARY", "KEY"):
			inlinePK = true
		case x.kw(c, "AUTOINCREMENT"):
			autoinc = true
		case x.kw(c, "DEFAULT"):
			if err := x.defaultTypeErr(c+1, hi, col, decl); err != nil {
				return err
			}
			if d := x.T(c + 1); d.typ == tString && len(d.text) >= 2 && d.text[0] == '\'' && d.text[len(d.text)-1] == '\'' && te > ts && (c+2 == hi || x.T(c+2).typ == tIdent && colConstraintKw[x.T(c+2).upper()]) {
				lit, ok, err := canonicalDefault(strings.ReplaceAll(d.text[1:len(d.text)-1], "''", "'"), decl)
				if err != nil {
					return err
				}
				if ok {
					d.set(lit)
				}
			} else if err := x.moneyNumberDefault(c+1, hi, decl); err != nil { // money.go
				return err
			} else {
				x.intNumberDefault(c+1, hi, decl) // int_default.go
			}
			e := x.wrapDefault(c+1, hi)
			x.dateTimeDefault(c+1, e, decl)
			x.markClockDefault(c+1, e) // default_display.go
			c = e - 1
		case x.T(c).kw("REFERENCES"):
			// SQLite accepts REFERENCES t(c) [ON DELETE ...] [MATCH ...] [DEFERRABLE ...]
		}
	}
	if marker == "" && identity == "" && !autoinc && te > ts && rowidAlias(decl, inlinePK || len(pkCols) == 1 && strings.EqualFold(pkCols[0], col)) {
		// SQLite makes an INTEGER PRIMARY KEY the rowid, and an insert
		// that omits the rowid or gives NULL takes max(rowid)+1, never
		// the column's DEFAULT (a nextval, a constant) nor PostgreSQL's
		// 23502 for a key without one; a BEFORE INSERT trigger cannot
		// tell such a row from an explicit -1 (NEW.id is -1 in both).
		// int4 is the same type to PostgreSQL (the catalog shows
		// integer) and not SQLite's rowid alias, so the DEFAULT applies
		// or the NOT NULL fails as in PostgreSQL, and the column is
		// enforced as int4 like any other (the storage of an int key).
		// SQLite's own AUTOINCREMENT asks for the rowid alias: it stays.
		x.blank(ts, te)
		x.T(ts).set(rowidFreeInteger)
		decl = rowidFreeInteger
	}
	if pk := inlinePK || containsFold(pkCols, col); pk && marker == "" && identity == "" && hi > lo {
		// PostgreSQL's primary key columns are NOT NULL; SQLite's (other
		// than INTEGER PRIMARY KEY, where NULL picks the next rowid) store
		// NULL. An INTEGER PRIMARY KEY column gets the constraint too: a
		// NULL id is 23502 there, as in PostgreSQL, not a made-up id.
		x.T(hi - 1).wsuf += " NOT NULL"
	}
	if marker == "" && identity == "" && te > ts && hi > lo && !rowidAlias(decl, inlinePK || len(pkCols) == 1 && pkCols[0] == col) {
		x.T(hi - 1).wsuf += inCheck(col, decl)
		if te == ts+1 && maybeEnum(x.T(ts)) {
			x.T(hi - 1).wsuf += enumCheck(col, x.T(ts).identName()) // enum.go
		}
		x.T(hi - 1).wsuf += orderCollation(typeName, x.T(ts), te == ts+1) // enum_order.go
	}
	if tt := typeAlias[typeName]; tt != nil && marker == "" && identity == "" && hi > lo && te > ts {
		d := jsonDeclType(tt.oid) // jsonb_order.go: TEXT affinity
		if d == "" {
			d = textDeclType(tt.oid) // text_decl.go
			if tt.oid == pgoid.Bit || tt.oid == pgoid.Varbit {
				if _, err := bitLength(tt, typeMods); err != nil { // bits_funcs.go
					return err
				}
				d += typeMods
			}
		}
		if d != "" {
			x.blank(ts, te)
			x.T(ts).set(d)
		}
	}
	if tt := typeAlias[typeName]; tt != nil && tt.oid == pgoid.Numeric && marker == "" && identity == "" && hi > lo {
		decl, suffix, err := numericColumn(col, typeMods)
		if err != nil {
			return err
		}
		x.blank(ts, te)
		x.T(ts).set(decl)
		x.T(hi - 1).wsuf += suffix
	}
	if marker != "" || identity != "" {
		kind := marker
		if identity != "" {
			kind = "identity:" + identity + ":" + typeName
		}
		if x.table != "" {
			return x.serialColumn(col, kind, identityOpts, ts, te) // serial.go
		}
		single := len(pkCols) == 1 && pkCols[0] == col
		newType := "INTEGER /*" + kind + "*/"
		switch {
		case inlinePK || single:
		case len(pkCols) == 0 && !hasInlinePK:
			newType += " PRIMARY KEY"
			x.madePK = true
		default:
			return unsupported("%s column %q that is not the table's single-column primary key is not supported", strings.ToUpper(strings.SplitN(kind, ":", 2)[0]), col)
		}
		if te > ts {
			x.blank(ts, te)
			x.T(ts).set(newType)
		} else {
			x.T(ts - 1).wsuf += " " + newType
		}
	}
	return nil
}

// defaultTypeErr is PostgreSQL's 42804 for a DEFAULT at i that is a lone
// number or boolean literal of a type without an assignment cast to the
// column's declared type decl (a boolean column's DEFAULT 1, an integer
// column's DEFAULT true), which SQLite would store as it is.
func (x *tx) defaultTypeErr(i, hi int, col, decl string) error {
	if i+1 != hi && !(i+1 < hi && x.T(i+1).typ == tIdent && colConstraintKw[x.T(i+1).upper()]) {
		return nil
	}
	to, _ := DeclTypeOID(decl)
	from := uint32(0)
	switch t := x.T(i); {
	case t.typ == tNumber && to == pgoid.Bool:
		from = pgoid.Numeric
		if _, err := strconv.ParseInt(t.text, 10, 32); err == nil {
			from = pgoid.Int4
		} else if _, err := strconv.ParseInt(t.text, 10, 64); err == nil {
			from = pgoid.Int8
		}
	case (t.kw("TRUE") || t.kw("FALSE")) && typesByOID[to] != nil && typesByOID[to].cat == "N":
		from = pgoid.Bool
	default:
		return nil
	}
	return &Error{Code: "42804", Message: fmt.Sprintf("column \"%s\" is of type %s but default expression is of type %s", col, FormatType(to, -1), FormatType(from, -1)),
		Hint: "You will need to rewrite or cast the expression."}
}

// numberLiteral is the value of number literal text as an assignment to a
// column of type oid casts it: an integer's int64, a decimal's float64 for
// an integer or float column, its digits for a numeric one.
func numberLiteral(text string, oid uint32) driver.Value {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n // the integer cast's errors, not text input's
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil && oid != pgoid.Numeric {
		return f
	}
	return text
}

func (x *tx) findParen(lo, hi int) int {
	for i := lo; i < hi; i++ {
		if x.isP(i, "(") {
			return i
		}
	}
	return -1
}

// wrapDefault parenthesises a DEFAULT expression starting at i unless it
// is a plain literal; returns the index after the expression.
func (x *tx) wrapDefault(i, hi int) int {
	e := i
	for e < hi {
		t := x.T(e)
		if x.depth[e] == x.depth[i] && t.typ == tIdent && colConstraintKw[t.upper()] && e > i {
			break
		}
		if x.isP(e, "(") {
			e = x.match(e)
		}
		e++
	}
	if e > hi {
		e = hi
	}
	if e <= i {
		return e
	}
	if e == i+1 {
		t := x.T(i)
		switch t.typ {
		case tString, tNumber:
			if t.typ == tString && (t.text[0] == 'E' || t.text[0] == 'e') {
				break
			}
			return e
		case tIdent:
			switch t.upper() {
			case "NULL", "TRUE", "FALSE": // (CURRENT_DATE is a call: datetime_local.go)
				return e
			}
		}
	}
	if e == i+2 && (x.isP(i, "-") || x.isP(i, "+")) && x.T(i+1).typ == tNumber {
		return e
	}
	x.T(i).wpre = "(" + x.T(i).wpre
	x.T(e - 1).wsuf += ")"
	return e
}

func (x *tx) alter() (*Stmt, error) {
	obj := x.T(1).upper()
	switch obj {
	case "TABLE":
	case "CLUSTER":
		return x.alterCluster()
	case "SEQUENCE":
		return x.sequence("ALTER", 1) // sequence.go
	case "TYPE":
		return x.alterType() // enum.go
	case "INDEX":
		return x.alterIndex() // index_rename.go
	case "DATABASE", "ROLE", "USER", "SYSTEM", "DEFAULT":
		return nil, unsupported("ALTER %s is not supported", obj)
	default:
		return nil, unsupported("ALTER %s is not supported", obj)
	}
	i := 2
	ifExists := false
	if x.kw(i, "IF", "EXISTS") {
		i += 2
		ifExists = true
	}
	tbl, j, err := x.relation(i)
	if err != nil {
		return nil, err
	}
	if err := x.exprPass(); err != nil {
		return nil, err
	}
	qt := quoteIdent(tbl)
	st := &Stmt{Kind: KindQuery, Tag: "ALTER TABLE", NoRows: true} // no rows: pg_seq_alter_owned's SELECT (serial.go)
	if ifExists {
		st.AlterIfExists = tbl
	}
	var checks columnChecks // of consecutive ADD COLUMNs (addcolumn.go)
	for _, p := range x.splitTop(j, x.n()) {
		a, b := p[0], p[1]
		if a >= b {
			return nil, syntaxErr(0, "syntax error at end of input")
		}
		addCol := x.kw(a, "ADD") && !x.kw(a+1, "CONSTRAINT") && !x.kw(a+1, "PRIMARY") && !x.kw(a+1, "UNIQUE") &&
			!x.kw(a+1, "FOREIGN") && !x.kw(a+1, "CHECK") && !x.kw(a+1, "EXCLUDE")
		if !addCol {
			st.Exec = append(st.Exec, checks.flatten()...)
		}
		switch {
		case x.kw(a, "ADD"):
			k := a + 1
			cname := ""
			if x.kw(k, "CONSTRAINT") {
				cname, k = x.name(k + 1)
			}
			if err := x.constraintAttrs(k, b); err != nil { // deferral.go
				return nil, err
			}
			switch {
			case x.kw(k, "PRIMARY", "KEY"), x.kw(k, "UNIQUE"):
				pk := x.T(k).kw("PRIMARY")
				cols := x.parenNames(k, b)
				if len(cols) == 0 {
					return nil, unsupported("ADD %s USING INDEX is not supported", x.T(k).upper())
				}
				st.Exec = append(st.Exec, keyIndex(tbl, cname, pk, cols)...) // addcolumn.go
			case x.kw(k, "FOREIGN", "KEY"), x.kw(k, "CHECK"):
				s, err := x.addConstraint(tbl, cname, k, b) // constraint_ddl.go
				if err != nil {
					return nil, err
				}
				st.Exec = append(st.Exec, s)
			case x.kw(k, "EXCLUDE"):
				return nil, unsupported("ALTER TABLE ... ADD %s is not supported", x.T(k).upper())
			default:
				if x.kw(k, "COLUMN") {
					k++
				}
				ine := x.kw(k, "IF", "NOT", "EXISTS")
				if ine {
					k += 3
				}
				if exec, ok, err := x.addSerialColumn(tbl, k, b, ine); ok { // serial_add.go
					if err != nil {
						return nil, err
					}
					st.Exec = append(st.Exec, exec...)
					continue
				}
				exec, chk, err := x.addColumn(tbl, k, b, ine) // addcolumn.go
				if err != nil {
					return nil, err
				}
				st.Exec = append(st.Exec, exec...)
				checks.add(chk)
			}
		case x.kw(a, "DROP", "CONSTRAINT"):
			k := a + 2
			ie := ""
			if x.kw(k, "IF", "EXISTS") {
				k += 2
				ie = "IF EXISTS "
			}
			n, k := x.name(k)
			st.Exec = append(st.Exec, TableChange{Table: tbl, Column: n, Action: "drop constraint", IfExists: ie != "", Cascade: x.kw(k, "CASCADE")}.statement())
		case x.kw(a, "DROP"):
			k := a + 1
			if x.kw(k, "COLUMN") {
				k++
			}
			ie := x.kw(k, "IF", "EXISTS")
			if ie {
				k += 2
			}
			n, k := x.name(k)
			drop := "ALTER TABLE " + qt + " DROP COLUMN " + quoteIdent(n)
			if x.kw(k, "CASCADE") {
				drop += " " + DropColumnCascade // sqlexec/dropcolumn.go drops the dependents
			}
			if ie {
				drop = TableChange{Table: tbl, Column: n, Action: "drop column", Expr: drop, IfExists: true}.statement()
			}
			// the column's own sequences go with it (serial, identity)
			st.Exec = append(st.Exec, drop, "SELECT pg_seq_drop_owned("+quoteLit(tbl)+", "+quoteLit(n)+")")
		case x.kw(a, "RENAME", "TO"):
			n, _ := x.name(a + 2)
			// the owned sequences follow (sqlexec/seqdeps.go)
			st.Exec = append(st.Exec, renameTable(tbl, n), // rename.go
				"SELECT pg_seq_rename_owned("+quoteLit(tbl)+", '', "+quoteLit(n)+")")
		case x.kw(a, "RENAME", "CONSTRAINT"):
			return nil, unsupported("RENAME CONSTRAINT is not supported")
		case x.kw(a, "RENAME"):
			k := a + 1
			if x.kw(k, "COLUMN") {
				k++
			}
			from, k2 := x.name(k)
			if !x.kw(k2, "TO") {
				return nil, x.syntaxErrAt(k2)
			}
			to, _ := x.name(k2 + 1)
			st.Exec = append(st.Exec, renameColumn(tbl, from, to), // rename.go
				"SELECT pg_seq_rename_owned("+quoteLit(tbl)+", "+quoteLit(from)+", "+quoteLit(to)+")")
		case x.kw(a, "OWNER", "TO"), x.kw(a, "SET", "LOGGED"), x.kw(a, "SET", "UNLOGGED"), x.kw(a, "ENABLE"),
			x.kw(a, "DISABLE"), x.kw(a, "CLUSTER"), x.kw(a, "SET", "WITHOUT"), x.kw(a, "REPLICA"), x.kw(a, "SET", "TABLESPACE"),
			x.kw(a, "SET") && x.isP(a+1, "("), x.kw(a, "RESET"), x.kw(a, "FORCE"), x.kw(a, "NO", "FORCE"):
			// accepted, nothing to do
		case x.kw(a, "VALIDATE", "CONSTRAINT"):
			s, err := x.validateConstraint(tbl, a+2, b) // validateconstraint.go
			if err != nil {
				return nil, err
			}
			st.Exec = append(st.Exec, s)
		case x.kw(a, "ALTER", "CONSTRAINT"):
			s, err := x.alterConstraint(tbl, a+2, b) // deferral.go
			if err != nil {
				return nil, err
			}
			st.Exec = append(st.Exec, s)
		case x.kw(a, "ALTER"):
			s, err := x.alterColumn(tbl, a, b) // altercolumn.go
			if err != nil {
				return nil, err
			}
			if s != "" {
				st.Exec = append(st.Exec, strings.Split(s, ";\n")...) // identity.go: several
			}
		default:
			return nil, unsupported("ALTER TABLE ... %s is not supported", x.T(a).upper())
		}
	}
	st.Exec = append(st.Exec, checks.flatten()...)
	if r := x.typeRequireSQL(); len(r) > 0 { // typeallow.go: before the change
		st.Exec = append(r, st.Exec...)
	}
	return st, nil
}

// nameChecks gives the unnamed CHECK constraints of a CREATE TABLE
// PostgreSQL's names, so a violation (23514) names the constraint as
// PostgreSQL does: table_column_check when the expression reads exactly
// one column of the table, else table_check; a repeated name gets 1, 2,
// ... appended.
func (x *tx) nameChecks(tbl string, elems [][2]int) {
	var cols []string
	for _, el := range elems {
		t := x.T(el[0])
		if !(t.kw("CONSTRAINT") || t.kw("CHECK") || t.kw("PRIMARY") || t.kw("UNIQUE") || t.kw("FOREIGN") || t.kw("EXCLUDE") || t.kw("LIKE")) {
			if n, _ := x.name(el[0]); n != "" {
				cols = append(cols, n)
			}
		}
	}
	used := map[string]int{}
	for _, el := range elems {
		for k := el[0]; k < el[1]; k++ {
			if !x.T(k).kw("CHECK") || !x.isP(k+1, "(") || x.T(k-2).kw("CONSTRAINT") {
				continue
			}
			e := x.match(k + 1)
			var named []string
			for j := k + 2; j < e; j++ {
				if t := x.T(j); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(j+1, "(") && containsFold(cols, t.identName()) && !containsFold(named, t.identName()) {
					named = append(named, t.identName())
				}
			}
			base := tbl + "_check"
			if len(named) == 1 {
				base = tbl + "_" + named[0] + "_check"
			}
			name := base
			if n := used[base]; n > 0 {
				name = base + strconv.Itoa(n)
			}
			used[base]++
			x.T(k).pre = "CONSTRAINT " + quoteIdent(name) + " " + x.T(k).pre
			k = e
		}
	}
}
