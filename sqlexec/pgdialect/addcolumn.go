package pgdialect

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ALTER TABLE t ADD [COLUMN] [IF NOT EXISTS] c type [constraints] on a
// table that may hold rows.
//
// SQLite's ALTER TABLE ADD COLUMN takes a column whose existing rows can
// all read one constant from the definition: it refuses a non-constant
// DEFAULT, a STORED generated column, PRIMARY KEY and UNIQUE, a REFERENCES
// column with a default, and a NOT NULL or CHECK that an existing row
// fails (with its own messages). PostgreSQL computes the new column for
// every row (a volatile default once per row, now() once for the
// statement, the generation expression from the row), then builds the
// column's unique index, then checks NOT NULL, the CHECKs and the foreign
// key against every row. So a column with any of these is added in steps,
// all in the statement's entry (atomic, the same on every node):
//
//  1. the column alone (type, collation, a literal DEFAULT already in the
//     column's stored form: constantDefault), which SQLite adds without
//     touching a row;
//  2. its value for the existing rows: any other DEFAULT is set
//     as ALTER COLUMN SET DEFAULT does and evaluated for every row in
//     rowid order, converted to the column's type as an assignment is
//     (TableChange.Fill, sqlexec/tablechange.go: so a constant PostgreSQL
//     refuses for the type fails with PostgreSQL's error, not SQLite's);
//     a generation expression is put in the definition and the table
//     rebuilt (TableChange "generated", sqlexec/rebuild.go), which
//     computes it;
//  3. PRIMARY KEY / UNIQUE: the unique index ADD CONSTRAINT makes
//     (keyIndex), with PostgreSQL's name (t_pkey, t_c_key); a second
//     primary key is 42P16;
//  4. NOT NULL (a PRIMARY KEY's too): SET NOT NULL (23502 `column "c" of
//     relation "t" contains null values`);
//  5. each CHECK: ADD CHECK under its name or PostgreSQL's (23514
//     `check constraint "t_c_check" of relation "t" is violated by some
//     row`);
//  6. REFERENCES: ADD FOREIGN KEY (23503 with the key).
//
// Steps 3-6 of consecutive ADD COLUMNs run together (columnChecks). A
// column with none of these is added by SQLite's ADD COLUMN in one step.
// ADD COLUMN IF NOT EXISTS decides at apply: the steps after the first run
// only when the column was added (TableChange.Then).

// addColumn translates the column definition in tokens k..b-1 of ALTER
// TABLE tbl ADD COLUMN (after exprPass) into the statements that add it
// and give its rows their values, and those that check them (ADD COLUMN IF
// NOT EXISTS: all in the first).
func (x *tx) addColumn(tbl string, k, b int, ifNotExists bool) ([]string, columnChecks, error) {
	col, _ := x.name(k)
	dflt, gen := -1, -1
	for c := k; c < b; c++ {
		if x.depth[c] != x.depth[k] {
			continue
		}
		if x.kw(c, "DEFAULT") && !x.kw(c-1, "SET") && dflt < 0 {
			dflt = c
		}
		if x.kw(c, "GENERATED", "ALWAYS", "AS") && x.isP(c+3, "(") && gen < 0 {
			gen = c
		}
	}
	if dflt >= 0 && gen >= 0 {
		return nil, columnChecks{}, syntaxErr(x.charPos(max(dflt, gen)), "both default and generation expression specified for column \"%s\" of table \"%s\"", col, tbl)
	}
	if err := x.columnDef(k, b, []string{"\x00"}, true); err != nil {
		return nil, columnChecks{}, err
	}
	def := strings.TrimSpace(x.text(k, b))
	qt, qc := quoteIdent(tbl), quoteIdent(col)
	cx := newTx("CREATE TABLE t (" + def + ")")
	p := cx.findParen(0, cx.n())
	el := columnElem{x: cx, lo: p + 1, hi: cx.match(p)}
	el.parse()

	var fill, generated, refs string
	var kept, checks, checkNames []string
	keyName, primary, notNull := "", false, false
	for _, c := range el.clauses {
		name := ""
		k := c[0]
		if cx.kw(k, "CONSTRAINT") && !el.hidden(c) {
			name, k = cx.T(k+1).identName(), k+2
		}
		clause := strings.TrimSpace(cx.orig(k, c[1]))
		switch el.kind(c) {
		case "DEFAULT":
			if cx.kw(k+1, "NULL") && k+2 == c[1] {
				break
			}
			ok, err := constantDefault(cx, k+1, c[1], cx.orig(el.ts, el.te))
			if err != nil {
				return nil, columnChecks{}, err
			}
			if ok {
				break
			}
			fill = strings.TrimSpace(cx.orig(k+1, c[1]))
			continue
		case "NOT NULL":
			notNull = true
			continue
		case "CHECK":
			if el.hidden(c) {
				break
			}
			checks, checkNames = append(checks, strings.TrimSpace(cx.orig(k+1, c[1]))), append(checkNames, name)
			continue
		case "PRIMARY", "UNIQUE":
			if k+1 < c[1] && !cx.kw(k, "PRIMARY", "KEY") || k+2 < c[1] && cx.kw(k, "PRIMARY") {
				return nil, columnChecks{}, unsupported("ADD COLUMN ... %s with options is not supported", strings.ToUpper(cx.orig(k, k+1)))
			}
			primary = primary || cx.kw(k, "PRIMARY")
			keyName = name
			if keyName == "" {
				keyName = "\x00"
			}
			continue
		case "GENERATED", "AS":
			generated = clause
			continue
		case "REFERENCES":
			refs = clause
			if name != "" {
				refs = "CONSTRAINT " + quoteIdent(name) + " " + clause
			}
			continue
		}
		kept = append(kept, strings.TrimSpace(cx.orig(c[0], c[1])))
	}
	if fill == "" && generated == "" && refs == "" && keyName == "" && !notNull && len(checks) == 0 {
		add := "ALTER TABLE " + qt + " ADD COLUMN " + def
		if ifNotExists {
			// decided at apply, where the columns are known (altercolumn.go)
			add = TableChange{Table: tbl, Column: col, Action: "add column", Expr: add, IfExists: true}.statement()
		}
		return []string{add}, columnChecks{}, nil
	}
	plain := "ALTER TABLE " + qt + " ADD COLUMN " + strings.TrimSpace(cx.orig(el.lo, el.te)+" "+strings.Join(kept, " "))
	head := []string{plain}
	if fill != "" {
		// converted to the column's type as an assignment is (enforce.go)
		head = append(head, TableChange{Table: tbl, Column: col, Action: "set default", Expr: fill,
			Fill: "pg_in_col(" + fill + ", " + declOf(tbl, col, 0) + ")"}.statement())
	}
	if generated != "" {
		head = append(head, TableChange{Table: tbl, Column: col, Action: "generated", Expr: generated}.statement())
	}
	var checked columnChecks
	if keyName != "" {
		checked[0] = keyIndex(tbl, strings.Trim(keyName, "\x00"), primary, []string{col})
	}
	if notNull && !primary { // a primary key's: keyIndex
		checked[1] = append(checked[1], TableChange{Table: tbl, Column: col, Action: "set not null"}.statement())
	}
	for i, ch := range checks {
		checked[2] = append(checked[2], TableChange{Table: tbl, Column: checkNames[i], Action: "add check", Expr: ch}.statement())
	}
	if refs != "" {
		checked[3] = append(checked[3], TableChange{Table: tbl, Action: "add foreign key", Expr: "FOREIGN KEY (" + qc + ") " + refs}.statement())
	}
	if ifNotExists {
		then := append(head[1:], checked.flatten()...)
		return []string{TableChange{Table: tbl, Column: col, Action: "add column", Expr: plain, IfExists: true, Then: then}.statement()}, columnChecks{}, nil
	}
	return head, checked, nil
}

// constantDefault reports whether the DEFAULT at tokens lo..hi-1 of a
// column declared decl is a literal that SQLite's ADD COLUMN can keep in
// the definition for the existing rows to read (no row is rewritten): a
// number or string literal of a number, string or boolean column already
// in the column's stored form (0, 'x'; TRUE and FALSE, which SQLite reads
// as 1 and 0), kept as written so the catalog shows it as PostgreSQL
// does. PostgreSQL evaluates such a default when the column is added,
// rows or none: a literal the type refuses is its error here (22003,
// 22001, 22P02). ok is false for any other default, which the rows take
// by an UPDATE (addColumn), converted as an assignment is.
func constantDefault(cx *tx, lo, hi int, decl string) (ok bool, err error) {
	oid, _ := DeclTypeOID(decl)
	if t := typesByOID[oid]; t == nil || t.cat != "N" && t.cat != "S" && t.cat != "B" { // numbers, strings, booleans
		return false, nil
	}
	t := cx.T(lo)
	written := strings.TrimSpace(cx.orig(lo, hi))
	var v driver.Value
	switch {
	case hi == lo+1 && t.typ == tString:
		s, isStr := unquoteString(t)
		if !isStr {
			return false, nil
		}
		v = s
	case hi == lo+1 && t.typ == tNumber, hi == lo+2 && (cx.isP(lo, "-") || cx.isP(lo, "+")) && cx.T(lo+1).typ == tNumber:
		v = numberLiteral(strings.ReplaceAll(written, " ", ""), oid) // ddl.go
	case oid == pgoid.Bool && hi == lo+1 && (t.kw("TRUE") || t.kw("FALSE")):
		return true, nil
	default:
		return false, nil
	}
	lit, ok, err := canonicalDefault(v, decl)
	return err == nil && ok && lit == written, err
}

// columnChecks are the statements that complete added columns, by
// PostgreSQL's order: the key indexes, NOT NULL, CHECKs, foreign keys.
// Consecutive ADD COLUMNs of one ALTER TABLE are completed together, each
// kind for every column before the next kind, as PostgreSQL builds every
// index before it checks a row, and every column's NOT NULL before a CHECK.
type columnChecks [4][]string

func (c *columnChecks) add(o columnChecks) {
	for i := range c {
		c[i] = append(c[i], o[i]...)
	}
}

// flatten returns the statements in order, and empties c.
func (c *columnChecks) flatten() []string {
	var out []string
	for i := range c {
		out = append(out, c[i]...)
		c[i] = nil
	}
	return out
}

// keyIndex is what ALTER TABLE tbl ADD [CONSTRAINT name] {PRIMARY KEY |
// UNIQUE} (cols) and ADD COLUMN ... {PRIMARY KEY | UNIQUE} become: the
// unique index, under PostgreSQL's name when none is given (tbl_pkey,
// tbl_a_b_key), marked for the catalog as the constraint it is. A primary
// key is refused first when the table has one (42P16; TableChange
// "primary key", sqlexec/tablechange.go) and makes its columns NOT NULL
// once the index is built (23502 for a NULL), as in PostgreSQL.
func keyIndex(tbl, name string, primary bool, cols []string) []string {
	if name == "" {
		if primary {
			name = tbl + "_pkey"
		} else {
			name = tbl + "_" + strings.Join(cols, "_") + "_key"
		}
	}
	qc := make([]string, len(cols))
	for n, c := range cols {
		qc[n] = quoteIdent(c)
	}
	mark := "" // the catalog's constraint type of the index (pgd_idx, catalog.go)
	if !primary {
		mark = constraintMarkU
	} else if name != tbl+"_pkey" {
		mark = constraintMarkP
	}
	index := "CREATE UNIQUE INDEX " + quoteIdent(name) + mark + " ON " + quoteIdent(tbl) + " (" + strings.Join(qc, ", ") + ")"
	if !primary {
		return []string{index}
	}
	out := []string{TableChange{Table: tbl, Column: name, Action: "primary key"}.statement(), index}
	for _, c := range cols {
		out = append(out, TableChange{Table: tbl, Column: c, Action: "set not null"}.statement())
	}
	return out
}

// PrimaryKeyIndex reports whether index name (definition sql) of table
// is a PRIMARY KEY that ALTER TABLE added (keyIndex).
func PrimaryKeyIndex(table, name, sql string) bool {
	return strings.EqualFold(name, table+"_pkey") || strings.Contains(sql, constraintMarkP)
}
