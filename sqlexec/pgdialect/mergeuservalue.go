package pgdialect

// INSERT ... OVERRIDING USER VALUE in MERGE's actions. PostgreSQL
// discards the values given for identity columns (GENERATED ALWAYS or BY
// DEFAULT) and draws them from their sequences, as if they were DEFAULT.
// Which columns are identity columns is the schema's, so the session
// rewrites the statement before it is logged (sqlexec/merge.go): each
// such value becomes DEFAULT and the clause goes, so every node applies
// the same plain action (IdentityColumn, serial.go, says which columns).
// The session has given a columnless action its
// column list first (MergeAddColumns).

// MergeUserValue reports a MERGE with an INSERT OVERRIDING USER VALUE
// action, and its target table.
func MergeUserValue(sql string) (table string, ok bool) {
	x := newTx(sql)
	table, clauses, ok := x.mergeClausesOf()
	if !ok {
		return "", false
	}
	for _, c := range clauses {
		if x.mergeUserValueAt(c) >= 0 {
			return table, true
		}
	}
	return "", false
}

// mergeUserValueAt is where clause c has OVERRIDING USER VALUE (-1 for
// none): after INSERT's column list.
func (x *tx) mergeUserValueAt(c mergeClause) int {
	if c.verb != "INSERT" {
		return -1
	}
	i := c.body[0]
	if x.isP(i, "(") {
		i = x.match(i) + 1
	}
	if x.kw(i, "OVERRIDING", "USER", "VALUE") {
		return i
	}
	return -1
}

// MergeDropUserValues rewrites each INSERT OVERRIDING USER VALUE action
// of the MERGE sql: the values of the columns identity reports become
// DEFAULT and the clause is removed. An action without a column list, or
// whose list and values differ in length, keeps the clause (the
// translation reports it).
func MergeDropUserValues(sql string, identity func(col string) bool) string {
	x := newTx(sql)
	_, clauses, ok := x.mergeClausesOf()
	if !ok {
		return sql
	}
	for k := len(clauses) - 1; k >= 0; k-- {
		c := clauses[k]
		at := x.mergeUserValueAt(c)
		if at < 0 || !x.isP(c.body[0], "(") {
			continue
		}
		cols := x.splitTop(c.body[0]+1, x.match(c.body[0]))
		v := at + 3
		if !x.kw(v, "VALUES") || !x.isP(v+1, "(") {
			continue // DEFAULT VALUES: PostgreSQL's syntax error, from the translation
		}
		vals := x.splitTop(v+2, x.match(v+1))
		if len(vals) != len(cols) {
			continue
		}
		// from the end, so the earlier offsets hold
		for n := len(vals) - 1; n >= 0; n-- {
			if cols[n][1] != cols[n][0]+1 || !identity(x.T(cols[n][0]).identName()) {
				continue
			}
			lo, hi := x.T(vals[n][0]).pos, x.T(vals[n][1]-1).pos+len(x.T(vals[n][1]-1).text)
			sql = sql[:lo] + "DEFAULT" + sql[hi:]
		}
		lo, hi := x.T(at).pos, x.T(at+2).pos+len(x.T(at+2).text)
		sql = sql[:lo] + sql[hi:]
	}
	return sql
}
