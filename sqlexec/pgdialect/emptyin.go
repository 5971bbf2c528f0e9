package pgdialect

// checkEmptyIn refuses an empty IN list, x IN (), as PostgreSQL's grammar
// does (42601 at the ")"): SQLite accepts it as a list matching nothing,
// so the statement would run and answer where PostgreSQL refuses it.
func (x *tx) checkEmptyIn() error {
	for i := 1; i+1 < x.n(); i++ {
		if x.isP(i, "(") && x.isP(i+1, ")") && x.kw(i-1, "IN") {
			return x.syntaxErrAt(i + 1)
		}
	}
	return nil
}
