package pgdialect

import "strings"

// INSERT ... OVERRIDING USER VALUE VALUES (...): PostgreSQL discards the
// values given for identity columns (GENERATED ALWAYS or BY DEFAULT) and
// draws them from their sequences, as if they were DEFAULT (a bulk copy
// of rows between tables that keeps the target's own ids). Which columns
// are identity columns is the schema's, so the session rewrites the
// statement before it is logged (sqlexec/insert_uservalue.go), as it does
// MERGE's actions (mergeuservalue.go): each such value becomes DEFAULT
// and the clause goes, so every node applies the same plain INSERT. The
// SELECT form keeps the clause, which the translation refuses (0A000).

// MayOverrideUserValue is the cheap pre-test: an INSERT whose text says
// OVERRIDING somewhere (any case).
func MayOverrideUserValue(sql string) bool {
	s := strings.TrimLeft(sql, " \t\r\n")
	if len(s) < 6 || !strings.EqualFold(s[:6], "INSERT") {
		return false
	}
	const w = "overriding"
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == 'o' && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// InsertUserValue reports an INSERT ... OVERRIDING USER VALUE VALUES and
// its table.
func InsertUserValue(sql string) (table string, ok bool) {
	x := newTx(sql)
	table, _, at := x.insertUserValueAt()
	return table, at >= 0
}

// insertUserValueAt parses INSERT INTO t [AS a] [(cols)] OVERRIDING USER
// VALUE VALUES: the table, the column list's tokens (nil: none) and
// where OVERRIDING is (-1: not this form).
func (x *tx) insertUserValueAt() (table string, cols [][2]int, at int) {
	if !x.T(0).kw("INSERT") || !x.kw(1, "INTO") {
		return "", nil, -1
	}
	table, j := x.name(2)
	if table == "" {
		return "", nil, -1
	}
	if x.kw(j, "AS") {
		j += 2
	}
	if x.isP(j, "(") {
		e := x.match(j)
		cols = x.splitTop(j+1, e)
		j = e + 1
	}
	if !x.kw(j, "OVERRIDING", "USER", "VALUE", "VALUES") || !x.isP(j+4, "(") {
		return "", nil, -1
	}
	return table, cols, j
}

// InsertDropUserValues rewrites INSERT ... OVERRIDING USER VALUE VALUES:
// the values of the columns identity reports become DEFAULT and the
// clause is removed. all is the table's columns in order (the target
// when the INSERT names none). A row whose length differs from the
// columns' makes no value DEFAULT (the translation's 42601 reports it).
func InsertDropUserValues(sql string, all []string, identity func(col string) bool) string {
	x := newTx(sql)
	_, list, at := x.insertUserValueAt()
	if at < 0 {
		return sql
	}
	cols := all
	if list != nil {
		cols = nil
		for _, c := range list {
			if c[1] != c[0]+1 {
				return sql // a subscript or field: not this form
			}
			cols = append(cols, x.T(c[0]).identName())
		}
	}
	var rows [][][2]int
	for i := at + 4; x.isP(i, "("); {
		e := x.match(i)
		items := x.splitTop(i+1, e)
		if len(items) != len(cols) {
			rows = nil // the translation's 42601 names the row
			break
		}
		rows = append(rows, items)
		if !x.isP(e+1, ",") {
			break
		}
		i = e + 2
	}
	// from the end, so the earlier offsets hold
	for r := len(rows) - 1; r >= 0; r-- {
		for n := len(cols) - 1; n >= 0; n-- {
			v := rows[r][n]
			if !identity(cols[n]) || v[1] <= v[0] {
				continue
			}
			lo, hi := x.T(v[0]).pos, x.T(v[1]-1).pos+len(x.T(v[1]-1).text)
			sql = sql[:lo] + "DEFAULT" + sql[hi:]
		}
	}
	lo, hi := x.T(at).pos, x.T(at+2).pos+len(x.T(at+2).text)
	return sql[:lo] + sql[hi:]
}
