package sqlexec

import "fmt"

// CREATE/ALTER SEQUENCE ... OWNED BY t.c checks its table and column at
// apply, as PostgreSQL's process_owned_by does: a missing table or view
// is 42P01, a sequence 42809, a missing column 42703. Both were taken
// before, and a table created later under that name then took the
// sequence with it when dropped. Only the statement's own OWNED BY is
// checked (pg_seq_create/pg_seq_alter flag bit seqCheckOwner): a serial
// column's sequence is made before its column (pgdialect/serial_add.go).

// seqCheckOwner is the bit of pg_seq_create's and pg_seq_alter's flag
// argument set for a statement's own OWNED BY t.c (bits 0-1: IF [NOT]
// EXISTS and its NOTICE).
const seqCheckOwner = 4

// checkSeqOwner refuses OWNED BY table.column unless the table (or view)
// has the column.
func checkSeqOwner(c *lconn, table, column string) error {
	if table == "" {
		return nil
	}
	found, err := stateExists(c, `SELECT 1 FROM main.sqlite_schema WHERE type IN ('table', 'view') AND name = ?1 COLLATE NOCASE`, table)
	if err != nil {
		return err
	}
	if !found {
		if s, err := loadSequence(c, table); err != nil {
			return err
		} else if s != nil {
			return &Error{Code: CodeWrongObjectType, Message: fmt.Sprintf("sequence cannot be owned by relation \"%s\"", table),
				DetailText: "This operation is not supported for sequences."}
		}
		return &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("relation \"%s\" does not exist", table)}
	}
	has, err := stateExists(c, `SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE`, table, column)
	if err != nil || has {
		return err
	}
	return &Error{Code: CodeUndefinedColumn, Message: fmt.Sprintf("column \"%s\" of relation \"%s\" does not exist", column, table)}
}
