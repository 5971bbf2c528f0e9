package pgdialect

import (
	"strings"
	"testing"
)

func TestErrorToken(t *testing.T) {
	cases := []struct {
		orig, translated, at string // at: the token SQLite names (first occurrence from the marker ^)
		pos                  int
		text                 string
		atEnd, ok            bool
	}{
		// the client's own token, not its first occurrence
		{"SELECT a,, b FROM emp", "SELECT a,^, b FROM emp", ",", 10, ",", false, true},
		{"SELECT select FROM emp", "SELECT ^select FROM emp", "select", 8, "select", false, true},
		// as the client wrote it (the translation lower-cases or quotes names)
		{"SELECT * FRM emp", `SELECT * ^"frm" emp`, `"frm"`, 10, "FRM", false, true},
		// character positions, not bytes
		{"SELECT 'é', x y", "SELECT 'é', x ^y", "y", 15, "y", false, true},
		// a spliced alias after the client's last token: the end of input
		{"SELECT (1", `SELECT (1 ^AS "?column?"`, "AS", 0, "", true, true},
		{"SELECT 1 +", `SELECT 1 + ^AS "?column?"`, "AS", 0, "", true, true},
		// ... or the ';' an open parenthesis kept in the statement
		{"SELECT (2;", `SELECT (2 ^AS "?column?"`, "AS", 10, ";", false, true},
		// a splice before the client's next token: that token
		{"SELECT (1 FROM emp", `SELECT (1 ^AS "?column?" FROM emp`, "AS", 11, "FROM", false, true},
		// the client's tokens there were rewritten: no sure place
		{"SELECT a b c", "SELECT z ^y c", "y", 0, "", false, false},
	}
	for _, c := range cases {
		off := strings.IndexByte(c.translated, '^')
		tr := c.translated[:off] + c.translated[off+1:]
		pos, text, atEnd, ok := ErrorToken(c.orig, tr, off)
		if pos != c.pos || text != c.text || atEnd != c.atEnd || ok != c.ok {
			t.Errorf("ErrorToken(%q, %q, %d) = %d, %q, %v, %v; want %d, %q, %v, %v",
				c.orig, tr, off, pos, text, atEnd, ok, c.pos, c.text, c.atEnd, c.ok)
		}
	}
	// an offset on no token of the translated text: no place
	if _, _, _, ok := ErrorToken("SELECT 1", "SELECT 1", 99); ok {
		t.Error("ErrorToken past the text: ok")
	}
}

func TestByPosition(t *testing.T) {
	cases := []struct {
		sql, kind    string
		ordinal, max int
		at           string // the text at the offset expected
		value        int
		ok           bool
	}{
		{"SELECT id FROM emp ORDER BY 5", "ORDER", 1, 1, "5", 5, true},
		{"SELECT id, name FROM emp ORDER BY 1, 05 DESC", "ORDER", 2, 2, "05 DESC", 5, true},
		{"SELECT id FROM (SELECT id FROM emp ORDER BY 3) s ORDER BY 1", "ORDER", 1, 1, "3) s", 3, true},
		{"SELECT count(*) FROM emp GROUP BY 2 ORDER BY 2", "GROUP", 1, 1, "2 ORDER", 2, true},
		{"SELECT id FROM emp ORDER BY 0 LIMIT 1", "ORDER", 1, 1, "0 LIMIT", 0, true},
		// in range, or an expression: not a position
		{"SELECT id FROM emp ORDER BY 1", "ORDER", 1, 1, "", 0, false},
		{"SELECT id FROM emp ORDER BY 5 + 1", "ORDER", 1, 1, "", 0, false},
		// two terms fit: unsure
		{"SELECT a FROM (SELECT a FROM t ORDER BY 4) s ORDER BY 4", "ORDER", 1, 1, "", 0, false},
	}
	for _, c := range cases {
		off, v, ok := ByPosition(c.sql, c.kind, c.ordinal, c.max)
		if ok != c.ok || ok && (v != c.value || !strings.HasPrefix(c.sql[off:], c.at)) {
			t.Errorf("ByPosition(%q, %s, %d, %d) = %d (%q), %d, %v; want %q, %d, %v",
				c.sql, c.kind, c.ordinal, c.max, off, c.sql[off:], v, ok, c.at, c.value, c.ok)
		}
	}
}

func TestSplitPieces(t *testing.T) {
	sql := "SELECT 1; SELECT (2;3) ;\n SELECT (4;; "
	got := SplitPieces(sql)
	want := []Piece{{"SELECT 1", 0, 8}, {"SELECT (2;3)", 10, 23}, {"SELECT (4;;", 26, 35}}
	if len(got) != len(want) {
		t.Fatalf("SplitPieces(%q) = %+v", sql, got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("SplitPieces(%q)[%d] = %+v, want %+v", sql, i, got[i], want[i])
		}
	}
}

func TestCheckLexical(t *testing.T) {
	cases := []struct{ sql, msg string }{
		{"SELECT 'abc", `unterminated quoted string at or near "'abc"`},
		{"SELECT N'abc", `unterminated quoted string at or near "'abc"`},
		{"SELECT E'a\\'", `unterminated quoted string at or near "E'a\'"`},
		{`SELECT "ab`, `unterminated quoted identifier at or near ""ab"`},
		{"SELECT 1 /* a /* b */", `unterminated /* comment at or near "/* a /* b */"`},
		{"SELECT $x$ a $y$", `unterminated dollar-quoted string at or near "$x$ a $y$"`},
		{"SELECT B'10", `unterminated bit string literal at or near "B'10"`},
		{"SELECT X'1f", `unterminated hexadecimal string literal at or near "X'1f"`},
		{"SELECT 'a''b', \"c\"\"d\", $$e$$ /* f */", ""},
	}
	for _, c := range cases {
		err := checkLexical(c.sql, lex(c.sql))
		if c.msg == "" && err != nil || c.msg != "" && (err == nil || err.Error() != c.msg) {
			t.Errorf("checkLexical(%q) = %v, want %q", c.sql, err, c.msg)
		}
	}
}
