package sqlexec

// DROP INDEX / VIEW IF EXISTS of a missing object (pgdialect.
// DroppedIfExists): SQLite does nothing, PostgreSQL does nothing with a
// NOTICE, decided here at apply. (CREATE ... IF NOT EXISTS: seqdeps.go;
// sequences and types: their state functions; DROP TABLE IF EXISTS: the
// session, query.go.)
func dropIfExistsNotice(c *lconn, object, name string) error {
	defer c.enterAuth(authOff)()
	found, err := stateExists(c, `SELECT 1 FROM main.sqlite_schema WHERE type = ?1 AND name = ?2 COLLATE NOCASE`, object, name)
	if err == nil && !found {
		c.addNotice("00000", "", "%s \"%s\" does not exist, skipping", object, name) // notice.go
	}
	return err
}
