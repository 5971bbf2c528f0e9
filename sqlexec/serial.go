package sqlexec

// The sequences owned by serial and identity columns (pgdialect/serial.go):
// restarted by TRUNCATE ... RESTART IDENTITY, altered by ALTER TABLE ...
// ALTER COLUMN ... RESTART / SET, dropped with their table. Like every
// sequence function these run at apply, inside the entry.

import (
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
)

// ownedSequences lists the sequences owned by table's columns (column ""
// for all), in name order.
func ownedSequences(c *lconn, table, column string) ([]string, error) {
	st, _, err := c.prepareFresh(`SELECT name FROM raftsql_sequences WHERE owned_table = ?1 AND (?2 = '' OR owned_column = ?2) ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var out []string
	_, err = st.run([]any{table, column}, func(r []any) error {
		if s, ok := r[0].(string); ok {
			out = append(out, s)
		}
		return nil
	})
	return out, err
}

// fnSeqRestartOwned(table): TRUNCATE ... RESTART IDENTITY.
func fnSeqRestartOwned(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_restart_owned", func(c *lconn, d *detState) (any, error) {
		table, _ := argValue(tls, argv, 0).(string)
		names, err := ownedSequences(c, table, "")
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if err := stateRun(c, `UPDATE raftsql_sequences SET last = start, called = 0 WHERE name = ?1`, n); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
}

// fnSeqAlterOwned(table, column, options): ALTER TABLE table ALTER COLUMN
// column RESTART / SET <option>, on an identity column's sequence.
func fnSeqAlterOwned(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_alter_owned", func(c *lconn, d *detState) (any, error) {
		table, _ := argValue(tls, argv, 0).(string)
		column, _ := argValue(tls, argv, 1).(string)
		optText, _ := argValue(tls, argv, 2).(string)
		o, err := pgdialect.DecodeSeqOptions(optText)
		if err != nil {
			return nil, err
		}
		tableSQL, found, err := tableSQL(c, table)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, noRelation(table)
		}
		names, err := ownedSequences(c, table, column)
		if err != nil {
			return nil, err
		}
		if len(names) != 1 || !pgdialect.IdentityColumn(tableSQL, column) {
			return nil, &Error{Code: CodeObjectNotInPrerequisiteState, Message: fmt.Sprintf("column \"%s\" of relation \"%s\" is not an identity column", column, table)}
		}
		s, err := mustSequence(c, names[0])
		if err != nil {
			return nil, err
		}
		def, restart, err := o.Define(&s.def)
		if err != nil {
			return nil, err
		}
		s.def = def
		if restart != nil {
			s.last, s.called = *restart, false
		}
		return nil, storeSequence(c, names[0], s)
	})
}

// tableSQL is the CREATE TABLE text of table.
func tableSQL(c *lconn, table string) (string, bool, error) {
	st, _, err := c.prepareFresh(`SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE`)
	if err != nil {
		return "", false, err
	}
	defer st.finalize()
	var out string
	found := false
	_, err = st.run([]any{table}, func(r []any) error {
		out, _ = r[0].(string)
		found = true
		return nil
	})
	return out, found, err
}

// dropOwnedSequences drops the sequences owned by table's columns, after
// a DROP TABLE of it succeeded (runSQL).
func dropOwnedSequences(c *lconn, table string) error {
	restore := c.enterAuth(authOff)
	defer restore()
	if err := stateRun(c, `DELETE FROM raftsql_comments WHERE classoid = 1259 AND objname IN (SELECT name FROM raftsql_sequences WHERE owned_table = ?1)`, table); err != nil { // comments.go
		return err
	}
	return stateRun(c, `DELETE FROM raftsql_sequences WHERE owned_table = ?1`, table)
}
