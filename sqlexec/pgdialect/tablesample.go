package pgdialect

// refuseTableSample refuses a FROM item's TABLESAMPLE method (args)
// clause (0A000 at the keyword): the rows PostgreSQL's SYSTEM and
// BERNOULLI methods pick depend on its pages and tuple positions (and,
// without REPEATABLE, on a random seed), which SQLite's storage does not
// have, so no sample here could be PostgreSQL's. SQLite's parser would
// report a syntax error at the method name instead.
func (x *tx) refuseTableSample() error {
	for i := 1; i+2 < x.n(); i++ {
		if x.T(i).kw("TABLESAMPLE") && (x.T(i+1).typ == tIdent || x.T(i+1).typ == tQIdent) && x.isP(i+2, "(") {
			if m := x.T(i + 1).identName(); m != "system" && m != "bernoulli" {
				// PostgreSQL's built-in methods; an extension's are not installed
				return &Error{Code: "42704", Message: "tablesample method " + m + " does not exist", Position: x.T(i+1).pos + 1}
			}
			return &Error{Code: "0A000", Message: "TABLESAMPLE is not supported (the sampled rows depend on PostgreSQL's page layout)", Position: x.T(i).pos + 1}
		}
	}
	return nil
}
