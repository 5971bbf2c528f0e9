package sqlexec

// What depends on a sequence, and the one namespace of relations.
//
// In PostgreSQL sequences, tables, views and indexes share one namespace
// (pg_class): CREATE TABLE/VIEW/INDEX of a sequence's name is 42P07, as
// CREATE SEQUENCE of a table's name is (fnSeqCreate). Here sequences live
// in raftsql_sequences, so runSQL looks the name of such a CREATE up
// before running it (sequenceNameTaken), at apply, in log order.
//
// DROP SEQUENCE refuses (2BP01) while something depends on the sequence:
// an identity column that owns it ("column id of table t requires it"),
// or a column DEFAULT that calls nextval of it (serial columns' and
// hand-written ones). DROP ... CASCADE would drop those defaults in
// PostgreSQL; that is not done here (0A000, naming the default to drop
// first). A sequence owned only through ALTER SEQUENCE ... OWNED BY drops
// freely, as in PostgreSQL. DROP COLUMN of a serial or identity column
// drops the sequences the column owns (pg_seq_drop_owned); RENAME of the
// table or column keeps them owned (pg_seq_rename_owned).

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// seqDropCascade is the bit of pg_seq_drop's flag argument set by DROP
// SEQUENCE ... CASCADE (bit 0: IF EXISTS).
const seqDropCascade = 2

// nextvalArgRe finds the sequence argument of the nextval calls in a
// stored column default: nextval('"t_id_seq"') (serial columns) and
// nextval(pg_regclass('s')) (SET DEFAULT nextval('s')).
var nextvalArgRe = regexp.MustCompile(`(?i)nextval\(\s*(?:pg_regclass\(\s*)?'((?:[^']|'')*)'`)

// seqUse is a column whose default calls nextval of a sequence.
type seqUse struct{ table, column string }

// sequenceUses lists the columns whose default calls nextval(name), in
// table and column order.
func sequenceUses(c *lconn, name string) ([]seqUse, error) {
	st, _, err := c.prepareFresh(`SELECT m.name, p.name, p.dflt_value FROM main.sqlite_schema m, pragma_table_xinfo(m.name) p
 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name NOT LIKE 'raftsql\_%' ESCAPE '\'
 AND p.dflt_value LIKE '%nextval%' ORDER BY m.name, p.cid`)
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var out []seqUse
	_, err = st.run(nil, func(r []any) error {
		t, _ := r[0].(string)
		col, _ := r[1].(string)
		d, _ := r[2].(string)
		for _, m := range nextvalArgRe.FindAllStringSubmatch(d, -1) {
			if n, err := pgdialect.SequenceName(strings.ReplaceAll(m[1], "''", "'")); err == nil && n == name {
				out = append(out, seqUse{t, col})
				break
			}
		}
		return nil
	})
	return out, err
}

// checkSeqDrop is the refusal of DROP SEQUENCE name (s its row) while
// something depends on it; nil when it may go.
func checkSeqDrop(c *lconn, name string, s *seqState, cascade bool) error {
	if t, col := s.def.OwnedTable, s.def.OwnedColumn; t != "" {
		if sql, found, err := tableSQL(c, t); err != nil {
			return err
		} else if found && pgdialect.IdentityColumn(sql, col) {
			return &Error{Code: CodeDependentObjects,
				Message:  fmt.Sprintf("cannot drop sequence %s because column %s of table %s requires it", name, col, t),
				HintText: fmt.Sprintf("You can drop column %s of table %s instead.", col, t)}
		}
	}
	uses, err := sequenceUses(c, name)
	if err != nil || len(uses) == 0 {
		return err
	}
	if cascade {
		return errf(CodeFeatureNotSupported, "DROP SEQUENCE ... CASCADE of a sequence a column default uses is not supported: ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT first", uses[0].table, uses[0].column)
	}
	var detail []string
	for _, u := range uses {
		detail = append(detail, fmt.Sprintf("default value for column %s of table %s depends on sequence %s", u.column, u.table, name))
	}
	return &Error{Code: CodeDependentObjects,
		Message:    fmt.Sprintf("cannot drop sequence %s because other objects depend on it", name),
		DetailText: strings.Join(detail, "\n"),
		HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
}

// sequenceNameTaken refuses (42P07) the CREATE TABLE/VIEW/INDEX sqlText
// when a sequence has its name; skip reports CREATE ... IF NOT EXISTS of
// a name any relation has (a sequence, or a table, view or index, which
// SQLite would skip too), which does nothing but PostgreSQL's NOTICE.
func sequenceNameTaken(c *lconn, sqlText string) (skip bool, err error) {
	name, ifNotExists := pgdialect.CreatedRelation(sqlText)
	if name == "" {
		return false, nil
	}
	s, err := loadSequence(c, name)
	if err != nil {
		return false, err
	}
	if s == nil && ifNotExists {
		if rel, err := relationNamed(c, name); err != nil || !rel {
			return false, err
		}
	}
	if s == nil && !ifNotExists {
		return false, nil
	}
	if ifNotExists {
		c.addNotice(CodeDuplicateTable, "", "relation \"%s\" already exists, skipping", name) // notice.go
		return true, nil
	}
	return false, &Error{Code: CodeDuplicateTable, Message: fmt.Sprintf("relation \"%s\" already exists", name)}
}

// relationNamed reports whether a relation of the replicated schema (a
// table, view, index or sequence; also a key's index the catalog names,
// t_pkey, that SQLite does not hold as an index) is named name: the one
// namespace PostgreSQL's IF NOT EXISTS reads.
func relationNamed(c *lconn, name string) (bool, error) {
	if s, err := loadSequence(c, name); err != nil || s != nil {
		return s != nil, err
	}
	defer c.enterAuth(authOff)() // the catalog views, not the statement's allow-list
	return stateExists(c, `SELECT 1 FROM pg_class WHERE relname = ?1 COLLATE NOCASE`, name)
}

// fnSeqDropOwned(table, column): DROP COLUMN drops the sequences the
// column owns. On a session's temporary-table connection (temp.go: temp
// tables own no sequences) it does nothing.
func fnSeqDropOwned(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if d := ctxDet(tls, ctx); !d.apply || d.conn == nil {
		lib.Xsqlite3_result_null(tls, ctx)
		return
	}
	stateCall(tls, ctx, "pg_seq_drop_owned", func(c *lconn, d *detState) (any, error) {
		table, _ := argValue(tls, argv, 0).(string)
		column, _ := argValue(tls, argv, 1).(string)
		if column == "" {
			return nil, nil
		}
		return nil, stateRun(c, `DELETE FROM raftsql_sequences WHERE owned_table = ?1 COLLATE NOCASE AND owned_column = ?2 COLLATE NOCASE`, table, column)
	})
}

// fnSeqRenameOwned(table, column, to): ALTER TABLE ... RENAME keeps the
// sequences a table's columns own owned by the renamed table (column
// "": RENAME TO to) or column (RENAME COLUMN column TO to), as
// PostgreSQL's OWNED BY follows the column, so pg_get_serial_sequence of
// the new name and DROP TABLE still find them. The sequences keep their
// names, as in PostgreSQL.
func fnSeqRenameOwned(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if d := ctxDet(tls, ctx); !d.apply || d.conn == nil {
		lib.Xsqlite3_result_null(tls, ctx)
		return
	}
	stateCall(tls, ctx, "pg_seq_rename_owned", func(c *lconn, d *detState) (any, error) {
		table, _ := argValue(tls, argv, 0).(string)
		column, _ := argValue(tls, argv, 1).(string)
		to, _ := argValue(tls, argv, 2).(string)
		if column == "" {
			return nil, stateRun(c, `UPDATE raftsql_sequences SET owned_table = ?2 WHERE owned_table = ?1 COLLATE NOCASE`, table, to)
		}
		return nil, stateRun(c, `UPDATE raftsql_sequences SET owned_column = ?3 WHERE owned_table = ?1 COLLATE NOCASE AND owned_column = ?2 COLLATE NOCASE`, table, column, to)
	})
}

// retypeSequence gives sequence name the data type typ (the integer type
// of the serial or identity column it now serves), with the limits that
// follow as ALTER SEQUENCE ... AS does.
func retypeSequence(c *lconn, name, typ string) error {
	s, err := mustSequence(c, name)
	if err != nil || s.def.Type == typ {
		return err
	}
	def, _, err := (&pgdialect.SeqOptions{Type: &typ}).Define(&s.def)
	if err != nil {
		return err
	}
	s.def = def
	return storeSequence(c, name, s)
}
