package sqlexec

// checkCreatedFKTypes runs pg_fk_types(table), the last statement of a
// CREATE TABLE's log entry that has a REFERENCES clause, at apply
// (pgdialect/createfk.go): every foreign key of the new table must join
// its column pairs' types, as PostgreSQL requires (42804), the check
// ALTER TABLE ... ADD FOREIGN KEY makes (altertype_fk.go). It runs after
// the table is created, so a self-reference sees the table's own
// columns; a key whose referenced table or column does not exist is left
// to its own errors. Its error rolls the entry back, the table with it.
func checkCreatedFKTypes(c *lconn, table, verb string) (res StatementResult) {
	defer c.enterAuth(authOff)()
	res.Tag = verb
	// in the order of the definition, as PostgreSQL checks them
	if err := refuseFKPairs(c, `k.tbl = ?1 COLLATE NOCASE`, "DESC",
		func(string, string, string, string) (string, string) { return "", "" }, table); err != nil {
		res.Err = mapError(err, "")
	}
	return res
}
