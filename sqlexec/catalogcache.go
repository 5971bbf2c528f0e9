package sqlexec

// The answers of raftsql's own catalog reads made while checking a
// client's statement (a table's columns and keys for the grouping check,
// its typed columns for the type checks) are kept per connection, so a
// statement sent as new text each time (the simple protocol, every
// literal inlined: pgbench's and psql's) does not compile and run the
// same pragma queries again for every execution: they cost more than the
// statement itself. The answers hold for one schema: they are dropped
// with the statement cache when the main schema's version moves
// (syncSchema, dropCache), when the temporary schema's moves (a temporary
// table made or dropped: read here), and with the statements that read a
// temporary table made anew by each statement (dropCachedReading).

// catalogCache is a connection's kept answers.
type catalogCache struct {
	temp    int64          // temp.schema_version they were read at
	answers map[string]any // by kind and name
}

// catalogRead is the answer read() gives for key, kept for the
// connection's schema.
func catalogRead[T any](c *lconn, key string, read func() T) T {
	temp, _, err := queryInt(c, "PRAGMA temp.schema_version")
	if err != nil {
		return read()
	}
	if c.catalog.answers == nil || c.catalog.temp != temp {
		c.catalog = catalogCache{temp: temp, answers: map[string]any{}}
	}
	if v, ok := c.catalog.answers[key]; ok {
		return v.(T)
	}
	v := read()
	c.catalog.answers[key] = v
	return v
}
