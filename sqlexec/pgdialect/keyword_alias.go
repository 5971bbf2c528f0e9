package pgdialect

import "strings"

// keyword_alias.go: a keyword as a column label after AS or a column
// name after a qualifier. PostgreSQL takes any keyword there (ColLabel):
// SELECT i.indisprimary AS primary (GORM's index query), x AS order,
// 1 AS from, t.order. SQLite takes only the
// keywords its grammar lets fall back to identifiers, so the others are
// quoted (a quoted label is the same name in both).

// sqliteHardKeywords are SQLite's keywords that cannot be an identifier
// unquoted, less those that may begin what follows AS in PostgreSQL
// (SELECT, VALUES, WITH, TABLE, INSERT, UPDATE, DELETE, NOT MATERIALIZED,
// ON of CREATE RULE): those are left alone.
var sqliteHardKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ADD ALL ALTER AND AUTOINCREMENT BETWEEN CASE CHECK COLLATE COMMIT
		CONSTRAINT CREATE CROSS CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DEFAULT DEFERRABLE DISTINCT DROP
		ELSE ESCAPE EXCEPT EXISTS FOREIGN FROM FULL GLOB GROUP HAVING IN INDEX INDEXED INNER INTERSECT INTO IS
		ISNULL JOIN LIMIT NOTHING NOTNULL NULL OR ORDER OUTER PRIMARY REFERENCES REGEXP RETURNING SET THEN TO
		TRANSACTION UNION UNIQUE USING WHEN WHERE`) {
		m[w] = true
	}
	return m
}()

// keywordAliases is sql with each such label quoted, or sql
// itself when it has none.
func keywordAliases(sql string) string {
	x := newTx(sql)
	switch x.T(0).upper() {
	case "SELECT", "WITH", "VALUES", "INSERT", "UPDATE", "DELETE", "CREATE", "EXPLAIN", "DECLARE", "PREPARE", "COPY", "(":
	default:
		return sql // (SET SESSION CHARACTERISTICS AS TRANSACTION ...)
	}
	var b strings.Builder
	at := 0
	for k := 1; k < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent || !(x.T(k-1).kw("AS") || x.isP(k-1, ".")) || x.isP(k+1, "(") || x.isP(k+1, ".") {
			continue
		}
		if !sqliteHardKeywords[t.upper()] && !(t.kw("TABLE") && x.T(k+1).typ != tIdent && x.T(k+1).typ != tQIdent) {
			continue // (AS TABLE name: CREATE TABLE ... AS TABLE t)
		}
		if x.T(k-1).kw("AS") && reservedWords[t.upper()] && x.T(k-2).typ != tPunct && x.isKwAny(k-3, []string{"FROM", "JOIN", "UPDATE", "INTO", "ONLY"}) {
			continue // a table's alias takes no reserved keyword: FROM t AS where stays PostgreSQL's 42601
		}
		b.WriteString(sql[at:t.pos])
		b.WriteString(`"` + strings.ToLower(t.text) + `"`)
		at = t.pos + len(t.text)
	}
	if at == 0 {
		return sql
	}
	b.WriteString(sql[at:])
	return b.String()
}
