package pgdialect

// window_defs.go: a WINDOW clause defining one name twice (WINDOW w AS
// (...), w AS (...)) is PostgreSQL's 42P20 `window "w" is already
// defined` at the second name; SQLite took the last definition and
// answered.

// windowDefs refuses a WINDOW clause that defines a name twice.
func (x *tx) windowDefs() error {
	for i := 0; i+3 < x.n(); i++ {
		if !x.kw(i, "WINDOW") || x.T(i).ed {
			continue
		}
		d := x.depth[i]
		seen := map[string]bool{}
		for k := i + 1; k+2 < x.n(); {
			t := x.T(k)
			if t.typ != tIdent && t.typ != tQIdent || !x.kw(k+1, "AS") || !x.isP(k+2, "(") {
				break
			}
			name := t.identName()
			if seen[name] {
				return &Error{Code: "42P20", Message: "window \"" + name + "\" is already defined", Position: x.charPos(k)}
			}
			seen[name] = true
			m := x.match(k + 2)
			if m < 0 || !x.isP(m+1, ",") || x.depth[m+1] != d {
				break
			}
			k = m + 2
		}
	}
	return nil
}
