package pgdialect

import (
	"sort"
	"strings"
)

// DEFAULT in INSERT ... VALUES.
//
// PostgreSQL lets a VALUES row of an INSERT say DEFAULT for a column
// (bun writes INSERT INTO t ("id", "name") VALUES (DEFAULT, 'x')
// RETURNING "id"); SQLite has no such keyword. A column that is DEFAULT in
// every row is the same as a column not named at all, so the statement is
// rewritten without it: its name leaves the column list and its DEFAULT
// leaves every row. When every column is DEFAULT in a single row the
// statement becomes INSERT ... DEFAULT VALUES. The rewrite is lexical and
// needs the column list; the forms it cannot express (no column list,
// DEFAULT in some rows only, several rows of nothing but DEFAULT) are
// refused with 0A000 and a hint, never run with a wrong value.

// isValuesDefault reports a DEFAULT keyword standing alone as a VALUES item.
func (x *tx) isValuesDefault(i int) bool {
	return x.T(i).kw("DEFAULT") && (x.isP(i-1, ",") || x.isP(i-1, "(")) && (x.isP(i+1, ",") || x.isP(i+1, ")"))
}

// insertDefaults returns the statement rewritten without DEFAULT items in
// VALUES, or x.src when it has none.
func (x *tx) insertDefaults() (string, error) {
	if !x.T(0).kw("INSERT") {
		return x.src, nil
	}
	v := x.findKw(0, x.n(), 0, "VALUES")
	if v < 0 {
		return x.src, nil
	}
	has := false
	for i := v + 1; i < x.n() && !has; i++ {
		has = x.isValuesDefault(i)
	}
	if !has {
		return x.src, nil
	}
	refuse := func(why string) error {
		return &Error{Code: "0A000", Message: "DEFAULT in VALUES " + why + " is not supported",
			Hint: "Name the columns and use DEFAULT in the same columns of every row, or leave those columns out."}
	}
	// the column list: the parenthesis at depth 0 between the table and VALUES
	cl := -1
	for i := 2; i < v; i++ {
		if x.isP(i, "(") && x.depth[i] == 0 {
			cl = i
			break
		}
	}
	// the rows
	var rows [][2]int // "(" and ")" of each row
	i := v + 1
	for x.isP(i, "(") {
		e := x.match(i)
		rows = append(rows, [2]int{i, e})
		if !x.isP(e+1, ",") {
			break
		}
		i = e + 2
	}
	if len(rows) == 0 {
		return x.src, nil
	}
	var drop map[int]bool
	width := 0
	for r, row := range rows {
		parts := x.splitTop(row[0]+1, row[1])
		d := map[int]bool{}
		for k, p := range parts {
			if p[1] == p[0]+1 && x.T(p[0]).kw("DEFAULT") {
				d[k] = true
			}
		}
		if r == 0 {
			drop, width = d, len(parts)
		} else if len(parts) != width || !sameSet(d, drop) {
			return "", refuse("in some rows only")
		}
	}
	if len(drop) == 0 {
		return x.src, nil // DEFAULT only inside expressions: SQLite reports it
	}
	if len(drop) == width {
		if len(rows) > 1 {
			return "", refuse("for every column of several rows")
		}
		// INSERT INTO t [(cols)] VALUES (DEFAULT, ...) -> INSERT INTO t DEFAULT VALUES
		from := v
		if cl >= 0 {
			from = cl
		}
		return x.src[:x.T(from).pos] + "DEFAULT VALUES" + x.src[x.T(rows[0][1]).pos+1:], nil
	}
	if cl < 0 {
		return "", refuse("without a column list")
	}
	if cols := x.splitTop(cl+1, x.match(cl)); len(cols) != width {
		return x.src, nil // SQLite reports the count mismatch
	}
	// rewrite the column list and every row, last first so positions hold
	lists := append([][2]int{{cl, x.match(cl)}}, rows...)
	sort.Slice(lists, func(a, b int) bool { return lists[a][0] > lists[b][0] })
	s := x.src
	for _, l := range lists {
		var kept []string
		for k, p := range x.splitTop(l[0]+1, l[1]) {
			if !drop[k] {
				kept = append(kept, x.orig(p[0], p[1]))
			}
		}
		s = s[:x.T(l[0]).pos+1] + strings.Join(kept, ", ") + s[x.T(l[1]).pos:]
	}
	return s, nil
}

func sameSet(a, b map[int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// FillDefaults rewrites an INSERT whose DEFAULT items the lexical rewrite
// cannot express (DEFAULT in some rows only, no column list) with each
// DEFAULT replaced by its column's default expression as SQLite stores it
// (NULL for a column without one, which is also what makes an INTEGER
// PRIMARY KEY, serial or identity column take the next key). columns
// returns the table's columns in order with their stored defaults ("" for
// none). ok is false when sql is not such a statement or the table is
// unknown; the caller then reports Translate's refusal. UPDATE t SET c =
// DEFAULT is filled in the same way (fillUpdateDefaults).
func FillDefaults(sql string, columns func(table string) (names, defaults []string, err error)) (string, bool) {
	x := newTx(sql)
	if s := x.stripPublic(); s != sql {
		sql, x = s, newTx(s)
	}
	if x.T(0).kw("UPDATE") {
		return fillUpdateDefaults(x, columns)
	}
	if x.mergeStart() >= 0 { // merge.go: also WITH ... MERGE
		return fillMergeDefaults(x, columns) // merge.go
	}
	if !x.T(0).kw("INSERT") || !x.kw(1, "INTO") {
		return "", false
	}
	upsert := false // DO UPDATE SET c = DEFAULT filled first
	if s, ok := fillUpdateDefaults(x, columns); ok {
		sql, x, upsert = s, newTx(s), true
	}
	table, j := x.name(2)
	v := x.findKw(0, x.n(), 0, "VALUES")
	if table == "" || v < 0 {
		return sql, upsert
	}
	has := false
	for i := v + 1; i < x.n() && !has; i++ {
		has = x.isValuesDefault(i)
	}
	if !has {
		if upsert {
			return sql, true
		}
		return "", false // refused for another reason: no schema lookup
	}
	names, defaults, err := columns(table)
	if err != nil || len(names) == 0 {
		return "", false
	}
	byName := map[string]string{}
	for i, n := range names {
		byName[strings.ToLower(n)] = defaults[i]
	}
	var cols []string // target column of each VALUES item
	if x.kw(j, "AS") {
		j += 2
	}
	if x.isP(j, "(") && j < v {
		for _, p := range x.splitTop(j+1, x.match(j)) {
			cols = append(cols, strings.ToLower(x.T(p[0]).identName()))
		}
	} else {
		for _, n := range names {
			cols = append(cols, strings.ToLower(n))
		}
	}
	var b strings.Builder
	at := 0
	for i := v + 1; x.isP(i, "("); {
		e := x.match(i)
		for k, p := range x.splitTop(i+1, e) {
			if p[1] != p[0]+1 || !x.T(p[0]).kw("DEFAULT") {
				continue
			}
			if k >= len(cols) {
				return "", false
			}
			d, known := byName[cols[k]]
			if !known {
				return "", false
			}
			expr := "NULL"
			if d != "" {
				expr = defaultExpr(d) // default_display.go
			}
			t := x.T(p[0])
			b.WriteString(sql[at:t.pos])
			b.WriteString(expr)
			at = t.pos + len(t.text)
		}
		if !x.isP(e+1, ",") {
			break
		}
		i = e + 2
	}
	if at == 0 {
		return sql, upsert
	}
	b.WriteString(sql[at:])
	return b.String(), true
}

// fillUpdateDefaults is FillDefaults for UPDATE t SET c = DEFAULT and
// for an upsert's DO UPDATE SET c = DEFAULT (set_default.go): each such
// DEFAULT becomes c's stored default expression (NULL for none). ok is
// false when there is none or the table or a column is unknown.
func fillUpdateDefaults(x *tx, columns func(table string) (names, defaults []string, err error)) (string, bool) {
	sets := x.setDefaults()
	if len(sets) == 0 {
		return "", false
	}
	i := 1
	if x.T(0).kw("INSERT") {
		i = 2
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, _ := x.name(i)
	if table == "" {
		return "", false
	}
	byName, ok := defaultsByName(columns, table)
	if !ok {
		return "", false
	}
	sql := x.src
	for k := x.n() - 1; k > 0; k-- {
		col, set := sets[k]
		if !set {
			continue
		}
		// an unknown column takes NULL: the statement's 42703 names it
		d := byName[strings.ToLower(col)]
		expr := "NULL"
		if d != "" {
			expr = defaultExpr(d) // default_display.go
		}
		t := x.T(k)
		sql = sql[:t.pos] + expr + sql[t.pos+len(t.text):]
	}
	return sql, sql != x.src
}

// defaultsByName is table's stored default expressions by lower-case
// column name, as columns reads them; false when the table is not known.
func defaultsByName(columns func(table string) (names, defaults []string, err error), table string) (map[string]string, bool) {
	names, defaults, err := columns(table)
	if err != nil || len(names) == 0 {
		return nil, false
	}
	byName := make(map[string]string, len(names))
	for k, n := range names {
		byName[strings.ToLower(n)] = defaults[k]
	}
	return byName, true
}
