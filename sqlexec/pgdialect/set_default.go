package pgdialect

// setDefaults maps each DEFAULT token that an UPDATE's SET list or an
// upsert's ON CONFLICT ... DO UPDATE SET list assigns to the column it
// sets: "c = DEFAULT", and each DEFAULT item of a multiple-column
// assignment "(c1, ..., cn) = ([ROW] (..., DEFAULT, ...))". SQLite has no
// DEFAULT there, so the session writes in the column's stored default
// (FillDefaults); PostgreSQL accepts DEFAULT in both places alike.
func (x *tx) setDefaults() map[int]string {
	var found map[int]string
	for _, l := range x.setLists() {
		for _, it := range x.splitTop(l[0], l[1]) {
			a, b := it[0], it[1]
			if col, k := x.name(a); col != "" && k == a+1 && x.isP(k, "=") {
				if b == k+2 && x.T(k+1).kw("DEFAULT") {
					if found == nil {
						found = map[int]string{}
					}
					found[k+1] = col
				}
				continue
			}
			if !x.isP(a, "(") {
				continue
			}
			m := x.match(a)
			v := m + 2
			if m >= b || !x.isP(m+1, "=") {
				continue
			}
			if x.kw(v, "ROW") {
				v++
			}
			if !x.isP(v, "(") || x.match(v) != b-1 {
				continue
			}
			cols, vals := x.splitTop(a+1, m), x.splitTop(v+1, b-1)
			if len(cols) != len(vals) {
				continue // PostgreSQL's count error comes from the translation
			}
			for k, p := range vals {
				col, e := x.name(cols[k][0])
				if p[1] != p[0]+1 || !x.T(p[0]).kw("DEFAULT") || col == "" || e != cols[k][0]+1 || e != cols[k][1] {
					continue
				}
				if found == nil {
					found = map[int]string{}
				}
				found[p[0]] = col
			}
		}
	}
	return found
}

// setLists is the token range [start, end) of the assignments of the
// statement's top-level SET lists: an UPDATE's, up to its FROM, WHERE or
// RETURNING, and an INSERT's ON CONFLICT ... DO UPDATE SET, up to its
// WHERE or RETURNING.
func (x *tx) setLists() [][2]int {
	var out [][2]int
	list := func(s int, ends ...string) {
		end := x.n()
		for k := s; k < x.n(); k++ {
			if x.depth[k] == 0 && x.isKwAny(k, ends) {
				end = k
				break
			}
		}
		out = append(out, [2]int{s, end})
	}
	switch {
	case x.T(0).kw("UPDATE"):
		if s := x.findKw(0, x.n(), 0, "SET"); s > 0 {
			list(s+1, "FROM", "WHERE", "RETURNING")
		}
	case x.T(0).kw("INSERT"):
		for k := 0; k+2 < x.n(); k++ {
			if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
				list(k+3, "WHERE", "RETURNING")
				break
			}
		}
	}
	return out
}

// isKwAny reports whether token k is one of the keywords words.
func (x *tx) isKwAny(k int, words []string) bool {
	for _, w := range words {
		if x.T(k).kw(w) {
			return true
		}
	}
	return false
}
