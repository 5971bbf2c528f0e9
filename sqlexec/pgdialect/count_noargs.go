package pgdialect

// count_noargs.go: count() with no argument is PostgreSQL's 42809
// `count(*) must be used to call a parameterless aggregate function` at
// the call; SQLite's count() counted the rows.

// countNoArgs refuses a count() call.
func (x *tx) countNoArgs() error {
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if t.typ == tIdent && t.kw("COUNT") && !t.ed && x.isP(i+1, "(") && x.isP(i+2, ")") && !x.isP(i-1, ".") {
			return &Error{Code: "42809", Message: "count(*) must be used to call a parameterless aggregate function", Position: x.charPos(i)}
		}
	}
	return nil
}
