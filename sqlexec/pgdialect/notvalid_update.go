package pgdialect

// notvalid_update.go: what an UPDATE needs so that SQLite tests its rows
// against the table's CHECKs added NOT VALID.
//
// PostgreSQL tests every CHECK constraint of a table, validated or not,
// on each row an UPDATE writes. SQLite tests only the CHECKs that read a
// column the statement assigns (a column of its SET list), so a row that
// breaks a CHECK added NOT VALID took an update of its other columns. The
// apply connection (sqlexec/notvalid_update.go) gives an UPDATE, and an
// upsert's DO UPDATE, of a table with such CHECKs an assignment of the
// columns they read to their own values, right after SET: SQLite keeps
// the last assignment of a column, so one the statement makes wins, and
// the CHECK is tested on every row written. These helpers read the two
// texts involved, the table's definition and the statement's SQLite text.

import "strings"

// fillRowsMark follows UPDATE in a statement of raftsql's own that fills
// a column just added (serial_add.go): PostgreSQL checks no old
// constraint on the rows it writes, so UpdateSet passes it by.
const fillRowsMark = "/*pg_fill_rows*/ "

// NotValidCheckIdents lists, for each CHECK constraint of the CREATE
// TABLE text createSQL added NOT VALID (and not validated since), the
// identifiers its expression names outside calls' names (lower-cased
// bare words, unquoted quoted ones): the columns it reads are among them.
func NotValidCheckIdents(createSQL string) [][]string {
	if !strings.Contains(createSQL, notValidMark) {
		return nil
	}
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return nil
	}
	var out [][]string
	for _, el := range x.splitTop(open+1, x.match(open)) {
		if el[1]-el[0] < 4 || !x.T(el[0]).kw("CONSTRAINT") || !x.T(el[0]+2).kw("CHECK") ||
			notValidAt(x, x.T(el[0]+1).identName()) < 0 {
			continue
		}
		idents := []string{}
		for i := el[0] + 3; i < el[1]; i++ {
			t := x.T(i)
			if (t.typ == tIdent || t.typ == tQIdent) && !x.isP(i+1, "(") {
				idents = append(idents, t.identName())
			}
		}
		out = append(out, idents)
	}
	return out
}

// UpdateSet finds the SET of the UPDATE, or of the upsert's DO UPDATE, of
// the SQLite text sqlText: the table written (lower-cased, its schema
// dropped), the name its row is read by in the statement (the alias, else
// the table), and the byte offset just after SET. ok is false for any
// other statement.
func UpdateSet(sqlText string) (table, row string, at int, ok bool) {
	if strings.Contains(sqlText, fillRowsMark) {
		return "", "", 0, false
	}
	x := newTx(sqlText)
	i := 0
	if x.kw(0, "WITH") { // WITH q AS (...) UPDATE ...: the top-level verb after the list
		for i = 1; i < x.n() && !(x.depth[i] == 0 && x.T(i).kw("UPDATE") || x.depth[i] == 0 && x.T(i).kw("INSERT")); i++ {
		}
	}
	switch {
	case x.kw(i, "UPDATE"):
		i++
		if x.kw(i, "OR") {
			i += 2
		}
	case x.kw(i, "INSERT") || x.kw(i, "REPLACE"):
		i++
		if x.kw(i, "OR") {
			i += 2
		}
		if !x.kw(i, "INTO") {
			return "", "", 0, false
		}
		i++
	default:
		return "", "", 0, false
	}
	first := x.T(i)
	table, j := x.name(i)
	if table == "" {
		return "", "", 0, false
	}
	row = first.text
	if j > i+1 { // schema.table: the row is read by the table's name
		row = x.T(j - 1).text
	}
	if x.kw(j, "AS") && (x.T(j+1).typ == tIdent || x.T(j+1).typ == tQIdent) {
		row = x.T(j + 1).text
	} else if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !t.kw("SET") && !t.kw("INDEXED") && !t.kw("NOT") &&
		!t.kw("VALUES") && !t.kw("SELECT") && !t.kw("DEFAULT") && !t.kw("WITH") {
		row = t.text // UPDATE t a SET
	}
	set := -1
	if x.T(i - 1).kw("INTO") {
		for k := j; k+2 < x.n(); k++ {
			if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
				set = k + 2
				break
			}
		}
	} else {
		set = x.findKw(j, x.n(), 0, "SET")
	}
	if set < 0 {
		return "", "", 0, false
	}
	t := x.T(set)
	return table, row, t.pos + len(t.text), true
}
