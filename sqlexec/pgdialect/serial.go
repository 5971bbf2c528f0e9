package pgdialect

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Serial and identity columns backed by sequences, as in PostgreSQL.
//
// CREATE TABLE t (id serial ...) (bigserial, smallserial, GENERATED
// {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]) creates the sequence
// t_id_seq (sequence.go) owned by t.id, with the column's integer type and
// the identity options, and gives the column
//
//	id int4 /*serial*/ NOT NULL DEFAULT (nextval('t_id_seq'))
//
// so a row that leaves the column out draws the next value at apply, in
// log order, like any other nextval: values are never reused (also after
// deleting the highest row), setval moves them, and the sequence is the
// one pg_get_serial_sequence, nextval('t_id_seq'), pg_sequences and
// pg_depend name. The declared type is int4/int8/int2, never INTEGER:
// SQLite's INTEGER PRIMARY KEY is the rowid alias, which ignores a
// DEFAULT and would take max(rowid)+1 instead. The /*serial*/ comment
// (catalog.go, pg_serial_kind) records what PostgreSQL would show.
//
// The statements around the table follow the sequence: TRUNCATE ...
// RESTART IDENTITY restarts the table's owned sequences
// (pg_seq_restart_owned), ALTER TABLE ... ALTER COLUMN c RESTART / SET
// <sequence option> alters the column's (pg_seq_alter_owned), DROP TABLE
// drops them (sqlexec, at apply). The state functions are in
// sqlexec/sequences.go and sqlexec/serial.go.
//
// Tables created before this (serial as an INTEGER rowid alias without a
// sequence) and temporary tables (whose sequence could not be replicated)
// keep the rowid form; the catalog tells them apart by their missing
// default.

// SerialSequenceName is the name PostgreSQL gives the sequence of a serial
// or identity column (without its choice of another name when that one is
// taken: here the CREATE TABLE fails with 42P07).
func SerialSequenceName(table, column string) string {
	return table + "_" + column + "_seq"
}

// serialColumn rewrites the type (ts..te-1) of serial/identity column col
// of the table being created into its sequence-backed form and records the
// sequence's creation. kind is the marker (serial, bigserial, ...,
// identity:a:<type>); opts the identity options (nil for none).
func (x *tx) serialColumn(col, kind string, opts *SeqOptions, ts, te int) error {
	typ, ok := sequenceType(markerType(kind))
	if !ok {
		return &Error{Code: "22023", Message: "identity column type must be smallint, integer, or bigint"}
	}
	if opts == nil {
		opts = &SeqOptions{}
	}
	opts.Type = &typ
	owned := x.table + "." + col
	opts.Owned = &owned
	if _, _, err := opts.Define(nil); err != nil {
		code, msg, _ := ParseSQLStateError(err.Error())
		return &Error{Code: code, Message: msg}
	}
	seq := SerialSequenceName(x.table, col)
	flag := "0"
	if x.ifNotExists {
		flag = "1"
	}
	x.ownedSeqs = append(x.ownedSeqs, "SELECT pg_seq_create("+quoteLit(seq)+", "+quoteLit(opts.Encode())+", "+flag+")")
	decl := map[string]string{"smallint": "int2", "integer": "int4", "bigint": "int8"}[typ]
	newType := decl + " /*" + kind + "*/ NOT NULL DEFAULT (nextval(" + quoteLit(quoteIdent(seq)) + "))"
	if te > ts {
		x.blank(ts, te)
		x.T(ts).set(newType)
	} else {
		x.T(ts - 1).wsuf += " " + newType
	}
	return nil
}

// identityOptions parses the parenthesised sequence options of GENERATED
// ... AS IDENTITY (open is the index of "(").
func (x *tx) identityOptions(open int) (*SeqOptions, error) {
	end := x.match(open)
	return x.seqOptionsIn(open+1, end, false)
}

// TruncateIdentity is the statement TRUNCATE ... RESTART IDENTITY adds
// for table t.
func TruncateIdentity(table string) string {
	return "SELECT pg_seq_restart_owned(" + quoteLit(table) + ")"
}

// alterIdentity translates ALTER COLUMN c RESTART [[WITH] n] and ALTER
// COLUMN c SET <sequence option> ... (k: the first option's index, b: the
// end): the options apply to the column's owned sequence.
func (x *tx) alterIdentity(tbl, col string, k, b int) (string, error) {
	// Accept PostgreSQL's "SET INCREMENT BY 2 SET START 1 RESTART" form:
	// drop each SET and read the rest as ALTER SEQUENCE's options.
	var parts []string
	for i := k; i < b; i++ {
		if x.kw(i, "SET") && !x.kw(i+1, "SCHEMA") && !x.kw(i+1, "LOGGED") && !x.kw(i+1, "UNLOGGED") {
			continue
		}
		parts = append(parts, x.T(i).text)
	}
	sub := newTx("ALTER SEQUENCE s " + strings.Join(parts, " "))
	o, err := sub.seqOptionsIn(3, sub.n(), true)
	if err != nil {
		return "", err
	}
	if o.Owned != nil {
		return "", x.syntaxErrAt(k)
	}
	return "SELECT pg_seq_alter_owned(" + quoteLit(tbl) + ", " + quoteLit(col) + ", " + quoteLit(o.Encode()) + ")", nil
}

// serialSequenceCall is what pg_get_serial_sequence(table, column)
// becomes: the owned sequence's name from the sequences' catalog view
// (catalog_sequences.go; writes may read catalog views), 'public.' and
// quoted as PostgreSQL writes it (NULL when the column owns none).
// pg_serial_owner resolves the table argument as regclass text does and
// is given the schema's relations (serialRelations) to refuse a missing
// table or column as PostgreSQL does, so it is called once whether or not
// there are sequences: serialSequenceCall, the call's arguments, then
// serialSequenceEnd.
const (
	serialSequenceCall = "(SELECT CASE WHEN q.name IS NOT NULL THEN 'public.' || pg_quote_ident(q.name) END FROM (SELECT pg_serial_owner"
	serialSequenceEnd  = " AS o) AS w LEFT JOIN pgd_seqs AS q ON q.owned_table || '.' || q.owned_column = w.o)"
)

// serialRelations is pg_serial_owner's third argument: a JSON object of
// the schema's tables and views, each to the array of its columns' names.
const serialRelations = "(SELECT json_group_object(m.name, json((SELECT json_group_array(c.name) FROM pragma_table_info(m.name) AS c))) FROM sqlite_schema AS m WHERE m.type IN ('table', 'view'))"

// fnSerialOwner(table, column, relations) is "table.column" with the
// table's name resolved as PostgreSQL reads a regclass text ('T' is t,
// '"T"' is T, public. dropped); the column is taken as written. A table
// or view not in relations (serialRelations) is 42P01 `relation "t" does
// not exist`, a column not in it 42703, as PostgreSQL's.
func fnSerialOwner(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	t, err := SequenceName(str(a[0]))
	if err != nil {
		return nil, err
	}
	var rels map[string][]string
	if err := json.Unmarshal([]byte(str(a[2])), &rels); err != nil {
		return nil, fmt.Errorf("pg_serial_owner: reading the relations: %w", err)
	}
	cols, ok := rels[t]
	if !ok {
		name := t
		if x := newTx(str(a[0])); x.n() >= 3 && x.isP(1, ".") {
			name = "public." + t // SequenceName refused any other schema
		}
		return nil, pgErr("42P01", "relation \"%s\" does not exist", name)
	}
	if !slices.Contains(cols, str(a[1])) {
		return nil, pgErr("42703", "column \"%s\" of relation \"%s\" does not exist", str(a[1]), t)
	}
	return t + "." + str(a[1]), nil
}

// IdentityColumn reports whether column col of the table tableSQL creates
// is an identity column (ALTER COLUMN ... RESTART / SET applies only to
// those, as in PostgreSQL).
func IdentityColumn(tableSQL, col string) bool {
	v, _ := fnSerialKind(nil, []driver.Value{tableSQL, col})
	return v != nil && strings.HasPrefix(str(v), "identity:")
}
