package pgdialect

import "strings"

// Temporary objects. CREATE TEMP[ORARY] TABLE / VIEW keep SQLite's TEMP
// keyword and are marked Stmt.Temp: the session runs them in its own
// temporary space on its node (sqlexec/temp.go), never through the log.
// PostgreSQL's name for that schema, pg_temp (also pg_temp_N), becomes
// SQLite's temp. ON COMMIT PRESERVE ROWS / DELETE ROWS / DROP is removed
// from the SQLite text and kept in Stmt.OnCommit.

// tempQualifier rewrites the qualifier pg_temp. (or pg_temp_N.) to temp.
// It reports whether it changed anything.
func (x *tx) tempQualifier() (string, bool) {
	var b strings.Builder
	at := 0
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(i-1, ".") || !x.isP(i+1, ".") {
			continue
		}
		n := t.identName()
		if n != "pg_temp" && !(strings.HasPrefix(n, "pg_temp_") && isDigits(n[len("pg_temp_"):])) {
			continue
		}
		b.WriteString(x.src[at:t.pos])
		b.WriteString("temp")
		at = t.pos + len(t.text)
	}
	if at == 0 {
		return x.src, false
	}
	b.WriteString(x.src[at:])
	return b.String(), true
}

// createsInTemp reports CREATE ... temp.name (after tempQualifier, also
// pg_temp.name): an object created in the session's temporary schema.
func (x *tx) createsInTemp() bool {
	if !x.T(0).kw("CREATE") {
		return false
	}
	for i := 1; i+2 < x.n() && x.depth[i] == 0; i++ {
		t := x.T(i)
		if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == "temp" && x.isP(i+1, ".") && !x.isP(i-1, ".") {
			return true
		}
		if x.kw(i, "AS") || x.isP(i, "(") {
			break
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
