package pgdialect

import (
	"encoding/hex"
	"strings"
)

// TRUNCATE with PostgreSQL's foreign-key rules.
//
// TRUNCATE a, b runs as one DELETE FROM per table. PostgreSQL refuses
// (0A000) to truncate a table another table references unless that table
// is truncated too, whatever rows there are, and with CASCADE truncates
// the referencing tables as well. Which tables reference which is a
// property of the database at the statement's log position, so the rule
// runs at apply (sqlexec/truncate.go): the translation only marks each
// DELETE with what the statement said (CASCADE or RESTRICT, and the
// tables it names), as DROP TABLE's mark does (drop.go).

const truncateMark = "/* raftsql:truncate "

// markTruncate appends the mark to the DELETE of each table of a TRUNCATE.
func markTruncate(exec []string, names []string, cascade, restart bool) {
	mode := "restrict"
	if cascade {
		mode = "cascade"
	}
	if restart {
		mode += "-restart"
	}
	hexed := make([]string, len(names))
	for i, n := range names {
		hexed[i] = hex.EncodeToString([]byte(n))
	}
	mark := " " + truncateMark + mode + " " + strings.Join(hexed, ",") + " */"
	for i := range names {
		exec[i] += mark
	}
}

// Truncate is a marked DELETE of a TRUNCATE (see ParseTruncate).
type Truncate struct {
	Table   string // the table this DELETE empties
	Cascade bool   // TRUNCATE ... CASCADE
	// Restart: RESTART IDENTITY, which restarts the sequences of the
	// tables CASCADE truncates too
	Restart bool
	Set     []string // every table the TRUNCATE names, in order
}

// ParseTruncate recognizes a DELETE produced by the translation of a
// TRUNCATE; ok is false for anything else.
func ParseTruncate(sqlText string) (t Truncate, ok bool) {
	if !strings.HasPrefix(sqlText, "DELETE FROM ") || !strings.HasSuffix(sqlText, " */") {
		return t, false // every statement is asked: the cheap tests first
	}
	k := strings.LastIndex(sqlText, truncateMark)
	if k < 0 {
		return t, false
	}
	mark := strings.Fields(sqlText[k+len(truncateMark) : len(sqlText)-len(" */")])
	if len(mark) != 2 {
		return t, false
	}
	mode, restart := strings.CutSuffix(mark[0], "-restart")
	if mode != "cascade" && mode != "restrict" {
		return t, false
	}
	t.Cascade, t.Restart = mode == "cascade", restart
	for _, h := range strings.Split(mark[1], ",") {
		b, err := hex.DecodeString(h)
		if err != nil {
			return t, false
		}
		t.Set = append(t.Set, string(b))
	}
	var words []*token
	toks := lex(sqlText[:k])
	for i := range toks {
		if !toks[i].trivia() {
			words = append(words, &toks[i])
		}
	}
	if len(words) != 3 || (words[2].typ != tIdent && words[2].typ != tQIdent) {
		return t, false
	}
	t.Table = words[2].identName()
	return t, true
}
