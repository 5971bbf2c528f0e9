package pgdialect

import "strconv"

// ParamCol names the table column a parameter is compared with or stored
// into, found lexically: INSERT INTO t (a, b) VALUES ($1, $2), UPDATE t SET
// a = $1, WHERE [alias.]a = $1 (also <>, <, >, <=, >=, LIKE, IN lists).
// The session can look the column's declared type up (pragma_table_info)
// to describe a parameter whose ParamOIDs entry is 0.
type ParamCol struct {
	Table  string // "" when the table could not be determined
	Column string
	Array  bool // an array of the column's type: col = ANY($n), col <> ALL($n)
}

// paramColumns fills Stmt.ParamCols from the original tokens.
func (x *tx) paramColumns(count int) []ParamCol {
	if count == 0 {
		return nil
	}
	out := make([]ParamCol, count)
	found := false
	set := func(n int, tbl, col string) {
		if n >= 1 && n <= count && out[n-1].Column == "" && col != "" {
			out[n-1] = ParamCol{Table: tbl, Column: col}
			found = true
		}
	}
	param := func(i int) int { // $n (optionally followed by a cast) at i
		t := x.T(i)
		if t.typ == tParam && len(t.text) > 1 && t.text[0] == '$' {
			if n, err := strconv.Atoi(t.text[1:]); err == nil {
				return n
			}
		}
		return 0
	}
	// table aliases and the main table
	aliases := map[string]string{}
	main := ""
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		// a comma's next token first: inFrom walks back over the
		// statement, and a comma between VALUES rows is followed by a
		// parenthesis
		next := x.T(i + 1).typ
		if !(t.kw("FROM") || t.kw("JOIN") || t.kw("INTO") || t.kw("UPDATE") || (t.typ == tPunct && t.text == "," && (next == tIdent || next == tQIdent) && x.inFrom(i))) {
			continue
		}
		j := i + 1
		if x.kw(j, "ONLY") {
			j++
		}
		name, k := x.name(j)
		if name == "" || isClauseKw(x.T(j).upper()) || x.T(j).kw("SELECT") {
			continue
		}
		if main == "" {
			main = name
		}
		aliases[name] = name
		if x.kw(k, "AS") {
			k++
		}
		if a := x.T(k); (a.typ == tIdent && !isClauseKw(a.upper()) && !a.kw("SET") && !a.kw("VALUES") && !a.kw("DEFAULT")) || a.typ == tQIdent {
			aliases[a.identName()] = name
		}
	}
	colAt := func(i int) (tbl, col string, ok bool) { // column reference ending at i
		t := x.T(i)
		if t.typ != tIdent && t.typ != tQIdent || isClauseKw(t.upper()) {
			return "", "", false
		}
		col = t.identName()
		if x.isP(i-1, ".") {
			q := x.T(i - 2).identName()
			if q == "excluded" {
				return main, col, true
			}
			return aliases[q], col, true
		}
		return main, col, true
	}
	// INSERT INTO t (cols) VALUES (...), (...)
	if x.T(0).kw("INSERT") {
		if vi := x.findKw(0, x.n(), 0, "VALUES"); vi >= 0 {
			var cols []string
			for k := 0; k < vi; k++ {
				if x.isP(k, "(") && x.depth[k] == 0 {
					cols = x.parenNames(k, vi)
					break
				}
			}
			for k := vi + 1; k < x.n() && cols != nil; k++ {
				if !x.isP(k, "(") || x.depth[k] != 0 {
					if x.depth[k] == 0 && x.T(k).typ == tIdent {
						break // ON CONFLICT / RETURNING
					}
					continue
				}
				e := x.match(k)
				for c, p := range x.splitTop(k+1, e) {
					if c < len(cols) && (p[1]-p[0] == 1 || x.T(p[0]+1).typ == tCast) {
						if n := param(p[0]); n > 0 {
							set(n, main, cols[c])
						}
					}
				}
				k = e
			}
		}
	}
	// col op $n, $n op col
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		isCmp := t.typ == tOp && (boolOps[t.text] && t.text[0] != '~' && t.text[0] != '!' || t.text == "!=") || t.kw("LIKE") || t.kw("ILIKE")
		if !isCmp {
			if t.kw("IN") && x.isP(i+1, "(") && !x.kw(i+2, "SELECT") {
				if tbl, col, ok := colAt(i - 1); ok {
					e := x.match(i + 1)
					for _, p := range x.splitTop(i+2, e) {
						if n := param(p[0]); n > 0 {
							set(n, tbl, col)
						}
					}
				}
			}
			continue
		}
		if n := param(i + 1); n > 0 && !arithOps[x.T(i+2).text] {
			// the column must be the whole operand: b + n > $1 is not n's
			// type, nor is n > $1 - 1 (paramoperands.go types those)
			k := i - 1
			for x.isP(k-1, ".") {
				k -= 2
			}
			if tbl, col, ok := colAt(i - 1); ok && !(x.T(k-1).typ == tOp && (arithOps[x.T(k-1).text] || x.T(k-1).text == "||")) {
				set(n, tbl, col)
			}
		}
		if (x.kw(i+1, "ANY") || x.kw(i+1, "SOME") || x.kw(i+1, "ALL")) && x.isP(i+2, "(") && x.isP(i+4, ")") {
			if n := param(i + 3); n > 0 { // col = ANY($n): an array of col's type (array_translate.go)
				if tbl, col, ok := colAt(i - 1); ok {
					set(n, tbl, col)
					if out[n-1].Column == col {
						out[n-1].Array = true
					}
				}
			}
		}
		if n := param(i - 1); n > 0 {
			k := i + 1
			for (x.T(k).typ == tIdent || x.T(k).typ == tQIdent) && x.isP(k+1, ".") {
				k += 2
			}
			if tbl, col, ok := colAt(k); ok && !x.isP(k+1, "(") && !(x.T(k+1).typ == tOp && (arithOps[x.T(k+1).text] || x.T(k+1).text == "||")) && !(x.T(i-2).typ == tOp && arithOps[x.T(i-2).text]) {
				set(n, tbl, col)
			}
		}
	}
	if !found {
		return nil
	}
	return out
}
