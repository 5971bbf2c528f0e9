package pgdialect

import "strings"

// ALTER TABLE t ADD [COLUMN] c {serial | bigserial | smallserial |
// smallint/integer/bigint GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY
// [(options)]} [NOT NULL] [PRIMARY KEY | UNIQUE] on a table that may
// hold rows. PostgreSQL creates the column's sequence and fills the
// existing rows from it in their physical order. Here, in one entry:
// the sequence (owned by t.c, the column's type, the identity options),
// the column added plainly, every row given nextval in rowid order
// (SQLite's UPDATE of a whole table scans it so, identically on every
// node), then the column made the serial or identity column CREATE TABLE
// would have made (TableChange "identity", identityEdit), and for PRIMARY
// KEY / UNIQUE the unique index ADD CONSTRAINT makes.

// serialAddKinds are the serial pseudo-types and their marker kinds.
var serialAddKinds = map[string]string{"serial": "serial", "serial4": "serial", "bigserial": "bigserial", "serial8": "bigserial", "smallserial": "smallserial", "serial2": "smallserial"}

// addSerialColumn translates the column definition in tokens k..b-1 of
// ALTER TABLE tbl ADD COLUMN when it is a serial or identity column; ok is
// false for other columns.
func (x *tx) addSerialColumn(tbl string, k, b int, ifNotExists bool) (exec []string, ok bool, err error) {
	col, ts := x.name(k)
	if col == "" || ts >= b {
		return nil, false, nil
	}
	te, tn, _, arr, tok := x.parseType(ts)
	if !tok || arr {
		return nil, false, nil
	}
	tn = strings.ToLower(tn)
	kind := serialAddKinds[tn]
	var opts *SeqOptions
	unique := ""
	for c := te; c < b; c++ {
		switch {
		case x.kw(c, "GENERATED", "ALWAYS", "AS", "IDENTITY"), x.kw(c, "GENERATED", "BY", "DEFAULT", "AS", "IDENTITY"):
			n, ident := 4, "identity:a"
			if x.kw(c+1, "BY") {
				n, ident = 5, "identity:d"
			}
			if kind != "" && !strings.HasPrefix(kind, "identity") {
				return nil, true, &Error{Code: "42601", Message: "multiple default values specified for column \"" + col + "\" of table \"" + tbl + "\""}
			}
			kind = ident
			c += n
			if x.isP(c, "(") {
				if opts, err = x.identityOptions(c); err != nil { // serial.go
					return nil, true, err
				}
				c = x.match(c)
			} else {
				c--
			}
		case x.kw(c, "NOT", "NULL"):
			c++
		case x.kw(c, "PRIMARY", "KEY"):
			unique, c = "PRIMARY KEY", c+1
		case x.kw(c, "UNIQUE"):
			unique = "UNIQUE"
		default:
			if kind == "" {
				return nil, false, nil
			}
			return nil, true, unsupported("ADD COLUMN %s with %s is not supported", strings.ToUpper(strings.SplitN(kind, ":", 2)[0]), x.T(c).upper())
		}
	}
	if kind == "" {
		return nil, false, nil
	}
	typ := markerType(kind)
	if strings.HasPrefix(kind, "identity") {
		var ok bool
		if typ, ok = sequenceType(tn); !ok {
			return nil, true, &Error{Code: "22023", Message: "identity column type must be smallint, integer, or bigint"}
		}
	}
	if opts == nil {
		opts = &SeqOptions{}
	}
	owned := tbl + "." + col
	opts.Type, opts.Owned = &typ, &owned
	if _, _, err := opts.Define(nil); err != nil {
		code, msg, _ := ParseSQLStateError(err.Error())
		return nil, true, &Error{Code: code, Message: msg}
	}
	seq := SerialSequenceName(tbl, col)
	qt, qc := quoteIdent(tbl), quoteIdent(col)
	decl := map[string]string{"smallint": "int2", "integer": "int4", "bigint": "int8"}[typ]
	exec = []string{
		"SELECT pg_seq_create(" + quoteLit(seq) + ", " + quoteLit(opts.Encode()) + ", 0)",
		"ALTER TABLE " + qt + " ADD COLUMN " + qc + " " + decl,
		"UPDATE " + fillRowsMark + qt + " SET " + qc + " = nextval(" + quoteLit(quoteIdent(seq)) + ")",
		TableChange{Table: tbl, Column: col, Action: "identity", Type: kind, Expr: seq, NoValidate: true}.statement(),
	}
	if unique != "" {
		exec = append(exec, keyIndex(tbl, "", unique == "PRIMARY KEY", []string{col})...) // addcolumn.go
	}
	if ifNotExists {
		// decided at apply: the sequence and the rest only with the
		// column (altercolumn.go's TableChange.Then)
		exec = []string{TableChange{Table: tbl, Column: col, Action: "add column", Expr: exec[1], IfExists: true,
			Then: append([]string{exec[0]}, exec[2:]...)}.statement()}
	}
	return exec, true, nil
}
