package pgdialect

import "strings"

// generated_default.go: SET g = DEFAULT for a generated column.
// PostgreSQL accepts DEFAULT as the value an UPDATE (or an upsert's DO
// UPDATE) assigns a generated column, and recomputes the column as it
// always does; SQLite refuses any assignment to one ("cannot UPDATE
// generated column"). The assignment is dropped: the column is computed
// from the row's new values either way. A SET list of nothing but such
// assignments becomes an assignment of a plain column to itself, so that
// the statement still updates the rows it matches (its count, RETURNING,
// triggers).

// DropGeneratedDefaults is sql without its assignments of DEFAULT to a
// generated column of its target; columns gives the target's columns in
// order and which of them are generated (lower-case names). sql is
// returned unchanged when it has none.
func DropGeneratedDefaults(sql string, columns func(table string) (cols []string, generated map[string]bool)) string {
	if !strings.Contains(strings.ToUpper(sql), "DEFAULT") {
		return sql
	}
	x := newTx(sql)
	sets := x.setDefaults() // set_default.go
	if len(sets) == 0 {
		return sql
	}
	i := 1
	if x.T(0).kw("INSERT") {
		i = 2
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, j := x.name(i)
	if table == "" {
		return sql
	}
	qual := "" // an upsert's plain column is qualified: excluded has it too
	if x.T(0).kw("INSERT") {
		qual = x.T(i).text + "."
		if x.kw(j, "AS") {
			qual = x.T(j+1).text + "."
		}
	}
	cols, gen := columns(table)
	if len(gen) == 0 {
		return sql
	}
	plain := "" // a column that is no generated one
	for _, c := range cols {
		if !gen[strings.ToLower(c)] {
			plain = quoteIdent(c) + " = " + qual + quoteIdent(c)
			break
		}
	}
	if plain == "" {
		return sql
	}
	out := sql
	lists := x.setLists()
	for li := len(lists) - 1; li >= 0; li-- { // from the end: positions hold
		l := lists[li]
		if l[0] >= l[1] {
			continue
		}
		if x.assignsTwice(l[0], l[1]) {
			continue // the translation's 42601 names the column
		}
		var kept []string
		changed := false
		for _, it := range x.splitTop(l[0], l[1]) {
			text, drop := x.withoutGeneratedDefaults(it[0], it[1], sets, gen)
			if drop || text != x.orig(it[0], it[1]) {
				changed = true
			}
			if !drop {
				kept = append(kept, text)
			}
		}
		if !changed {
			continue
		}
		if len(kept) == 0 {
			kept = []string{plain}
		}
		lo, last := x.T(l[0]), x.T(l[1]-1)
		out = out[:lo.pos] + strings.Join(kept, ", ") + out[last.pos+len(last.text):]
	}
	return out
}

// withoutGeneratedDefaults is the assignment a..b-1 without its DEFAULTs
// for generated columns, and drop when nothing of it is left.
func (x *tx) withoutGeneratedDefaults(a, b int, sets map[int]string, gen map[string]bool) (text string, drop bool) {
	text = x.orig(a, b)
	if col, k := x.name(a); col != "" && k == a+1 && x.isP(k, "=") {
		_, isDefault := sets[k+1]
		return text, isDefault && gen[strings.ToLower(col)]
	}
	if !x.isP(a, "(") {
		return text, false
	}
	m := x.match(a)
	v := m + 2
	row := x.kw(v, "ROW")
	if row {
		v++
	}
	if !x.isP(v, "(") || x.match(v) != b-1 {
		return text, false
	}
	cols, vals := x.splitTop(a+1, m), x.splitTop(v+1, b-1)
	if len(cols) != len(vals) {
		return text, false
	}
	var kc, kv []string
	for k, p := range vals {
		_, isDefault := sets[p[0]]
		if name, _ := x.name(cols[k][0]); isDefault && gen[strings.ToLower(name)] {
			continue
		}
		kc, kv = append(kc, x.orig(cols[k][0], cols[k][1])), append(kv, x.orig(p[0], p[1]))
	}
	switch len(kc) {
	case len(cols):
		return text, false
	case 0:
		return "", true
	case 1:
		return kc[0] + " = " + kv[0], false
	}
	rowKw := ""
	if row {
		rowKw = "ROW"
	}
	return "(" + strings.Join(kc, ", ") + ") = " + rowKw + "(" + strings.Join(kv, ", ") + ")", false
}

// assignsTwice reports whether the SET list a..b-1 assigns a column more
// than once (PostgreSQL's 42601, which dropping one of the assignments
// would hide).
func (x *tx) assignsTwice(a, b int) bool {
	seen := map[string]bool{}
	add := func(k int) bool {
		n, _ := x.name(k)
		n = strings.ToLower(n)
		if seen[n] {
			return true
		}
		seen[n] = true
		return false
	}
	for _, it := range x.splitTop(a, b) {
		if !x.isP(it[0], "(") {
			if add(it[0]) {
				return true
			}
			continue
		}
		for _, c := range x.splitTop(it[0]+1, x.match(it[0])) {
			if add(c[0]) {
				return true
			}
		}
	}
	return false
}
