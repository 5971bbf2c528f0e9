package sqlexec

import (
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// SQLite's ALTER TABLE ... ADD COLUMN tests every row against all the
// table's CHECKs (pragma_quick_check) when the table has any, and every
// typed table has (the columns' type CHECKs). A row that violates a CHECK
// added NOT VALID failed it ("CHECK constraint failed") where PostgreSQL
// checks no old constraint, so a table with a NOT VALID constraint could
// take no new column until the rows were fixed. Such a table's column is
// added with CHECKs ignored: the existing rows passed their type CHECKs
// when written, and the new column's literal default is checked by the
// translation (pgdialect/addcolumn.go); its other default, NOT NULL and
// CHECKs are separate statements after it (ADD COLUMN's steps), which run
// with CHECKs on again.

// reAddColumn matches SQLite's ADD COLUMN that pgdialect/addcolumn.go makes.
var reAddColumn = regexp.MustCompile(`^ALTER TABLE (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)) ADD COLUMN `)

// addColumnIgnoringChecks turns ignore_check_constraints on for sqlText
// when it is an ADD COLUMN of a table with a NOT VALID constraint; the
// returned function, when not nil, turns it off and must run once the
// statement has run.
func addColumnIgnoringChecks(c *lconn, sqlText string) (func() error, error) {
	if !strings.HasPrefix(sqlText, "ALTER TABLE ") || !strings.Contains(sqlText, " ADD COLUMN ") {
		return nil, nil
	}
	m := reAddColumn.FindStringSubmatch(sqlText)
	if m == nil {
		return nil, nil
	}
	table := m[2]
	if m[1] != "" {
		table = strings.ReplaceAll(m[1], `""`, `"`)
	}
	defer c.enterAuth(authOff)()
	createSQL, found, err := tableSQL(c, table) // serial.go
	if err != nil || !found || !pgdialect.HasNotValid(createSQL) {
		return nil, err
	}
	if err := c.exec("PRAGMA ignore_check_constraints = ON"); err != nil {
		return nil, err
	}
	return func() error {
		defer c.enterAuth(authOff)()
		return c.exec("PRAGMA ignore_check_constraints = OFF")
	}, nil
}
