package pgdialect

// Where PostgreSQL places a string literal's input error of an INSERT or
// UPDATE. Parse analysis reads a string literal assigned to a column
// (an item of INSERT ... VALUES, the value of SET c = '...') with the
// column type's input function, and an error there points at the
// literal (22P02 "invalid input syntax for type integer: "abc"" with its
// caret). raftsql converts the value when the row is written
// (pg_in_col), where no position is known; AssignedLiterals lists the
// literals so that the error's literal is found again (sqlexec's
// literalpos.go reads each with its column's type).

// AssignedLiteral is a string literal an INSERT or UPDATE assigns to a
// column.
type AssignedLiteral struct {
	Col   string // the column's name; "" when the INSERT names none
	Index int    // the item's place in its VALUES row (Col == "")
	Text  string // the literal's value
	Pos   int    // its 1-based character position in the statement
}

// AssignedLiterals returns the table of the INSERT or UPDATE sql, the
// columns it names (its column list, its SET targets) and the string
// literals it assigns to its columns, in the statement's order (the order
// PostgreSQL reads them in).
func AssignedLiterals(sql string) (table string, named []string, out []AssignedLiteral) {
	x := newTx(sql)
	if !x.balanced() {
		return "", nil, nil
	}
	add := func(i int, col string, idx int) {
		t := x.T(i)
		if t.typ != tString && t.typ != tDollar {
			return
		}
		if v, ok := unquoteString(t); ok {
			out = append(out, AssignedLiteral{Col: col, Index: idx, Text: v, Pos: x.srcRunes(t.pos) + 1})
		}
	}
	s := x.dmlStart() // withdml.go: after a WITH list
	switch {
	case x.kw(s, "INSERT", "INTO"):
		tbl, j := x.name(s + 2)
		if tbl == "" {
			return "", nil, nil
		}
		if x.kw(j, "AS") {
			j += 2
		}
		var cols []string
		if x.isP(j, "(") {
			cols = x.parenNames(j, x.n())
			named = append(named, cols...)
			j = x.match(j) + 1
		}
		j = x.valuesItems(j, cols, func(a, b int, col string, idx int) { // enforce.go
			if b-a == 1 {
				add(a, col, idx)
			}
		})
		x.selectLiterals(j, cols, add)
		for k := j; k < x.n(); k++ {
			if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
				named = append(named, x.setLiterals(k+2, add)...)
			}
		}
		return tbl, named, out
	case x.T(s).kw("UPDATE"):
		i := s + 1
		if x.kw(i, "ONLY") {
			i++
		}
		tbl, _ := x.name(i)
		if tbl == "" {
			return "", nil, nil
		}
		if s := x.findKw(i, x.n(), 0, "SET"); s > 0 {
			named = x.setLiterals(s, add)
		}
		return tbl, named, out
	}
	return "", nil, nil
}

// selectLiterals calls add for each string literal that is an item of
// the select list of INSERT ... SELECT at j (INSERT INTO t (i) SELECT
// 'zz' WHERE false): PostgreSQL's parse analysis reads it with its
// column's type, as a VALUES item. Not under DISTINCT or a set operation,
// which resolve it as text first (then 42804).
func (x *tx) selectLiterals(j int, cols []string, add func(i int, col string, idx int)) {
	end := x.n()
	for k := j; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "ON", "CONFLICT") || x.T(k).kw("RETURNING")) {
			end = k
			break
		}
	}
	sel := x.mainSelect(j, end) // insertcols.go
	if sel < 0 || x.kw(sel+1, "DISTINCT") {
		return
	}
	if rows, _ := x.setOpRows(sel, end); rows != nil { // nestedresolve.go
		return
	}
	items, _ := x.selectListAt(sel) // aliases.go
	for idx, it := range items {
		if cols != nil && idx >= len(cols) {
			break
		}
		col := ""
		if cols != nil {
			col = cols[idx]
		}
		if a, b := x.itemExpr(it[0], it[1]); b-a == 1 {
			add(a, col, idx)
		}
	}
}

// setLiterals calls add for each string literal the SET list at set
// assigns (c = '...') and returns the columns the list assigns.
func (x *tx) setLiterals(set int, add func(i int, col string, idx int)) (named []string) {
	end := x.n()
	for k := set + 1; k < x.n(); k++ {
		if x.depth[k] == x.depth[set] && (x.T(k).kw("FROM") || x.T(k).kw("WHERE") || x.T(k).kw("RETURNING")) {
			end = k
			break
		}
	}
	for _, it := range x.splitTop(set+1, end) {
		col, k := x.name(it[0])
		if col == "" {
			continue
		}
		named = append(named, col)
		if x.isP(k, "=") && it[1] == k+2 {
			add(k+1, col, 0)
		}
	}
	return named
}
