package pgdialect

// A sequence read as a relation. PostgreSQL 15 answers SELECT ... FROM s
// for a sequence s with its one row (last_value bigint, log_cnt bigint,
// is_called boolean). Here a sequence is a row of raftsql_sequences, no
// SQLite table, so the statement fails with SQLite's "no such table"; the
// session then (sqlexec/seqrelation.go, having found the name among the
// sequences) rewrites each FROM item naming it into a derived table over
// the catalog view pgd_seqs (catalog_sequences.go) and runs the statement
// again.

// SequenceRelation rewrites each FROM item of sql that names sequence seq
// ([public.]seq, in FROM, JOIN or a FROM list's comma) into the derived
// table of its row, keeping its alias (or giving it the sequence's name,
// by which columns may be qualified). ok is false when no item names it.
// log_cnt is 0: PostgreSQL's count of values fetched ahead of its WAL
// record depends on its checkpoints, which have no counterpart here.
func SequenceRelation(sql, seq string) (string, bool) {
	x := newTx(sql)
	changed := false
	for c := 1; c < x.n(); c++ {
		// the name first: inFrom walks back over the statement
		if t := x.T(c); t.typ != tIdent && t.typ != tQIdent || t.typ == tIdent && (reservedWord(t.upper()) || isClauseKw(t.upper())) {
			continue
		}
		if !(x.kw(c-1, "FROM") || x.kw(c-1, "JOIN") || x.isP(c-1, ",") && x.inFrom(c)) {
			continue
		}
		name, k := x.name(c)
		if name != seq || x.isP(k, "(") {
			continue // another relation, or a function call
		}
		x.blank(c, k)
		row := "(SELECT q.last AS last_value, CAST(0 AS int8) AS log_cnt, q.called AS is_called FROM pgd_seqs q WHERE q.name = " + quoteLit(seq) + ")"
		if a := x.T(k); !(a.kw("AS") || a.typ == tQIdent || a.typ == tIdent && !isClauseKw(a.upper()) && !reservedWord(a.upper())) {
			row += " AS " + quoteIdent(seq)
		}
		x.T(c).set(row)
		changed = true
		c = k - 1
	}
	if !changed {
		return sql, false
	}
	return x.all(), true
}

// ChangesRelation reports whether sql writes rows of relation rel: INSERT
// INTO rel, UPDATE [ONLY] rel, DELETE FROM [ONLY] rel (also within a WITH
// query). Writing a sequence's row is PostgreSQL's 42809 "cannot change
// sequence".
func ChangesRelation(sql, rel string) bool {
	x := newTx(sql)
	for c := 0; c < x.n(); c++ {
		i := -1
		switch {
		case x.kw(c, "INSERT", "INTO"), x.kw(c, "DELETE", "FROM"):
			i = c + 2
		case x.kw(c, "UPDATE") && !x.kw(c-1, "DO") && !x.kw(c-1, "FOR") && !x.kw(c-2, "NO", "KEY"):
			i = c + 1
		}
		if i < 0 {
			continue
		}
		if x.kw(i, "ONLY") {
			i++
		}
		if name, _ := x.name(i); name == rel {
			return true
		}
	}
	return false
}
