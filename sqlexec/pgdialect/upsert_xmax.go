package pgdialect

// RETURNING (xmax = 0) AS inserted: applications tell the rows an INSERT
// ... ON CONFLICT DO UPDATE inserted from those it updated by the system
// column xmax, 0 for a row the statement inserted and the updating
// transaction's id for one it updated. SQLite has no such column (xmax
// was 42703 here). The translated text's first DO UPDATE SET assignment
// marks the row it updates (pg_upsert_mark(value, rowid): the value, and
// the row's rowid kept for the statement, sqlexec/upsertxmax.go), and
// each xmax of its RETURNING list reads the mark of the row returned
// (pg_upsert_xmax(rowid): 1 when the statement updated it, else 0). A
// table's column cannot be named xmax in PostgreSQL (42701 at CREATE), so
// the name is always the system column's. Only xmax's being 0 or not is
// PostgreSQL's: its value is no transaction id.

// upsertXmax is the INSERT's SQLite text sqlText with xmax of its
// RETURNING list read as above; sqlText itself when it has none.
func upsertXmax(sqlText string) string {
	if !MentionsFold(sqlText, "xmax") || !MentionsFold(sqlText, "RETURNING") {
		return sqlText
	}
	x := newTx(sqlText)
	ret := -1
	for i := 0; i < x.n(); i++ {
		if x.depth[i] == 0 && x.kw(i, "RETURNING") {
			ret = i
		}
	}
	if ret < 0 {
		return sqlText
	}
	var eds []textEdit
	found := false
	for i := ret + 1; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !t.kw("xmax") || x.isP(i+1, "(") {
			continue
		}
		start := i
		if x.isP(i-1, ".") {
			if q := x.T(i - 2); q.typ != tIdent && q.typ != tQIdent {
				continue
			}
			start = i - 2
		}
		found = true
		eds = append(eds, textEdit{x.T(start).pos, t.pos + len(t.text) - x.T(start).pos, "pg_upsert_xmax(rowid)"})
	}
	if !found {
		return sqlText
	}
	// the first assignment of DO UPDATE SET, at the statement's top level
	for i := 0; i+3 < ret; i++ {
		if x.depth[i] != 0 || !x.kw(i, "DO", "UPDATE", "SET") {
			continue
		}
		eq := i + 3
		for eq < ret && !x.isP(eq, "=") {
			eq++
		}
		end := eq + 1
		for end < ret && !(x.depth[end] == 0 && (x.isP(end, ",") || x.kw(end, "WHERE") || x.kw(end, "RETURNING"))) {
			end++
		}
		if eq >= ret || end == eq+1 || x.isP(i+3, "(") {
			return sqlText // SET (a, b) = ...: not marked, xmax left to fail
		}
		last := x.T(end - 1)
		eds = append(eds, textEdit{x.T(eq + 1).pos, 0, "pg_upsert_mark("},
			textEdit{last.pos + len(last.text), 0, ", rowid)"})
		break
	}
	return applyEdits(sqlText, eds)
}
