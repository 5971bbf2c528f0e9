package pgdialect

// view_check.go: CREATE VIEW ... WITH [LOCAL | CASCADED] CHECK OPTION.
// SQLite's CREATE VIEW has no such clause: it is taken off the query and
// kept as a mark beside the view's PostgreSQL text (viewCheckMark), which
// the session reads when a statement writes through the view
// (view_write.go).

// viewCheckClause finds a trailing WITH [LOCAL | CASCADED] CHECK OPTION:
// its kind (CASCADED when not given, as in PostgreSQL) and the index of
// its WITH; "" and -1 when there is none.
func (x *tx) viewCheckClause() (string, int) {
	n := x.n()
	if n < 4 || !x.T(n-1).kw("OPTION") || !x.T(n-2).kw("CHECK") {
		return "", -1
	}
	k, kind := n-3, "CASCADED"
	if x.T(k).kw("LOCAL") || x.T(k).kw("CASCADED") {
		kind = x.T(k).upper()
		k--
	}
	if !x.T(k).kw("WITH") || x.depth[k] != 0 {
		return "", -1
	}
	return kind, k
}
