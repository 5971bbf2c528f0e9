package pgdialect

import (
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// addIdentity translates ALTER TABLE tbl ALTER COLUMN col ADD GENERATED
// {ALWAYS | BY DEFAULT} AS IDENTITY [ ( sequence options ) ] (tokens
// k..b-1 are the parenthesized options), the form pg_dump writes for an
// identity column after CREATE TABLE (and before COPY loads the rows with
// their ids). The column becomes the identity column CREATE TABLE would
// have made (serial.go): a sequence (named by SEQUENCE NAME, else
// table_column_seq, with the options given) owned by the column, and the
// column's definition edited at apply (identityEdit: marker, NOT NULL,
// DEFAULT nextval), so GENERATED ALWAYS refuses explicit values from then
// on (428C9; COPY may still write them, as in PostgreSQL) and the catalog
// shows an identity column. kind is identity:a or identity:d.
//
// The statements are returned joined by ";\n" for alterColumn's caller
// to split: the sequence's creation, its ownership and the column's
// change are one log entry.
func (x *tx) addIdentity(tbl, col string, k, b int, kind string) (string, error) {
	seq := tbl + "_" + col + "_seq"
	var opts []string
	if x.isP(k, "(") {
		e := x.match(k)
		if e > b {
			return "", x.syntaxErrAt(b)
		}
		o := x.orig(k+1, e)
		ox := newTx(o)
		if i := ox.findKw(0, ox.n(), 0, "SEQUENCE"); i >= 0 && ox.kw(i+1, "NAME") {
			n, j := ox.name(i + 2)
			if n == "" {
				return "", ox.syntaxErrAt(i + 2)
			}
			seq = n
			opts = append(opts, strings.TrimSpace(ox.orig(0, i)), strings.TrimSpace(ox.orig(j, ox.n())))
		} else {
			opts = append(opts, o)
		}
		k = e + 1
	}
	if k < b {
		return "", x.syntaxErrAt(k)
	}
	// the column is checked first, as PostgreSQL does: an identity
	// column already has its sequence, whose name would be taken
	out := []string{TableChange{Table: tbl, Column: col, Action: "identity check", Type: kind}.statement()}
	for _, s := range []string{
		"CREATE SEQUENCE " + quoteIdent(seq) + " " + strings.Join(opts, " "),
		"ALTER SEQUENCE " + quoteIdent(seq) + " OWNED BY " + quoteIdent(tbl) + "." + quoteIdent(col),
	} {
		st, err := Translate(s)
		if err != nil {
			return "", err
		}
		out = append(out, st.Exec...)
	}
	ac := TableChange{Table: tbl, Column: col, Action: "identity", Type: kind, Expr: seq}
	return strings.Join(append(out, ac.statement()), ";\n"), nil
}

// identityEdit is EditColumn's "identity" action: column el of a table
// definition becomes a serial or identity column drawing from sequence
// ac.Expr, as CREATE TABLE writes one (serial.go): its type carries the
// marker, NOT NULL and DEFAULT (nextval(...)). ac.Type is the marker
// kind: serial, bigserial, smallserial (ADD COLUMN ... serial, whose
// column was just added and filled), or identity:a / identity:d (ADD
// GENERATED ... AS IDENTITY, checked as PostgreSQL checks it: an integer
// column, NOT NULL, without a default, not an identity already); the
// identity marker gets the column's type. It returns the new type and
// clauses, and the sequence's type.
func identityEdit(el *columnElem, decl string, inPK bool, ac TableChange) (typ string, clauses []string, seqType string, err error) {
	x := el.x
	oid, _ := DeclTypeOID(decl)
	names := map[uint32][2]string{pgoid.Int2: {"int2", "smallint"}, pgoid.Int4: {"int4", "integer"}, pgoid.Int8: {"int8", "bigint"}}
	kind := ac.Type
	if rowidAlias(decl, inPK) {
		// its type is SQLite's INTEGER PRIMARY KEY, the rowid: another
		// declared type would change how the rows are stored
		return "", nil, "", unsupported("ADD GENERATED ... AS IDENTITY on an integer primary key column declared in CREATE TABLE")
	}
	if strings.HasPrefix(kind, "identity:") && !ac.NoValidate {
		// (NoValidate: the column was just added by ADD COLUMN and filled
		// from the sequence, serial_add.go)
		hasNotNull, hasDefault := inPK, false
		for _, c := range el.clauses {
			hasNotNull = hasNotNull || el.kind(c) == "NOT NULL"
			hasDefault = hasDefault || el.kind(c) == "DEFAULT"
		}
		switch {
		case names[oid][0] == "":
			return "", nil, "", &Error{Code: "22023", Message: "identity column type must be smallint, integer, or bigint"}
		case !hasNotNull:
			return "", nil, "", &Error{Code: "55000", Message: fmt.Sprintf("column \"%s\" of relation \"%s\" must be declared NOT NULL before identity can be added", ac.Column, ac.Table)}
		case el.marker() && IdentityColumn(x.src, ac.Column):
			return "", nil, "", &Error{Code: "55000", Message: fmt.Sprintf("column \"%s\" of relation \"%s\" is already an identity column", ac.Column, ac.Table)}
		case hasDefault || el.marker():
			return "", nil, "", &Error{Code: "55000", Message: fmt.Sprintf("column \"%s\" of relation \"%s\" already has a default value", ac.Column, ac.Table)}
		}
	}
	if strings.HasPrefix(kind, "identity:") {
		kind += ":" + names[oid][1]
	}
	seqType = markerType(kind)
	for _, n := range names {
		if n[1] == seqType {
			typ = n[0] + " /*" + kind + "*/"
		}
	}
	if typ == "" {
		return "", nil, "", fmt.Errorf("pgdialect: unknown serial kind %q", kind)
	}
	for _, c := range el.clauses {
		if k := el.kind(c); k != "DEFAULT" && k != "NOT NULL" {
			clauses = append(clauses, x.orig(c[0], c[1]))
		}
	}
	clauses = append(clauses, "NOT NULL", "DEFAULT (nextval("+quoteLit(quoteIdent(ac.Expr))+"))")
	return typ, clauses, seqType, nil
}
