package pgdialect

import "strings"

// LISTEN / UNLISTEN / NOTIFY: parsed here, carried out by the session
// (sqlexec/notify.go). Channel names are identifiers (a bare name folds to
// lower case, a quoted one keeps its case); the payload is a string
// literal, as PostgreSQL's grammar requires.

// notify parses LISTEN channel, UNLISTEN {channel | *} and
// NOTIFY channel [, 'payload'].
func (x *tx) notify(first string) (*Stmt, error) {
	chanAt := func(i int) (string, error) {
		t := x.T(i)
		if t.typ != tIdent && t.typ != tQIdent {
			return "", syntaxErr(x.T(i).pos+1, "syntax error: %s needs a channel name", first)
		}
		return t.identName(), nil
	}
	switch first {
	case "UNLISTEN":
		if x.isP(1, "*") && x.n() == 2 {
			return &Stmt{Kind: KindUnlisten, Name: "*", Tag: "UNLISTEN", ReadOnly: true}, nil
		}
		fallthrough
	case "LISTEN":
		name, err := chanAt(1)
		if err != nil {
			return nil, err
		}
		if x.n() != 2 {
			return nil, syntaxErr(x.T(2).pos+1, "syntax error at or near %q", x.T(2).text)
		}
		k := KindListen
		if first == "UNLISTEN" {
			k = KindUnlisten
		}
		return &Stmt{Kind: k, Name: name, Tag: first, ReadOnly: true}, nil
	}
	name, err := chanAt(1)
	if err != nil {
		return nil, err
	}
	st := &Stmt{Kind: KindNotify, Name: name, Tag: "NOTIFY"}
	switch {
	case x.n() == 2:
		return st, nil
	case x.n() == 4 && x.isP(2, ","):
		p, ok := x.T(3).plainString()
		if !ok {
			return nil, syntaxErr(x.T(3).pos+1, "syntax error: the NOTIFY payload must be a string literal")
		}
		st.Value = p
		return st, nil
	}
	return nil, syntaxErr(x.T(2).pos+1, "syntax error at or near %q", x.T(2).text)
}

// plainString returns the value of a standard string literal ('...', or
// E'...' without backslash escapes).
func (t *token) plainString() (string, bool) {
	if t.typ != tString {
		return "", false
	}
	s := t.text
	if len(s) > 2 && (s[0] == 'E' || s[0] == 'e') && !strings.Contains(s, `\`) {
		s = s[1:]
	}
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return "", false
	}
	return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), true
}
