package sqlexec

// A view is stored as its SQL text and SQLite resolves its names each
// time it is compiled, where PostgreSQL binds them once at CREATE VIEW.
// A column added to a table a view joins can make the view's names
// ambiguous (a USING or NATURAL join, an unqualified name both tables
// now have): the view then fails to compile, and so does every later
// DROP COLUMN or RENAME of any table, since SQLite checks the whole
// schema after those (XX000 "error in view v: ambiguous column name").
// So an ADD COLUMN that leaves a view that no longer compiles is
// refused and rolled back with the statement: 0A000 naming the view.

// addColumnViewCheck reports the first view that fails to compile after
// the ADD COLUMN sqlText ran; nil for another statement.
func addColumnViewCheck(c *lconn, sqlText string) error {
	m := reAddColumn.FindStringSubmatch(sqlText) // addcolumn_notvalid.go
	if m == nil {
		return nil
	}
	table := m[2]
	if m[1] != "" {
		table = m[1]
	}
	defer c.enterAuth(authOff)()
	// the replicated schema's views only: a session's temporary ones
	// differ between nodes, and the check must answer alike on each
	views, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'view'")
	if err != nil {
		return err
	}
	for _, v := range views {
		st, _, err := c.prepare("SELECT * FROM " + quoteIdent(v))
		if err != nil {
			e := mapError(err, "")
			return errf(CodeFeatureNotSupported, "cannot add a column to table %q that would break view %q: %s", table, v, e.Message)
		}
		if st != nil {
			st.finalize()
		}
	}
	return nil
}
