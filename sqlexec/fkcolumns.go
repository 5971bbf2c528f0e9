package sqlexec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// refuseMissingFKColumns is PostgreSQL's 42703 `column "c" referenced in
// foreign key constraint does not exist` for a foreign key of table
// whose referencing column (one of columns, the table's) or referenced
// column (of its referenced table, which must exist: 42P01 first, as
// PostgreSQL opens it first) does not exist. It must run before a
// definition with the key is installed: SQLite cannot read a schema whose
// foreign key names a column its table lacks ("malformed database
// schema"), which stopped every node applying the entry; a missing
// referenced column was SQLite's "foreign key mismatch", 42830. So is
// PostgreSQL's 42830 for referenced columns more or fewer than the
// referencing ones (where PostgreSQL first reports referenced columns
// that are no unique key, this reports the count).
func refuseMissingFKColumns(c *lconn, fk pgdialect.ForeignKey, columns []string) error {
	if err := refTableExists(c, fk.RefTable); err != nil { // createfk.go
		return err
	}
	for _, col := range fk.Columns {
		if !hasFold(columns, col) {
			return missingFKColumn(col)
		}
	}
	if len(fk.RefColumns) == 0 { // the referenced table's primary key
		if pk := refPrimaryKey(c, fk.RefTable); len(pk) > 0 && len(pk) != len(fk.Columns) {
			return fkCountDisagree()
		}
		return nil
	}
	refCols, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1", fk.RefTable)
	if err != nil {
		return err
	}
	for _, col := range fk.RefColumns {
		if !hasFold(refCols, col) {
			return missingFKColumn(col)
		}
	}
	if len(fk.RefColumns) != len(fk.Columns) {
		// SQLite's schema reader refuses such a key as malformed too
		return fkCountDisagree()
	}
	return nil
}

func fkCountDisagree() error {
	return &Error{Code: "42830", Statement: -1,
		Message: "number of referencing and referenced columns for foreign key disagree"}
}

// refPrimaryKey gives table's primary key columns: declared in its
// definition, else those of the unique index an ALTER TABLE ... ADD
// PRIMARY KEY made.
func refPrimaryKey(c *lconn, table string) []string {
	cols, _ := queryStrings(c, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", table)
	if len(cols) == 0 {
		cols, _ = queryStrings(c, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", table+"_pkey")
	}
	if len(cols) == 0 { // one marked as the key, named otherwise or renamed with its table
		ix, _ := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND instr(sql, ?2) > 0", table, pgdialect.ConstraintMarkP)
		if len(ix) > 0 {
			cols, _ = queryStrings(c, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", ix[0])
		}
	}
	return cols
}

func missingFKColumn(col string) error {
	return &Error{Code: CodeUndefinedColumn, Statement: -1,
		Message: fmt.Sprintf("column \"%s\" referenced in foreign key constraint does not exist", col)}
}

// hasFold reports whether list holds s, compared as SQLite compares names.
func hasFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}
