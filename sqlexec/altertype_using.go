package sqlexec

// ALTER COLUMN c TYPE t USING e at apply: PostgreSQL computes e from each
// row as it was, the column still of its old type. The translated e
// (pgdialect/altercolumn.go's usingExpr) may look a column's type up at
// run time by its table's definition, and the conversion runs once the
// new definition is in place (tablechange.go), where c's type is already
// t: so e's values are computed first, with the old definition, into a
// TEMP table by rowid, and the conversion then reads them from there. A
// WITHOUT ROWID table has no rowid to key them by and converts in place.

// usingRows is the TEMP table the USING values wait in.
const usingRows = "raftsql_using"

// stageUsing computes conv for every row of table qt (quoted) into
// usingRows and returns the expression that reads a row's value back.
// conv is the user's: it is compiled under the write allow-list first,
// as the statement would be; the TEMP table's own statements are raftsql's.
func stageUsing(c *lconn, qt, conv string) (string, error) {
	restore := c.enterAuth(authWrite)
	st, _, err := c.prepareFresh("SELECT " + conv + " FROM " + qt)
	if e := c.authRefusal(); e != nil {
		err = e
	}
	restore()
	if st != nil {
		st.finalize()
	}
	if err != nil {
		return "", err
	}
	if err := c.exec("DROP TABLE IF EXISTS temp." + usingRows + "; CREATE TEMP TABLE " + usingRows + " (r INTEGER PRIMARY KEY, v)"); err != nil {
		return "", err
	}
	if err := c.exec("INSERT INTO temp." + usingRows + " SELECT rowid, " + conv + " FROM " + qt); err != nil {
		return "", err
	}
	return "(SELECT v FROM temp." + usingRows + " WHERE r = " + qt + ".rowid)", nil
}
