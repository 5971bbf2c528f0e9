package pgdialect

import "strings"

// DropColumnCascade ends the SQLite DROP COLUMN of a PostgreSQL
// ALTER TABLE ... DROP COLUMN c CASCADE (a comment to SQLite).
const DropColumnCascade = "/* raftsql:cascade */"

// DropColumnConstraints removes from createSQL (a CREATE TABLE from
// sqlite_schema) the constraints other than keys that PostgreSQL drops
// silently with column col: a table CHECK, or another column's CHECK,
// whose expression names col, and a table FOREIGN KEY with col among its
// referencing columns. (Keys go by DropKeys; the column's own clauses go
// with its definition.) SQLite's DROP COLUMN refuses while any of them
// names the column. changed is false when there is none.
func DropColumnConstraints(createSQL, col string) (out string, changed bool) {
	out = createSQL
	// one cut at a time, read again after each: elements next to each
	// other share the comma between them
	for {
		lo, hi, ok := columnConstraintCut(out, col)
		if !ok {
			return out, changed
		}
		out, changed = out[:lo]+out[hi:], true
	}
}

// columnConstraintCut finds the byte range of the first constraint of
// createSQL DropColumnConstraints removes; ok false when none is left.
func columnConstraintCut(createSQL, col string) (lo, hi int, ok bool) {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return 0, 0, false
	}
	e := x.match(p)
	names := func(a, b int) bool {
		for k := a; k < b; k++ {
			if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k+1, "(") && strings.EqualFold(t.identName(), col) {
				return true
			}
		}
		return false
	}
	end := func(k int) int { return x.T(k).pos + len(x.T(k).text) }
	for _, r := range x.splitTop(p+1, e) {
		k := r[0]
		if x.kw(k, "CONSTRAINT") {
			k += 2
		}
		var drop bool
		switch {
		case x.kw(k, "CHECK"):
			drop = names(k+1, r[1])
		case x.kw(k, "FOREIGN", "KEY"):
			drop = containsFold(x.parenNames(k+2, r[1]), col)
		case x.kw(k, "PRIMARY"), x.kw(k, "UNIQUE"), k != r[0]:
			continue
		default:
			el := columnElem{x: x, lo: r[0], hi: r[1]}
			el.parse()
			if n, _ := x.name(r[0]); strings.EqualFold(n, col) {
				continue // goes with the column
			}
			for _, c := range el.clauses {
				if el.kind(c) == "CHECK" && !el.hidden(c) && names(c[0], c[1]) {
					return x.T(c[0]).pos, end(c[1] - 1), true
				}
			}
			continue
		}
		if !drop {
			continue
		}
		// the element with the comma before it (after it, for the first)
		if x.isP(r[0]-1, ",") {
			return x.T(r[0] - 1).pos, end(r[1] - 1), true
		}
		return x.T(r[0]).pos, x.T(r[1] + 1).pos, true
	}
	return 0, 0, false
}

// IndexNamesColumn reports whether the CREATE INDEX statement indexSQL
// names column col after its table: in the column list, an expression or
// the WHERE of a partial index (a function of that name does not count).
func IndexNamesColumn(indexSQL, col string) bool {
	x := newTx(indexSQL)
	on := -1
	for k := 0; k < x.n(); k++ {
		if x.kw(k, "ON") {
			on = k
			break
		}
	}
	if on < 0 {
		return false
	}
	_, k := x.name(on + 1)
	for ; k < x.n(); k++ {
		if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k+1, "(") && strings.EqualFold(t.identName(), col) {
			return true
		}
	}
	return false
}

// SelectsAllOf reports whether the view definition viewSQL selects * or
// table.* (or alias.* of a range naming table) where it reads table: such
// a view reads every column of table, as PostgreSQL expands the * when it
// creates the view.
func SelectsAllOf(viewSQL, table string) bool {
	x := newTx(viewSQL)
	ranges := map[string]bool{strings.ToLower(table): true}
	reads := false
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if (t.typ != tIdent && t.typ != tQIdent) || !strings.EqualFold(t.identName(), table) || x.isP(k+1, ".") {
			continue
		}
		reads = true
		j := k + 1
		if x.kw(j, "AS") {
			j++
		}
		if a := x.T(j); a.typ == tQIdent || a.typ == tIdent && !gcJoinWord[a.upper()] && !gcNotColumn[a.upper()] &&
			!a.kw("WHERE") && !a.kw("GROUP") && !a.kw("LIMIT") && !a.kw("UNION") && !a.kw("WINDOW") {
			ranges[strings.ToLower(a.identName())] = true
		}
	}
	if !reads {
		return false
	}
	for k := 0; k < x.n(); k++ {
		if !x.isP(k, "*") {
			continue
		}
		switch {
		case x.kw(k-1, "SELECT"), x.kw(k-1, "DISTINCT"), x.kw(k-1, "ALL"), x.isP(k-1, ","):
			return true
		case x.isP(k-1, "."):
			if q := x.T(k - 2); ranges[strings.ToLower(q.identName())] {
				return true
			}
		}
	}
	return false
}

// GeneratedFrom lists the generated columns of createSQL whose expression
// names column col, in order: PostgreSQL counts them as dependents of
// col.
func GeneratedFrom(createSQL, col string) []string {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return nil
	}
	var out []string
	for _, r := range x.splitTop(p+1, x.match(p)) {
		if t := x.T(r[0]); t.kw("CONSTRAINT") || t.kw("PRIMARY") || t.kw("UNIQUE") || t.kw("CHECK") || t.kw("FOREIGN") {
			continue
		}
		el := columnElem{x: x, lo: r[0], hi: r[1]}
		el.parse()
		n, _ := x.name(r[0])
		for _, c := range el.clauses {
			if k := el.kind(c); (k == "GENERATED" || k == "AS") && !strings.EqualFold(n, col) {
				for i := c[0]; i < c[1]; i++ {
					if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(i+1, "(") && strings.EqualFold(t.identName(), col) {
						out = append(out, n)
						break
					}
				}
			}
		}
	}
	return out
}
