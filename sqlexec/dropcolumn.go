package sqlexec

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE t DROP COLUMN c where c is in t's PRIMARY KEY or a UNIQUE
// constraint declared in CREATE TABLE. PostgreSQL drops the column with
// every key that has it (a multi-column one too), unless a foreign key
// depends on the column (2BP01). SQLite refuses ("cannot drop PRIMARY KEY
// column"): it keeps such a key in an index its table definition alone
// names. So before SQLite runs the DROP COLUMN, prepareDropColumn rebuilds
// the table without those keys (rebuild.go); SQLite's DROP COLUMN then
// runs as for any column, with its own checks (an index, CHECK, view or
// trigger naming the column), and any error rolls the rebuild back with
// the statement. Columns of a dropped PRIMARY KEY stay NOT NULL. Indexes
// with the column as a key column (UNIQUE and PRIMARY KEY constraints
// added by ALTER TABLE are such indexes) are dropped first, as PostgreSQL
// drops them; an index on an expression naming the column still makes
// SQLite refuse the DROP COLUMN.

// reDropKeyColumn matches the DROP COLUMN pgdialect/ddl.go makes.
var reDropKeyColumn = regexp.MustCompile(`^ALTER TABLE (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)) DROP COLUMN (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))$`)

// prepareDropColumn readies the statement sqlText, when it is a DROP
// COLUMN of a key column, on the connection that then runs it.
func prepareDropColumn(c *lconn, sqlText string) *Error {
	if !strings.HasPrefix(sqlText, "ALTER TABLE ") || !strings.Contains(sqlText, " DROP COLUMN ") {
		return nil
	}
	m := reDropKeyColumn.FindStringSubmatch(sqlText)
	if m == nil {
		return nil
	}
	unq := func(quoted, bare string) string {
		if quoted != "" {
			return strings.ReplaceAll(quoted, `""`, `"`)
		}
		return bare
	}
	table, col := unq(m[1], m[2]), unq(m[3], m[4])
	defer c.enterAuth(authOff)()
	objs, err := schemaObjects(c)
	if err != nil {
		return mapError(err, "")
	}
	var name, createSQL string
	for _, o := range objs {
		if o.typ == "table" && strings.EqualFold(o.name, table) {
			name, createSQL = o.name, o.sql
		}
	}
	if name == "" {
		return nil // SQLite reports the missing table
	}
	inKey := func(kc pgdialect.KeyConstraint) bool {
		return slices.ContainsFunc(kc.Columns, func(k string) bool { return strings.EqualFold(k, col) })
	}
	newSQL, gone := pgdialect.DropKeys(createSQL, name, inKey)
	// indexes with the column as a key column (a UNIQUE or PRIMARY KEY
	// added by ALTER TABLE among them) go with it, as in PostgreSQL
	indexes, err := queryStrings(c, `SELECT s.name FROM sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = ?1 COLLATE NOCASE AND s.sql IS NOT NULL
 AND EXISTS (SELECT 1 FROM pragma_index_info(s.name) i WHERE i.name = ?2 COLLATE NOCASE) ORDER BY s.rowid`, name, col)
	if err != nil {
		return mapError(err, "")
	}
	if len(gone) == 0 && len(indexes) == 0 {
		return nil
	}
	deps, err := keyColumnDependents(c, name, col)
	if err != nil {
		return mapError(err, "")
	}
	if len(deps) > 0 {
		return &Error{Code: CodeDependentObjects, Statement: -1,
			Message:    fmt.Sprintf("cannot drop column %s of table %s because other objects depend on it", col, pgdialect.QuoteIdentifier(name)),
			DetailText: strings.Join(deps, "\n"),
			HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	for _, kc := range gone {
		if kc.Primary && pgdialect.WithoutRowid(createSQL) {
			return &Error{Code: CodeFeatureNotSupported, Statement: -1,
				Message:  fmt.Sprintf("ALTER TABLE ... DROP COLUMN of a column in the PRIMARY KEY of a WITHOUT ROWID table is not supported (column \"%s\" of relation \"%s\")", col, name),
				HintText: "Create a new table without the column and copy the rows (INSERT INTO ... SELECT)."}
		}
	}
	for _, ix := range indexes {
		if err := c.exec("DROP INDEX " + quoteIdent(ix)); err != nil {
			return mapError(err, "")
		}
	}
	if len(gone) > 0 {
		if err := rebuildTable(c, name, newSQL, nil); err != nil {
			return mapError(err, "")
		}
	}
	return nil
}

// keyColumnDependents lists, as PostgreSQL's DETAIL words them, the
// foreign keys of any table (table itself included) that reference
// column col of table (by name, or through table's primary key when they
// name no column).
func keyColumnDependents(c *lconn, table, col string) ([]string, error) {
	pk, err := queryStrings(c, `SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`, table)
	if err != nil {
		return nil, err
	}
	refs, err := referencingKeys(c, table)
	if err != nil {
		return nil, err
	}
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(p string) bool { return strings.EqualFold(p, col) })
	}
	var deps []string
	for _, f := range refs {
		if f.to != nil && has(f.to) || f.to == nil && has(pk) {
			deps = append(deps, fmt.Sprintf("constraint %s on table %s depends on column %s of table %s", f.name(table), pgdialect.QuoteIdentifier(f.table), col, pgdialect.QuoteIdentifier(table)))
		}
	}
	return deps, nil
}
