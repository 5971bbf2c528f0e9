package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// current_setting() in statements that enter the log. The apply
// connection has no session: there current_setting answers only fixed
// server values (currentSettingFallback). So that a write, and a
// transaction's recorded read replayed at its commit, see the value SHOW
// shows the session that sent it, each current_setting('name' [,
// missing_ok]) call with literal arguments is replaced by the session's
// value as a literal (NULL for a missing parameter with missing_ok true)
// before the statement is proposed or recorded, as substNames does for
// current_database(). A call whose arguments are not literals keeps the
// fallback answer; docs/sql-dialect.md says so. current_schema(), which
// reads search_path, is replaced the same way.

// substSettings returns sqlText with its literal current_setting calls
// replaced by the session's values.
func (s *Session) substSettings(sqlText string) string {
	if !pgdialect.MentionsFold(sqlText, "current_setting") && !pgdialect.MentionsFold(sqlText, "current_schema") {
		return sqlText
	}
	return replaceCalls(sqlText, []callRepl{ // readview.go
		{fn: "current_setting", call: s.currentSettingLiteral},
		{fn: "current_schema()", call: s.currentSchemaLiteral},
	})
}

// currentSchemaLiteral is current_schema() of the session as a literal.
func (s *Session) currentSchemaLiteral(sqlText string, at int) (string, int, bool) {
	_, user := s.names()
	if sch := pgdialect.SearchPathSchemas(s.settings["search_path"], user, false); len(sch) > 0 {
		return "'" + sch[0] + "'", at, true
	}
	return "NULL", at, true
}

// currentSettingLiteral reads the arguments of a current_setting call
// whose name ends at at: "('name')" or "('name', true|false|1|0)", and
// returns the value's literal and the end of the call.
func (s *Session) currentSettingLiteral(sqlText string, at int) (string, int, bool) {
	i := skipSpace(sqlText, at)
	if i >= len(sqlText) || sqlText[i] != '(' {
		return "", 0, false
	}
	i = skipSpace(sqlText, i+1)
	name, i, ok := stringLiteral(sqlText, i)
	if !ok {
		return "", 0, false
	}
	i = skipSpace(sqlText, i)
	missingOK := false
	if i < len(sqlText) && sqlText[i] == ',' {
		i = skipSpace(sqlText, i+1)
		j := i
		for j < len(sqlText) && isIdentByte(sqlText[j]) {
			j++
		}
		switch strings.ToLower(sqlText[i:j]) {
		case "true", "1":
			missingOK = true
		case "false", "0":
		default:
			return "", 0, false
		}
		i = skipSpace(sqlText, j)
	}
	if i >= len(sqlText) || sqlText[i] != ')' {
		return "", 0, false
	}
	v, found := s.settings[strings.ToLower(name)]
	switch {
	case found:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'", i + 1, true
	case missingOK:
		return "NULL", i + 1, true
	}
	return "", 0, false // the apply raises PostgreSQL's error (or knows a server value)
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// stringLiteral reads the SQLite string literal at i: its value and the
// index after it.
func stringLiteral(s string, i int) (string, int, bool) {
	if i >= len(s) || s[i] != '\'' {
		return "", 0, false
	}
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		if s[j] != '\'' {
			b.WriteByte(s[j])
			continue
		}
		if j+1 < len(s) && s[j+1] == '\'' {
			b.WriteByte('\'')
			j++
			continue
		}
		return b.String(), j + 1, true
	}
	return "", 0, false
}
